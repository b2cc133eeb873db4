import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD, payload, sendCode, smsCodeFor, UPDATE_PROFILE, verifyCode, VERIFY_PASSWORD, wrongCode } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CHANGE_USERNAME = (username: string, verificationId: string) => ({ input: { username, verificationId } });

describe('me.verifyPassword', () => {
  it('returns a verified record for the right password and INVALID_CREDENTIALS otherwise', async () => {
    const u = await newUser(t, { username: 'vp_user', password: PASSWORD });
    const ok = payload(await t.gql(VERIFY_PASSWORD, { p: PASSWORD }, u.token), 'verifyPassword');
    expect(ok).toMatchObject({ __typename: 'VerificationRecord', verified: true });
    expect(ok.id).toMatch(/^ver_/);
    expect(new Date(ok.expiresAt).getTime() - t.clock.now().getTime()).toBe(600_000);
    const bad = payload(await t.gql(VERIFY_PASSWORD, { p: 'not-the-password' }, u.token), 'verifyPassword');
    expect(bad).toMatchObject({ __typename: 'UserError', code: 'INVALID_CREDENTIALS' });
  });

  it('needs a signed-in user', async () => {
    const res = await t.gql(VERIFY_PASSWORD, { p: PASSWORD });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('me.sendVerificationCode + me.verifyCode', () => {
  it('emails a real message with a text and an HTML part naming the code and its lifetime', async () => {
    const u = await newUser(t, { primaryEmail: 'mail.me@example.com', password: PASSWORD });
    const sent = await sendCode(t, u.token, { email: ' Mail.Me@Example.com ' });
    expect(sent).toMatchObject({ __typename: 'VerificationRecord', verified: false });
    const mail = await t.mail.latestTo('mail.me@example.com');
    const code = await t.mail.codeFor('mail.me@example.com');
    expect(code).toMatch(/^\d{6}$/);
    expect(mail.text).toContain(code);
    expect(mail.text).toContain('10 minutes');
    expect(mail.html).toContain(code);
    expect(mail.html).toContain('10 minutes');
    expect(mail.subject).not.toContain(code);

    const verified = await verifyCode(t, u.token, sent.id, code);
    expect(verified).toMatchObject({ __typename: 'VerificationRecord', id: sent.id, verified: true });
    // A code to the current address proves identity: it unlocks a sensitive change.
    const changed = payload(await t.gql(UPDATE_PROFILE, CHANGE_USERNAME('mail_me', sent.id), u.token), 'updateProfile');
    expect(changed).toMatchObject({ __typename: 'User', username: 'mail_me' });
  });

  it('sends SMS to the E.164 form of the phone through the SMS sender', async () => {
    const u = await newUser(t, { primaryPhone: '+1 415 555 0101', password: PASSWORD });
    const sent = await sendCode(t, u.token, { phone: '+1 (415) 555-0101' });
    expect(sent.__typename).toBe('VerificationRecord');
    const message = t.sms.at(-1)!;
    expect(message.to).toBe('+14155550101');
    expect(message.text).toContain('10 minutes');
    expect(await verifyCode(t, u.token, sent.id, smsCodeFor(t, '+14155550101'))).toMatchObject({ verified: true });
  });

  it('answers DELIVERY_FAILED when the SMS provider fails, leaving no record, audit event or spent send', async () => {
    const u = await newUser(t, { primaryPhone: '+14155550177', password: PASSWORD });
    t.smsSink.failWith = 503;
    try {
      const failed = await sendCode(t, u.token, { phone: '+14155550177' });
      expect(failed).toMatchObject({ __typename: 'UserError', code: 'DELIVERY_FAILED', path: ['phone'] });
    } finally {
      t.smsSink.failWith = null;
    }
    expect(await t.db.prisma.verificationRecord.count({ where: { userId: u.id } })).toBe(0);
    expect(await t.db.prisma.auditEvent.count({ where: { userId: u.id, action: 'user.verification.code_sent' } })).toBe(0);
    // The failed attempt did not start the per-recipient cooldown.
    const retried = await sendCode(t, u.token, { phone: '+14155550177' });
    expect(retried.__typename).toBe('VerificationRecord');
    expect(await t.db.prisma.auditEvent.count({ where: { userId: u.id, action: 'user.verification.code_sent' } })).toBe(1);
  });

  it('answers a wrong code with CODE_MISMATCH, and the sixth try after five wrong ones with TOO_MANY_ATTEMPTS', async () => {
    const u = await newUser(t, { primaryEmail: 'guesser@example.com', password: PASSWORD });
    const sent = await sendCode(t, u.token, { email: 'guesser@example.com' });
    const code = await t.mail.codeFor('guesser@example.com');
    for (let i = 0; i < 5; i++) {
      expect(await verifyCode(t, u.token, sent.id, wrongCode(code))).toMatchObject({ __typename: 'UserError', code: 'CODE_MISMATCH' });
    }
    // Even the right code is refused now: the record is burnt.
    expect(await verifyCode(t, u.token, sent.id, code)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });

  it('accepts the right code after fewer than five wrong ones', async () => {
    const u = await newUser(t, { primaryEmail: 'typo@example.com', password: PASSWORD });
    const sent = await sendCode(t, u.token, { email: 'typo@example.com' });
    const code = await t.mail.codeFor('typo@example.com');
    for (let i = 0; i < 4; i++) await verifyCode(t, u.token, sent.id, wrongCode(code));
    expect(await verifyCode(t, u.token, sent.id, code)).toMatchObject({ verified: true });
    // Spent: the same code cannot verify again.
    expect(await verifyCode(t, u.token, sent.id, code)).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });
  });

  it('expires a code after 10 minutes (CODE_EXPIRED)', async () => {
    const u = await newUser(t, { primaryEmail: 'slow@example.com', password: PASSWORD });
    const sent = await sendCode(t, u.token, { email: 'slow@example.com' });
    const code = await t.mail.codeFor('slow@example.com');
    t.clock.advance(10 * 60_000 + 1000);
    expect(await verifyCode(t, u.token, sent.id, code)).toMatchObject({ code: 'CODE_EXPIRED' });
  });

  it('expires a verified record 10 minutes after it was created (VERIFICATION_REQUIRED)', async () => {
    const u = await newUser(t, { username: 'record_ttl', password: PASSWORD });
    const id = payload(await t.gql(VERIFY_PASSWORD, { p: PASSWORD }, u.token), 'verifyPassword').id;
    t.clock.advance(9 * 60_000);
    const token = (await t.signIn('record_ttl', PASSWORD)).accessToken;
    expect(payload(await t.gql(UPDATE_PROFILE, CHANGE_USERNAME('record_ttl2', id), token), 'updateProfile').username).toBe('record_ttl2');
    t.clock.advance(60_000 + 1000);
    const late = payload(await t.gql(UPDATE_PROFILE, CHANGE_USERNAME('record_ttl3', id), token), 'updateProfile');
    expect(late).toMatchObject({ code: 'VERIFICATION_REQUIRED', path: ['verificationId'] });
  });

  it('lets a code to a new address prove only that address, not identity', async () => {
    const u = await newUser(t, { primaryEmail: 'old.addr@example.com', password: PASSWORD });
    const sent = await sendCode(t, u.token, { email: 'new.addr@example.com' });
    await verifyCode(t, u.token, sent.id, await t.mail.codeFor('new.addr@example.com'));
    const res = payload(await t.gql(UPDATE_PROFILE, CHANGE_USERNAME('new_addr', sent.id), u.token), 'updateProfile');
    expect(res).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
  });

  it('needs exactly one of email or phone, each well-formed (INVALID_INPUT)', async () => {
    const u = await newUser(t, { username: 'bad_input', password: PASSWORD });
    expect(await sendCode(t, u.token, {})).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await sendCode(t, u.token, { email: 'a@example.com', phone: '+14155550199' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await sendCode(t, u.token, { email: 'not-an-email' })).toMatchObject({ code: 'INVALID_INPUT', path: ['email'] });
    expect(await sendCode(t, u.token, { phone: '12' })).toMatchObject({ code: 'INVALID_INPUT', path: ['phone'] });
  });
});

describe('send limits (RATE_LIMITED)', () => {
  it('allows one send per recipient per minute and five per hour', async () => {
    const u = await newUser(t, { primaryEmail: 'limited@example.com', password: PASSWORD });
    expect((await sendCode(t, u.token, { email: 'limited@example.com' })).__typename).toBe('VerificationRecord');
    const soon = await sendCode(t, u.token, { email: 'limited@example.com' });
    expect(soon).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED', retryAfterSeconds: 60 });
    for (let i = 0; i < 4; i++) {
      t.clock.advance(61_000);
      expect((await sendCode(t, u.token, { email: 'limited@example.com' })).__typename).toBe('VerificationRecord');
    }
    t.clock.advance(61_000);
    const sixth = await sendCode(t, u.token, { email: 'limited@example.com' });
    expect(sixth).toMatchObject({ code: 'RATE_LIMITED' });
    // The oldest of the five leaves the window 3600 s after it was sent (5 × 61 s ago).
    expect(sixth.retryAfterSeconds).toBe(3600 - 5 * 61);
    t.clock.advance(sixth.retryAfterSeconds * 1000);
    const later = (await t.signIn('limited@example.com', PASSWORD)).accessToken;
    expect((await sendCode(t, later, { email: 'limited@example.com' })).__typename).toBe('VerificationRecord');
  });

  it('limits one recipient across accounts, so nobody can flood a stranger through many accounts', async () => {
    const a = await newUser(t, { username: 'flood_a', password: PASSWORD });
    const b = await newUser(t, { username: 'flood_b', password: PASSWORD });
    expect((await sendCode(t, a.token, { email: 'victim@example.com' })).__typename).toBe('VerificationRecord');
    expect(await sendCode(t, b.token, { email: 'victim@example.com' })).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('lets only one of several concurrent sends to one address through', async () => {
    const u = await newUser(t, { username: 'racing_sender', password: PASSWORD });
    const results = await Promise.all([1, 2, 3].map(() => sendCode(t, u.token, { email: 'burst@example.com' })));
    expect(results.map((r) => r.__typename).sort()).toEqual(['RateLimitedError', 'RateLimitedError', 'VerificationRecord']);
  });

  it('allows ten sends per user per hour across addresses', async () => {
    const u = await newUser(t, { username: 'many_addresses', password: PASSWORD });
    for (let i = 0; i < 10; i++) {
      expect((await sendCode(t, u.token, { email: `addr${i}@example.com` })).__typename).toBe('VerificationRecord');
    }
    expect(await sendCode(t, u.token, { email: 'addr10@example.com' })).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
