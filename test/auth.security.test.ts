import { exportJWK, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  token = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
});
afterAll(() => t.close());

const ME = '{ me { id } }';
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('token validation', () => {
  it('rejects a tampered token', async () => {
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${b64({ ...claims, sub: 'usr_someoneelse' })}.${s}`;
    expect(code(await t.gql(ME, {}, tampered))).toBe('UNAUTHENTICATED');
  });

  it('rejects alg: none', async () => {
    const claims = decodeJwt(token);
    const none = `${b64({ alg: 'none', typ: 'at+jwt', kid: decodeProtectedHeader(token).kid })}.${b64(claims)}.`;
    expect(code(await t.gql(ME, {}, none))).toBe('UNAUTHENTICATED');
  });

  it('rejects a token signed by a foreign key with the same kid and claims', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const claims = decodeJwt(token);
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: decodeProtectedHeader(token).kid, typ: 'at+jwt' })
      .sign(privateKey);
    expect(code(await t.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('rejects HS256 signed with the public key (algorithm confusion)', async () => {
    const jwks = await (await t.fetch('/.well-known/jwks.json')).json();
    const secret = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const forged = await new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(secret);
    expect(code(await t.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
    expect(await exportJWK((await generateKeyPair('ES256')).publicKey)).toBeTruthy();
  });

  it('rejects garbage and a malformed header', async () => {
    expect(code(await t.gql(ME, {}, 'not-a-jwt'))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(ME, {}, undefined, { authorization: 'Basic abc' }))).toBe('UNAUTHENTICATED');
  });
});

describe('admin namespace', () => {
  it('answers UNAUTHENTICATED to anonymous and FORBIDDEN to a plain user', async () => {
    const query = '{ admin { users(first: 5) { totalCount } } }';
    expect(code(await t.gql(query))).toBe('UNAUTHENTICATED');
    const user = await t.createUser({ username: 'plain', password: 'a-long-enough-password' });
    expect(code(await t.gql(query, {}, user.token))).toBe('FORBIDDEN');
    const created = await t.gql(
      'mutation { admin { createUser(input: {username: "x-user", password: "a-long-enough-password"}) { __typename } } }',
      {},
      user.token,
    );
    expect(code(created)).toBe('FORBIDDEN');
  });

  it('does not let a plain user read admin-only fields or other users through node()', async () => {
    const user = await t.createUser({ username: 'nosy', password: 'a-long-enough-password' });
    const roles = await t.gql('{ me { roles } }', {}, user.token);
    expect(code(roles)).toBe('FORBIDDEN');
    const adminId = (await t.gql(ME, {}, token)).data.me.id;
    const other = await t.gql('query($id: ID!) { node(id: $id) { id ... on User { primaryEmail } } }', { id: adminId }, user.token);
    expect(other.data?.node ?? null).toBeNull();
  });

  it('lists and searches users with totalCount', async () => {
    await t.createUser({ username: 'searchable', primaryEmail: 'Find.Me@Example.org', name: 'Zed Findable', password: 'a-long-enough-password' });
    const res = await t.gql(
      '{ admin { users(first: 10, search: "find.me") { totalCount edges { node { username primaryEmail name } } } } }',
      {},
      token,
    );
    expect(res.data.admin.users.totalCount).toBe(1);
    expect(res.data.admin.users.edges[0].node).toEqual({ username: 'searchable', primaryEmail: 'find.me@example.org', name: 'Zed Findable' });
    const byName = await t.gql('{ admin { users(first: 10, search: "FINDABLE") { totalCount } } }', {}, token);
    expect(byName.data.admin.users.totalCount).toBe(1);
  });

  it('reports IDENTIFIER_IN_USE and INVALID_INPUT from createUser with the offending path', async () => {
    const mutation = `mutation($input: CreateUserInput!) { admin { createUser(input: $input) {
      __typename ... on UserError { code path } ... on PasswordRejectedError { code rules } } } }`;
    await t.createUser({ primaryEmail: 'dup@example.com', password: 'a-long-enough-password' });
    const dup = await t.gql(mutation, { input: { primaryEmail: 'DUP@example.com', password: 'a-long-enough-password' } }, token);
    expect(dup.data.admin.createUser).toEqual({ __typename: 'UserError', code: 'IDENTIFIER_IN_USE', path: ['primaryEmail'] });
    const bad = await t.gql(mutation, { input: { primaryEmail: 'not-an-email', password: 'a-long-enough-password' } }, token);
    expect(bad.data.admin.createUser).toEqual({ __typename: 'UserError', code: 'INVALID_INPUT', path: ['primaryEmail'] });
    const short = await t.gql(mutation, { input: { username: 'shorty', password: 'short' } }, token);
    expect(short.data.admin.createUser.code).toBe('PASSWORD_REJECTED');
    const count = await t.db.prisma.user.count({ where: { username: 'shorty' } });
    expect(count).toBe(0);
  });

  it('never stores the password in plain text', async () => {
    // The other files hash cheaply (test-app.ts); this one checks the production cost.
    const production = await createTestApp({}, { productionPasswordHashing: true });
    try {
      await production.createUser({ username: 'hashme', password: 'plain-text-never-stored' });
      const row = await production.db.prisma.user.findUniqueOrThrow({ where: { username: 'hashme' } });
      expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.passwordHash).not.toContain('plain-text-never-stored');
    } finally {
      await production.close();
    }
  });

  it('answers null for an absent user, with nothing of the database in the answer', async () => {
    const res = await t.gql('{ admin { user(id: "usr_x") { id } } }', {}, token);
    expect(res.data.admin.user).toBeNull();
    expect(JSON.stringify(res)).not.toMatch(/prisma|SELECT|stack/i);
  });

  it('masks unexpected errors: a real database failure reaches the log, not the client', async () => {
    // Its own app: the table a query needs is dropped from this app's database (a crafted state,
    // no mock), so the query fails inside Prisma with a message naming the table.
    const broken = await createTestApp({}, { logLevel: 'error' });
    try {
      const admin = await broken.adminToken();
      await broken.db.prisma.$executeRawUnsafe('DROP TABLE "MachineClient" CASCADE');
      const res = await broken.gql('{ admin { machineClients(first: 5) { totalCount edges { node { id } } } } }', {}, admin);
      expect(res.data).toBeNull();
      expect(res.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      expect(JSON.stringify(res)).not.toMatch(/prisma|SELECT|relation|does not exist|stack|\.ts:/i);
      expect(JSON.stringify(res)).not.toContain('MachineClient');
      // The cause is logged for the operator.
      expect(JSON.stringify(broken.logs)).toMatch(/MachineClient/);
    } finally {
      await broken.close();
    }
  });
});

describe('sign-in lockout under concurrency', () => {
  it('checks no more wrong passwords than the threshold, however many arrive at once', async () => {
    const strict = await createTestApp({ SIGN_IN_LOCKOUT_THRESHOLD: '3', SIGN_IN_LOCKOUT_SECONDS: '600' });
    try {
      await strict.createUser({ username: 'burst', password: 'a-long-enough-password' });
      const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on Error { code } } }`;
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => strict.gql(SIGN_IN, { input: { identifier: 'burst', password: `wrong-guess-${i}` } })),
      );
      const codes = results.map((r) => r.data.signIn.code);
      // Every answer past the threshold is ACCOUNT_LOCKED: those guesses were never checked.
      expect(codes.filter((c: string) => c === 'INVALID_CREDENTIALS')).toHaveLength(3);
      expect(codes.filter((c: string) => c === 'ACCOUNT_LOCKED')).toHaveLength(9);
      expect(await strict.db.prisma.auditEvent.count({ where: { action: 'user.locked' } })).toBe(1);
      const locked = await strict.gql(SIGN_IN, { input: { identifier: 'burst', password: 'a-long-enough-password' } });
      expect(locked.data.signIn.code).toBe('ACCOUNT_LOCKED');
      strict.clock.advance(601_000);
      expect((await strict.signIn('burst', 'a-long-enough-password')).accessToken).toBeTruthy();
    } finally {
      await strict.close();
    }
  });
});

