import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENROLL,
  GENERATE_SECRET,
  MY_FACTORS,
  challenge,
  enrollTotp,
  generateBackupCodes,
  nextStep,
  PASSWORD,
  signIn,
  totpAt,
  verificationId,
  verifySignIn,
} from './helpers/mfa.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ME_ID = '{ me { id } }';
const REMOVE = `mutation($input: RemoveMfaFactorInput!) { me { removeMfaFactor(input: $input) { __typename
  ... on User { id mfaFactors { id type } } ... on Error { code message } } } }`;
const ADMIN_REMOVE = `mutation($u: ID!, $f: ID!) { admin { removeUserMfaFactor(userId: $u, factorId: $f) { __typename
  ... on User { id mfaFactors { id } } ... on Error { code message } } } }`;

const auditActions = async (userId: string) =>
  (await t.db.prisma.auditEvent.findMany({ where: { userId }, orderBy: { at: 'asc' } })).map((e) => e.action);

describe('TOTP enrollment', () => {
  it('generates a 20-byte base32 secret with an otpauth URI and a QR code', async () => {
    const user = await t.createUser({ username: 'qr-user', primaryEmail: 'qr@example.com', password: PASSWORD });
    const res = await t.gql(GENERATE_SECRET, {}, user.token);
    const { secret, otpauthUri, qrCode } = res.data.me.generateTotpSecret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/account.test:qr@example.com');
    expect(uri.searchParams.get('issuer')).toBe('account.test');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(qrCode).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(qrCode.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    // Nothing is stored until enrollment confirms a code.
    expect(await t.db.prisma.mfaFactor.count({ where: { userId: user.id } })).toBe(0);
  });

  it('enrolls with a real code, refuses a wrong code, a missing verification and a second TOTP', async () => {
    const user = await t.createUser({ username: 'enroller', password: PASSWORD });
    const { secret } = (await t.gql(GENERATE_SECRET, {}, user.token)).data.me.generateTotpSecret;
    const v = await verificationId(t, user.token);
    const code = await totpAt(t, secret);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    const noProof = await t.gql(ENROLL, { input: { secret, code, verificationId: 'ver_nope' } }, user.token);
    expect(noProof.data.me.enrollTotp).toMatchObject({ __typename: 'UserError', code: 'VERIFICATION_REQUIRED' });
    const weak = await t.gql(ENROLL, { input: { secret: 'JBSWY3DPEHPK3PXP', code, verificationId: v } }, user.token);
    expect(weak.data.me.enrollTotp).toMatchObject({ code: 'INVALID_INPUT', path: ['secret'] });
    const bad = await t.gql(ENROLL, { input: { secret, code: wrong, verificationId: v } }, user.token);
    expect(bad.data.me.enrollTotp).toMatchObject({ code: 'INVALID_MFA_CODE' });

    const ok = await t.gql(ENROLL, { input: { secret, code, verificationId: v } }, user.token);
    expect(ok.data.me.enrollTotp).toMatchObject({ __typename: 'MfaFactor', type: 'TOTP', lastUsedAt: null, remainingCodes: 0 });
    expect(ok.data.me.enrollTotp.id).toMatch(/^mfa_/);

    const again = await t.gql(ENROLL, { input: { secret, code, verificationId: v } }, user.token);
    expect(again.data.me.enrollTotp).toMatchObject({ code: 'MFA_ALREADY_ENROLLED' });
    expect((await t.gql(GENERATE_SECRET, {}, user.token)).data.me.generateTotpSecret).toMatchObject({ code: 'MFA_ALREADY_ENROLLED' });

    const factors = (await t.gql(MY_FACTORS, {}, user.token)).data.me.mfaFactors;
    expect(factors).toEqual([{ id: ok.data.me.enrollTotp.id, type: 'TOTP', createdAt: expect.any(String), lastUsedAt: null, remainingCodes: 0 }]);
    expect(await auditActions(user.id)).toContain('user.mfa.enroll');
  });
});

describe('sign-in with MFA', () => {
  it('answers signIn with a challenge and verifySignIn with tokens for a real TOTP code', async () => {
    const user = await t.createUser({ username: 'challenged', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);

    const first = await signIn(t, 'challenged');
    expect(first).toMatchObject({ __typename: 'MfaChallenge', factors: ['TOTP'] });
    expect(first.mfaToken).toEqual(expect.any(String));

    nextStep(t);
    const tokens = await verifySignIn(t, { mfaToken: first.mfaToken, totpCode: await totpAt(t, secret) });
    expect(tokens).toMatchObject({ __typename: 'TokenSet', refreshToken: expect.any(String) });
    expect((await t.gql(ME_ID, {}, tokens.accessToken)).data.me.id).toBe(user.id);

    const session = await t.db.prisma.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: 'desc' } });
    expect(session.amr).toEqual(['pwd', 'otp']);
    const [factor] = (await t.gql(MY_FACTORS, {}, tokens.accessToken)).data.me.mfaFactors;
    expect(factor.lastUsedAt).not.toBeNull();

    // The challenge is spent.
    nextStep(t);
    expect(await verifySignIn(t, { mfaToken: first.mfaToken, totpCode: await totpAt(t, secret) })).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('accepts a code one step old or one step ahead (clock drift), but not two', async () => {
    const user = await t.createUser({ username: 'drifter', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    nextStep(t);
    nextStep(t);
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'drifter'), totpCode: await totpAt(t, secret, -30) })).toMatchObject({
      __typename: 'TokenSet',
    });
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'drifter'), totpCode: await totpAt(t, secret, 30) })).toMatchObject({
      __typename: 'TokenSet',
    });
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'drifter'), totpCode: await totpAt(t, secret, 90) })).toMatchObject({
      code: 'INVALID_MFA_CODE',
    });
  });

  // The window is one 30-second step either side (totp.ts, RFC 6238 §5.2): pinned at the start,
  // middle and last second of a step, so widening it to two steps (±60 s) fails here.
  it.each([0, 15, 29])('at %i s into a step: refuses codes from −60 s and +60 s, accepts −30 s, now and +30 s', async (into) => {
    const name = `window-${into}`;
    const user = await t.createUser({ username: name, password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    // Two steps past the enrollment code's step, so no code below counts as a replay of it.
    nextStep(t);
    nextStep(t);
    t.clock.advance(into * 1000);
    // Refusals first: each code is for a step no earlier code was spent on, so only the window refuses them.
    for (const offset of [-60, 60]) {
      expect(await verifySignIn(t, { mfaToken: await challenge(t, name), totpCode: await totpAt(t, secret, offset) })).toMatchObject({
        code: 'INVALID_MFA_CODE',
      });
    }
    for (const offset of [-30, 0, 30]) {
      expect(await verifySignIn(t, { mfaToken: await challenge(t, name), totpCode: await totpAt(t, secret, offset) })).toMatchObject({
        __typename: 'TokenSet',
      });
    }
  });

  it('needs exactly one of totpCode and backupCode', async () => {
    const user = await t.createUser({ username: 'onecode', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    const mfaToken = await challenge(t, 'onecode');
    expect(await verifySignIn(t, { mfaToken })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await verifySignIn(t, { mfaToken, totpCode: await totpAt(t, secret), backupCode: 'AAAA-BBBB-CCCC' })).toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('backup codes', () => {
  it('gives 10 distinct codes, each of which signs in once', async () => {
    const user = await t.createUser({ username: 'backup', password: PASSWORD });
    await enrollTotp(t, user.token);
    const codes = await generateBackupCodes(t, user.token);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);

    const factors = (await t.gql(MY_FACTORS, {}, user.token)).data.me.mfaFactors;
    expect(factors.map((f: { type: string; remainingCodes: number }) => [f.type, f.remainingCodes])).toEqual([
      ['TOTP', 0],
      ['BACKUP_CODE', 10],
    ]);
    expect((await signIn(t, 'backup')).factors).toEqual(['TOTP', 'BACKUP_CODE']);

    const used = await verifySignIn(t, { mfaToken: await challenge(t, 'backup'), backupCode: codes[3]!.toLowerCase() });
    expect(used).toMatchObject({ __typename: 'TokenSet' });
    const after = (await t.gql(MY_FACTORS, {}, used.accessToken)).data.me.mfaFactors;
    expect(after.find((f: { type: string }) => f.type === 'BACKUP_CODE')).toMatchObject({ remainingCodes: 9, lastUsedAt: expect.any(String) });

    const reused = await verifySignIn(t, { mfaToken: await challenge(t, 'backup'), backupCode: codes[3]! });
    expect(reused).toMatchObject({ code: 'INVALID_MFA_CODE' });
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'backup'), backupCode: codes[4]!.replaceAll('-', '') })).toMatchObject({
      __typename: 'TokenSet',
    });
  });

  it('replaces the previous set: its unused codes stop working', async () => {
    const user = await t.createUser({ username: 'rotator', password: PASSWORD });
    await enrollTotp(t, user.token);
    const oldCodes = await generateBackupCodes(t, user.token);
    const newCodes = await generateBackupCodes(t, user.token);
    expect(newCodes.filter((c) => oldCodes.includes(c))).toEqual([]);
    const factors = (await t.gql(MY_FACTORS, {}, user.token)).data.me.mfaFactors;
    expect(factors.filter((f: { type: string }) => f.type === 'BACKUP_CODE')).toEqual([expect.objectContaining({ remainingCodes: 10 })]);
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'rotator'), backupCode: oldCodes[0]! })).toMatchObject({
      code: 'INVALID_MFA_CODE',
    });
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'rotator'), backupCode: newCodes[0]! })).toMatchObject({
      __typename: 'TokenSet',
    });
  });
});

