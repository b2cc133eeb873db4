// Sign-in by code and by link, the sign-in methods setting and sign-up with a code first, through
// HTTP with the real SMTP sink and SMS webhook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINISH_CODE, FINISH_LINK, mailedCode, setMethods, SIGN_IN_METHODS, START_CODE, START_LINK, textedCode, UPDATE_METHODS } from './helpers/challenges.js';
import { enrollTotp, PASSWORD, SIGN_IN } from './helpers/mfa.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.adminToken();
});
afterAll(() => t.close());

const startCode = async (identifier: string) => (await t.gql(START_CODE, { input: { identifier } })).data.startCodeSignIn;
const finishCode = async (challengeId: string, code: string) => (await t.gql(FINISH_CODE, { input: { challengeId, code } })).data.finishCodeSignIn;
const startLink = async (email: string, redirectUri = 'http://account.test/account') =>
  (await t.gql(START_LINK, { input: { email, redirectUri } })).data.startLinkSignIn;
const finishLink = async (token: string) => (await t.gql(FINISH_LINK, { input: { token } })).data.finishLinkSignIn;

async function mailedLinkToken(address: string): Promise<{ url: URL; token: string }> {
  const mail = await t.mail.latestTo(address, 'Your sign-in link');
  const url = new URL(/Sign in: (\S+)/.exec(mail.text)![1]!);
  return { url, token: url.searchParams.get('token')! };
}

describe('sign-in by code', () => {
  it('signs in with a code sent by email, proving the address', async () => {
    const u = await t.createUser({ primaryEmail: 'code-mail@example.com', password: PASSWORD });
    const challenge = await startCode('code-mail@example.com');
    expect(challenge).toMatchObject({ __typename: 'SignInCodeChallenge', channel: 'EMAIL' });
    const result = await finishCode(challenge.challengeId, await mailedCode(t, 'code-mail@example.com', 'Your sign-in code'));
    expect(result.__typename).toBe('TokenSet');
    expect((await t.gql('{ me { id emailVerified } }', {}, result.accessToken)).data.me).toEqual({ id: u.id, emailVerified: true });
    // Single use.
    expect(await finishCode(challenge.challengeId, '000000')).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });
  });

  it('signs in with a code sent by SMS, and still asks an enrolled TOTP', async () => {
    const u = await t.createUser({ username: 'code-phone', primaryPhone: '+14155550111', password: PASSWORD });
    await enrollTotp(t, u.token);
    const challenge = await startCode('+14155550111');
    expect(challenge.channel).toBe('SMS');
    const result = await finishCode(challenge.challengeId, await textedCode(t, '+14155550111'));
    expect(result).toMatchObject({ __typename: 'MfaChallenge', factors: ['TOTP'] });
  });

  it('answers an unknown identifier like a known one; no code matches it', async () => {
    const challenge = await startCode('code-nobody@example.com');
    expect(Object.keys(challenge).sort()).toEqual(['__typename', 'challengeId', 'channel', 'expiresAt']);
    expect(await finishCode(challenge.challengeId, '123456')).toMatchObject({ code: 'CODE_MISMATCH' });
  });

});

describe('magic link', () => {
  it('emails a single-use link to an allowed redirect', async () => {
    const u = await t.createUser({ primaryEmail: 'link@example.com', password: PASSWORD });
    expect((await startLink('link@example.com')).__typename).toBe('SignInLinkSent');
    const { url, token } = await mailedLinkToken('link@example.com');
    expect(url.origin + url.pathname).toBe('http://account.test/account');
    const result = await finishLink(token);
    expect(result.__typename).toBe('TokenSet');
    expect((await t.gql('{ me { id emailVerified } }', {}, result.accessToken)).data.me).toEqual({ id: u.id, emailVerified: true });
    expect(await finishLink(token)).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });
  });

  it('refuses a redirect outside SIGN_IN_REDIRECT_ORIGINS, and sends nothing', async () => {
    await t.createUser({ primaryEmail: 'link-origin@example.com', password: PASSWORD });
    expect(await startLink('link-origin@example.com', 'https://evil.example/steal')).toMatchObject({ code: 'INVALID_INPUT', path: ['redirectUri'] });
    expect(t.mail.messages.some((m) => m.to.includes('link-origin@example.com'))).toBe(false);
  });

  it('answers an unknown email like a known one', async () => {
    expect(await startLink('link-nobody@example.com')).toMatchObject({ __typename: 'SignInLinkSent' });
  });
});

