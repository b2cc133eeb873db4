// A second user can never use the first user's verification record, session or token; codes
// and secrets are never stored or audited in plain text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREATE_PAT,
  DELETE_ACCOUNT,
  newUser,
  PASSWORD,
  payload,
  REVOKE_PAT,
  REVOKE_SESSION,
  SET_EMAIL,
  SET_PASSWORD,
  sendCode,
  UPDATE_PROFILE,
  verifiedCodeRecord,
  verifyCode,
  verifyPassword,
  VERIFY_PASSWORD,
} from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let alice: { id: string; token: string };
let mallory: { id: string; token: string };
beforeAll(async () => {
  t = await createTestApp();
  alice = await newUser(t, { username: 'alice', primaryEmail: 'alice@example.com', password: PASSWORD });
  mallory = await newUser(t, { username: 'mallory', primaryEmail: 'mallory@example.com', password: PASSWORD });
});
afterAll(() => t.close());

describe("another user's verification record", () => {
  it('proves nothing for someone else (VERIFICATION_REQUIRED everywhere)', async () => {
    const aliceRecord = await verifyPassword(t, alice.token);
    const attempts = [
      payload(await t.gql(UPDATE_PROFILE, { input: { username: 'mallory2', verificationId: aliceRecord } }, mallory.token), 'updateProfile'),
      payload(await t.gql(SET_PASSWORD, { input: { newPassword: 'violet-harbor-lantern', verificationId: aliceRecord } }, mallory.token), 'setPassword'),
      payload(await t.gql(CREATE_PAT, { input: { name: 'x', verificationId: aliceRecord } }, mallory.token), 'createPersonalAccessToken'),
      payload(await t.gql(DELETE_ACCOUNT, { v: aliceRecord }, mallory.token), 'deleteAccount'),
    ];
    for (const result of attempts) expect(result).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
    expect(await t.db.prisma.user.count({ where: { id: mallory.id } })).toBe(1);
  });

  it("cannot verify another user's pending code, even with the right code (VERIFICATION_NOT_FOUND)", async () => {
    t.clock.advance(61_000);
    const sent = await sendCode(t, alice.token, { email: 'alice@example.com' });
    const code = await t.mail.codeFor('alice@example.com');
    expect(await verifyCode(t, mallory.token, sent.id, code)).toMatchObject({ code: 'VERIFICATION_NOT_FOUND', path: ['verificationId'] });
    // Mallory's try cost Alice nothing: her record is untouched and still verifies.
    expect((await t.db.prisma.verificationRecord.findUniqueOrThrow({ where: { id: sent.id } })).attempts).toBe(0);
    expect(await verifyCode(t, alice.token, sent.id, code)).toMatchObject({ verified: true });
  });

  it("cannot claim an address with another user's new-identifier record (VERIFICATION_NOT_FOUND)", async () => {
    t.clock.advance(61_000);
    const aliceNew = await verifiedCodeRecord(t, alice.token, { email: 'alice.new@example.com' });
    const v = await verifyPassword(t, mallory.token);
    const res = payload(
      await t.gql(SET_EMAIL, { input: { email: 'alice.new@example.com', newIdentifierVerificationId: aliceNew, verificationId: v } }, mallory.token),
      'setPrimaryEmail',
    );
    expect(res).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });
    expect(await t.db.prisma.verificationRecord.count({ where: { id: aliceNew } })).toBe(1);
  });
});

