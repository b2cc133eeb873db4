// Entry: load config -> open and migrate the database -> create the app -> listen. The only file
// that listens or exits. SIGTERM/SIGINT drain in-flight requests, close the database, exit 0.
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createDb } from './db/client.js';
import { maxAccessTokenLifetimeSeconds } from './domain/admin/tokens-admin.service.js';
import { ensureFirstAdmin } from './domain/users/users.service.js';
import { createLogger } from './logger.js';
import { resolveSecretKey } from './secret-key.js';

export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const db = await createDb(config);
  const applied = await db.migrate();
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const app = await createApp({ config, db, secretKey: await resolveSecretKey(config), logger });
  const retired = await app.deps.tokens.retireSuperseded(maxAccessTokenLifetimeSeconds(config));
  if (retired.length) logger.info({ kids: retired }, 'retired superseded signing keys');
  if (config.adminEmail && config.adminPassword) {
    if (await ensureFirstAdmin(app.deps, config.adminEmail, config.adminPassword)) {
      logger.info({ email: config.adminEmail }, 'first admin created');
    }
  }
  const server = createServer(app.yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, database: db.kind, graphiql: config.graphiql },
    `account service ready on http://localhost:${port}/graphql`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    server.closeIdleConnections();
    const forced = setTimeout(() => server.closeAllConnections(), 10_000);
    forced.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    try {
      await app.close();
      await db.close();
    } catch (err) {
      logger.error({ err }, 'closing the database failed');
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