describe('removing factors', () => {
  it('lets the user remove a factor with identity proof, after which sign-in needs no code', async () => {
    const user = await t.createUser({ username: 'remover', password: PASSWORD });
    const { factorId } = await enrollTotp(t, user.token);
    const noProof = await t.gql(REMOVE, { input: { id: factorId, verificationId: 'ver_nope' } }, user.token);
    expect(noProof.data.me.removeMfaFactor).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
    const unknown = await t.gql(REMOVE, { input: { id: 'mfa_nope', verificationId: await verificationId(t, user.token) } }, user.token);
    expect(unknown.data.me.removeMfaFactor).toMatchObject({ code: 'NOT_FOUND' });

    const removed = await t.gql(REMOVE, { input: { id: factorId, verificationId: await verificationId(t, user.token) } }, user.token);
    expect(removed.data.me.removeMfaFactor).toEqual({ __typename: 'User', id: user.id, mfaFactors: [] });
    expect(await signIn(t, 'remover')).toMatchObject({ __typename: 'TokenSet' });
    expect(await auditActions(user.id)).toContain('user.mfa.remove');
  });

  it('lets an admin see and remove a factor, after which sign-in returns tokens directly', async () => {
    const user = await t.createUser({ username: 'lostphone', password: PASSWORD });
    const { factorId } = await enrollTotp(t, user.token);
    expect(await signIn(t, 'lostphone')).toMatchObject({ __typename: 'MfaChallenge' });

    const admin = await t.adminToken();
    const seen = await t.gql('query($id: ID!) { admin { user(id: $id) { mfaFactors { id type } } } }', { id: user.id }, admin);
    expect(seen.data.admin.user.mfaFactors).toEqual([{ id: factorId, type: 'TOTP' }]);

    // A plain user may not do it, not even to themselves.
    expect((await t.gql(ADMIN_REMOVE, { u: user.id, f: factorId }, user.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(ADMIN_REMOVE, { u: user.id, f: 'mfa_nope' }, admin)).data.admin.removeUserMfaFactor).toMatchObject({ code: 'NOT_FOUND' });

    const removed = await t.gql(ADMIN_REMOVE, { u: user.id, f: factorId }, admin);
    expect(removed.data.admin.removeUserMfaFactor).toEqual({ __typename: 'User', id: user.id, mfaFactors: [] });
    expect(await signIn(t, 'lostphone')).toMatchObject({ __typename: 'TokenSet', accessToken: expect.any(String) });

    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: 'admin.user.mfa.remove' } });
    expect(event.details).toMatchObject({ factorId, type: 'TOTP' });
    expect(event.actorId).not.toBe(user.id);
  });
});

