// Social sign-in under attack and failure: forged, replayed, expired and misused state; a replayed
// code; a wrong nonce; ID tokens from another issuer, for another audience or signed with another
// key; providers that refuse or are down. Each ends in a clear error and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD, verifyPassword } from './helpers/me.js';
import { IdTokenRewriter, type OidcAccount, TestOAuth2Provider, TestOidcProvider, REDIRECT_URI } from './helpers/social-providers.js';
import { createProvider, FINISH_LINK, finishSignIn, START, START_LINK, socialSignIn, startSignIn } from './helpers/social.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let op: TestOidcProvider;
let gh: TestOAuth2Provider;
let mitm: IdTokenRewriter;

const adminToken = async () => (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
const mallory: OidcAccount = { sub: 'mallory-1', email: 'mallory@acme.test', email_verified: true, name: 'Mallory' };

async function written() {
  return {
    users: await t.db.prisma.user.count(),
    identities: await t.db.prisma.userIdentity.count(),
    sessions: await t.db.prisma.session.count(),
  };
}

/** Runs `attempt` and checks that it answered `code` and wrote no user, identity or session. */
async function refusedWithoutWrites(code: string, attempt: () => Promise<unknown>) {
  const before = await written();
  const result = await attempt();
  expect(result).toMatchObject({ __typename: 'UserError', code });
  expect(await written()).toEqual(before);
}

beforeAll(async () => {
  [t, op, gh] = await Promise.all([createTestApp(), TestOidcProvider.start(), TestOAuth2Provider.start()]);
  mitm = await IdTokenRewriter.start(op);
  const admin = await adminToken();
  const oidc = { type: 'OIDC', clientId: op.clientId, clientSecret: op.clientSecret };
  await createProvider(t, admin, { ...oidc, key: 'acme', name: 'Acme', issuer: op.issuer });
  await createProvider(t, admin, { ...oidc, key: 'mitm', name: 'Rewritten', issuer: mitm.issuer });
  await createProvider(t, admin, { ...oidc, key: 'wrong-secret', name: 'Wrong secret', issuer: op.issuer, clientSecret: 'not-the-secret' });
  const oauth2 = {
    type: 'OAUTH2',
    clientId: gh.clientId,
    clientSecret: gh.clientSecret,
    authorizationEndpoint: gh.authorizationEndpoint,
    tokenEndpoint: gh.tokenEndpoint,
    userinfoEndpoint: gh.userinfoEndpoint,
  };
  await createProvider(t, admin, { ...oauth2, key: 'gh', name: 'GitHub' });
  // Port 9 (discard) has no listener on these machines: a provider that is down.
  await createProvider(t, admin, { ...oauth2, key: 'gh-down', name: 'Down', tokenEndpoint: 'http://127.0.0.1:9/token' });
});
afterAll(async () => {
  await t?.close();
  await mitm?.close();
  await op?.close();
  await gh?.close();
});

describe('state', () => {
  it('a forged state never reaches the provider; the real one still works once', async () => {
    const { authorizationUrl, state } = await startSignIn(t, 'gh');
    const code = (await gh.authorize(authorizationUrl, { id: 1, login: 'one' })).get('code')!;
    const tokenCalls = () => gh.requests.filter((r) => r.startsWith('POST')).length;
    const calls = tokenCalls();
    for (const forged of ['sst_forged', `${state}x`, state.slice(0, -1), '']) {
      await refusedWithoutWrites('INVALID_CREDENTIALS', () => finishSignIn(t, forged, code));
    }
    expect(tokenCalls()).toBe(calls);
    expect(await finishSignIn(t, state, code)).toMatchObject({ __typename: 'TokenSet' });
    // Replayed: the state is spent.
    await refusedWithoutWrites('INVALID_CREDENTIALS', () => finishSignIn(t, state, code));
    expect(tokenCalls()).toBe(calls + 1);
    const row = await t.db.prisma.socialAuthState.findFirstOrThrow({ where: { consumedAt: { not: null } } });
    expect(row.codeVerifierEncrypted).toMatch(/^v1\./);
  });

  it('a code replayed with a fresh state is refused by the provider (PKCE and single use)', async () => {
    const first = await startSignIn(t, 'acme');
    const code = (await op.authorize(first.authorizationUrl, mallory)).get('code')!;
    expect(await finishSignIn(t, first.state, code)).toMatchObject({ __typename: 'TokenSet' });
    const second = await startSignIn(t, 'acme');
    await refusedWithoutWrites('INVALID_CREDENTIALS', () => finishSignIn(t, second.state, code));
  });

  it('expires after 10 minutes', async () => {
    const { authorizationUrl, state } = await startSignIn(t, 'gh');
    const code = (await gh.authorize(authorizationUrl, { id: 2, login: 'two' })).get('code')!;
    t.clock.advance(600_000 + 1000);
    await refusedWithoutWrites('INVALID_CREDENTIALS', () => finishSignIn(t, state, code));
  });

  it('a link state does not sign in, and belongs to the account that started it', async () => {
    const owner = await newUser(t, { username: 'state-owner', password: PASSWORD });
    const other = await newUser(t, { username: 'state-thief', password: PASSWORD });
    const started = (await t.gql(START_LINK, { input: { provider: 'gh', redirectUri: REDIRECT_URI, verificationId: await verifyPassword(t, owner.token) } }, owner.token))
      .data.me.startSocialLink;
    const code = (await gh.authorize(started.authorizationUrl, { id: 3, login: 'three' })).get('code')!;
    await refusedWithoutWrites('INVALID_CREDENTIALS', () => finishSignIn(t, started.state, code));
    const stolen = await t.gql(FINISH_LINK, { input: { state: started.state, code } }, other.token);
    expect(stolen.data.me.finishSocialLink).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    // Neither attempt spent it: the owner finishes the link.
    const mine = await t.gql(FINISH_LINK, { input: { state: started.state, code } }, owner.token);
    expect(mine.data.me.finishSocialLink).toMatchObject({ __typename: 'UserIdentity', subject: '3' });
  });

  it('checks the redirect URI and the provider', async () => {
    for (const redirectUri of ['not a url', 'javascript:alert(1)', 'http://app.test/cb#frag']) {
      const res = await t.gql(START, { input: { provider: 'gh', redirectUri } });
      expect(res.data.startSocialSignIn).toMatchObject({ code: 'INVALID_INPUT', path: ['redirectUri'] });
    }
    const unknown = await t.gql(START, { input: { provider: 'nope', redirectUri: REDIRECT_URI } });
    expect(unknown.data.startSocialSignIn).toMatchObject({ code: 'NOT_FOUND', path: ['provider'] });
    // The authorization request carries PKCE S256, state and (OIDC) nonce.
    const url = new URL((await startSignIn(t, 'acme')).authorizationUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('scope')).toBe('openid email profile');
  });
});

describe('ID token', () => {
  it('refuses a nonce other than the one sent', async () => {
    await refusedWithoutWrites('INVALID_CREDENTIALS', async () => {
      const { authorizationUrl, state } = await startSignIn(t, 'acme');
      const tampered = new URL(authorizationUrl);
      tampered.searchParams.set('nonce', 'attacker-chosen-nonce');
      const code = (await op.authorize(tampered.href, { sub: 'nonce-victim' })).get('code')!;
      return finishSignIn(t, state, code);
    });
  });

  it('through the rewriting proxy: untampered passes, another issuer, audience or key is refused', async () => {
    const viaProxy = (sub: string) => socialSignIn(t, 'mitm', (url) => op.authorize(url, { sub }));
    mitm.tamper = null;
    expect(await viaProxy('proxy-control')).toMatchObject({ __typename: 'TokenSet' });
    const tampers = [
      { claims: { iss: op.issuer } },
      { claims: { iss: 'http://evil.test' } },
      { claims: { aud: 'another-client' } },
      { claims: { aud: [op.clientId, 'another-client'], azp: 'another-client' } },
      { claims: { exp: Math.floor(Date.now() / 1000) - 3600 } },
      { foreignKey: true },
    ];
    for (const [i, tamper] of tampers.entries()) {
      mitm.tamper = tamper;
      await refusedWithoutWrites('INVALID_CREDENTIALS', () => viaProxy(`proxy-victim-${i}`));
    }
    mitm.tamper = null;
  });
});

describe('provider failures', () => {
  it('the provider refuses: wrong client secret, the user denies, a bad profile answer', async () => {
    await refusedWithoutWrites('INVALID_CREDENTIALS', () => socialSignIn(t, 'wrong-secret', (url) => op.authorize(url, { sub: 'secretless' })));

    const { authorizationUrl, state } = await startSignIn(t, 'acme');
    op.denyNext();
    const callback = await op.authorize(authorizationUrl, { sub: 'denier' });
    expect(callback.get('error')).toBe('access_denied');
    expect(callback.get('code')).toBeNull();
    await refusedWithoutWrites('INVALID_CREDENTIALS', () => finishSignIn(t, state, 'no-code'));

    gh.userEndpointFailure = 401;
    await refusedWithoutWrites('INVALID_CREDENTIALS', () => socialSignIn(t, 'gh', (url) => gh.authorize(url, { id: 4, login: 'four' })));
  });

  it('the provider is down or failing: PROVIDER_UNAVAILABLE', async () => {
    gh.userEndpointFailure = 503;
    await refusedWithoutWrites('PROVIDER_UNAVAILABLE', () => socialSignIn(t, 'gh', (url) => gh.authorize(url, { id: 5, login: 'five' })));
    await refusedWithoutWrites('PROVIDER_UNAVAILABLE', () => socialSignIn(t, 'gh-down', (url) => gh.authorize(url, { id: 6, login: 'six' })));

    // An OIDC provider that goes down between the redirect and the callback, then stays down.
    const flaky = await TestOidcProvider.start();
    await createProvider(t, await adminToken(), { key: 'flaky', name: 'Flaky', type: 'OIDC', issuer: flaky.issuer, clientId: flaky.clientId, clientSecret: flaky.clientSecret });
    const { authorizationUrl, state } = await startSignIn(t, 'flaky');
    const code = (await flaky.authorize(authorizationUrl, { sub: 'stranded' })).get('code')!;
    await flaky.close();
    await refusedWithoutWrites('PROVIDER_UNAVAILABLE', () => finishSignIn(t, state, code));
    // A fresh discovery (the row changed) cannot reach it either; no request is left pending.
    await t.db.prisma.identityProvider.update({ where: { key: 'flaky' }, data: { name: 'Flaky (down)' } });
    const pending = await t.db.prisma.socialAuthState.count();
    const res = await t.gql(START, { input: { provider: 'flaky', redirectUri: REDIRECT_URI } });
    expect(res.data.startSocialSignIn).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    expect(await t.db.prisma.socialAuthState.count()).toBe(pending);
  });
});
