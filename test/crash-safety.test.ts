// Crash safety (issue 9): the real service process (`node dist/cli.js serve`, as `npm start`) takes
// concurrent writes, is SIGKILLed mid-stream, and restarts on the same data, several times. Every
// write it acknowledged must be there afterwards, and the data must be consistent: every account
// that exists has the session its sign-up created with it (nothing half-written), each profile holds
// its last acknowledged value (or the one in flight at the kill), and tokens issued before a kill
// still work (signing keys and sessions survived). Runs on the embedded database (a temp DATA_DIR,
// which also proves its lock dies with the process) and, with TEST_DATABASE_URL, on a fresh
// PostgreSQL database.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { databaseUrlFor } from './helpers/global-setup.js';
import { startService } from './helpers/service-process.js';

const KILLS = 3;
const WORKERS = 6;
const ADMIN = { email: 'crash-admin@example.com', password: 'granite meadow falcon 77' };
const PASSWORD = 'crash test passphrase 42';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Service {
  proc: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

/** Starts the CLI (`node dist/cli.js serve`) and resolves once it listens. */
async function start(env: Record<string, string>): Promise<Service> {
  const service = startService({ PORT: '0', LOG_LEVEL: 'info', AUTH_RATE_LIMIT_PER_MINUTE: '0', ...env });
  const port = await service.ready;
  return { proc: service.child, base: `http://127.0.0.1:${port}`, exited: service.exited };
}

async function gql<T = any>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json() as never;
}

const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on TokenSet { accessToken } ... on Error { code message } } }';
const UPDATE_NAME = 'mutation($name: String!) { me { updateProfile(input: { name: $name }) { __typename ... on User { name } ... on Error { code message } } } }';

interface Worker {
  username: string;
  token: string;
  /** The last acknowledged profile version, and the one sent but not answered when the kill came. */
  acked: number;
  inFlight: number | null;
}

interface Ledger {
  signUps: string[];
  workers: Worker[];
  writesAcked: number;
}

async function signUp(base: string, username: string): Promise<string | undefined> {
  const result = await gql(base, SIGN_UP, { input: { username, password: PASSWORD } });
  const payload = result.data?.signUp;
  if (payload?.__typename === 'TokenSet') return payload.accessToken;
  throw new Error(`sign-up refused: ${JSON.stringify(result)}`);
}

/** Concurrent acknowledged writes until `stop`: sign-ups and profile updates, each recorded only once answered. */
async function drive(base: string, ledger: Ledger, cycle: number, stop: { stopped: boolean }) {
  await Promise.all(
    ledger.workers.map(async (worker, w) => {
      for (let n = 0; !stop.stopped; n++) {
        try {
          if (n % 3 === 2) {
            const username = `crash-${cycle}-${w}-${n}`;
            await signUp(base, username);
            ledger.signUps.push(username);
            ledger.writesAcked++;
          } else {
            const version = worker.acked + 1;
            worker.inFlight = version;
            const result = await gql(base, UPDATE_NAME, { name: `v${version}` }, worker.token);
            if (result.data?.me?.updateProfile?.name !== `v${version}`) throw new Error(`update refused: ${JSON.stringify(result)}`);
            worker.acked = version;
            worker.inFlight = null;
            ledger.writesAcked++;
          }
        } catch (err) {
          // After the kill, requests in flight fail: they were never acknowledged.
          if (stop.stopped) return;
          throw err;
        }
      }
    }),
  );
}

/** Checks every acknowledged write and the consistency of what is stored; returns the writes checked. */
async function verify(base: string, ledger: Ledger): Promise<number> {
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
  const admin = await gql(base, 'mutation($i: SignInInput!) { signIn(input: $i) { ... on TokenSet { accessToken } } }', { i: { identifier: ADMIN.email, password: ADMIN.password } });
  const adminToken = admin.data?.signIn?.accessToken as string;
  expect(adminToken).toBeTruthy();

  const stored = new Map<string, number>();
  let after: string | null = null;
  for (;;) {
    const page: any = await gql(
      base,
      'query($after: String) { admin { users(first: 100, after: $after, search: "crash-") { pageInfo { hasNextPage endCursor } edges { node { username name sessions { totalCount } } } } } }',
      { after },
      adminToken,
    );
    const users = page.data?.admin?.users;
    if (!users) throw new Error(`listing users failed: ${JSON.stringify(page)}`);
    for (const { node } of users.edges) stored.set(node.username, node.sessions.totalCount);
    if (!users.pageInfo.hasNextPage) break;
    after = users.pageInfo.endCursor;
  }
  let checked = 0;
  for (const username of ledger.signUps) {
    expect(stored.has(username), `acknowledged sign-up ${username} is missing`).toBe(true);
    checked++;
  }
  // Consistency: a sign-up writes the account and its session together, acknowledged or not.
  for (const [username, sessions] of stored) expect(sessions, `${username} has no session`).toBeGreaterThan(0);

  for (const worker of ledger.workers) {
    const me = await gql(base, '{ me { username name } }', {}, worker.token);
    expect(me.data?.me?.username, `the token of ${worker.username} stopped working`).toBe(worker.username);
    const allowed = [`v${worker.acked}`, ...(worker.inFlight ? [`v${worker.inFlight}`] : [])];
    expect(allowed, `${worker.username} holds ${me.data?.me?.name}`).toContain(me.data?.me?.name);
    worker.acked = Number(String(me.data?.me?.name).slice(1));
    worker.inFlight = null;
    checked++;
  }
  return checked;
}

