// Benchmark plumbing: the real app on a real loopback port, either in this process (for counting
// database work) or as a separate process (for load: autocannon must not share
// the server's event loop: `node dist/cli.js serve`, built first), plus autocannon runs reduced to
// requests/s and latency percentiles.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { ensureFirstAdmin } from '../src/domain/users/users.service.js';
import { createLogger } from '../src/logger.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_SECRET_KEY = 'bench-secret-key-0123456789abcdef0123';
export const BENCH_ADMIN = { email: 'bench@example.com', password: 'quiet-harbor-lantern-42' };

export interface BenchServer {
  url: string;
  post(query: string, token?: string, variables?: Record<string, unknown>): Promise<any>;
  signIn(identifier?: string, password?: string): Promise<string>;
  /** Creates an ordinary user through admin.createUser and returns a token signed in as them. */
  userToken(email?: string): Promise<string>;
  close(): Promise<void>;
}

export const BENCH_USER_PASSWORD = 'amber-Falcon-meadow-17';

function client(url: string): Pick<BenchServer, 'post' | 'signIn' | 'userToken'> {
  const post: BenchServer['post'] = async (query, token, variables) => {
    const r = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await r.json()) as any;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body;
  };
  const signIn: BenchServer['signIn'] = async (identifier = BENCH_ADMIN.email, password = BENCH_ADMIN.password) => {
    const body = await post(
      'mutation($i: String!, $p: String!) { signIn(input: {identifier: $i, password: $p}) { __typename ... on TokenSet { accessToken } ... on Error { code } } }',
      undefined,
      { i: identifier, p: password },
    );
    if (body.data.signIn.__typename !== 'TokenSet') throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
    return body.data.signIn.accessToken as string;
  };
  const userToken: BenchServer['userToken'] = async (email = `reader-${Math.random().toString(36).slice(2)}@example.com`) => {
    const admin = await signIn();
    await post(
      'mutation($input: CreateUserInput!) { admin { createUser(input: $input) { __typename } } }',
      admin,
      { input: { primaryEmail: email, name: 'Bench Reader', password: BENCH_USER_PASSWORD } },
    );
    return signIn(email, BENCH_USER_PASSWORD);
  };
  return { post, signIn, userToken };
}

/** The app in this process on a loopback port (same wiring as server.ts). */
export async function startBenchServer(db: Database, env: Record<string, string> = {}): Promise<BenchServer> {
  const config = loadConfig({ ISSUER: 'http://bench.local', SECRET_KEY: BENCH_SECRET_KEY, LOG_LEVEL: 'silent', AUTH_RATE_LIMIT_PER_MINUTE: '0', ...env });
  const app = await createApp({ config, db, secretKey: BENCH_SECRET_KEY, logger: createLogger('silent') });
  await ensureFirstAdmin(app.deps, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const server = createServer(app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    ...client(url),
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await app.close();
    },
  };
}

export interface ServiceProcess extends BenchServer {
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 from /readyz. */
  readyMs: number;
}

let built = false;

/** `npm run build` once per benchmark process, so the spawned service is the current code. */
export function buildDist(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

/**
 * `node dist/cli.js serve` (what `npm start` runs; `cli`: another build, for an A/B) as its own process on a free port; resolves once /readyz answers 200.
 * The per-address and per-account limits are off: a bench signs the same accounts in hundreds of times a minute.
 */
export async function spawnService(env: Record<string, string>, nodeArgs: string[] = [], cli = 'dist/cli.js'): Promise<ServiceProcess> {
  if (cli === 'dist/cli.js') buildDist();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SECRET_KEY: BENCH_SECRET_KEY, ISSUER: 'http://bench.local', AUTH_RATE_LIMIT_PER_MINUTE: '0', EXPENSIVE_FIELD_LIMIT_PER_MINUTE: '0', ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.once('exit', (code) => reject(new Error(`service exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /ready on http:\/\/localhost:(\d+)/.exec(buffered);
      if (match) resolve(Number(match[1]));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - started;
  child.stdout!.resume();
  return {
    url,
    child,
    readyMs,
    ...client(url),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** POSTs one GraphQL document with autocannon for `seconds`; latencies in ms. */
export async function load(
  url: string,
  label: string,
  opts: { query: string; token?: string; variables?: Record<string, unknown>; connections?: number; seconds?: number; requests?: autocannon.Request[]; timeoutSeconds?: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: opts.connections ?? 50,
    duration: opts.seconds ?? 5,
    timeout: opts.timeoutSeconds ?? 10,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: JSON.stringify({ query: opts.query, variables: opts.variables }),
    ...(opts.requests ? { requests: opts.requests } : {}),
  });
  return {
    label,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function printTable(rows: (LoadResult & { ratio?: number })[]): void {
  console.log(`${'case'.padEnd(52)} ${'req/s'.padStart(8)} ${'p50'.padStart(6)} ${'p99'.padStart(6)} ${'ratio'.padStart(6)}`);
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(52)} ${r.requestsPerSecond.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(6)} ${r.p99.toFixed(1).padStart(6)} ${r.ratio === undefined ? '' : r.ratio.toFixed(2).padStart(6)}${r.errors || r.non2xx ? `  (errors ${r.errors}, non-2xx ${r.non2xx})` : ''}`,
    );
  }
}
