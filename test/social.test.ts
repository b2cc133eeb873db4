// Social sign-in against real providers: panva's oidc-provider (OpenID Connect) and a GitHub-style
// OAuth 2.0 server, both on loopback ports, driven over HTTP like a browser (docs/social.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PURPOSE } from '../src/domain/social/identity-data.js';
import { CLIENT_SECRET_PURPOSE } from '../src/domain/social/providers.service.js';
import { ENROLL, GENERATE_SECRET, totpAt, VERIFY_SIGN_IN } from './helpers/mfa.js';
import { newUser, PASSWORD, verifiedCodeRecord, verifyPassword } from './helpers/me.js';
import { type OidcAccount, TestOAuth2Provider, TestOidcProvider, REDIRECT_URI } from './helpers/social-providers.js';
import {
  ACCESS_TOKEN,
  ADMIN_LINK,
  ADMIN_UNLINK,
  CREATE_PROVIDER,
  counts,
  createProvider,
  DELETE_PROVIDER,
  FINISH_LINK,
  MY_IDENTITIES,
  REMOVE_IDENTITY,
  START_LINK,
  finishSignIn,
  socialSignIn,
  startSignIn,
  UPDATE_PROVIDER,
} from './helpers/social.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

let t: TestApp;
let op: TestOidcProvider;
let gh: TestOAuth2Provider;
let receiver: WebhookReceiver;

const adminToken = async () => (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
const oidc = (account: OidcAccount, key = 'acme') => socialSignIn(t, key, (url) => op.authorize(url, account));
const github = (user: { id: number; login: string; name?: string; email?: string | null; avatar_url?: string }) =>
  socialSignIn(t, 'gh', (url) => gh.authorize(url, user));
const me = async (token: string) => (await t.gql(MY_IDENTITIES, {}, token)).data?.me;
const auditActions = async (userId: string) =>
  (await t.db.prisma.auditEvent.findMany({ where: { userId }, orderBy: { at: 'asc' } })).map((e) => e.action);

beforeAll(async () => {
  // Webhooks to the loopback receiver (the events of social identities reach them like any other).
  [t, op, gh, receiver] = await Promise.all([
    createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_INTERVAL_MS: '100' }),
    TestOidcProvider.start(),
    TestOAuth2Provider.start(),
    WebhookReceiver.start(),
  ]);
  const admin = await adminToken();
  await createProvider(t, admin, { key: 'acme', name: 'Acme ID', type: 'OIDC', issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret, trustEmail: true });
  // The same provider without trust in its emails.
  await createProvider(t, admin, { key: 'acme-untrusted', name: 'Acme (untrusted)', type: 'OIDC', issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret });
  await createProvider(t, admin, {
    key: 'gh',
    name: 'GitHub',
    type: 'OAUTH2',
    clientId: gh.clientId,
    clientSecret: gh.clientSecret,
    authorizationEndpoint: gh.authorizationEndpoint,
    tokenEndpoint: gh.tokenEndpoint,
    userinfoEndpoint: gh.userinfoEndpoint,
    scopes: ['read:user', 'user:email'],
  });
});
afterAll(async () => {
  await t?.close();
  await op?.close();
  await gh?.close();
  await receiver?.close();
});

