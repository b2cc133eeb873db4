// "Was this you?" (docs/account-lifecycle.md) through HTTP with the real SMTP sink: a sign-in
// from a user-agent family and network (/24, /64) the user never signed in from sends a notice
// with a single-use link; reportSignIn ends that session, forgets trusted devices and makes the
// next password sign-in answer PASSWORD_CHANGE_REQUIRED until the password changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkOf, userAgentFamily } from '../src/domain/lifecycle/user-agent.js';
import { newUser, PASSWORD, payload, SET_PASSWORD, verifyPassword } from './helpers/me.js';
import { enrollTotp, nextStep, totpAt } from './helpers/mfa.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const FIREFOX_NEWER = 'Mozilla/5.0 (X11; Linux x86_64; rv:134.0) Gecko/20100101 Firefox/134.0';
const CHROME_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SUBJECT = 'New sign-in to your account';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on TokenSet { accessToken refreshToken } ... on Error { code message } } }`;
const REPORT = `mutation($input: ReportSignInInput!) { reportSignIn(input: $input) { __typename
  ... on ReportSignInPayload { revokedSessions forgottenDevices passwordChangeRequired } ... on Error { code message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
});
afterAll(() => t.close());

const signInFrom = async (identifier: string, userAgent: string, ip: string, password = PASSWORD) =>
  (await t.gql(SIGN_IN, { input: { identifier, password } }, undefined, { 'user-agent': userAgent, 'x-forwarded-for': ip })).data.signIn;
const notices = (to: string) => t.mail.messages.filter((m) => m.to.includes(to) && m.subject === SUBJECT);
const reportTokens = (userId: string) => t.db.prisma.lifecycleToken.count({ where: { userId, purpose: 'REPORT_SIGN_IN' } });
const linkToken = (text: string) => {
  const url = new URL(/http:\/\/account\.test\/account\/report\?token=\S+/.exec(text)![0]);
  return url.searchParams.get('token')!;
};

describe('the new-device notice', () => {
  it('is not sent for the first sign-in, nor for a known family on a known network; it is for a new one', async () => {
    const user = await newUser(t, { username: 'nina', primaryEmail: 'nina@example.com', password: PASSWORD });
    // newUser's sign-in was the account's first: it counts as seen.
    expect(await reportTokens(user.id)).toBe(0);
    await signInFrom('nina', FIREFOX, '203.0.113.7');
    const first = await t.mail.latestTo('nina@example.com', SUBJECT);
    expect(first.text).toContain('Firefox on Linux');
    expect(first.text).toContain('203.0.113.7');
    expect(first.text).toMatch(/http:\/\/account\.test\/account\/report\?token=rpt_/);
    // Same family (a browser update is not a new device), same /24: nothing new.
    await signInFrom('nina', FIREFOX_NEWER, '203.0.113.99');
    expect(await reportTokens(user.id)).toBe(1);
    // Another network, or another family, is.
    await signInFrom('nina', FIREFOX, '198.51.100.1');
    await signInFrom('nina', CHROME_MAC, '203.0.113.7');
    expect(await reportTokens(user.id)).toBe(3);
    await expect.poll(() => notices('nina@example.com').length).toBe(3);
  });

  it('compares IPv6 addresses by their /64', async () => {
    const user = await newUser(t, { username: 'omar', primaryEmail: 'omar@example.com', password: PASSWORD });
    await signInFrom('omar', FIREFOX, '2001:db8:1:2::5');
    await signInFrom('omar', FIREFOX, '2001:db8:1:2:ffff::1');
    expect(await reportTokens(user.id)).toBe(1);
    await signInFrom('omar', FIREFOX, '2001:db8:1:3::1');
    expect(await reportTokens(user.id)).toBe(2);
    expect(networkOf('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(networkOf('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(userAgentFamily(CHROME_MAC)).toBe('chrome on macos');
  });
});

describe('reportSignIn ("This was not me")', () => {
  it('ends that session, forgets trusted devices and requires a new password until it is changed', async () => {
    const user = await newUser(t, { username: 'pia', primaryEmail: 'pia@example.com', password: PASSWORD });
    const intruder = await signInFrom('pia', CHROME_MAC, '192.0.2.50');
    const token = linkToken((await t.mail.latestTo('pia@example.com', SUBJECT)).text);
    const report = (await t.gql(REPORT, { input: { token } })).data.reportSignIn;
    expect(report).toEqual({ __typename: 'ReportSignInPayload', revokedSessions: 1, forgottenDevices: 0, passwordChangeRequired: true });
    // The link works once; only its hash was stored.
    expect((await t.gql(REPORT, { input: { token } })).data.reportSignIn.code).toBe('INVALID_CREDENTIALS');
    expect(JSON.stringify(await t.db.prisma.lifecycleToken.findMany({ where: { userId: user.id } }))).not.toContain(token);

    expect((await t.gql('{ me { id } }', {}, intruder.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The owner's own session goes on.
    expect((await t.gql('{ me { id } }', {}, user.token)).data.me.id).toBe(user.id);
    expect(await signInFrom('pia', CHROME_MAC, '192.0.2.50', 'a-wrong-password-entirely')).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await signInFrom('pia', CHROME_MAC, '192.0.2.50')).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const audit = await t.db.prisma.auditEvent.findFirst({ where: { userId: user.id, type: 'user.sign_in_reported' } });
    expect(audit).toMatchObject({ action: 'user.sign_in.report', actorId: user.id });

    const changed = payload(await t.gql(SET_PASSWORD, { input: { newPassword: 'violet-harbor-lantern-7', verificationId: await verifyPassword(t, user.token) } }, user.token), 'setPassword');
    expect(changed.__typename).toBe('User');
    expect((await signInFrom('pia', CHROME_MAC, '192.0.2.50', 'violet-harbor-lantern-7')).__typename).toBe('TokenSet');
  });

  it('is also met by an admin-set password', async () => {
    const user = await newUser(t, { username: 'quin', primaryEmail: 'quin@example.com', password: PASSWORD });
    await signInFrom('quin', CHROME_MAC, '192.0.2.60');
    await t.gql(REPORT, { input: { token: linkToken((await t.mail.latestTo('quin@example.com', SUBJECT)).text) } });
    expect(await signInFrom('quin', CHROME_MAC, '192.0.2.60')).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    await t.gql(`mutation($id: ID!, $p: String!) { admin { setUserPassword(id: $id, password: $p) { __typename } } }`, { id: user.id, p: 'amber-meadow-compass-9' }, admin);
    expect((await signInFrom('quin', CHROME_MAC, '192.0.2.60', 'amber-meadow-compass-9')).__typename).toBe('TokenSet');
  });

  it('after a sign-in finished with TOTP, forgets the trusted devices too', async () => {
    const user = await newUser(t, { username: 'sol', primaryEmail: 'sol@example.com', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    const headers = { 'user-agent': CHROME_MAC, 'x-forwarded-for': '192.0.2.80' };
    nextStep(t);
    const mfaToken = (await t.gql(`mutation($input: SignInInput!) { signIn(input: $input) { ... on MfaChallenge { mfaToken } } }`, { input: { identifier: 'sol', password: PASSWORD } }, undefined, headers)).data.signIn.mfaToken;
    const verified = await t.gql(
      `mutation($input: VerifySignInInput!) { verifySignIn(input: $input) { ... on TokenSet { accessToken deviceToken } } }`,
      { input: { mfaToken, totpCode: await totpAt(t, secret), trustDevice: true } },
      undefined,
      headers,
    );
    const { accessToken, deviceToken } = verified.data.verifySignIn;
    const report = (await t.gql(REPORT, { input: { token: linkToken((await t.mail.latestTo('sol@example.com', SUBJECT)).text) } })).data.reportSignIn;
    expect(report).toMatchObject({ revokedSessions: 1, forgottenDevices: 1 });
    expect((await t.gql('{ me { id } }', {}, accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.db.prisma.trustedDevice.count({ where: { userId: user.id } })).toBe(0);
    expect(deviceToken).toMatch(/^tdv_/);
  });

  it('refuses a link older than 7 days', async () => {
    await newUser(t, { username: 'rui', primaryEmail: 'rui@example.com', password: PASSWORD });
    await signInFrom('rui', CHROME_MAC, '192.0.2.70');
    const token = linkToken((await t.mail.latestTo('rui@example.com', SUBJECT)).text);
    t.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    expect((await t.gql(REPORT, { input: { token } })).data.reportSignIn.code).toBe('INVALID_CREDENTIALS');
  });
});
