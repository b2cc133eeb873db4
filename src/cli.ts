// Subcommands: serve (default), migrate, create-admin --email E (password: ADMIN_PASSWORD or a prompt), rotate-signing-key.
// On the embedded database only one process may hold DATA_DIR: while an instance serves it,
// create-admin and rotate-signing-key are run by that instance (control-socket.ts), and a second
// serve or migrate refuses with one line naming the running process.
import { parseArgs } from 'node:util';
import type { Config } from './config.js';
import { runCommand } from './control/commands.js';
import { type ControlRequest, sendControl } from './control/control-socket.js';
import { DataDirInUse } from './db/data-dir-lock.js';
import { createDb } from './db/client.js';
import { createLogger } from './logger.js';
import { loadConfigOrExit, openApp, StartupError, serve } from './server.js';

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
      if (!values.email) {
        process.stderr.write('usage: npm run create-admin -- --email admin@example.com (the password: ADMIN_PASSWORD, or asked for)\n');
        process.exit(2);
      }
      // --password still works, but shows in `ps` and npm's header: ADMIN_PASSWORD or the prompt do not.
      const password = values.password ?? config.adminPassword ?? (await askPassword(`Password for ${values.email}: `));
      if (!password) {
        process.stderr.write('no password given: set ADMIN_PASSWORD or type it at the prompt\n');
        process.exit(2);
      }
      return adminCommand(config, { command: 'create-admin', email: values.email, password });
    }
    case 'rotate-signing-key':
      return adminCommand(config, { command: 'rotate-signing-key' });
    default:
      process.stderr.write(`unknown command "${command}": use serve, migrate, create-admin or rotate-signing-key\n`);
      process.exit(2);
  }
}

/** Runs an admin command here, or in the running instance when it holds the embedded database. */
async function adminCommand(config: Config, request: ControlRequest): Promise<void> {
  let reply;
  try {
    const { app, db } = await openApp(config, createLogger('warn'));
    try {
      reply = await runCommand(app.deps, request);
    } finally {
      await app.close();
      await db.close();
    }
  } catch (err) {
    if (!(err instanceof DataDirInUse)) throw err;
    const remote = await sendControl(config.dataDir, request);
    // Holding the lock but not (yet) listening: starting up, or a migrate run.
    if (!remote) throw err;
    reply = { ...remote, message: `${remote.message} (by the running instance${err.pid ? `, pid ${err.pid}` : ''})` };
  }
  (reply.ok ? process.stdout : process.stderr).write(`${reply.ok ? '' : `${request.command}: `}${reply.message}\n`);
  if (!reply.ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  // Expected stops get their one line as is; anything else is a bug and says so.
  if (err instanceof DataDirInUse || err instanceof StartupError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`fatal: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

/** One line from stdin; on a terminal the typed characters are not echoed. */
async function askPassword(prompt: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    // Mute the echo: readline writes what is typed through _writeToOutput.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
  rl.close();
  if (process.stdin.isTTY) process.stderr.write('\n');
  return line.trim();
}
