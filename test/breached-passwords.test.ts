// Breached passwords (docs/password-policy.md) against a loopback range server in the k-anonymity
// form: only the first five upper-case hex characters of the SHA-1 are sent; a listed suffix is
// PASSWORD_REJECTED (BREACHED_PASSWORD) on every door; an API that is down accepts the password,
// logs a line and counts it in /metrics.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD, payload, SET_PASSWORD, verifyPassword } from './helpers/me.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

const BREACHED = 'tangerine-orchard-velvet';
const CLEAN = 'quiet-lantern-harbor-93';
const sha1 = (value: string) => createHash('sha1').update(value).digest('hex').toUpperCase();

/** A range API that knows BREACHED, pads its answers, and records every path it was asked. */
class RangeServer {
  readonly paths: string[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.paths.push(req.url ?? '');
      const prefix = (req.url ?? '').split('/').at(-1) ?? '';
      const lines = ['0018A45C4D1DEF81644B54AB7F969B88D65:1', '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0'];
      const known = sha1(BREACHED);
      if (known.startsWith(prefix)) lines.push(`${known.slice(5)}:3861493`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(lines.join('\r\n'));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/range`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on PasswordRejectedError { code message rules } ... on Error { code } } }`;
const SET_USER_PASSWORD = `mutation($id: ID!, $p: String!) { admin { setUserPassword(id: $id, password: $p) { __typename ... on PasswordRejectedError { rules } ... on Error { code } } } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { __typename ... on PasswordRejectedError { rules } ... on Error { code } } } }`;

describe('with BREACHED_PASSWORD_CHECK=true', () => {
  let t: TestApp;
  let range: RangeServer;
  beforeAll(async () => {
    range = new RangeServer();
    await range.start();
    t = await createTestApp({ BREACHED_PASSWORD_CHECK: 'true', BREACHED_PASSWORD_API: range.url });
  });
  afterAll(async () => {
    await t.close();
    await range.close();
  });

  it('refuses a breached password at sign-up, saying why, and sends only five hex characters', async () => {
    const res = (await t.gql(SIGN_UP, { input: { username: 'breach1', password: BREACHED } })).data.signUp;
    expect(res).toMatchObject({ __typename: 'PasswordRejectedError', code: 'PASSWORD_REJECTED', rules: ['BREACHED_PASSWORD'] });
    expect(res.message).toContain('appeared in a data breach');
    expect(range.paths.at(-1)).toBe(`/range/${sha1(BREACHED).slice(0, 5)}`);
    expect(range.paths.every((p) => /^\/range\/[0-9A-F]{5}$/.test(p))).toBe(true);
  });

  it('accepts a password the range API does not list (padding lines with count 0 do not count)', async () => {
    expect((await t.gql(SIGN_UP, { input: { username: 'breach2', password: CLEAN } })).data.signUp.__typename).toBe('TokenSet');
  });

  it('applies to me.setPassword, admin.setUserPassword and admin.createUser', async () => {
    const user = await newUser(t, { username: 'breach3', password: PASSWORD });
    const own = payload(await t.gql(SET_PASSWORD, { input: { newPassword: BREACHED, verificationId: await verifyPassword(t, user.token) } }, user.token), 'setPassword');
    expect(own).toMatchObject({ code: 'PASSWORD_REJECTED', rules: ['BREACHED_PASSWORD'] });
    const admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    expect((await t.gql(SET_USER_PASSWORD, { id: user.id, p: BREACHED }, admin)).data.admin.setUserPassword.rules).toEqual(['BREACHED_PASSWORD']);
    expect((await t.gql(CREATE_USER, { input: { username: 'breach4', password: BREACHED } }, admin)).data.admin.createUser.rules).toEqual(['BREACHED_PASSWORD']);
  });

  it('is a policy flag (checkBreached) an admin can turn off', async () => {
    const admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    expect((await t.gql('{ passwordPolicy { checkBreached } }')).data.passwordPolicy.checkBreached).toBe(true);
    await t.gql(`mutation { admin { updatePasswordPolicy(input: { checkBreached: false }) { __typename } } }`, {}, admin);
    const asked = range.paths.length;
    expect((await t.gql(SIGN_UP, { input: { username: 'breach5', password: BREACHED } })).data.signUp.__typename).toBe('TokenSet');
    expect(range.paths.length).toBe(asked);
    await t.gql(`mutation { admin { updatePasswordPolicy(input: { checkBreached: true }) { __typename } } }`, {}, admin);
  });
});

describe('when the range API is down', () => {
  it('accepts the password, logs a line and counts it in /metrics', async () => {
    const range = new RangeServer();
    await range.start();
    const downUrl = range.url;
    await range.close();
    const t = await createTestApp({ BREACHED_PASSWORD_CHECK: 'true', BREACHED_PASSWORD_API: downUrl }, { logLevel: 'warn' });
    try {
      const unavailable = async () => {
        const text = await (await t.fetch('/metrics')).text();
        return Number(/^breached_password_checks_total\{outcome="unavailable"\} (\d+)$/m.exec(text)?.[1] ?? 0);
      };
      // (The seeded admin's password was checked, unanswered, at start.)
      const before = await unavailable();
      expect((await t.gql(SIGN_UP, { input: { username: 'breach6', password: BREACHED } })).data.signUp.__typename).toBe('TokenSet');
      expect(t.logs.some((line) => line.msg === 'breached-password check unavailable: password accepted unchecked')).toBe(true);
      expect(await unavailable()).toBe(before + 1);
    } finally {
      await t.close();
    }
  });
});

describe('by default', () => {
  it('asks no range API (BREACHED_PASSWORD_CHECK is off)', async () => {
    const range = new RangeServer();
    await range.start();
    const t = await createTestApp({ BREACHED_PASSWORD_API: range.url });
    try {
      expect((await t.gql(SIGN_UP, { input: { username: 'breach7', password: BREACHED } })).data.signUp.__typename).toBe('TokenSet');
      expect(range.paths).toEqual([]);
    } finally {
      await t.close();
      await range.close();
    }
  });
});