async function crashCycles(env: Record<string, string>) {
  const ledger: Ledger = { signUps: [], workers: [], writesAcked: 0 };
  let service = await start(env);
  for (let w = 0; w < WORKERS; w++) {
    const username = `worker-${w}`;
    const token = await signUp(service.base, username);
    await gql(service.base, UPDATE_NAME, { name: 'v0' }, token);
    ledger.workers.push({ username, token: token as string, acked: 0, inFlight: null });
  }
  let kills = 0;
  let checked = 0;
  const timings: number[] = [];
  for (let cycle = 1; cycle <= KILLS; cycle++) {
    const stop = { stopped: false };
    const driving = drive(service.base, ledger, cycle, stop);
    const acknowledgedBefore = ledger.writesAcked;
    const signUpsBefore = ledger.signUps.length;
    // Kill while writes are in flight: once this cycle has had some of each kind acknowledged, after
    // a varying delay.
    const deadline = Date.now() + 30_000;
    while ((ledger.writesAcked < acknowledgedBefore + 12 || ledger.signUps.length < signUpsBefore + 2) && Date.now() < deadline) await sleep(20);
    await sleep(cycle * 37);
    stop.stopped = true;
    service.proc.kill('SIGKILL');
    await service.exited;
    await driving;
    kills++;
    expect(ledger.writesAcked, 'no write was acknowledged before the kill').toBeGreaterThan(acknowledgedBefore);
    expect(ledger.signUps.length, 'no sign-up was acknowledged before the kill').toBeGreaterThan(signUpsBefore);
    const restart = Date.now();
    service = await start(env);
    timings.push(Date.now() - restart);
    checked += await verify(service.base, ledger);
  }
  service.proc.kill('SIGTERM');
  expect(await service.exited).toBe(0);
  // Every acknowledged write is covered: each sign-up is looked up after every later restart, and a
  // profile's stored version proves the updates before it (each one overwrote the previous).
  return { kills, checked: ledger.writesAcked, lookups: checked, signUps: ledger.signUps.length, restartMs: timings };
}

describe('crash safety of the real process', () => {
  it('keeps every acknowledged write through SIGKILLs on the embedded database', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'acct-crash-'));
    try {
      const result = await crashCycles({ DATA_DIR: dataDir, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
      console.log(`crash safety (embedded): ${result.kills} kills survived, ${result.checked} acknowledged writes checked (${result.signUps} sign-ups, ${result.checked - result.signUps} profile updates; ${result.lookups} lookups; restarts took ${result.restartMs.join(', ')} ms)`);
      expect(result.kills).toBe(KILLS);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  const pgTemplate = inject('pgTemplate');
  it.runIf(pgTemplate)('keeps every acknowledged write through SIGKILLs on PostgreSQL', async () => {
    if (!pgTemplate) return;
    // A fresh, empty database (the run's prefix: dropped at the end): the service migrates it itself.
    const name = `${pgTemplate.prefix}_crash_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgTemplate.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'acct-crash-'));
    try {
      const result = await crashCycles({
        DATABASE_URL: databaseUrlFor(pgTemplate.url, name),
        DATA_DIR: dataDir,
        SECRET_KEY: randomBytes(32).toString('base64url'),
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      });
      console.log(`crash safety (PostgreSQL): ${result.kills} kills survived, ${result.checked} acknowledged writes checked (${result.signUps} sign-ups, ${result.checked - result.signUps} profile updates; ${result.lookups} lookups; restarts took ${result.restartMs.join(', ')} ms)`);
      expect(result.kills).toBe(KILLS);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
