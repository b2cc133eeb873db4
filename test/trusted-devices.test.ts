// Trusted devices (docs/account-lifecycle.md) with real TOTP codes: verifySignIn with trustDevice
// hands out a device token; a password sign-in presenting it skips only the second factor; the
// user lists and forgets devices; a password change and an admin MFA reset forget them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenge, enrollTotp, nextStep, PASSWORD, totpAt } from './helpers/mfa.js';
import { newUser, payload, SET_PASSWORD, verifyPassword } from './helpers/me.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename
  ... on TokenSet { accessToken deviceToken } ... on MfaChallenge { mfaToken } ... on Error { code message } } }`;
const VERIFY = `mutation($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename
  ... on TokenSet { accessToken deviceToken } ... on Error { code message } } }`;
const DEVICES = `{ me { trustedDevices(first: 10) { totalCount edges { node { id name createdAt lastUsedAt expiresAt } } } } }`;
const REVOKE_ONE = `mutation($id: ID!) { me { revokeTrustedDevice(id: $id) { __typename ... on TrustedDevice { id name } ... on Error { code } } } }`;
const REVOKE_ALL = `mutation { me { revokeTrustedDevices { __typename ... on RevokeTrustedDevicesPayload { revokedCount } ... on Error { code } } } }`;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A user with TOTP, and a device token from a verifySignIn with trustDevice. */
async function trustedUser(username: string) {
  const user = await newUser(t, { username, primaryEmail: `${username}@example.com`, password: PASSWORD });
  const { secret, factorId } = await enrollTotp(t, user.token);
  nextStep(t);
  const mfaToken = await challenge(t, username);
  const done = (await t.gql(VERIFY, { input: { mfaToken, totpCode: await totpAt(t, secret), trustDevice: true } }, undefined, { 'user-agent': FIREFOX })).data.verifySignIn;
  expect(done.__typename).toBe('TokenSet');
  expect(done.deviceToken).toMatch(/^tdv_/);
  return { ...user, secret, factorId, deviceToken: done.deviceToken as string, token: done.accessToken as string };
}

const signIn = async (identifier: string, password: string, deviceToken?: string) =>
  (await t.gql(SIGN_IN, { input: { identifier, password, deviceToken } })).data.signIn;

describe('a trusted device', () => {
  it('skips the second factor of a password sign-in, and only with the right password', async () => {
    const user = await trustedUser('tara');
    expect(await signIn('tara', PASSWORD, user.deviceToken)).toMatchObject({ __typename: 'TokenSet', deviceToken: null });
    expect(await signIn('tara', 'a-wrong-password-entirely', user.deviceToken)).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    // Without the token (or with a made-up one) the challenge is asked as before.
    expect((await signIn('tara', PASSWORD)).__typename).toBe('MfaChallenge');
    expect((await signIn('tara', PASSWORD, 'tdv_madeupmadeupmadeupmadeupmadeup')).__typename).toBe('MfaChallenge');
    // The token is stored only as a hash.
    const rows = await t.db.prisma.trustedDevice.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(user.deviceToken);
    const signedIn = await t.db.prisma.auditEvent.findFirst({ where: { userId: user.id, action: 'user.sign_in' }, orderBy: { id: 'desc' } });
    expect(signedIn?.details).toMatchObject({ trustedDevice: rows[0]!.id });
  });

  it("does not work for another account's sign-in", async () => {
    const user = await trustedUser('uma');
    await newUser(t, { username: 'vic', password: PASSWORD });
    const vic = await t.signIn('vic', PASSWORD);
    await enrollTotp(t, vic.accessToken);
    expect((await signIn('vic', PASSWORD, user.deviceToken)).__typename).toBe('MfaChallenge');
  });

  it('expires after TRUSTED_DEVICE_DAYS', async () => {
    const user = await trustedUser('wes');
    t.clock.advance(30 * 24 * 3600 * 1000 + 1000);
    expect((await signIn('wes', PASSWORD, user.deviceToken)).__typename).toBe('MfaChallenge');
  });

  it('is listed by me.trustedDevices with a name from the user agent, and can be forgotten one by one or all at once', async () => {
    const user = await trustedUser('xia');
    const second = await trustedUser('xia2');
    const list = (await t.gql(DEVICES, {}, user.token)).data.me.trustedDevices;
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node).toMatchObject({ name: 'Firefox on Linux' });
    // Someone else's device is not found.
    expect((await t.gql(REVOKE_ONE, { id: list.edges[0].node.id }, second.token)).data.me.revokeTrustedDevice.code).toBe('NOT_FOUND');
    expect((await t.gql(REVOKE_ONE, { id: list.edges[0].node.id }, user.token)).data.me.revokeTrustedDevice).toMatchObject({ name: 'Firefox on Linux' });
    expect((await signIn('xia', PASSWORD, user.deviceToken)).__typename).toBe('MfaChallenge');
    expect((await t.gql(REVOKE_ALL, {}, second.token)).data.me.revokeTrustedDevices.revokedCount).toBe(1);
    expect((await signIn('xia2', PASSWORD, second.deviceToken)).__typename).toBe('MfaChallenge');
    const actions = (await t.db.prisma.auditEvent.findMany({ where: { userId: user.id, type: { startsWith: 'user.trusted_device' } } })).map((e) => e.action);
    expect(actions).toEqual(['user.trusted_device.add', 'user.trusted_device.revoke']);
  });

  it('follows the account-center field trustedDevices', async () => {
    const user = await trustedUser('yan');
    const admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    const set = (mode: string) =>
      t.gql(`mutation($input: UpdateAccountCenterInput!) { admin { updateAccountCenter(input: $input) { __typename } } }`, { input: { fields: { trustedDevices: mode } } }, admin);
    await set('READ_ONLY');
    expect((await t.gql(REVOKE_ALL, {}, user.token)).data.me.revokeTrustedDevices.code).toBe('FIELD_NOT_EDITABLE');
    await set('OFF');
    expect((await t.gql(DEVICES, {}, user.token)).data.me.trustedDevices.totalCount).toBe(0);
    await set('EDIT');
    expect((await t.gql(DEVICES, {}, user.token)).data.me.trustedDevices.totalCount).toBe(1);
  });

  it('is forgotten by a password change', async () => {
    const user = await trustedUser('zed');
    const res = payload(await t.gql(SET_PASSWORD, { input: { newPassword: 'violet-harbor-lantern-7', verificationId: await verifyPassword(t, user.token) } }, user.token), 'setPassword');
    expect(res.__typename).toBe('User');
    expect((await signIn('zed', 'violet-harbor-lantern-7', user.deviceToken)).__typename).toBe('MfaChallenge');
  });

  it('is forgotten by an admin MFA reset', async () => {
    const user = await trustedUser('abe');
    const admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    await t.gql(`mutation($u: ID!, $f: ID!) { admin { removeUserMfaFactor(userId: $u, factorId: $f) { __typename } } }`, { u: user.id, f: user.factorId }, admin);
    await enrollTotp(t, (await signIn('abe', PASSWORD)).accessToken);
    expect((await signIn('abe', PASSWORD, user.deviceToken)).__typename).toBe('MfaChallenge');
  });

  it('is kept by the account page in an HttpOnly cookie that its sign-in sends', async () => {
    const user = await trustedUser('bea');
    const stored = await t.fetch('/account/device', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-account-page': '1', origin: 'http://account.test' },
      body: JSON.stringify({ deviceToken: user.deviceToken }),
    });
    expect(stored.status).toBe(204);
    const cookie = stored.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^account_device=tdv_[\w-]+; Path=\/graphql; HttpOnly; SameSite=Strict; Max-Age=2592000/);
    const jar = cookie.split(';')[0]!;
    const viaPage = (headers: Record<string, string>) => t.gql(SIGN_IN, { input: { identifier: 'bea', password: PASSWORD } }, undefined, headers);
    expect((await viaPage({ cookie: jar, 'x-account-page': '1' })).data.signIn.__typename).toBe('TokenSet');
    // The cookie counts only with the page's header (a cross-site form cannot add it).
    expect((await viaPage({ cookie: jar })).data.signIn.__typename).toBe('MfaChallenge');
  });
});

describe('an MFA challenge of an account scheduled for deletion meanwhile', () => {
  it('answers ACCOUNT_PENDING_DELETION instead of signing in', async () => {
    const lifecycle = await createTestApp({ DELETION_GRACE_DAYS: '30' });
    try {
      const user = await newUser(lifecycle, { username: 'cyd', password: PASSWORD });
      const { secret } = await enrollTotp(lifecycle, user.token);
      const mfaToken = await challenge(lifecycle, 'cyd');
      const admin = (await lifecycle.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
      await lifecycle.gql(`mutation($id: ID!) { admin { deleteUser(id: $id) { __typename } } }`, { id: user.id }, admin);
      nextStep(lifecycle);
      const res = (await lifecycle.gql(VERIFY, { input: { mfaToken, totpCode: await totpAt(lifecycle, secret) } })).data.verifySignIn;
      expect(res.code).toBe('ACCOUNT_PENDING_DELETION');
    } finally {
      await lifecycle.close();
    }
  });
});
