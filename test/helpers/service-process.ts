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

/** Runs a CLI command to its end: exit code and everything it printed. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const service = startService(env, args);
  // 'close' comes after the last output, 'exit' may come before it.
  const code = await new Promise<number | null>((resolve) => service.child.once('close', (c) => resolve(c)));
  return { code, out: service.output() };
}
