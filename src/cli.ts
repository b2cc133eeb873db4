// Subcommands: serve (default), migrate, create-admin --email E --password P, rotate-signing-key.
import { parseArgs } from 'node:util';
import { createApp } from './app.js';
import { createDb } from './db/client.js';
import { maxAccessTokenLifetimeSeconds } from './domain/admin/tokens-admin.service.js';
import { AppError } from './domain/errors.js';
import { ensureFirstAdmin } from './domain/users/users.service.js';
import { createLogger } from './logger.js';
import { resolveSecretKey } from './secret-key.js';
import { loadConfigOrExit, serve } from './server.js';

async function main(): Promise<void> {
  const [command = 'serve', ...rest] = process.argv.slice(2);
  const config = loadConfigOrExit();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate': {
      const db = await createDb(config);
      try {
        const applied = await db.migrate();
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
      } finally {
        await db.close();
      }
      return;
    }
    case 'create-admin': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' } } });
      if (!values.email || !values.password) {
        process.stderr.write('usage: npm run create-admin -- --email admin@example.com --password <password>\n');
        process.exit(2);
      }
      const db = await createDb(config);
      try {
        await db.migrate();
        const app = await createApp({ config, db, secretKey: await resolveSecretKey(config), logger: createLogger('warn') });
        const created = await ensureFirstAdmin(app.deps, values.email, values.password).finally(() => app.close());
        process.stdout.write(created ? `admin ${values.email} is ready\n` : 'an admin already exists: nothing changed\n');
      } catch (err) {
        if (err instanceof AppError) {
          process.stderr.write(`create-admin: ${err.message}\n`);
          process.exitCode = 1;
        } else throw err;
      } finally {
        await db.close();
      }
      return;
    }
    case 'rotate-signing-key': {
      // The new key signs from now on (running instances switch within a minute); keys whose every
      // token has expired are retired; the others stay in the JWKS until a later rotation or start.
      const db = await createDb(config);
      try {
        await db.migrate();
        const app = await createApp({ config, db, secretKey: await resolveSecretKey(config), logger: createLogger('warn') });
        const kid = await app.deps.tokens.rotate();
        const retired = await app.deps.tokens.retireSuperseded(maxAccessTokenLifetimeSeconds(config));
        await app.close();
        process.stdout.write(`new signing key ${kid}${retired.length ? `; retired ${retired.join(', ')}` : ''}\n`);
      } finally {
        await db.close();
      }
      return;
    }
    default:
      process.stderr.write(`unknown command "${command}": use serve, migrate, create-admin or rotate-signing-key\n`);
      process.exit(2);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`fatal: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
