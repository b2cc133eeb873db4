// The first run as a new user lives it, through the real production process (`node dist/cli.js`,
// built once by the process project's global setup) on the embedded database: one process per DATA_DIR,
// the CLI's admin commands run by the live instance, no admin takeover through ADMIN_EMAIL or
// create-admin, a crash (SIGKILL) leaves no stale lock, settings are all reported at once, a
// production start without SMS works, a changed SECRET_KEY gets one clear line, SIGTERM drains.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailSink } from './helpers/mail-sink.js';
import { runCli, startService } from './helpers/service-process.js';

const dirs: string[] = [];
const children: ChildProcess[] = [];
let dataDir: string;
let mail: MailSink;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'acct-first-'));
  dirs.push(dataDir);
  mail = await MailSink.start();
}, 60_000);
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await mail.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const start = (env: Record<string, string> = {}) => {
  const service = startService({ PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env });
  children.push(service.child);
  return service;
};

/** Runs a CLI command to its end: exit code and everything it printed. */
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env });

async function gql(port: number, query: string, variables?: object, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { __typename ... on TokenSet { accessToken scope } ... on Error { code } } }`;
const signIn = (port: number, identifier: string, password: string) => gql(port, SIGN_IN, { i: { identifier, password } }).then((r) => r.data.signIn);
const lines = (out: string) => out.trim().split('\n');

const STRANGER = 'stranger-owns-this-77';
const OPERATOR = 'operator-knows-better-42';

describe('first run (production process on the embedded database)', () => {
  it('reports every bad setting at once, before touching the database', async () => {
    const fresh = path.join(os.tmpdir(), `acct-never-${randomBytes(4).toString('hex')}`);
    const { code, out } = await cli(['serve'], { DATA_DIR: fresh, NODE_ENV: 'production', PORT: 'abc', LOG_LEVEL: 'loud', SMS_WEBHOOK_URL: '' });
    expect(code).toBe(1);
    const variables = lines(out).map((l) => /^Configuration error: (\w+):/.exec(l)?.[1]);
    expect(variables).toEqual(['PORT', 'SECRET_KEY', 'SMTP_URL', 'LOG_LEVEL']);
    expect(existsSync(fresh)).toBe(false);
  }, 60_000);

  it('one process per DATA_DIR; admin commands run by the live instance; no takeover; SIGKILL leaves no stale lock', async () => {
    const first = start();
    const port = await first.ready;
    const pid = first.child.pid!;
    // The first screen says what a new user needs.
    expect(first.output()).toContain(`GraphiQL: open http://localhost:${port}/graphql`);
    expect(first.output()).toContain('no admin yet');
    expect(first.output()).toContain('npm run create-admin');
    expect(first.output()).toContain(`generated into ${path.join(dataDir, 'secret.key')}`);
    expect(first.output()).toMatch(/messages and their codes are written to this log/);
    // The database is a copy of the one prepared and migrated at build time: nothing to migrate,
    // yet ready (every migration recorded).
    expect(first.output()).not.toContain('migrations applied');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    // A stranger signs up with the address the operator will name as admin.
    const signUp = await gql(port, `mutation($i: SignUpInput!) { signUp(input: $i) { __typename } }`, { i: { email: 'boss@example.com', password: STRANGER } });
    expect(signUp.data.signUp.__typename).toBe('TokenSet');

    const [second, migrate, takeover] = await Promise.all([
      cli(['serve']),
      cli(['migrate']),
      cli(['create-admin', '--email', 'boss@example.com', '--password', OPERATOR]),
    ]);
    for (const refused of [second, migrate]) {
      expect(refused.code).toBe(1);
      expect(lines(refused.out)).toHaveLength(1);
      expect(refused.out).toContain(`is in use by process ${pid}`);
      expect(refused.out).toContain('DATABASE_URL');
    }
    expect(takeover.code).toBe(1);
    expect(lines(takeover.out)).toHaveLength(1);
    expect(takeover.out).toContain('boss@example.com already belongs to an account whose password is not the one given');
    expect((await signIn(port, 'boss@example.com', STRANGER)).scope).not.toContain('admin:');
    expect((await signIn(port, 'boss@example.com', OPERATOR)).code).toBe('INVALID_CREDENTIALS');

    // rotate-signing-key reaches the live instance: its JWKS has the new key at once.
    const rotated = await cli(['rotate-signing-key']);
    expect(rotated.code, rotated.out).toBe(0);
    const kid = /new signing key (\S+) \(by the running instance, pid (\d+)\)/.exec(rotated.out);
    expect(kid?.[2]).toBe(String(pid));
    const jwks = await (await fetch(`http://127.0.0.1:${port}/.well-known/jwks.json`)).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toContain(kid![1]);
    expect(decodeProtectedHeader((await signIn(port, 'boss@example.com', STRANGER)).accessToken).kid).toBe(kid![1]);

    // A crash: the lock dies with the process. The next start takes it, then refuses the takeover.
    first.child.kill('SIGKILL');
    await first.exited;
    const takeoverAtStart = start({ ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: OPERATOR });
    expect(await takeoverAtStart.exited).toBe(1);
    const stop = takeoverAtStart.output().trim().split('\n').at(-1)!;
    expect(stop).toMatch(/^ADMIN_EMAIL: boss@example.com already belongs to an account whose password is not the one given: it was not made an admin\. Give that account's password, or choose another email/);
    expect(takeoverAtStart.output()).not.toContain('first admin created');
    expect(takeoverAtStart.output()).not.toContain('in use by');

    // create-admin on a stopped instance runs itself; a new address is created, and says so.
    const created = await cli(['create-admin', '--email', 'ops@example.com', '--password', OPERATOR]);
    expect(created).toEqual({ code: 0, out: 'admin ops@example.com created\n' });
  }, 180_000);

  it('production: starts without SMS (phone codes answer PHONE_DELIVERY_UNAVAILABLE) and drains on SIGTERM', async () => {
    const secretKey = (await readFile(path.join(dataDir, 'secret.key'), 'utf8')).trim();
    const env = { NODE_ENV: 'production', SECRET_KEY: secretKey, SMTP_URL: mail.url, SMS_WEBHOOK_URL: '' };
    const server = start(env);
    const port = await server.ready;
    expect(server.output()).toContain('1 admin account');
    expect(server.output()).toContain('secret key: from SECRET_KEY');
    expect(server.output()).toContain('phone codes answer PHONE_DELIVERY_UNAVAILABLE');
    const { accessToken, scope } = await signIn(port, 'ops@example.com', OPERATOR);
    expect(scope).toContain('admin:users:write');
    const sent = await gql(
      port,
      `mutation { me { sendVerificationCode(input: {phone: "+14155550123"}) { __typename ... on Error { code message } } } }`,
      undefined,
      accessToken,
    );
    expect(sent.data.me.sendVerificationCode).toMatchObject({ code: 'PHONE_DELIVERY_UNAVAILABLE' });
    expect(sent.data.me.sendVerificationCode.message).toContain('no SMS provider is configured');

    // A request in flight when SIGTERM arrives still gets its answer; then the process exits 0.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.write('{"query": "{ __typ');
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end('ename }"}'), 500);
      }, 500);
    });
    expect(await answer).toEqual({ status: 200, body: '{"data":{"__typename":"Query"}}' });
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  }, 120_000);

  it('a SECRET_KEY that does not match the data stops the start with one line', async () => {
    const wrong = start({ SECRET_KEY: randomBytes(32).toString('base64url') });
    expect(await wrong.exited).toBe(1);
    const last = wrong.output().trim().split('\n').at(-1)!;
    expect(last).toMatch(/^SECRET_KEY does not match the data it encrypted: .*Start with the SECRET_KEY this database was first used with/);
    expect(wrong.output()).not.toContain('Unsupported state');
  }, 60_000);
});