describe('impersonation tokens', () => {
  it('stop working once the impersonating admin is suspended or loses the admin role', async () => {
    const admin = await t.adminToken();
    const make = async (username: string, roles: string[] = []) => {
      const res = await t.gql(
        `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { ... on User { id } ... on Error { code } } } }`,
        { input: { username, password: 'a-long-enough-password', roles } },
        admin,
      );
      return res.data.admin.createUser.id as string;
    };
    const target = await make('imp_target');
    const impersonate = async (token: string) => {
      const res = await t.gql(
        `mutation($id: ID!) { admin { impersonateUser(input: { userId: $id, reason: "support ticket" }) { ... on TokenSet { accessToken } ... on Error { code } } } }`,
        { id: target },
        token,
      );
      return res.data.admin.impersonateUser.accessToken as string;
    };
    const whoAmI = async (token: string) => t.gql(ME, {}, token);

    const suspendedAdmin = await make('imp_admin_a', ['admin']);
    const suspendedToken = await impersonate((await t.signIn('imp_admin_a', 'a-long-enough-password')).accessToken);
    expect((await whoAmI(suspendedToken)).data.me.id).toBe(target);
    await t.gql(`mutation($id: ID!) { admin { setUserSuspended(id: $id, suspended: true) { __typename } } }`, { id: suspendedAdmin }, admin);
    expect(code(await whoAmI(suspendedToken))).toBe('UNAUTHENTICATED');

    const demotedAdmin = await make('imp_admin_b', ['admin']);
    const demotedToken = await impersonate((await t.signIn('imp_admin_b', 'a-long-enough-password')).accessToken);
    expect((await whoAmI(demotedToken)).data.me.id).toBe(target);
    await t.gql(`mutation($id: ID!) { admin { setUserRoles(id: $id, roles: []) { __typename } } }`, { id: demotedAdmin }, admin);
    expect(code(await whoAmI(demotedToken))).toBe('UNAUTHENTICATED');
  });
});
