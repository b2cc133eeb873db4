import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) {
  __typename ... on TokenSet { accessToken refreshToken tokenType expiresIn scope } ... on Error { code message } } }`;
const REFRESH = `mutation($t: String!) { refreshTokens(refreshToken: $t) {
  __typename ... on TokenSet { accessToken refreshToken } ... on Error { code message } } }`;
const ME = '{ me { id primaryEmail name roles } }';

describe('sign-in and tokens', () => {
  it('signs the first admin in and returns them from me', async () => {
    const res = await t.gql(SIGN_IN, { input: { identifier: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD } });
    const tokens = res.data.signIn;
    expect(tokens).toMatchObject({ __typename: 'TokenSet', tokenType: 'Bearer', expiresIn: 900 });
    expect(tokens.scope.split(' ')).toEqual(expect.arrayContaining(['admin:users:read', 'admin:settings', 'admin:audit:read']));
    const me = await t.gql(ME, {}, tokens.accessToken);
    expect(me.data.me).toMatchObject({ primaryEmail: ADMIN_EMAIL, roles: ['admin'] });
  });

  it('returns null for an anonymous me', async () => {
    expect((await t.gql(ME)).data).toEqual({ me: null });
  });

  it('issues JWTs that any JWT library verifies against the published JWKS and issuer', async () => {
    const { accessToken } = await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const discovery = await (await t.fetch('/.well-known/openid-configuration')).json();
    expect(discovery.issuer).toBe('http://account.test');
    const jwks = createLocalJWKSet(await (await t.fetch(new URL(discovery.jwks_uri).pathname)).json());
    const { payload, protectedHeader } = await jwtVerify(accessToken, jwks, {
      issuer: discovery.issuer,
      audience: 'http://account.test',
      currentDate: t.clock.now(),
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(protectedHeader.kid).toBeTruthy();
    for (const claim of ['iss', 'sub', 'aud', 'exp', 'iat', 'jti', 'sid', 'scope']) expect(payload).toHaveProperty(claim);
    expect((payload.exp as number) - (payload.iat as number)).toBeLessThanOrEqual(900);
  });

  it('answers a wrong password and an unknown account with the same INVALID_CREDENTIALS', async () => {
    await t.createUser({ username: 'carol', password: 'a-long-enough-password' });
    const wrong = await t.gql(SIGN_IN, { input: { identifier: 'carol', password: 'not-her-password' } });
    const unknown = await t.gql(SIGN_IN, { input: { identifier: 'nobody-here', password: 'not-her-password' } });
    expect(wrong.data.signIn).toEqual({ __typename: 'UserError', code: 'INVALID_CREDENTIALS', message: expect.any(String) });
    expect(unknown.data.signIn).toEqual(wrong.data.signIn);
  });

  it('rotates refresh tokens and revokes the whole session when a rotated token is replayed', async () => {
    const first = await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const rotated = (await t.gql(REFRESH, { t: first.refreshToken })).data.refreshTokens;
    expect(rotated.__typename).toBe('TokenSet');
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql(ME, {}, rotated.accessToken)).data.me.primaryEmail).toBe(ADMIN_EMAIL);

    const replay = (await t.gql(REFRESH, { t: first.refreshToken })).data.refreshTokens;
    expect(replay.code).toBe('INVALID_CREDENTIALS');
    // The whole family is gone: the newest refresh token and the live access token stop working.
    expect((await t.gql(REFRESH, { t: rotated.refreshToken })).data.refreshTokens.code).toBe('INVALID_CREDENTIALS');
    const me = await t.gql(ME, {}, rotated.accessToken);
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('signOut ends the session of the presented token', async () => {
    const { accessToken, refreshToken } = await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const out = await t.gql('mutation { signOut { __typename ... on SignOutPayload { success } } }', {}, accessToken);
    expect(out.data.signOut.success).toBe(true);
    expect((await t.gql(ME, {}, accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { t: refreshToken })).data.refreshTokens.code).toBe('INVALID_CREDENTIALS');
  });

  it('rejects an expired access token', async () => {
    const { accessToken } = await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    t.clock.advance(901_000);
    try {
      expect((await t.gql(ME, {}, accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      t.clock.advance(-901_000);
    }
  });

  it('keeps sign-in claims: sub is the user id and sid a live session', async () => {
    const { accessToken } = await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const claims = decodeJwt(accessToken);
    const me = await t.gql('{ me { id sessions(first: 50) { edges { node { id current } } } } }', {}, accessToken);
    expect(claims.sub).toBe(me.data.me.id);
    const current = me.data.me.sessions.edges.find((e: { node: { current: boolean } }) => e.node.current);
    expect(current.node.id).toBe(claims.sid);
  });
});

describe('sign-up', () => {
  it('creates an account and signs it in', async () => {
    const res = await t.gql(
      `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on TokenSet { accessToken } ... on Error { code message } ... on UserError { path } } }`,
      { input: { email: 'New.Person@Example.com', password: 'a-long-enough-password', name: 'New Person' } },
    );
    expect(res.data?.signUp?.__typename, JSON.stringify(res)).toBe('TokenSet');
    const me = await t.gql('{ me { primaryEmail name } }', {}, res.data.signUp.accessToken);
    expect(me.data.me).toMatchObject({ primaryEmail: 'new.person@example.com', name: 'New Person' });
  });

  it('reports SIGN_UP_DISABLED when self sign-up is off', async () => {
    const closed = await createTestApp({ SIGN_UP_ENABLED: 'false' });
    try {
      const res = await closed.gql(
        `mutation { signUp(input: {username: "someone", password: "a-long-enough-password"}) { __typename ... on Error { code } } }`,
      );
      expect(res.data.signUp.code).toBe('SIGN_UP_DISABLED');
    } finally {
      await closed.close();
    }
  });
});
