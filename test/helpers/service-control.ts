// Stops and starts the machine's own PostgreSQL and Redis, for the fault-injection test and
// bench/outage.ts. Whatever happens, what was stopped is started again: by `restoreServices()`
// (call it from afterAll / finally) and, should the process end first, by an 'exit' hook that
// starts them synchronously.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const stopped = { postgres: false, redis: false };

function pgCluster(action: 'stop' | 'start'): string[] {
  const version = readdirSync('/etc/postgresql')[0]!;
  return ['--skip-systemctl-redirect', version, 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])];
}

const REDIS_START = ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379'];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (ready()) return;
    await sleep(50);
  }
  throw new Error(`${what} did not come back`);
}

const pgReady = () => spawnSync('pg_isready', ['-h', '127.0.0.1', '-q']).status === 0;
const redisReady = () => spawnSync('redis-cli', ['-h', '127.0.0.1', 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG';

let guarded = false;
function guard(): void {
  if (guarded) return;
  guarded = true;
  process.once('exit', () => {
    if (stopped.postgres) spawnSync('pg_ctlcluster', pgCluster('start'), { stdio: 'ignore' });
    if (stopped.redis) spawnSync('redis-server', REDIS_START, { stdio: 'ignore' });
  });
}

export async function stopPostgres(): Promise<void> {
  guard();
  stopped.postgres = true;
  execFileSync('pg_ctlcluster', pgCluster('stop'), { stdio: 'ignore' });
}

/** Starts PostgreSQL and resolves once it accepts connections. */
export async function startPostgres(): Promise<void> {
  execFileSync('pg_ctlcluster', pgCluster('start'), { stdio: 'ignore' });
  await waitFor(pgReady, 'PostgreSQL');
  stopped.postgres = false;
}

export async function stopRedis(): Promise<void> {
  guard();
  stopped.redis = true;
  spawnSync('redis-cli', ['-h', '127.0.0.1', 'shutdown', 'nosave'], { stdio: 'ignore' });
  await waitFor(() => !redisReady(), 'Redis shutdown');
}

export async function startRedis(): Promise<void> {
  execFileSync('redis-server', REDIS_START, { stdio: 'ignore' });
  await waitFor(redisReady, 'Redis');
  stopped.redis = false;
}

/** Starts whatever this process stopped and has not started again. */
export async function restoreServices(): Promise<void> {
  if (stopped.postgres && !pgReady()) await startPostgres();
  stopped.postgres = false;
  if (stopped.redis && !redisReady()) await startRedis();
  stopped.redis = false;
}

export const redisAnswers = redisReady;
