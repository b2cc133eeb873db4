// A local-only channel from the CLI to the instance that holds the embedded database: the CLI's
// admin commands cannot open a database another process has locked, so they ask that process to
// run them. A Unix socket in DATA_DIR, owner-only, one JSON line each way: whoever may connect can
// already read DATA_DIR (the database and its secret key), so it grants nothing new.
import { rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export type ControlRequest = { command: 'create-admin'; email: string; password: string } | { command: 'rotate-signing-key' };

export interface ControlReply {
  ok: boolean;
  message: string;
}

export type ControlHandler = (request: ControlRequest) => Promise<ControlReply>;

const MAX_REQUEST_BYTES = 64 * 1024;

export function controlSocketPath(dataDir: string): string {
  return path.join(dataDir, 'control.sock');
}

function parseRequest(line: string): ControlRequest | null {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (value.command === 'rotate-signing-key') return { command: 'rotate-signing-key' };
    if (value.command === 'create-admin' && typeof value.email === 'string' && typeof value.password === 'string') {
      return { command: 'create-admin', email: value.email, password: value.password };
    }
  } catch {
    // answered below
  }
  return null;
}

/**
 * Listens on DATA_DIR/control.sock. Only the holder of DATA_DIR's lock calls this, so a socket
 * file left by a crashed holder can be removed safely.
 */
export async function startControlServer(
  dataDir: string,
  handle: ControlHandler,
  options: { /** Called as the socket starts accepting connections (before anything else runs). */ onListening?: (file: string) => void } = {},
): Promise<{ close(): Promise<void> }> {
  const file = controlSocketPath(dataDir);
  await rm(file, { force: true });
  const server = net.createServer((socket) => {
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('error', () => {});
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > MAX_REQUEST_BYTES) return void socket.destroy();
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      socket.removeAllListeners('data');
      const request = parseRequest(buffered.slice(0, newline));
      const reply = request ? handle(request).catch((err: unknown) => ({ ok: false, message: `failed: ${(err as Error).message}` })) : Promise.resolve({ ok: false, message: 'unknown command' });
      void reply.then((r) => socket.end(`${JSON.stringify(r)}\n`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // The socket file is created owner-only: under umask 077, set only for the bind (listen binds
    // before it returns, so nothing else in this process creates a file meanwhile). A chmod after
    // listen would leave a moment in which anyone could connect.
    const previous = process.umask(0o077);
    try {
      server.listen(file, () => {
        options.onListening?.(file);
        resolve();
      });
    } finally {
      process.umask(previous);
    }
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }).then(() => rm(file, { force: true })),
  };
}

/** Sends one request to the running instance; null when none listens on DATA_DIR/control.sock. */
export function sendControl(dataDir: string, request: ControlRequest, timeoutMs = 60_000): Promise<ControlReply | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(controlSocketPath(dataDir));
    let answer = '';
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('the running instance did not answer')));
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(answer) as ControlReply);
      } catch {
        reject(new Error('the running instance sent an unreadable answer'));
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') resolve(null);
      else reject(err);
    });
  });
}