describe('identity providers (admin:settings)', () => {
  it('reads the OIDC discovery document, seals the secret and lists key, name and type publicly', async () => {
    const admin = await adminToken();
    const listed = await t.gql(`{ admin { identityProviders { key type issuer clientId scopes trustEmail authorizationEndpoint } } }`, {}, admin);
    expect(listed.data.admin.identityProviders).toHaveLength(3);
    expect(listed.data.admin.identityProviders).toEqual(expect.arrayContaining([
      { key: 'acme', type: 'OIDC', issuer: op.issuer, clientId: op.clientId, scopes: ['openid', 'email', 'profile'], trustEmail: true, authorizationEndpoint: null },
      { key: 'acme-untrusted', type: 'OIDC', issuer: op.issuer, clientId: op.clientId, scopes: ['openid', 'email', 'profile'], trustEmail: false, authorizationEndpoint: null },
      { key: 'gh', type: 'OAUTH2', issuer: null, clientId: gh.clientId, scopes: ['read:user', 'user:email'], trustEmail: false, authorizationEndpoint: gh.authorizationEndpoint },
    ]));
    const row = await t.db.prisma.identityProvider.findUniqueOrThrow({ where: { key: 'gh' } });
    expect(row.clientSecretEncrypted).not.toContain(gh.clientSecret);
    expect(t.app.deps.secrets.decrypt(CLIENT_SECRET_PURPOSE, row.clientSecretEncrypted)).toBe(gh.clientSecret);

    const anonymous = await t.gql(`{ identityProviders { key name type } }`);
    expect(anonymous.data.identityProviders).toHaveLength(3);
    expect(anonymous.data.identityProviders).toContainEqual({ key: 'gh', name: 'GitHub', type: 'OAUTH2' });
    const prying = await t.gql(`{ identityProviders { key clientId } }`);
    expect(prying.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const schema = await t.gql(`{ __type(name: "IdentityProvider") { fields { name } } }`);
    expect(schema.data.__type.fields.map((f: { name: string }) => f.name)).not.toContain('clientSecret');
  });

  it('validates the configuration and refuses non-admins', async () => {
    const admin = await adminToken();
    const base = { name: 'X', clientId: 'c', clientSecret: 's' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, key: 'Bad Key', type: 'OIDC', issuer: op.issuer }, 'INVALID_INPUT', 'key'],
      [{ ...base, key: 'acme', type: 'OIDC', issuer: op.issuer }, 'CONFLICT', 'key'],
      [{ ...base, key: 'noissuer', type: 'OIDC' }, 'INVALID_INPUT', 'issuer'],
      [{ ...base, key: 'withendpoints', type: 'OIDC', issuer: op.issuer, tokenEndpoint: gh.tokenEndpoint }, 'INVALID_INPUT', 'tokenEndpoint'],
      [{ ...base, key: 'notoidc', type: 'OIDC', issuer: gh.base }, 'INVALID_INPUT', 'issuer'],
      [{ ...base, key: 'down', type: 'OIDC', issuer: 'http://127.0.0.1:9' }, 'PROVIDER_UNAVAILABLE', 'issuer'],
      [{ ...base, key: 'oauth', type: 'OAUTH2', authorizationEndpoint: gh.authorizationEndpoint, tokenEndpoint: gh.tokenEndpoint }, 'INVALID_INPUT', 'userinfoEndpoint'],
      [{ ...base, key: 'ftp', type: 'OAUTH2', authorizationEndpoint: 'ftp://x.test/a', tokenEndpoint: gh.tokenEndpoint, userinfoEndpoint: gh.userinfoEndpoint }, 'INVALID_INPUT', 'authorizationEndpoint'],
      [{ ...base, key: 'map', type: 'OAUTH2', authorizationEndpoint: gh.authorizationEndpoint, tokenEndpoint: gh.tokenEndpoint, userinfoEndpoint: gh.userinfoEndpoint, profileMapping: { email: 'a b' } }, 'INVALID_INPUT', 'profileMapping'],
    ];
    for (const [input, code, path] of cases) {
      const res = await t.gql(CREATE_PROVIDER, { input }, admin);
      expect(res.data.admin.createIdentityProvider, JSON.stringify(input)).toMatchObject({ code, path: [path] });
    }
    expect(await t.db.prisma.identityProvider.count()).toBe(3);
    const user = await newUser(t, { username: 'not-an-admin', password: PASSWORD });
    const refused = await t.gql(CREATE_PROVIDER, { input: { ...base, key: 'x', type: 'OIDC', issuer: op.issuer } }, user.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('updates (keeping what is left out), replaces the secret, deletes, and audits without secrets', async () => {
    const admin = await adminToken();
    await createProvider(t, admin, { key: 'tmp', name: 'Temporary', type: 'OIDC', issuer: op.issuer, clientId: op.clientId, clientSecret: 'first-secret' });
    const updated = await t.gql(UPDATE_PROVIDER, { key: 'tmp', input: { name: 'Renamed', clientSecret: 'second-secret', scopes: ['email'] } }, admin);
    expect(updated.data.admin.updateIdentityProvider).toMatchObject({ key: 'tmp', name: 'Renamed', issuer: op.issuer, clientId: op.clientId, scopes: ['openid', 'email'] });
    const row = await t.db.prisma.identityProvider.findUniqueOrThrow({ where: { key: 'tmp' } });
    expect(t.app.deps.secrets.decrypt(CLIENT_SECRET_PURPOSE, row.clientSecretEncrypted)).toBe('second-secret');
    const deleted = await t.gql(DELETE_PROVIDER, { key: 'tmp' }, admin);
    expect(deleted.data.admin.deleteIdentityProvider).toMatchObject({ __typename: 'IdentityProvider', key: 'tmp' });
    expect((await t.gql(DELETE_PROVIDER, { key: 'tmp' }, admin)).data.admin.deleteIdentityProvider.code).toBe('NOT_FOUND');
    const events = await t.db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'admin.identity_provider.' } }, orderBy: { at: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['admin.identity_provider.create', 'admin.identity_provider.update', 'admin.identity_provider.delete']));
    const text = JSON.stringify(events);
    for (const secret of ['first-secret', 'second-secret', op.clientSecret, gh.clientSecret]) expect(text).not.toContain(secret);
  });
});