describe("another user's sessions and tokens", () => {
  it("cannot revoke another user's session (NOT_FOUND) or read it", async () => {
    const aliceSession = await t.db.prisma.session.findFirstOrThrow({ where: { userId: alice.id, revokedAt: null } });
    expect(payload(await t.gql(REVOKE_SESSION, { id: aliceSession.id }, mallory.token), 'revokeSession')).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.db.prisma.session.findUniqueOrThrow({ where: { id: aliceSession.id } })).revokedAt).toBeNull();
    const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: aliceSession.id }, mallory.token);
    expect(node.data?.node ?? null).toBeNull();
  });

  it("cannot revoke or read another user's personal access token", async () => {
    const v = await verifyPassword(t, alice.token);
    const pat = payload(await t.gql(CREATE_PAT, { input: { name: 'alice ci', verificationId: v } }, alice.token), 'createPersonalAccessToken');
    const id = pat.personalAccessToken.id;
    expect(payload(await t.gql(REVOKE_PAT, { id }, mallory.token), 'revokePersonalAccessToken')).toMatchObject({ code: 'NOT_FOUND' });
    expect((await t.gql('{ me { id } }', {}, pat.token)).data.me.id).toBe(alice.id);
    const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id }, mallory.token);
    expect(node.data?.node ?? null).toBeNull();
  });
});

describe('secrets at rest and in the audit trail', () => {
  it('stores codes as keyed digests only, and drops them once used', async () => {
    t.clock.advance(61_000);
    const sent = await sendCode(t, mallory.token, { email: 'mallory@example.com' });
    const code = await t.mail.codeFor('mallory@example.com');
    const row = await t.db.prisma.verificationRecord.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.codeHash).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain(code);
    await verifyCode(t, mallory.token, sent.id, code);
    expect((await t.db.prisma.verificationRecord.findUniqueOrThrow({ where: { id: sent.id } })).codeHash).toBeNull();
  });

  it('stores personal access tokens as digests and never audits a secret', async () => {
    const v = await verifyPassword(t, mallory.token);
    const pat = payload(await t.gql(CREATE_PAT, { input: { name: 'm', verificationId: v } }, mallory.token), 'createPersonalAccessToken');
    const row = await t.db.prisma.personalAccessToken.findUniqueOrThrow({ where: { id: pat.personalAccessToken.id } });
    expect(row.tokenHash).not.toBe(pat.token);
    expect(row.tokenHash).not.toContain(pat.token.slice(4));
    const newPassword = 'violet-harbor-lantern';
    await t.gql(SET_PASSWORD, { input: { newPassword, verificationId: v } }, mallory.token);
    const audit = JSON.stringify(await t.db.prisma.auditEvent.findMany());
    for (const secret of [pat.token, newPassword, PASSWORD]) expect(audit).not.toContain(secret);
    for (const mail of t.mail.messages) {
      const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
      if (code) expect(audit).not.toContain(code);
    }
  });
});

describe('password guessing through me.verifyPassword', () => {
  it('counts toward the sign-in lockout: a stolen token is no unlimited password oracle (ACCOUNT_LOCKED)', async () => {
    const strict = await createTestApp({ SIGN_IN_LOCKOUT_THRESHOLD: '3', SIGN_IN_LOCKOUT_SECONDS: '600' });
    try {
      const u = await strict.createUser({ username: 'guessed', password: PASSWORD });
      for (let i = 0; i < 3; i++) {
        const res = payload(await strict.gql(VERIFY_PASSWORD, { p: `wrong-guess-${i}` }, u.token), 'verifyPassword');
        expect(res.code).toBe('INVALID_CREDENTIALS');
      }
      // Locked now: even the right password proves nothing, here or at sign-in, until the period ends.
      const locked = payload(await strict.gql(VERIFY_PASSWORD, { p: PASSWORD }, u.token), 'verifyPassword');
      expect(locked.code).toBe('ACCOUNT_LOCKED');
      await expect(strict.signIn('guessed', PASSWORD)).rejects.toThrow(/ACCOUNT_LOCKED/);
      strict.clock.advance(601_000);
      const fresh = await strict.signIn('guessed', PASSWORD);
      expect(payload(await strict.gql(VERIFY_PASSWORD, { p: PASSWORD }, fresh.accessToken), 'verifyPassword').verified).toBe(true);
    } finally {
      await strict.close();
    }
  });
});