describe('account center mode of the mfa field', () => {
  const SET_MFA_MODE = `mutation($mode: AccountFieldMode!) { admin { updateAccountCenter(input: { fields: { mfa: $mode } }) { __typename } } }`;

  it('READ_ONLY lists factors but refuses changes; OFF hides them', async () => {
    const user = await t.createUser({ username: 'centered', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    const admin = await t.adminToken();
    try {
      await t.gql(SET_MFA_MODE, { mode: 'READ_ONLY' }, admin);
      expect((await t.gql(MY_FACTORS, {}, user.token)).data.me.mfaFactors).toHaveLength(1);
      expect((await t.gql(GENERATE_SECRET, {}, user.token)).data.me.generateTotpSecret).toMatchObject({ code: 'FIELD_NOT_EDITABLE' });
      const v = await verificationId(t, user.token);
      const enroll = await t.gql(ENROLL, { input: { secret, code: await totpAt(t, secret), verificationId: v } }, user.token);
      expect(enroll.data.me.enrollTotp).toMatchObject({ code: 'FIELD_NOT_EDITABLE' });

      await t.gql(SET_MFA_MODE, { mode: 'OFF' }, admin);
      expect((await t.gql(MY_FACTORS, {}, user.token)).data.me.mfaFactors).toEqual([]);
      const backup = await t.gql(`mutation($v: ID!) { me { generateBackupCodes(verificationId: $v) { __typename ... on Error { code } } } }`, { v }, user.token);
      expect(backup.data.me.generateBackupCodes).toMatchObject({ code: 'FIELD_NOT_EDITABLE' });
      // Admins still see them.
      const seen = await t.gql('query($id: ID!) { admin { user(id: $id) { mfaFactors { type } } } }', { id: user.id }, admin);
      expect(seen.data.admin.user.mfaFactors).toEqual([{ type: 'TOTP' }]);
    } finally {
      await t.gql(SET_MFA_MODE, { mode: 'EDIT' }, admin);
    }
  });
});
