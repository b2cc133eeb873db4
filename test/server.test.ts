// The real entry point as a user runs it (`npm start`: `node dist/cli.js serve`) on the embedded database.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { databaseUrlFor } from './helpers/global-setup.js';
import { awaitOutput, lastLoggedCode, runCli, startService } from './helpers/service-process.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const start = (env: Record<string, string>) => startService(env);

/** Runs a CLI command to completion and returns its output (throws on a non-zero exit). */
async function run(args: string[], env: Record<string, string>): Promise<string> {
  const { code, out } = await runCli(args, env);
  if (code !== 0) throw new Error(`exited ${code}: ${out}`);
  return out;
}

const exitCode = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

async function gql(port: number, query: string, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return res.json();
}

/** A body sent with chunked transfer encoding: no Content-Length for the server to check up front. */
function chunked(text: string): { body: ReadableStream<Uint8Array>; duplex: 'half' } {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, (offset += 16 * 1024)));
    },
  });
  return { body, duplex: 'half' };
}

// Oversized bodies are refused with 413 before they are buffered, whether or not they declare a length.
async function expectBodyLimits(port: number) {
  const bigQuery = JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(300 * 1024) } });
  const post = (path: string, type: string, init: object) =>
    fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': type }, ...init } as RequestInit);
  expect((await post('/graphql', 'application/json', { body: bigQuery })).status).toBe(413);
  expect((await post('/graphql', 'application/json', chunked(bigQuery))).status).toBe(413);
  const bigForm = `grant_type=client_credentials&client_id=x&client_secret=${'x'.repeat(10 * 1024)}`;
  const form = 'application/x-www-form-urlencoded';
  const declared = await post('/oauth/token', form, { body: bigForm });
  expect([declared.status, await declared.json()]).toEqual([413, expect.objectContaining({ error: 'invalid_request' })]);
  expect((await post('/oauth/token', form, chunked(bigForm))).status).toBe(413);
  // A normal-sized chunked request still works.
  expect((await post('/graphql', 'application/json', chunked(JSON.stringify({ query: '{ __typename }' })))).status).toBe(200);
}

const SIGN_IN = `mutation { signIn(input: {identifier: "boot@example.com", password: "wandering-heron-lantern"}) { ... on TokenSet { accessToken } } }`;