describe('sign-in methods', () => {
  it('are public, change only with admin:settings, merge and are audited', async () => {
    expect((await t.gql(SIGN_IN_METHODS)).data.signInMethods).toEqual({
      password: true, passkey: true, emailCode: true, smsCode: true, magicLink: true, social: true, signUpVerification: 'NONE',
    });
    const u = await t.createUser({ primaryEmail: 'methods-user@example.com', password: PASSWORD });
    expect((await t.gql(UPDATE_METHODS, { input: { magicLink: false } }, u.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await setMethods(t, { magicLink: false });
    await setMethods(t, { smsCode: false });
    expect((await t.gql(SIGN_IN_METHODS)).data.signInMethods).toMatchObject({ magicLink: false, smsCode: false, emailCode: true });
    const audit = await t.gql('{ admin { auditEvents(first: 1, filter: { action: "admin.sign_in_methods.update" }) { edges { node { details } } } } }', {}, await t.adminToken());
    expect(audit.data.admin.auditEvents.edges).toHaveLength(1);
    await setMethods(t, { magicLink: true, smsCode: true });
  });

  it('answers SIGN_IN_METHOD_DISABLED for every method switched off', async () => {
    await t.createUser({ primaryEmail: 'off@example.com', primaryPhone: '+14155550122', password: PASSWORD });
    await setMethods(t, { password: false, passkey: false, emailCode: false, smsCode: false, magicLink: false, social: false });
    try {
      expect((await t.gql(SIGN_IN, { input: { identifier: 'off@example.com', password: PASSWORD } })).data.signIn).toMatchObject({ code: 'SIGN_IN_METHOD_DISABLED' });
      expect(await startCode('off@example.com')).toMatchObject({ code: 'SIGN_IN_METHOD_DISABLED' });
      expect(await startCode('+14155550122')).toMatchObject({ code: 'SIGN_IN_METHOD_DISABLED' });
      expect(await startLink('off@example.com')).toMatchObject({ code: 'SIGN_IN_METHOD_DISABLED' });
      const recovery = await t.gql('mutation { startAccountRecovery(input: { identifier: "off@example.com" }) { __typename ... on Error { code } } }');
      expect(recovery.data.startAccountRecovery).toMatchObject({ code: 'SIGN_IN_METHOD_DISABLED' });
      const passkey = await t.gql('mutation { startPasskeySignIn(input: {}) { __typename ... on Error { code } } }');
      expect(passkey.data.startPasskeySignIn).toMatchObject({ code: 'SIGN_IN_METHOD_DISABLED' });
      const social = await t.gql('mutation { startSocialSignIn(input: { provider: "none", redirectUri: "http://account.test/account" }) { __typename ... on Error { code } } }');
      expect(social.data.startSocialSignIn).toMatchObject({ code: 'SIGN_IN_METHOD_DISABLED' });
    } finally {
      await setMethods(t, { password: true, passkey: true, emailCode: true, smsCode: true, magicLink: true, social: true });
    }
  });
});

describe('sign-up with a code first', () => {
  const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { __typename
    ... on SignUpChallenge { challengeId } ... on TokenSet { accessToken } ... on Error { code message } } }`;
  const FINISH = `mutation($input: FinishSignUpInput!) { finishSignUp(input: $input) { __typename
    ... on TokenSet { accessToken } ... on Error { code message } } }`;

  it('creates the account only after the code, with the address proven', async () => {
    await setMethods(t, { signUpVerification: 'CODE' });
    try {
      const started = (await t.gql(SIGN_UP, { input: { email: 'new-by-code@example.com', password: PASSWORD } })).data.signUp;
      expect(started.__typename).toBe('SignUpChallenge');
      // No account yet.
      await expect(t.signIn('new-by-code@example.com', PASSWORD)).rejects.toThrow();
      const code = await mailedCode(t, 'new-by-code@example.com', 'Confirm your email address');
      expect((await t.gql(FINISH, { input: { challengeId: started.challengeId, code: code === '000000' ? '111111' : '000000' } })).data.finishSignUp).toMatchObject({ code: 'CODE_MISMATCH' });
      const done = (await t.gql(FINISH, { input: { challengeId: started.challengeId, code } })).data.finishSignUp;
      expect(done.__typename).toBe('TokenSet');
      expect((await t.gql('{ me { primaryEmail emailVerified } }', {}, done.accessToken)).data.me).toEqual({ primaryEmail: 'new-by-code@example.com', emailVerified: true });
      expect((await t.gql(FINISH, { input: { challengeId: started.challengeId, code } })).data.finishSignUp).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });
    } finally {
      await setMethods(t, { signUpVerification: 'NONE' });
    }
    // Back to NONE: tokens at once, address unproven.
    const direct = (await t.gql(SIGN_UP, { input: { email: 'new-direct@example.com', password: PASSWORD } })).data.signUp;
    expect(direct.__typename).toBe('TokenSet');
    expect((await t.gql('{ me { emailVerified } }', {}, direct.accessToken)).data.me.emailVerified).toBe(false);
  });
});

// Last: moving the clock past the admin's access-token lifetime.
describe('expiry', () => {
  it('refuses a code after 10 minutes and a link after 15', async () => {
    await t.createUser({ primaryEmail: 'code-late@example.com', password: PASSWORD });
    await t.createUser({ primaryEmail: 'link-late@example.com', password: PASSWORD });
    const challenge = await startCode('code-late@example.com');
    const code = await mailedCode(t, 'code-late@example.com', 'Your sign-in code');
    await startLink('link-late@example.com');
    const { token } = await mailedLinkToken('link-late@example.com');
    t.clock.advance(11 * 60_000);
    expect(await finishCode(challenge.challengeId, code)).toMatchObject({ code: 'CODE_EXPIRED' });
    t.clock.advance(4 * 60_000 + 1000);
    expect(await finishLink(token)).toMatchObject({ code: 'CODE_EXPIRED' });
  });
});
