// Where social sign-in meets verified addresses (docs/social.md "The email rule"): a sign-up with
// someone else's address must never end up holding their social identity, an untrusted provider's
// email is never taken as proven, and a social step-up needs a fresh login at the provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD, verifiedCodeRecord, verifyPassword } from './helpers/me.js';
import { IdTokenRewriter, type OidcAccount, TestOidcProvider, REDIRECT_URI } from './helpers/social-providers.js';
import { createProvider, FINISH_LINK, MY_IDENTITIES, socialSignIn, START_LINK } from './helpers/social.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let op: TestOidcProvider;
let mitm: IdTokenRewriter;

const oidc = (account: OidcAccount, key = 'acme') => socialSignIn(t, key, (url) => op.authorize(url, account));
const PROOF = `{ me { id primaryEmail emailVerified identities { provider } } }`;
const proof = async (token: string) => (await t.gql(PROOF, {}, token)).data.me;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on TokenSet { accessToken } ... on Error { code message } } }`;

beforeAll(async () => {
  [t, op] = await Promise.all([createTestApp(), TestOidcProvider.start()]);
  mitm = await IdTokenRewriter.start(op);
  const admin = await t.adminToken();
  const oidcProvider = { type: 'OIDC', clientId: op.clientId, clientSecret: op.clientSecret };
  await createProvider(t, admin, { ...oidcProvider, key: 'acme', name: 'Acme ID', issuer: op.issuer, trustEmail: true });
  await createProvider(t, admin, { ...oidcProvider, key: 'acme-untrusted', name: 'Acme (untrusted)', issuer: op.issuer });
  await createProvider(t, admin, { ...oidcProvider, key: 'mitm', name: 'Rewritten', issuer: mitm.issuer, trustEmail: true });
});
afterAll(async () => {
  await t?.close();
  await mitm?.close();
  await op?.close();
});

describe('linking a social sign-in by email', () => {
  it('refuses to link a trusted identity to an account whose email was never proven (pre-account hijack)', async () => {
    // The squatter signs up with the victim's address: no proof is asked.
    const squat = await t.gql(SIGN_UP, { input: { email: 'victim@acme.test', password: PASSWORD } });
    const squatter = squat.data.signUp.accessToken as string;
    expect(await proof(squatter)).toMatchObject({ emailVerified: false, identities: [] });

    // The real owner signs in with a provider trusted for email, which verified it.
    const victim: OidcAccount = { sub: 'victim-1', email: 'victim@acme.test', email_verified: true };
    const answer = await oidc(victim);
    expect(answer).toMatchObject({ __typename: 'UserError', code: 'IDENTIFIER_IN_USE', path: ['email'] });
    // The message tells the owner how to get in.
    expect(answer.message).toMatch(/sign in to it/i);
    expect(answer.message).toMatch(/verify the email address/i);
    expect(await t.db.prisma.userIdentity.count({ where: { subject: 'victim-1' } })).toBe(0);
    // The squatter holds no identity and so no provider token.
    expect(await proof(squatter)).toMatchObject({ identities: [] });
    const access = await t.gql(`query { me { identityAccessToken(provider: "acme") { accessToken } } }`, {}, squatter);
    expect(access.data?.me?.identityAccessToken ?? null).toBeNull();
  });

  it('links once the account proved its address with a code', async () => {
    const own = await t.gql(SIGN_UP, { input: { email: 'owner@acme.test', password: PASSWORD } });
    const token = own.data.signUp.accessToken as string;
    const account: OidcAccount = { sub: 'owner-1', email: 'owner@acme.test', email_verified: true };
    expect(await oidc(account)).toMatchObject({ code: 'IDENTIFIER_IN_USE' });
    await verifiedCodeRecord(t, token, { email: 'owner@acme.test' });
    const linked = await oidc(account);
    expect(linked.__typename).toBe('TokenSet');
    expect(await proof(linked.accessToken)).toMatchObject({ primaryEmail: 'owner@acme.test', emailVerified: true, identities: [{ provider: 'acme' }] });
    // An untrusted provider never links, proven address or not.
    const untrusted = await oidc({ sub: 'owner-untrusted', email: 'owner@acme.test', email_verified: true }, 'acme-untrusted');
    expect(untrusted).toMatchObject({ code: 'IDENTIFIER_IN_USE' });
    expect(untrusted.message).not.toMatch(/verify the email address/i);
  });

  it('a social sign-up takes the verified email as primaryEmail, proven only with trustEmail', async () => {
    const viaUntrusted = await oidc({ sub: 'new-untrusted', email: 'new.untrusted@acme.test', email_verified: true }, 'acme-untrusted');
    expect(await proof(viaUntrusted.accessToken)).toMatchObject({ primaryEmail: 'new.untrusted@acme.test', emailVerified: false });
    const viaTrusted = await oidc({ sub: 'new-trusted', email: 'new.trusted@acme.test', email_verified: true });
    expect(await proof(viaTrusted.accessToken)).toMatchObject({ primaryEmail: 'new.trusted@acme.test', emailVerified: true });
    // The untrusted provider's account cannot be the target of a trusted link either.
    expect(await oidc({ sub: 'other-trusted', email: 'new.untrusted@acme.test', email_verified: true })).toMatchObject({ code: 'IDENTIFIER_IN_USE' });
  });

  it('linking a trusted provider that verified the account\'s own email proves it', async () => {
    const u = await newUser(t, { primaryEmail: 'linker@acme.test', password: PASSWORD });
    expect(await proof(u.token)).toMatchObject({ emailVerified: false });
    const started = (await t.gql(START_LINK, { input: { provider: 'acme', redirectUri: REDIRECT_URI, verificationId: await verifyPassword(t, u.token) } }, u.token)).data.me.startSocialLink;
    const callback = await op.authorize(started.authorizationUrl, { sub: 'linker-1', email: 'linker@acme.test', email_verified: true });
    const linked = (await t.gql(FINISH_LINK, { input: { state: started.state, code: callback.get('code') } }, u.token)).data.me.finishSocialLink;
    expect(linked).toMatchObject({ __typename: 'UserIdentity', provider: 'acme' });
    expect(await proof(u.token)).toMatchObject({ emailVerified: true });
    expect((await t.gql(MY_IDENTITIES, {}, u.token)).data.me.identities).toHaveLength(1);
  });
});

describe('social step-up asks for a fresh login', () => {
  const START_VERIFY = `mutation($input: StartSocialVerificationInput!) { me { startSocialVerification(input: $input) { __typename
    ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } } } }`;
  const VERIFY = `mutation($input: VerifySocialIdentityInput!) { me { verifySocialIdentity(input: $input) { __typename
    ... on VerificationRecord { id verified } ... on Error { code message } } } }`;
  const account: OidcAccount = { sub: 'stepper-1', email: 'stepper@acme.test', email_verified: true };

  async function stepUp(token: string, tamper: Record<string, unknown> | null) {
    const started = (await t.gql(START_VERIFY, { input: { provider: 'mitm', redirectUri: REDIRECT_URI } }, token)).data.me.startSocialVerification;
    const url = new URL(started.authorizationUrl);
    const callback = await op.authorize(started.authorizationUrl, account);
    mitm.tamper = tamper ? { claims: tamper } : null;
    try {
      return { url, answer: (await t.gql(VERIFY, { input: { state: started.state, code: callback.get('code') } }, token)).data.me.verifySocialIdentity };
    } finally {
      mitm.tamper = null;
    }
  }

  it('sends prompt=login and max_age=0, and refuses an ID token whose auth_time is stale or missing', async () => {
    const signedIn = await socialSignIn(t, 'mitm', (url) => op.authorize(url, account));
    const token = signedIn.accessToken as string;
    const fresh = await stepUp(token, null);
    expect(fresh.url.searchParams.get('prompt')).toBe('login');
    expect(fresh.url.searchParams.get('max_age')).toBe('0');
    expect(fresh.answer).toMatchObject({ __typename: 'VerificationRecord', verified: true });

    // A provider session left open an hour ago (the provider ignored prompt=login).
    const stale = await stepUp(token, { auth_time: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.answer).toMatchObject({ __typename: 'UserError', code: 'INVALID_CREDENTIALS' });
    const missing = await stepUp(token, { auth_time: undefined });
    expect(missing.answer).toMatchObject({ __typename: 'UserError', code: 'INVALID_CREDENTIALS' });
  });

  it('plain sign-in does not force a new login at the provider', async () => {
    const { authorizationUrl } = (await t.gql(`mutation { startSocialSignIn(input: {provider: "acme", redirectUri: "${REDIRECT_URI}"}) { ... on SocialAuthorization { authorizationUrl } } }`)).data.startSocialSignIn;
    expect(new URL(authorizationUrl).searchParams.has('prompt')).toBe(false);
  });
});