describe('sign-in with OpenID Connect', () => {
  const alice: OidcAccount = { sub: 'alice-0001', email: 'Alice@Acme.test', email_verified: true, name: 'Alice Liddell', picture: 'https://img.acme.test/alice.png' };

  it('creates the account on the first sign-in, finds it on the second', async () => {
    const before = await counts(t);
    const first = await oidc(alice);
    expect(first).toMatchObject({ __typename: 'TokenSet', scope: 'openid profile' });
    const account = await me(first.accessToken);
    expect(account).toMatchObject({ primaryEmail: 'alice@acme.test', name: 'Alice Liddell', avatar: 'https://img.acme.test/alice.png', hasPassword: false });
    expect(account.identities).toEqual([
      {
        provider: 'acme',
        providerName: 'Acme ID',
        subject: 'alice-0001',
        email: 'alice@acme.test',
        emailVerified: true,
        name: 'Alice Liddell',
        avatar: 'https://img.acme.test/alice.png',
        linkedAt: expect.any(String),
        lastSignInAt: expect.any(String),
      },
    ]);
    expect(await counts(t)).toEqual({ users: before.users + 1, identities: before.identities + 1 });
    const session = await t.db.prisma.session.findFirstOrThrow({ where: { userId: account.id } });
    expect(session.amr).toEqual(['fed']);

    t.clock.advance(60_000);
    const second = await oidc({ ...alice, name: 'Alice L.' });
    expect(second.__typename).toBe('TokenSet');
    const again = await me(second.accessToken);
    expect(again.id).toBe(account.id);
    // The identity follows the provider's profile; the account's own name stays the user's.
    expect(again.identities[0]).toMatchObject({ name: 'Alice L.' });
    expect(again.name).toBe('Alice Liddell');
    expect(new Date(again.identities[0].lastSignInAt).getTime()).toBeGreaterThan(new Date(account.identities[0].lastSignInAt).getTime());
    expect(await counts(t)).toEqual({ users: before.users + 1, identities: before.identities + 1 });
    expect(await auditActions(account.id)).toEqual(['user.sign_up', 'user.sign_in', 'user.sign_in']);
  });

  it('concurrent first sign-ins of one identity create one account', async () => {
    const zed: OidcAccount = { sub: 'zed-0011', email: 'zed@acme.test', email_verified: true };
    const flows = [];
    for (let i = 0; i < 4; i++) {
      const started = await startSignIn(t, 'acme-untrusted');
      flows.push({ state: started.state, code: (await op.authorize(started.authorizationUrl, zed)).get('code')! });
    }
    const results = await Promise.all(flows.map((f) => finishSignIn(t, f.state, f.code)));
    expect(results.map((r) => r.__typename)).toEqual(['TokenSet', 'TokenSet', 'TokenSet', 'TokenSet']);
    const ids = await Promise.all(results.map(async (r) => (await me(r.accessToken)).id));
    expect(new Set(ids).size).toBe(1);
    expect(await t.db.prisma.userIdentity.count({ where: { subject: 'zed-0011' } })).toBe(1);
  });

  it('stores the provider tokens encrypted and gives the access token to the account holder', async () => {
    const bob: OidcAccount = { sub: 'bob-0002', email: 'bob@acme.test', email_verified: true, name: 'Bob' };
    const tokens = await oidc(bob);
    const account = await me(tokens.accessToken);
    const row = await t.db.prisma.userIdentity.findFirstOrThrow({ where: { userId: account.id } });
    expect(row.accessTokenEncrypted).toMatch(/^v1\./);
    expect(row.refreshTokenEncrypted).toMatch(/^v1\./);
    const res = await t.gql(ACCESS_TOKEN, { p: 'acme' }, tokens.accessToken);
    const token = res.data.me.identityAccessToken;
    expect(token).toMatchObject({ tokenType: 'bearer', scope: expect.stringContaining('openid') });
    expect(t.app.deps.secrets.decrypt(TOKEN_PURPOSE, row.accessTokenEncrypted!)).toBe(token.accessToken);
    // The token works at the provider: its userinfo endpoint answers for Bob.
    const info = await fetch(`${op.issuer}/me`, { headers: { authorization: `Bearer ${token.accessToken}` } });
    expect(((await info.json()) as { sub: string }).sub).toBe('bob-0002');
    expect((await t.gql(ACCESS_TOKEN, { p: 'gh' }, tokens.accessToken)).data.me.identityAccessToken).toBeNull();

    // Not for an admin reading the user, nor for an impersonation token.
    const admin = await adminToken();
    const asAdmin = await t.gql(`query($id: ID!) { admin { user(id: $id) { id identityAccessToken(provider: "acme") { accessToken } } } }`, { id: account.id }, admin);
    expect(asAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const imp = await t.gql(
      `mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) { ... on TokenSet { accessToken } ... on Error { code message } } } }`,
      { input: { userId: account.id, reason: 'support ticket 1' } },
      admin,
    );
    const impersonated = await t.gql(ACCESS_TOKEN, { p: 'acme' }, imp.data.admin.impersonateUser.accessToken);
    expect(impersonated.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refreshes an expired provider access token with the stored refresh token', async () => {
    const user = await newUser(t, { username: 'refresher', password: PASSWORD });
    const started = (await t.gql(START_LINK, { input: { provider: 'acme', redirectUri: REDIRECT_URI, verificationId: await verifyPassword(t, user.token) } }, user.token)).data.me
      .startSocialLink;
    const callback = await op.authorize(started.authorizationUrl, { sub: 'refresher-1', email: 'refresher@acme.test', email_verified: true });
    expect((await t.gql(FINISH_LINK, { input: { state: started.state, code: callback.get('code') } }, user.token)).data.me.finishSocialLink.__typename).toBe('UserIdentity');
    const first = (await t.gql(ACCESS_TOKEN, { p: 'acme' }, user.token)).data.me.identityAccessToken;
    // The provider's access token lives an hour: past that, reading it refreshes it first.
    t.clock.advance(3601_000);
    const fresh = (await t.signIn('refresher', PASSWORD)).accessToken;
    const second = (await t.gql(ACCESS_TOKEN, { p: 'acme' }, fresh)).data.me.identityAccessToken;
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(new Date(second.expiresAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
    const info = await fetch(`${op.issuer}/me`, { headers: { authorization: `Bearer ${second.accessToken}` } });
    expect(((await info.json()) as { sub: string }).sub).toBe('refresher-1');
  });

  it('links a new sign-in to the account holding its email only when trusted and verified', async () => {
    // The account's address is proven (an admin vouched): test/social-linking.security.test.ts has the unproven case.
    const owner = await newUser(t, { primaryEmail: 'carol@acme.test', emailVerified: true, password: PASSWORD });
    const before = await counts(t);
    const carol: OidcAccount = { sub: 'carol-0003', email: 'carol@acme.test', email_verified: true, name: 'Carol' };

    // Untrusted provider, verified email: refused, nothing written.
    const untrusted = await oidc(carol, 'acme-untrusted');
    expect(untrusted).toMatchObject({ __typename: 'UserError', code: 'IDENTIFIER_IN_USE' });
    // Trusted provider, unverified email: refused, nothing written.
    const unverified = await oidc({ ...carol, email_verified: false });
    expect(unverified).toMatchObject({ __typename: 'UserError', code: 'IDENTIFIER_IN_USE' });
    expect(await counts(t)).toEqual(before);

    // Trusted and verified: linked to the existing account, whose owner hears of it.
    const linked = await oidc(carol);
    expect(linked.__typename).toBe('TokenSet');
    const account = await me(linked.accessToken);
    expect(account.id).toBe(owner.id);
    expect(account.identities.map((i: { provider: string }) => i.provider)).toEqual(['acme']);
    expect(await counts(t)).toEqual({ users: before.users, identities: before.identities + 1 });
    const notice = await t.mail.latestTo('carol@acme.test', 'A sign-in provider was linked');
    expect(notice.text).not.toContain('carol-0003');
    expect(await auditActions(owner.id)).toContain('user.identity.link');
  });

  it('creates an account without an email when the provider does not verify it', async () => {
    const tokens = await oidc({ sub: 'dave-0004', email: 'dave@acme.test', email_verified: false, name: 'Dave' });
    const account = await me(tokens.accessToken);
    expect(account.primaryEmail).toBeNull();
    expect(account.identities[0]).toMatchObject({ email: 'dave@acme.test', emailVerified: false });
  });

  it('asks for the second factor when the account has MFA', async () => {
    const erin: OidcAccount = { sub: 'erin-0005', email: 'erin@acme.test', email_verified: true, name: 'Erin' };
    const first = await oidc(erin);
    const token = first.accessToken;
    // A social-only account proves its identity with a code to its (provider-verified) email.
    const { secret } = (await t.gql(GENERATE_SECRET, {}, token)).data.me.generateTotpSecret;
    const verificationId = await verifiedCodeRecord(t, token, { email: 'erin@acme.test' });
    const enrolled = await t.gql(ENROLL, { input: { secret, code: await totpAt(t, secret), verificationId } }, token);
    expect(enrolled.data.me.enrollTotp.__typename).toBe('MfaFactor');

    t.clock.advance(31_000);
    const challenge = await oidc(erin);
    expect(challenge).toMatchObject({ __typename: 'MfaChallenge', factors: ['TOTP'] });
    const userId = (await me(token)).id;
    const sessionsBefore = await t.db.prisma.session.count({ where: { userId } });
    const verified = (await t.gql(VERIFY_SIGN_IN, { input: { mfaToken: challenge.mfaToken, totpCode: await totpAt(t, secret) } })).data.verifySignIn;
    expect(verified.__typename).toBe('TokenSet');
    expect((await me(verified.accessToken)).id).toBe(userId);
    expect(await t.db.prisma.session.count({ where: { userId } })).toBe(sessionsBefore + 1);
    const newest = await t.db.prisma.session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: 'desc' } });
    expect(newest.amr).toEqual(['fed', 'otp']);
  });

  it('refuses a new account when sign-up is disabled, and a suspended account', async () => {
    const closed = await createTestApp({ SIGN_UP_ENABLED: 'false' });
    try {
      const admin = (await closed.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
      await createProvider(closed, admin, { key: 'acme', name: 'Acme', type: 'OIDC', issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret });
      const res = await socialSignIn(closed, 'acme', (url) => op.authorize(url, { sub: 'frank-0006', email: 'frank@acme.test', email_verified: true }));
      expect(res).toMatchObject({ __typename: 'UserError', code: 'SIGN_UP_DISABLED' });
      expect(await closed.db.prisma.user.count()).toBe(1);
      expect(await closed.db.prisma.userIdentity.count()).toBe(0);
    } finally {
      await closed.close();
    }

    const grace: OidcAccount = { sub: 'grace-0007', email: 'grace@acme.test', email_verified: true };
    const tokens = await oidc(grace);
    const id = (await me(tokens.accessToken)).id;
    await t.gql(`mutation($id: ID!) { admin { setUserSuspended(id: $id, suspended: true) { __typename } } }`, { id }, await adminToken());
    expect(await oidc(grace)).toMatchObject({ __typename: 'UserError', code: 'ACCOUNT_SUSPENDED' });
  });
});

describe('sign-in with a GitHub-style OAuth 2.0 provider', () => {
  it('maps id, login, avatar_url; never trusts an email it does not verify', async () => {
    const octo = { id: 583231, login: 'octocat', name: 'The Octocat', email: 'octocat@github.test', avatar_url: 'https://avatars.github.test/u/583231' };
    const first = await github(octo);
    expect(first.__typename).toBe('TokenSet');
    const account = await me(first.accessToken);
    expect(account).toMatchObject({ primaryEmail: null, name: 'The Octocat', avatar: octo.avatar_url });
    expect(account.identities).toEqual([
      expect.objectContaining({ provider: 'gh', subject: '583231', email: 'octocat@github.test', emailVerified: false, name: 'The Octocat', avatar: octo.avatar_url }),
    ]);
    const second = await github({ ...octo, name: null as never });
    expect((await me(second.accessToken)).id).toBe(account.id);
    // An OAuth 2.0 token endpoint sent no refresh token or expiry; the access token is still there.
    const token = (await t.gql(ACCESS_TOKEN, { p: 'gh' }, second.accessToken)).data.me.identityAccessToken;
    expect(token).toMatchObject({ accessToken: expect.stringMatching(/^gho_/), tokenType: 'bearer', scope: 'read:user,user:email', expiresAt: null });
    // The email of an existing account is not taken over by an unverified provider email.
    await newUser(t, { primaryEmail: 'hopper@example.com', password: PASSWORD });
    expect(await github({ id: 9, login: 'hopper', email: 'hopper@example.com' })).toMatchObject({ code: 'IDENTIFIER_IN_USE' });
  });
});

describe('linked accounts (me, field social)', () => {
  it('links with an identity proof, lists, refuses a foreign identity, unlinks with notices', async () => {
    const user = await newUser(t, { username: 'linker', primaryEmail: 'linker@example.com', password: PASSWORD });
    const noProof = await t.gql(START_LINK, { input: { provider: 'gh', redirectUri: REDIRECT_URI, verificationId: 'ver_missing' } }, user.token);
    expect(noProof.data.me.startSocialLink).toMatchObject({ code: 'VERIFICATION_REQUIRED' });

    const link = async (provider: string, authorize: (url: string) => Promise<URLSearchParams>) => {
      const started = (await t.gql(START_LINK, { input: { provider, redirectUri: REDIRECT_URI, verificationId: await verifyPassword(t, user.token) } }, user.token)).data.me
        .startSocialLink;
      expect(started.__typename).toBe('SocialAuthorization');
      const callback = await authorize(started.authorizationUrl);
      return (await t.gql(FINISH_LINK, { input: { state: started.state, code: callback.get('code') } }, user.token)).data.me.finishSocialLink;
    };
    const linked = await link('gh', (url) => gh.authorize(url, { id: 777, login: 'linker-gh', email: 'linker@gh.test' }));
    expect(linked).toMatchObject({ __typename: 'UserIdentity', provider: 'gh', subject: '777', email: 'linker@gh.test', lastSignInAt: null });
    await t.mail.latestTo('linker@example.com', 'A sign-in provider was linked');
    // The linked identity now signs in to this account.
    const viaGithub = await github({ id: 777, login: 'linker-gh' });
    expect((await me(viaGithub.accessToken)).id).toBe(user.id);

    // Someone else's identity (octocat, linked above) cannot be linked here.
    const foreign = await link('acme', (url) => op.authorize(url, { sub: 'alice-0001', email: 'alice@acme.test', email_verified: true }));
    expect(foreign).toMatchObject({ __typename: 'UserError', code: 'IDENTIFIER_IN_USE' });
    // A second identity at the same provider: CONFLICT before leaving for the provider.
    const twice = await t.gql(START_LINK, { input: { provider: 'gh', redirectUri: REDIRECT_URI, verificationId: await verifyPassword(t, user.token) } }, user.token);
    expect(twice.data.me.startSocialLink).toMatchObject({ code: 'CONFLICT', path: ['provider'] });

    const removed = await t.gql(REMOVE_IDENTITY, { input: { provider: 'gh', verificationId: await verifyPassword(t, user.token) } }, user.token);
    expect(removed.data.me.removeIdentity).toMatchObject({ __typename: 'User', identities: [] });
    await t.mail.latestTo('linker@example.com', 'A sign-in provider was unlinked');
    expect(await auditActions(user.id)).toEqual(expect.arrayContaining(['user.identity.link', 'user.identity.unlink']));
    // Unlinked: the GitHub account is a stranger again (a new account is created for it).
    const stranger = await github({ id: 777, login: 'linker-gh' });
    expect((await me(stranger.accessToken)).id).not.toBe(user.id);
  });

  it('refuses to unlink the last way to sign in, and allows it once there is another', async () => {
    const tokens = await oidc({ sub: 'ivan-0008', email: 'ivan@acme.test', email_verified: true });
    const token = tokens.accessToken;
    const remove = async () =>
      (await t.gql(REMOVE_IDENTITY, { input: { provider: 'acme', verificationId: await verifiedCodeRecord(t, token, { email: 'ivan@acme.test' }) } }, token)).data.me
        .removeIdentity;
    expect(await remove()).toMatchObject({ __typename: 'UserError', code: 'LAST_SIGN_IN_METHOD', path: ['provider'] });
    expect((await me(token)).identities).toHaveLength(1);
    // The email alone is no way in without a password; with one, the identity may go.
    t.clock.advance(61_000);
    const set = await t.gql(`mutation($input: SetPasswordInput!) { me { setPassword(input: $input) { __typename ... on Error { code message } } } }`, {
      input: { newPassword: PASSWORD, verificationId: await verifiedCodeRecord(t, token, { email: 'ivan@acme.test' }) },
    }, token);
    expect(set.data.me.setPassword.__typename).toBe('User');
    t.clock.advance(61_000);
    expect(await remove()).toMatchObject({ __typename: 'User', identities: [] });
  });

  it('proves identity by signing in again at a linked provider (step-up)', async () => {
    const tokens = await github({ id: 4040, login: 'no-email-user', email: null });
    const token = tokens.accessToken;
    const START_VERIFY = `mutation($input: StartSocialVerificationInput!) { me { startSocialVerification(input: $input) { __typename
      ... on SocialAuthorization { authorizationUrl state } ... on UserError { path } ... on Error { code message } } } }`;
    const VERIFY = `mutation($input: VerifySocialIdentityInput!) { me { verifySocialIdentity(input: $input) { __typename
      ... on VerificationRecord { id verified expiresAt } ... on Error { code message } } } }`;
    const prove = async (as: { id: number; login: string }) => {
      const started = (await t.gql(START_VERIFY, { input: { provider: 'gh', redirectUri: REDIRECT_URI } }, token)).data.me.startSocialVerification;
      const callback = await gh.authorize(started.authorizationUrl, as);
      return (await t.gql(VERIFY, { input: { state: started.state, code: callback.get('code') } }, token)).data.me.verifySocialIdentity;
    };
    // Another GitHub account proves nothing about this one.
    expect(await prove({ id: 4041, login: 'someone-else' })).toMatchObject({ __typename: 'UserError', code: 'INVALID_CREDENTIALS' });
    const record = await prove({ id: 4040, login: 'no-email-user' });
    expect(record).toMatchObject({ __typename: 'VerificationRecord', verified: true });
    const notLinked = await t.gql(START_VERIFY, { input: { provider: 'acme', redirectUri: REDIRECT_URI } }, token);
    expect(notLinked.data.me.startSocialVerification).toMatchObject({ code: 'NOT_FOUND', path: ['provider'] });

    // The proof unlocks a sensitive change: linking a second provider.
    const started = (await t.gql(START_LINK, { input: { provider: 'acme', redirectUri: REDIRECT_URI, verificationId: record.id } }, token)).data.me.startSocialLink;
    const callback = await op.authorize(started.authorizationUrl, { sub: 'no-email-user-acme' });
    const linked = (await t.gql(FINISH_LINK, { input: { state: started.state, code: callback.get('code') } }, token)).data.me.finishSocialLink;
    expect(linked).toMatchObject({ __typename: 'UserIdentity', provider: 'acme', subject: 'no-email-user-acme' });
    // With two identities, one of them may go.
    const removed = await t.gql(REMOVE_IDENTITY, { input: { provider: 'gh', verificationId: record.id } }, token);
    expect(removed.data.me.removeIdentity).toMatchObject({ __typename: 'User', identities: [{ provider: 'acme' }] });
  });

  it('lets an identity stand in for the email as a way in', async () => {
    const tokens = await oidc({ sub: 'judy-0009', email: 'judy@acme.test', email_verified: true });
    const token = tokens.accessToken;
    const res = await t.gql(`mutation($v: ID!) { me { removePrimaryEmail(verificationId: $v) { __typename ... on User { primaryEmail } ... on Error { code } } } }`, {
      v: await verifiedCodeRecord(t, token, { email: 'judy@acme.test' }),
    }, token);
    expect(res.data.me.removePrimaryEmail).toEqual({ __typename: 'User', primaryEmail: null });
  });

  it('follows the account center: OFF hides identities, READ_ONLY refuses changes', async () => {
    const admin = await adminToken();
    const tokens = await oidc({ sub: 'ken-0010', email: 'ken@acme.test', email_verified: true });
    const setMode = (mode: string) =>
      t.gql(`mutation($input: UpdateAccountCenterInput!) { admin { updateAccountCenter(input: $input) { __typename } } }`, { input: { fields: { social: mode } } }, admin);
    try {
      await setMode('OFF');
      expect((await me(tokens.accessToken)).identities).toEqual([]);
      await setMode('READ_ONLY');
      expect((await me(tokens.accessToken)).identities).toHaveLength(1);
      const refused = await t.gql(REMOVE_IDENTITY, { input: { provider: 'acme', verificationId: 'ver_x' } }, tokens.accessToken);
      expect(refused.data.me.removeIdentity).toMatchObject({ code: 'FIELD_NOT_EDITABLE' });
    } finally {
      await setMode('EDIT');
    }
  });
});

describe('admin: identities of a user', () => {
  it('links by subject, filters users by provider, unlinks, audited', async () => {
    const admin = await adminToken();
    const user = await newUser(t, { primaryEmail: 'linked-by-admin@example.com', password: PASSWORD });
    const linked = await t.gql(ADMIN_LINK, { input: { userId: user.id, provider: 'gh', subject: '31337' } }, admin);
    expect(linked.data.admin.linkUserIdentity).toMatchObject({ __typename: 'UserIdentity', provider: 'gh', subject: '31337', email: null });
    await t.mail.latestTo('linked-by-admin@example.com', 'A sign-in provider was linked');
    // That GitHub account now signs in to this user.
    const signedIn = await github({ id: 31337, login: 'elite', email: 'elite@gh.test' });
    expect((await me(signedIn.accessToken)).id).toBe(user.id);

    const other = await newUser(t, { username: 'other-user', password: PASSWORD });
    expect((await t.gql(ADMIN_LINK, { input: { userId: other.id, provider: 'gh', subject: '31337' } }, admin)).data.admin.linkUserIdentity).toMatchObject({
      code: 'IDENTIFIER_IN_USE',
      path: ['subject'],
    });
    expect((await t.gql(ADMIN_LINK, { input: { userId: user.id, provider: 'gh', subject: '4' } }, admin)).data.admin.linkUserIdentity).toMatchObject({
      code: 'CONFLICT',
    });
    expect((await t.gql(ADMIN_LINK, { input: { userId: 'usr_nope', provider: 'gh', subject: '5' } }, admin)).data.admin.linkUserIdentity).toMatchObject({
      code: 'NOT_FOUND',
      path: ['userId'],
    });
    expect((await t.gql(ADMIN_LINK, { input: { userId: user.id, provider: 'nope', subject: '5' } }, admin)).data.admin.linkUserIdentity).toMatchObject({
      code: 'NOT_FOUND',
      path: ['provider'],
    });

    const filtered = await t.gql(`{ admin { users(first: 100, filter: { provider: "gh" }) { totalCount edges { node { id identities { provider subject } } } } } }`, {}, admin);
    const ids = filtered.data.admin.users.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(user.id);
    expect(ids).not.toContain(other.id);
    const holders = await t.db.prisma.userIdentity.findMany({ where: { provider: { key: 'gh' } }, select: { userId: true } });
    expect(filtered.data.admin.users.totalCount).toBe(new Set(holders.map((h) => h.userId)).size);
    const detail = await t.gql(`query($id: ID!) { admin { user(id: $id) { identities { provider subject linkedAt lastSignInAt } } } }`, { id: user.id }, admin);
    expect(detail.data.admin.user.identities).toEqual([{ provider: 'gh', subject: '31337', linkedAt: expect.any(String), lastSignInAt: expect.any(String) }]);

    const unlinked = await t.gql(ADMIN_UNLINK, { input: { userId: user.id, provider: 'gh' } }, admin);
    expect(unlinked.data.admin.unlinkUserIdentity).toMatchObject({ __typename: 'User', identities: [] });
    expect((await t.gql(ADMIN_UNLINK, { input: { userId: user.id, provider: 'gh' } }, admin)).data.admin.unlinkUserIdentity.code).toBe('NOT_FOUND');
    const events = await t.db.prisma.auditEvent.findMany({ where: { userId: user.id, action: { startsWith: 'admin.user.identity' } } });
    expect(events.map((e) => e.action).sort()).toEqual(['admin.user.identity.link', 'admin.user.identity.unlink']);
    expect(events.every((e) => e.actorId !== user.id)).toBe(true);
  });

  it('refuses to delete a provider some account signs in with alone', async () => {
    const admin = await adminToken();
    await createProvider(t, admin, { key: 'solo', name: 'Solo', type: 'OIDC', issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret });
    const tokens = await socialSignIn(t, 'solo', (url) => op.authorize(url, { sub: 'solo-user' }));
    const id = (await me(tokens.accessToken)).id;
    expect((await t.gql(DELETE_PROVIDER, { key: 'solo' }, admin)).data.admin.deleteIdentityProvider).toMatchObject({ code: 'CONFLICT', path: ['key'] });
    await t.gql(`mutation($id: ID!) { admin { setUserPassword(id: $id, password: "${PASSWORD}") { __typename } } }`, { id }, admin);
    await t.gql(`mutation($id: ID!) { admin { updateUser(id: $id, input: { username: "solo-user" }) { __typename } } }`, { id }, admin);
    expect((await t.gql(DELETE_PROVIDER, { key: 'solo' }, admin)).data.admin.deleteIdentityProvider).toMatchObject({ __typename: 'IdentityProvider' });
    expect(await t.db.prisma.userIdentity.count({ where: { userId: id } })).toBe(0);
  });
});

describe('events of social identities (webhooks, activity, export)', () => {
  const SECURITY_EVENTS = `{ me { securityEvents(first: 50) { edges { node { type actor data } } } } }`;
  const activity = async (token: string) =>
    (await t.gql(SECURITY_EVENTS, {}, token)).data.me.securityEvents.edges.map((e: any) => e.node) as { type: string; actor: string; data: any }[];

  it('a link, a social sign-in and an unlink are typed events: webhook, me.securityEvents, notices; exportData lists the identity without its tokens', async () => {
    const admin = await adminToken();
    const hook = await t.gql(
      `mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { __typename ... on WebhookSecret { signingSecret } ... on Error { code message } } } }`,
      { input: { url: receiver.url, events: ['identity.linked', 'identity.unlinked', 'user.signed_in'], name: 'social' } },
      admin,
    );
    expect(hook.data.admin.createWebhook.__typename).toBe('WebhookSecret');
    receiver.secret = hook.data.admin.createWebhook.signingSecret;

    const user = await newUser(t, { username: 'eventful', primaryEmail: 'eventful@example.com', password: PASSWORD });
    const started = (await t.gql(START_LINK, { input: { provider: 'gh', redirectUri: REDIRECT_URI, verificationId: await verifyPassword(t, user.token) } }, user.token)).data.me
      .startSocialLink;
    const callback = await gh.authorize(started.authorizationUrl, { id: 9901, login: 'eventful-gh', name: 'Eventful', email: 'eventful@gh.test', avatar_url: 'https://avatars.github.test/u/9901' });
    const linked = (await t.gql(FINISH_LINK, { input: { state: started.state, code: callback.get('code') } }, user.token)).data.me.finishSocialLink;
    expect(linked.__typename).toBe('UserIdentity');
    const row = await t.db.prisma.userIdentity.findFirstOrThrow({ where: { userId: user.id } });
    await t.mail.latestTo('eventful@example.com', 'A sign-in provider was linked');

    const mine = (type: string) => receiver.ofType(type).filter((r) => r.payload.data.user?.id === user.id);
    await expect.poll(() => mine('identity.linked').length, { timeout: 10_000 }).toBe(1);
    expect(mine('identity.linked')[0]!.payload.data).toEqual({ user: { id: user.id }, provider: 'gh', identityId: row.id, subject: '9901', via: 'self' });

    // Signing in with the linked identity: user.signed_in, method social.
    const viaGithub = await github({ id: 9901, login: 'eventful-gh', name: 'Eventful', email: 'eventful@gh.test', avatar_url: 'https://avatars.github.test/u/9901' });
    expect(viaGithub.accessToken).toEqual(expect.any(String));
    await expect.poll(() => mine('user.signed_in').filter((r) => r.payload.data.method === 'social').length, { timeout: 10_000 }).toBe(1);
    expect(mine('user.signed_in').find((r) => r.payload.data.method === 'social')!.payload.data).toMatchObject({ provider: 'gh', sessionId: expect.any(String) });

    const seen = await activity(user.token);
    expect(seen).toContainEqual({ type: 'identity.linked', actor: 'SELF', data: expect.objectContaining({ provider: 'gh', subject: '9901' }) });
    expect(seen).toContainEqual({ type: 'user.signed_in', actor: 'SELF', data: expect.objectContaining({ method: 'social', provider: 'gh' }) });

    // exportData: what the provider said and when, never its tokens (sealed or not).
    const providerToken = (await t.gql(ACCESS_TOKEN, { p: 'gh' }, user.token)).data.me.identityAccessToken.accessToken;
    expect(providerToken).toMatch(/^gho_/);
    const exported = (await t.gql(`{ me { exportData } }`, {}, user.token)).data.me.exportData;
    expect(exported.identities).toEqual([
      {
        id: row.id,
        provider: 'gh',
        providerName: 'GitHub',
        subject: '9901',
        email: 'eventful@gh.test',
        emailVerified: false,
        name: 'Eventful',
        avatar: 'https://avatars.github.test/u/9901',
        linkedAt: row.linkedAt.toISOString(),
        lastSignInAt: expect.any(String),
      },
    ]);
    const text = JSON.stringify(exported);
    expect(text).not.toContain(providerToken);
    for (const sealed of [row.accessTokenEncrypted, row.refreshTokenEncrypted]) if (sealed) expect(text).not.toContain(sealed);
    expect(text).not.toMatch(/accessToken|refreshToken|gho_/);

    const removed = await t.gql(REMOVE_IDENTITY, { input: { provider: 'gh', verificationId: await verifyPassword(t, user.token) } }, user.token);
    expect(removed.data.me.removeIdentity.__typename).toBe('User');
    await t.mail.latestTo('eventful@example.com', 'A sign-in provider was unlinked');
    await expect.poll(() => mine('identity.unlinked').length, { timeout: 10_000 }).toBe(1);
    expect(mine('identity.unlinked')[0]!.payload.data).toEqual({ user: { id: user.id }, provider: 'gh', identityId: row.id, subject: '9901', via: 'self' });
    expect((await activity(user.token)).map((e) => e.type)).toContain('identity.unlinked');
    expect(receiver.rejected).toEqual([]);
    // The audit rows keep their action names, now with a type.
    const rows = await t.db.prisma.auditEvent.findMany({ where: { userId: user.id, action: { in: ['user.identity.link', 'user.identity.unlink', 'user.sign_in'] } } });
    expect(rows.every((r) => r.type !== null)).toBe(true);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['user.identity.link', 'user.identity.unlink', 'user.sign_in']));
  });
});
