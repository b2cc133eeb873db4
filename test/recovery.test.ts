// Account recovery through HTTP with the real SMTP sink and SMS webhook: startAccountRecovery never
// reveals whether an account exists; resetPassword checks the code, keeps an enrolled second
// factor, revokes every session and tells every address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailedCode, RESET_PASSWORD, START_RECOVERY, textedCode } from './helpers/challenges.js';
import { enrollTotp, nextStep, PASSWORD, totpAt, VERIFY_SIGN_IN } from './helpers/mfa.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const NEW_PASSWORD = 'a-brand-new-passphrase';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function start(identifier: string) {
  const res = await t.gql(START_RECOVERY, { input: { identifier } });
  return res.data.startAccountRecovery;
}

async function reset(challengeId: string, code: string, newPassword = NEW_PASSWORD) {
  const res = await t.gql(RESET_PASSWORD, { input: { challengeId, code, newPassword } });
  return res.data.resetPassword;
}

describe('account recovery', () => {
  it('resets the password with a code sent by email, revokes every session and tells every address', async () => {
    const u = await t.createUser({ primaryEmail: 'rec-email@example.com', primaryPhone: '+14155550101', password: PASSWORD });
    const challenge = await start('rec-email@example.com');
    expect(challenge).toMatchObject({ __typename: 'RecoveryChallenge', channel: 'EMAIL' });
    const code = await mailedCode(t, 'rec-email@example.com', 'Reset your password');
    const result = await reset(challenge.challengeId, code);
    expect(result.__typename).toBe('TokenSet');
    // The old session is gone, the old password too; the new one signs in.
    expect((await t.gql('{ me { id } }', {}, u.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Receiving the code proved the email (and only the email).
    expect((await t.gql('{ me { id emailVerified phoneVerified } }', {}, result.accessToken)).data.me).toEqual({ id: u.id, emailVerified: true, phoneVerified: false });
    await expect(t.signIn('rec-email@example.com', PASSWORD)).rejects.toThrow();
    await t.signIn('rec-email@example.com', NEW_PASSWORD);
    // Every address hears of it.
    await t.mail.latestTo('rec-email@example.com', 'Your password was reset');
    expect((await t.smsSink.latestTo('+14155550101', 'reset')).text).toMatch(/reset with a recovery code/);
    const events = await t.gql('{ me { securityEvents(first: 10) { edges { node { type } } } } }', {}, result.accessToken);
    expect(events.data.me.securityEvents.edges.map((e: { node: { type: string } }) => e.node.type)).toContain('user.password.reset');
  });

  it('works by phone, with the code sent by SMS', async () => {
    await t.createUser({ username: 'rec-phone', primaryPhone: '+14155550102', password: PASSWORD });
    const challenge = await start('+1 415 555 0102');
    expect(challenge).toMatchObject({ __typename: 'RecoveryChallenge', channel: 'SMS' });
    const result = await reset(challenge.challengeId, await textedCode(t, '+14155550102'));
    expect(result.__typename).toBe('TokenSet');
    expect((await t.gql('{ me { phoneVerified } }', {}, result.accessToken)).data.me.phoneVerified).toBe(true);
    await t.signIn('rec-phone', NEW_PASSWORD);
  });

  it('answers an unknown identifier exactly like a known one and sends nothing', async () => {
    const before = t.mail.messages.length;
    const unknown = await start('nobody-here@example.com');
    expect(Object.keys(unknown).sort()).toEqual(['__typename', 'challengeId', 'channel', 'expiresAt']);
    expect(unknown).toMatchObject({ __typename: 'RecoveryChallenge', channel: 'EMAIL' });
    // No code can match it: the same answer as a wrong code.
    expect(await reset(unknown.challengeId, '123456')).toMatchObject({ code: 'CODE_MISMATCH' });
    // Nothing went out for it (a known account's mail would have arrived by now: sends are not awaited,
    // so wait on one that is certainly sent after it).
    await t.createUser({ primaryEmail: 'rec-marker@example.com', password: PASSWORD });
    await start('rec-marker@example.com');
    await t.mail.latestTo('rec-marker@example.com', 'Reset your password');
    expect(t.mail.messages.slice(before).some((m) => m.to.includes('nobody-here@example.com'))).toBe(false);
  });

  it('refuses wrong, reused and expired codes, and stops after five tries', async () => {
    await t.createUser({ primaryEmail: 'rec-codes@example.com', password: PASSWORD });
    const first = await start('rec-codes@example.com');
    const code = await mailedCode(t, 'rec-codes@example.com', 'Reset your password');
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await reset(first.challengeId, wrong)).toMatchObject({ code: 'CODE_MISMATCH', path: ['code'] });
    expect(await reset(first.challengeId, code, 'short')).toMatchObject({ __typename: 'PasswordRejectedError', code: 'PASSWORD_REJECTED' });
    expect((await reset(first.challengeId, code)).__typename).toBe('TokenSet');
    // Spent.
    expect(await reset(first.challengeId, code)).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });

    t.clock.advance(61_000);
    const second = await start('rec-codes@example.com');
    const code2 = await mailedCode(t, 'rec-codes@example.com', 'Reset your password');
    for (let i = 0; i < 5; i++) expect(await reset(second.challengeId, code2 === '000000' ? '111111' : '000000')).toMatchObject({ code: 'CODE_MISMATCH' });
    expect(await reset(second.challengeId, code2)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });

    t.clock.advance(61_000);
    const third = await start('rec-codes@example.com');
    const code3 = await mailedCode(t, 'rec-codes@example.com', 'Reset your password');
    t.clock.advance(11 * 60_000);
    expect(await reset(third.challengeId, code3)).toMatchObject({ code: 'CODE_EXPIRED' });
  });

  it('limits requests per identifier, for unknown identifiers alike', async () => {
    expect((await start('limit-nobody@example.com')).__typename).toBe('RecoveryChallenge');
    expect(await start('limit-nobody@example.com')).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
  });

  it('never skips an enrolled TOTP: the reset ends in an MfaChallenge', async () => {
    const u = await t.createUser({ primaryEmail: 'rec-totp@example.com', password: PASSWORD });
    const { secret } = await enrollTotp(t, u.token);
    const challenge = await start('rec-totp@example.com');
    const result = await reset(challenge.challengeId, await mailedCode(t, 'rec-totp@example.com', 'Reset your password'));
    expect(result).toMatchObject({ __typename: 'MfaChallenge', factors: ['TOTP'] });
    nextStep(t);
    const verified = await t.gql(VERIFY_SIGN_IN, { input: { mfaToken: result.mfaToken, totpCode: await totpAt(t, secret) } });
    expect(verified.data.verifySignIn.__typename).toBe('TokenSet');
  });
});
