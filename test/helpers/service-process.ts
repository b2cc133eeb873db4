// The service as its own process, as `npm start` runs it: `node dist/cli.js` (built once per run
// by test/helpers/build-dist.ts, the process project's global setup). Shared by the files that
// test the real entry point (server, first-run, crash-safety).
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServiceProcess {
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
  /** The port from the "ready on" line; rejects when the process exits first. */
  ready: Promise<number>;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Starts `dist/cli.js <args>` with `env` on top of the environment (NODE_ENV cleared, HOST 127.0.0.1). */
export function startService(env: Record<string, string> = {}, args: string[] = ['serve']): ServiceProcess {
  const child = spawn(process.execPath, ['dist/cli.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: '', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready on http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  ready.catch(() => {}); // a test that expects an exit awaits `exited` instead
  return { child, output: () => output, ready, exited };
}

/**
 * Resolves with what `find` first returns for the output so far, checked again on every chunk the
 * process prints (no polling); rejects when the process exits first.
 */
export function awaitOutput<T>(service: ServiceProcess, find: (output: string) => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      const found = find(service.output());
      if (found === undefined) return;
      service.child.stdout?.off('data', check);
      service.child.stderr?.off('data', check);
      resolve(found);
    };
    // Registered after startService's own listeners, so output() already holds the new chunk.
    service.child.stdout?.on('data', check);
    service.child.stderr?.on('data', check);
    void service.exited.then(() => reject(new Error(`exited before the awaited output: ${service.output()}`)));
    check();
  });
}

/** The code of the last message logged (no SMTP_URL: JSON log lines with a `code` field) to `to`. */
export function lastLoggedCode(output: string, to: string): string | undefined {
  // The last piece may be a line still being written: only whole lines count.
  const codes = output.split('\n').slice(0, -1).flatMap((line) => {
    if (!line.startsWith('{')) return [];
    const entry = JSON.parse(line) as { code?: unknown; to?: unknown };
    return typeof entry.code === 'string' && entry.to === to ? [entry.code] : [];
  });
  return codes.at(-1);
}

/** Runs a CLI command to its end: exit code and everything it printed. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const service = startService(env, args);
  // 'close' comes after the last output, 'exit' may come before it.
  const code = await new Promise<number | null>((resolve) => service.child.once('close', (c) => resolve(c)));
  return { code, out: service.output() };
}