describe('server process', () => {
  it('starts with a first admin and GraphiQL, survives a restart, and drains on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'acct-serve-'));
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, PORT: '0', ADMIN_EMAIL: 'boot@example.com', ADMIN_PASSWORD: 'wandering-heron-lantern', LOG_LEVEL: 'info' };

    const first = start(env);
    const port = await first.ready;
    const graphiql = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('GraphiQL');
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const signedIn = await gql(port, SIGN_IN);
    const token = signedIn.data.signIn.accessToken;
    expect((await gql(port, '{ me { primaryEmail } }', token)).data.me.primaryEmail).toBe('boot@example.com');
    const exited = exitCode(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Nothing in the logs holds the password or the token.
    expect(first.output()).not.toContain('wandering-heron-lantern');
    expect(first.output()).not.toContain(token);
    // The generated secret key is owner-only.
    expect(await readdir(dataDir)).toContain('secret.key');
    expect((await readFile(path.join(dataDir, 'secret.key'), 'utf8')).trim().length).toBeGreaterThanOrEqual(32);

    // Rotating the signing key from the shell: the old token still verifies after the restart,
    // new sign-ins are signed with the new key, and the JWKS publishes both.
    const rotated = await run(['rotate-signing-key'], { DATA_DIR: dataDir });
    const newKid = /new signing key (\S+)/.exec(rotated)?.[1];
    expect(newKid, rotated).toBeTruthy();

    const second = start({ ...env, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    const port2 = await second.ready;
    expect((await gql(port2, '{ me { primaryEmail } }', token)).data.me.primaryEmail).toBe('boot@example.com');
    const newToken = (await gql(port2, SIGN_IN)).data.signIn.accessToken;
    expect(decodeProtectedHeader(newToken).kid).toBe(newKid);
    const jwks = await (await fetch(`http://127.0.0.1:${port2}/.well-known/jwks.json`)).json();
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual([decodeProtectedHeader(token).kid, newKid]);
    await expectBodyLimits(port2);
    const exited2 = exitCode(second.child);
    second.child.kill('SIGTERM');
    expect(await exited2).toBe(0);
  }, 90_000);

  // The README's first steps on a fresh DATA_DIR, then "Forgot password?" as the account page sends
  // it (its header, its cookie endpoints), with the code read from the log as the README says.
  it('recovers a password the account page way on a fresh start, with the code from the log', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'acct-recover-'));
    dirs.push(dataDir);
    const email = 'boot@example.com';
    const newPassword = 'quiet-orchard-compass-91';
    const service = start({ DATA_DIR: dataDir, PORT: '0', ADMIN_EMAIL: email, ADMIN_PASSWORD: 'wandering-heron-lantern' });
    const port = await service.ready;
    const base = `http://127.0.0.1:${port}`;
    const page = { 'content-type': 'application/json', 'x-account-page': '1' };
    const call = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { ...page, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()).data;
    };
    try {
      expect((await fetch(`${base}/account`)).status).toBe(200);
      // Without SMTP_URL and outside production, codes are on: the page shows Forgot password?.
      expect((await call('{ signInMethods { password emailCode } }')).signInMethods).toEqual({ password: true, emailCode: true });
      const earlier = (await gql(port, SIGN_IN)).data.signIn.accessToken;

      const started = (await call(
        'mutation($i: StartAccountRecoveryInput!) { startAccountRecovery(input: $i) { __typename ... on RecoveryChallenge { challengeId channel } ... on Error { code } } }',
        { i: { identifier: email } },
      )).startAccountRecovery;
      expect(started).toMatchObject({ __typename: 'RecoveryChallenge', channel: 'EMAIL' });
      const code = await awaitOutput(service, (out) => lastLoggedCode(out, email));
      const reset = (await call(
        'mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { __typename ... on TokenSet { accessToken refreshToken } ... on Error { code message } } }',
        { i: { challengeId: started.challengeId, code, newPassword } },
      )).resetPassword;
      expect(reset).toMatchObject({ __typename: 'TokenSet' });

      // The page hands the refresh token to its cookie and resumes from the cookie on a reload.
      const stored = await fetch(`${base}/account/session`, {
        method: 'POST',
        headers: { ...page, authorization: `Bearer ${reset.accessToken}` },
        body: JSON.stringify({ refreshToken: reset.refreshToken }),
      });
      expect(stored.status).toBe(204);
      const cookie = stored.headers.getSetCookie()[0]!.split(';')[0]!;
      const resumed = await fetch(`${base}/account/refresh`, { method: 'POST', headers: { ...page, cookie } });
      expect(resumed.status).toBe(200);
      const { accessToken } = await resumed.json();
      expect((await call('{ me { primaryEmail emailVerified } }', {}, accessToken)).me).toEqual({ primaryEmail: email, emailVerified: true });

      // The earlier session is gone, the old password no longer works, the new one does.
      expect((await gql(port, '{ me { id } }', earlier)).data?.me ?? null).toBeNull();
      const signIn = async (password: string) =>
        (await gql(port, `mutation { signIn(input: {identifier: "${email}", password: "${password}"}) { __typename ... on Error { code } } }`)).data.signIn;
      expect(await signIn('wandering-heron-lantern')).toEqual({ __typename: 'UserError', code: 'INVALID_CREDENTIALS' });
      expect(await signIn(newPassword)).toEqual({ __typename: 'TokenSet' });
      expect(service.output()).not.toContain(newPassword);
    } finally {
      const exited = exitCode(service.child);
      service.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 90_000);

  it('stops with one line naming a bad variable', async () => {
    const { code, out } = await runCli(['serve'], { PORT: 'abc' });
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PORT');
  }, 30_000);

  it.runIf(inject('pgTemplate'))('serves from PostgreSQL when DATABASE_URL is set and keeps users across restarts', async () => {
    const { url, prefix } = inject('pgTemplate')!;
    const name = `${prefix}_serve_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'acct-serve-pg-'));
    dirs.push(dataDir);
    const env = { DATABASE_URL: databaseUrlFor(url, name), DATA_DIR: dataDir, PORT: '0', ADMIN_EMAIL: 'boot@example.com', ADMIN_PASSWORD: 'wandering-heron-lantern' };
    try {
      for (const round of [1, 2]) {
        const server = start(round === 1 ? env : { ...env, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
        const port = await server.ready;
        expect(server.output()).toContain('"database":"postgres"');
        expect((await gql(port, SIGN_IN)).data.signIn.accessToken).toBeTruthy();
        const exited = exitCode(server.child);
        server.child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 90_000);
});
