// Passkeys end to end over the real HTTP path, with a software authenticator whose keys, CBOR and
// signatures are real, verified by the real @simplewebauthn/server.
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { newUser, PASSWORD } from './helpers/me.js';
import { challenge as mfaChallenge, enrollTotp, GENERATE_BACKUP, nextStep, SIGN_IN, totpAt, verificationId } from './helpers/mfa.js';
import {
  FINISH_REGISTRATION,
  FINISH_SIGN_IN,
  MY_FACTORS,
  passkeySignIn,
  registerPasskey,
  REMOVE_FACTOR,
  RENAME,
  SoftwareAuthenticator,
  START_MFA,
  START_REGISTRATION,
  START_VERIFICATION,
  startRegistration,
  startSignIn,
  VERIFY_PASSKEY,
  VERIFY_SIGN_IN,
  VERIFY_TOTP,
} from './helpers/passkeys.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FIVE_MINUTES = 5 * 60 * 1000;
const auditActions = async (userId: string) => (await t.db.prisma.auditEvent.findMany({ where: { userId }, orderBy: { at: 'asc' } })).map((e) => e.action);
const adminToken = async () => (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
/** The session behind an access token (its `sid` claim). */
const sessionOf = (accessToken: string) =>
  t.db.prisma.session.findUniqueOrThrow({ where: { id: JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()).sid } });
const SET_FIELDS = `mutation($fields: AccountCenterFieldsInput!) { admin { updateAccountCenter(input: { fields: $fields }) { __typename } } }`;

describe('registration', () => {
  it('offers creation options for this RP and user, stores the passkey (attestation none) and lists it', async () => {
    const u = await newUser(t, { username: 'pk_reg', primaryEmail: 'pk-reg@example.com', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const { challengeId, options, expiresAt } = (
      await t.gql(START_REGISTRATION, { v: await verificationId(t, u.token) }, u.token)
    ).data.me.startPasskeyRegistration;
    expect(challengeId).toMatch(/^pkc_/);
    expect(new Date(expiresAt).getTime() - t.clock.now().getTime()).toBe(FIVE_MINUTES);
    expect(options).toMatchObject({
      rp: { id: 'account.test', name: 'account.test' },
      user: { id: isoBase64URL.fromUTF8String(u.id), name: 'pk-reg@example.com' },
      attestation: 'none',
      excludeCredentials: [],
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    expect(options.pubKeyCredParams.map((p: { alg: number }) => p.alg)).toEqual([-7, -8, -257]);
    expect(options).not.toHaveProperty('publicKey');

    const { response } = device.register(options);
    const res = await t.gql(FINISH_REGISTRATION, { input: { challengeId, credential: response, name: '  Laptop  ' } }, u.token);
    const factor = res.data.me.finishPasskeyRegistration;
    expect(factor).toMatchObject({ __typename: 'MfaFactor', type: 'WEBAUTHN', name: 'Laptop', lastUsedAt: null, backedUp: true });

    const row = await t.db.prisma.mfaFactor.findUniqueOrThrow({ where: { id: factor.id } });
    expect(row).toMatchObject({
      credentialId: response.id,
      signCount: 0n,
      transports: ['internal', 'hybrid'],
      aaguid: [...device.aaguid.toString('hex').matchAll(/(.{8})(.{4})(.{4})(.{4})(.{12})/g)][0]!.slice(1).join('-'),
      backupEligible: true,
      backedUp: true,
    });
    expect(row.publicKey?.length).toBeGreaterThan(64);

    expect((await t.gql(MY_FACTORS, {}, u.token)).data.me.mfaFactors).toEqual([
      { id: factor.id, type: 'WEBAUTHN', name: 'Laptop', createdAt: expect.any(String), lastUsedAt: null, backedUp: true },
    ]);
    expect(await auditActions(u.id)).toContain('user.mfa.enroll');
    const mail = await t.mail.latestTo('pk-reg@example.com', 'A passkey was added');
    expect(mail.text).toContain('A passkey was added to your account');

    // A second registration excludes the first credential and takes packed self-attestation.
    const second = await startRegistration(t, u.token);
    expect(second.options.excludeCredentials).toEqual([{ id: response.id, type: 'public-key', transports: ['internal', 'hybrid'] }]);
    const packed = device.register(second.options, { attestation: 'packed' });
    const ok = await t.gql(FINISH_REGISTRATION, { input: { challengeId: second.challengeId, credential: packed.response } }, u.token);
    expect(ok.data.me.finishPasskeyRegistration).toMatchObject({ type: 'WEBAUTHN', name: 'Passkey 2' });
  });

  it('needs an identity proof, a matching origin and RP ID, and a fresh challenge of this user', async () => {
    const u = await newUser(t, { username: 'pk_reg_bad', password: PASSWORD });
    const other = await newUser(t, { username: 'pk_reg_other', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    expect((await t.gql(START_REGISTRATION, { v: 'ver_nope' }, u.token)).data.me.startPasskeyRegistration).toMatchObject({ code: 'VERIFICATION_REQUIRED' });

    const finish = async (challengeId: string, credential: unknown, token = u.token) =>
      (await t.gql(FINISH_REGISTRATION, { input: { challengeId, credential } }, token)).data.me.finishPasskeyRegistration;

    const wrongOrigin = await startRegistration(t, u.token);
    expect(await finish(wrongOrigin.challengeId, device.register(wrongOrigin.options, { origin: 'http://evil.test' }).response)).toMatchObject({
      code: 'PASSKEY_REJECTED',
    });
    // Spent by the failed attempt: a second answer finds no challenge.
    expect(await finish(wrongOrigin.challengeId, device.register(wrongOrigin.options).response)).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });

    const wrongRp = await startRegistration(t, u.token);
    expect(await finish(wrongRp.challengeId, device.register(wrongRp.options, { rpId: 'evil.test' }).response)).toMatchObject({ code: 'PASSKEY_REJECTED' });

    const wrongType = await startRegistration(t, u.token);
    expect(await finish(wrongType.challengeId, device.register(wrongType.options, { type: 'webauthn.get' }).response)).toMatchObject({
      code: 'PASSKEY_REJECTED',
    });

    const garbage = await startRegistration(t, u.token);
    expect(await finish(garbage.challengeId, { id: 'x' })).toMatchObject({ code: 'PASSKEY_REJECTED' });

    const foreign = await startRegistration(t, u.token);
    expect(await finish(foreign.challengeId, device.register(foreign.options).response, other.token)).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });

    const expired = await startRegistration(t, u.token);
    t.clock.advance(FIVE_MINUTES + 1000);
    expect(await finish(expired.challengeId, device.register(expired.options).response)).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });
    expect(await t.db.prisma.mfaFactor.count({ where: { userId: u.id } })).toBe(0);
  });

  it('renames a passkey of the caller only, with a 1-64 character name', async () => {
    const u = await newUser(t, { username: 'pk_rename', password: PASSWORD });
    const other = await newUser(t, { username: 'pk_rename_other', password: PASSWORD });
    const passkey = await registerPasskey(t, u.token, new SoftwareAuthenticator(), { name: 'Old' });
    const rename = async (id: string, name: string, token = u.token) => (await t.gql(RENAME, { input: { id, name } }, token)).data.me.renamePasskey;
    expect(await rename(passkey.id, 'Phone')).toMatchObject({ __typename: 'MfaFactor', id: passkey.id, name: 'Phone' });
    expect(await rename(passkey.id, '   ')).toMatchObject({ code: 'INVALID_INPUT', path: ['name'] });
    expect(await rename(passkey.id, 'x'.repeat(65))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await rename(passkey.id, 'Mine now', other.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditActions(u.id)).toContain('user.passkey.rename');
  });
});

describe('passwordless sign-in', () => {
  it('signs in with a discoverable passkey (no identifier), with no second factor asked', async () => {
    const u = await newUser(t, { username: 'pk_disc', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const passkey = await registerPasskey(t, u.token, device);
    const { options } = await startSignIn(t);
    expect(options).toMatchObject({ rpId: 'account.test', userVerification: 'required' });
    expect(options.allowCredentials ?? []).toEqual([]);

    const tokens = await passkeySignIn(t, device);
    expect(tokens).toMatchObject({ __typename: 'TokenSet', refreshToken: expect.any(String) });
    expect((await t.gql('{ me { id } }', {}, tokens.accessToken)).data.me.id).toBe(u.id);
    expect((await sessionOf(tokens.accessToken)).amr).toEqual(['hwk', 'user']);
    const row = await t.db.prisma.mfaFactor.findUniqueOrThrow({ where: { id: passkey.id } });
    expect(row.signCount).toBe(1n);
    expect(row.lastUsedAt).not.toBeNull();
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { userId: u.id, action: 'user.sign_in' }, orderBy: { at: 'desc' } });
    expect(event.details).toMatchObject({ method: 'passkey', factorId: passkey.id });
  });

  it('signs in with an identifier, accepting only that account\'s passkeys and refusing another account\'s', async () => {
    const u = await newUser(t, { username: 'pk_ident', password: PASSWORD });
    const other = await newUser(t, { username: 'pk_ident_other', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const mine = await registerPasskey(t, u.token, device);
    const othersDevice = new SoftwareAuthenticator();
    await registerPasskey(t, other.token, othersDevice);

    // No list (test/enumeration.security.test.ts): the challenge is bound to the account instead.
    const { options } = await startSignIn(t, 'PK_IDENT');
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(mine.credentialId).toBeTruthy();
    expect(await passkeySignIn(t, device, 'pk_ident')).toMatchObject({ __typename: 'TokenSet' });

    // Someone else's passkey answering for this identifier, and a passkey nobody registered.
    const foreign = await startSignIn(t, 'pk_ident');
    const answer = othersDevice.authenticate(foreign.options, { credential: othersDevice.credentials[0] });
    expect((await t.gql(FINISH_SIGN_IN, { input: { challengeId: foreign.challengeId, credential: answer } })).data.finishPasskeySignIn).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    const stranger = new SoftwareAuthenticator();
    const strangerKey = stranger.register((await startRegistration(t, other.token)).options).credential;
    const unknown = await startSignIn(t);
    expect(
      (await t.gql(FINISH_SIGN_IN, { input: { challengeId: unknown.challengeId, credential: stranger.authenticate(unknown.options, { credential: strangerKey }) } }))
        .data.finishPasskeySignIn,
    ).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('answers an unknown identifier like an account (no account is revealed)', async () => {
    const a = await startSignIn(t, 'nobody-here@example.com');
    const u = await newUser(t, { username: 'pk_none', password: PASSWORD });
    const b = await startSignIn(t, 'pk_none');
    expect(a.options.allowCredentials ?? []).toEqual([]);
    expect({ ...a.options, challenge: null }).toEqual({ ...b.options, challenge: null });
    expect(u.id).toMatch(/^usr_/);
  });

  it('refuses a wrong origin, a wrong RP ID, a missing user verification, a replay and an expired challenge', async () => {
    const u = await newUser(t, { username: 'pk_refuse', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    await registerPasskey(t, u.token, device);
    expect(await passkeySignIn(t, device, undefined, { origin: 'http://evil.test' })).toMatchObject({ code: 'PASSKEY_REJECTED' });
    expect(await passkeySignIn(t, device, undefined, { rpId: 'evil.test' })).toMatchObject({ code: 'PASSKEY_REJECTED' });
    expect(await passkeySignIn(t, device, undefined, { type: 'webauthn.create' })).toMatchObject({ code: 'PASSKEY_REJECTED' });
    expect(await passkeySignIn(t, device, undefined, { userVerified: false })).toMatchObject({ code: 'PASSKEY_REJECTED' });

    // Replay: the same signed answer twice, then an answer signed over an older, spent challenge.
    const first = await startSignIn(t);
    const answer = device.authenticate(first.options);
    expect((await t.gql(FINISH_SIGN_IN, { input: { challengeId: first.challengeId, credential: answer } })).data.finishPasskeySignIn.__typename).toBe('TokenSet');
    expect((await t.gql(FINISH_SIGN_IN, { input: { challengeId: first.challengeId, credential: answer } })).data.finishPasskeySignIn).toMatchObject({
      code: 'VERIFICATION_NOT_FOUND',
    });
    const fresh = await startSignIn(t);
    const oldChallenge = device.authenticate(fresh.options, { challenge: first.options.challenge });
    expect((await t.gql(FINISH_SIGN_IN, { input: { challengeId: fresh.challengeId, credential: oldChallenge } })).data.finishPasskeySignIn).toMatchObject({
      code: 'PASSKEY_REJECTED',
    });

    const late = await startSignIn(t);
    t.clock.advance(FIVE_MINUTES + 1000);
    expect((await t.gql(FINISH_SIGN_IN, { input: { challengeId: late.challengeId, credential: device.authenticate(late.options) } })).data.finishPasskeySignIn).toMatchObject({
      code: 'VERIFICATION_NOT_FOUND',
    });
    expect((await t.gql(FINISH_SIGN_IN, { input: { challengeId: 'pkc_unknown', credential: answer } })).data.finishPasskeySignIn).toMatchObject({
      code: 'VERIFICATION_NOT_FOUND',
    });
  });

  it('refuses a counter that goes backwards (a cloned authenticator) and audits it', async () => {
    const u = await newUser(t, { username: 'pk_clone', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const passkey = await registerPasskey(t, u.token, device);
    expect(await passkeySignIn(t, device, undefined, { counter: 5 })).toMatchObject({ __typename: 'TokenSet' });
    expect(await passkeySignIn(t, device, undefined, { counter: 5 })).toMatchObject({ code: 'PASSKEY_REJECTED' });
    expect(await passkeySignIn(t, device, undefined, { counter: 3 })).toMatchObject({ code: 'PASSKEY_REJECTED' });
    const events = await t.db.prisma.auditEvent.findMany({ where: { userId: u.id, action: 'user.passkey.counter_regression' } });
    expect(events.map((e) => e.details)).toEqual([
      { factorId: passkey.id, storedCounter: 5, presentedCounter: 5 },
      { factorId: passkey.id, storedCounter: 5, presentedCounter: 3 },
    ]);
    expect((await t.db.prisma.mfaFactor.findUniqueOrThrow({ where: { id: passkey.id } })).signCount).toBe(5n);
    expect(await passkeySignIn(t, device, undefined, { counter: 6 })).toMatchObject({ __typename: 'TokenSet' });
  });

  it('respects suspension and the sign-in lockout', async () => {
    const u = await newUser(t, { username: 'pk_susp', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    await registerPasskey(t, u.token, device);
    const admin = await adminToken();
    await t.gql(`mutation($id: ID!) { admin { setUserSuspended(id: $id, suspended: true) { __typename } } }`, { id: u.id }, admin);
    expect(await passkeySignIn(t, device)).toMatchObject({ code: 'ACCOUNT_SUSPENDED' });
    await t.gql(`mutation($id: ID!) { admin { setUserSuspended(id: $id, suspended: false) { __typename } } }`, { id: u.id }, admin);
    await t.db.prisma.user.update({ where: { id: u.id }, data: { lockedUntil: new Date(t.clock.now().getTime() + 60_000) } });
    expect(await passkeySignIn(t, device)).toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });
});

describe('passkey as the second step of an MFA challenge', () => {
  it('offers WEBAUTHN in the challenge and finishes verifySignIn with an assertion', async () => {
    const u = await newUser(t, { username: 'pk_mfa', password: PASSWORD });
    const other = await newUser(t, { username: 'pk_mfa_other', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const passkey = await registerPasskey(t, u.token, device);
    const othersDevice = new SoftwareAuthenticator();
    await registerPasskey(t, other.token, othersDevice);
    await enrollTotp(t, u.token);

    const first = (await t.gql(SIGN_IN, { input: { identifier: 'pk_mfa', password: PASSWORD } })).data.signIn;
    expect(first).toMatchObject({ __typename: 'MfaChallenge', factors: ['TOTP', 'WEBAUTHN'] });
    const started = (await t.gql(START_MFA, { t: first.mfaToken })).data.startMfaPasskey;
    expect(started.options.allowCredentials).toEqual([{ id: passkey.credentialId, type: 'public-key', transports: ['internal', 'hybrid'] }]);
    const verify = async (mfaToken: string, challengeId: string, credential: unknown) =>
      (await t.gql(VERIFY_SIGN_IN, { input: { mfaToken, passkey: { challengeId, credential } } })).data.verifySignIn;

    // Another account's passkey does not finish this sign-in, and spends this passkey challenge.
    expect(await verify(first.mfaToken, started.challengeId, othersDevice.authenticate(started.options, { credential: othersDevice.credentials[0] }))).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    const again = (await t.gql(START_MFA, { t: first.mfaToken })).data.startMfaPasskey;
    expect(await verify(first.mfaToken, again.challengeId, device.authenticate(again.options, { origin: 'http://evil.test' }))).toMatchObject({ code: 'PASSKEY_REJECTED' });
    expect(await verify(first.mfaToken, again.challengeId, device.authenticate(again.options))).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });

    // A passkey challenge of another sign-in attempt does not count for this one.
    const otherAttempt = await mfaChallenge(t, 'pk_mfa');
    const elsewhere = (await t.gql(START_MFA, { t: otherAttempt })).data.startMfaPasskey;
    const third = (await t.gql(START_MFA, { t: first.mfaToken })).data.startMfaPasskey;
    expect(await verify(first.mfaToken, elsewhere.challengeId, device.authenticate(elsewhere.options))).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });

    const tokens = await verify(first.mfaToken, third.challengeId, device.authenticate(third.options));
    expect(tokens).toMatchObject({ __typename: 'TokenSet' });
    expect((await sessionOf(tokens.accessToken)).amr).toEqual(['pwd', 'hwk']);
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { userId: u.id, action: 'user.sign_in' }, orderBy: { at: 'desc' } });
    expect(event.details).toMatchObject({ mfa: 'WEBAUTHN', factorId: passkey.id });
    // Wrong answers counted toward the MFA lockout; the right one reset it.
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).mfaFailures).toBe(0);
    // The MFA token is spent.
    expect((await t.gql(START_MFA, { t: first.mfaToken })).data.startMfaPasskey).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await verify(first.mfaToken, elsewhere.challengeId, {})).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('needs exactly one answer, and a passkey on the account for startMfaPasskey', async () => {
    const u = await newUser(t, { username: 'pk_mfa_one', password: PASSWORD });
    const { secret } = await enrollTotp(t, u.token);
    const mfaToken = await mfaChallenge(t, 'pk_mfa_one');
    expect((await t.gql(START_MFA, { t: mfaToken })).data.startMfaPasskey).toMatchObject({ code: 'NOT_FOUND' });
    const both = await t.gql(VERIFY_SIGN_IN, { input: { mfaToken, totpCode: await totpAt(t, secret), passkey: { challengeId: 'pkc_x', credential: {} } } });
    expect(both.data.verifySignIn).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('step-up', () => {
  it('verifyPasskey gives a verified identity record that sensitive changes accept', async () => {
    const u = await newUser(t, { username: 'pk_step', password: PASSWORD });
    const other = await newUser(t, { username: 'pk_step_other', password: PASSWORD });
    expect((await t.gql(START_VERIFICATION, {}, other.token)).data.me.startPasskeyVerification).toMatchObject({ code: 'NOT_FOUND' });
    const device = new SoftwareAuthenticator();
    await registerPasskey(t, u.token, device);
    const verify = async (challengeId: string, credential: unknown, token = u.token) =>
      (await t.gql(VERIFY_PASSKEY, { input: { challengeId, credential } }, token)).data.me.verifyPasskey;

    const noUv = (await t.gql(START_VERIFICATION, {}, u.token)).data.me.startPasskeyVerification;
    expect(noUv.options.userVerification).toBe('required');
    expect(await verify(noUv.challengeId, device.authenticate(noUv.options, { userVerified: false }))).toMatchObject({ code: 'PASSKEY_REJECTED' });
    const foreign = (await t.gql(START_VERIFICATION, {}, u.token)).data.me.startPasskeyVerification;
    expect(await verify(foreign.challengeId, device.authenticate(foreign.options), other.token)).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });
    expect(await auditActions(u.id)).toContain('user.verification.passkey_failed');

    const started = (await t.gql(START_VERIFICATION, {}, u.token)).data.me.startPasskeyVerification;
    const record = await verify(started.challengeId, device.authenticate(started.options));
    expect(record).toMatchObject({ __typename: 'VerificationRecord', verified: true });
    expect((await t.gql(GENERATE_BACKUP, { v: record.id }, u.token)).data.me.generateBackupCodes.codes).toHaveLength(10);
    expect(await verify(started.challengeId, device.authenticate(started.options))).toMatchObject({ code: 'VERIFICATION_NOT_FOUND' });
  });

  it('verifyTotp gives a verified identity record; a wrong or replayed code is INVALID_MFA_CODE', async () => {
    const u = await newUser(t, { username: 'pk_totp_step', password: PASSWORD });
    const { secret } = await enrollTotp(t, u.token);
    nextStep(t);
    const code = await totpAt(t, secret);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await t.gql(VERIFY_TOTP, { code: wrong }, u.token)).data.me.verifyTotp).toMatchObject({ code: 'INVALID_MFA_CODE' });
    expect(await auditActions(u.id)).toContain('user.verification.totp_failed');
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).mfaFailures).toBe(1);
    const record = (await t.gql(VERIFY_TOTP, { code }, u.token)).data.me.verifyTotp;
    expect(record).toMatchObject({ __typename: 'VerificationRecord', verified: true });
    expect((await t.gql(VERIFY_TOTP, { code }, u.token)).data.me.verifyTotp).toMatchObject({ code: 'INVALID_MFA_CODE' });
    expect((await t.gql(GENERATE_BACKUP, { v: record.id }, u.token)).data.me.generateBackupCodes.codes).toHaveLength(10);
  });
});

describe('removal, account center and admins', () => {
  it('removes a passkey with an identity proof and tells the account', async () => {
    const u = await newUser(t, { username: 'pk_remove', primaryEmail: 'pk-remove@example.com', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const passkey = await registerPasskey(t, u.token, device);
    const remove = async (v: string) => (await t.gql(REMOVE_FACTOR, { input: { id: passkey.id, verificationId: v } }, u.token)).data.me.removeMfaFactor;
    expect(await remove('ver_nope')).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
    expect(await remove(await verificationId(t, u.token))).toEqual({ __typename: 'User', id: u.id, mfaFactors: [] });
    const mail = await t.mail.latestTo('pk-remove@example.com', 'A passkey was removed');
    expect(mail.text).toContain('A passkey was removed from your account.');
    expect(await passkeySignIn(t, device)).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('never removes the last way in: a passkey on an account without any identifier stays', async () => {
    const u = await newUser(t, { username: 'pk_last', password: PASSWORD });
    const passkey = await registerPasskey(t, u.token, new SoftwareAuthenticator());
    const dropUsername = await t.gql(
      `mutation($v: ID!) { me { updateProfile(input: { username: null, verificationId: $v }) { __typename ... on Error { code } } } }`,
      { v: await verificationId(t, u.token) },
      u.token,
    );
    expect(dropUsername.data.me.updateProfile.__typename).toBe('User');
    const res = await t.gql(REMOVE_FACTOR, { input: { id: passkey.id, verificationId: await verificationId(t, u.token) } }, u.token);
    expect(res.data.me.removeMfaFactor).toMatchObject({ code: 'LAST_SIGN_IN_METHOD' });
  });

  it('never lets a username removal racing the passkey removal leave an account with no way in', async () => {
    const u = await newUser(t, { username: 'pk_race', password: PASSWORD });
    const passkey = await registerPasskey(t, u.token, new SoftwareAuthenticator());
    const [v1, v2] = [await verificationId(t, u.token), await verificationId(t, u.token)];
    const [profile, removal] = await Promise.all([
      t.gql(`mutation($v: ID!) { me { updateProfile(input: { username: null, verificationId: $v }) { __typename ... on Error { code } } } }`, { v: v1 }, u.token),
      t.gql(REMOVE_FACTOR, { input: { id: passkey.id, verificationId: v2 } }, u.token),
    ]);
    const outcomes = [profile.data.me.updateProfile, removal.data.me.removeMfaFactor].map((r) => r.code ?? r.__typename).sort();
    expect(outcomes).toEqual(['LAST_SIGN_IN_METHOD', 'User']);
  });

  it('governs passkeys by the `passkey` field, separately from `mfa`', async () => {
    const u = await newUser(t, { username: 'pk_field', password: PASSWORD });
    const passkey = await registerPasskey(t, u.token, new SoftwareAuthenticator());
    const { factorId: totpId } = await enrollTotp(t, u.token);
    const admin = await adminToken();
    const types = async () => (await t.gql(MY_FACTORS, {}, u.token)).data.me.mfaFactors.map((f: { type: string }) => f.type);
    try {
      await t.gql(SET_FIELDS, { fields: { passkey: 'READ_ONLY' } }, admin);
      expect(await types()).toEqual(['WEBAUTHN', 'TOTP']);
      expect((await t.gql(START_REGISTRATION, { v: 'ver_x' }, u.token)).data.me.startPasskeyRegistration).toMatchObject({ code: 'FIELD_NOT_EDITABLE' });
      expect((await t.gql(RENAME, { input: { id: passkey.id, name: 'x' } }, u.token)).data.me.renamePasskey).toMatchObject({ code: 'FIELD_NOT_EDITABLE' });
      const v = await verificationId(t, u.token);
      expect((await t.gql(REMOVE_FACTOR, { input: { id: passkey.id, verificationId: v } }, u.token)).data.me.removeMfaFactor).toMatchObject({
        code: 'FIELD_NOT_EDITABLE',
        message: expect.stringContaining('passkey'),
      });

      await t.gql(SET_FIELDS, { fields: { passkey: 'OFF', mfa: 'READ_ONLY' } }, admin);
      expect(await types()).toEqual(['TOTP']);
      expect((await t.gql(REMOVE_FACTOR, { input: { id: totpId, verificationId: v } }, u.token)).data.me.removeMfaFactor).toMatchObject({ code: 'FIELD_NOT_EDITABLE' });
      await t.gql(SET_FIELDS, { fields: { mfa: 'OFF' } }, admin);
      expect(await types()).toEqual([]);
      const seen = await t.gql('query($id: ID!) { admin { user(id: $id) { mfaFactors { type name } } } }', { id: u.id }, admin);
      expect(seen.data.admin.user.mfaFactors).toEqual([{ type: 'WEBAUTHN', name: 'Passkey 1' }, { type: 'TOTP', name: null }]);
    } finally {
      await t.gql(SET_FIELDS, { fields: { passkey: 'EDIT', mfa: 'EDIT' } }, admin);
    }
    expect((await t.gql('{ accountCenter { fields { passkey mfa } } }')).data.accountCenter.fields).toEqual({ passkey: 'EDIT', mfa: 'EDIT' });
  });

  it('lets an admin see and remove a passkey (audited)', async () => {
    const u = await newUser(t, { username: 'pk_admin', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const passkey = await registerPasskey(t, u.token, device, { name: 'Lost key' });
    const admin = await adminToken();
    const removed = await t.gql(
      `mutation($u: ID!, $f: ID!) { admin { removeUserMfaFactor(userId: $u, factorId: $f) { __typename ... on User { mfaFactors { id } } ... on Error { code } } } }`,
      { u: u.id, f: passkey.id },
      admin,
    );
    expect(removed.data.admin.removeUserMfaFactor).toEqual({ __typename: 'User', mfaFactors: [] });
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { userId: u.id, action: 'admin.user.mfa.remove' } });
    expect(event.details).toMatchObject({ factorId: passkey.id, type: 'WEBAUTHN' });
    expect(await passkeySignIn(t, device)).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('refuses credential changes and step-up to impersonation tokens', async () => {
    const u = await newUser(t, { username: 'pk_imp', password: PASSWORD });
    const passkey = await registerPasskey(t, u.token, new SoftwareAuthenticator());
    const admin = await adminToken();
    const imp = await t.gql(
      `mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) { ... on TokenSet { accessToken } } } }`,
      { input: { userId: u.id, reason: 'support' } },
      admin,
    );
    const token = imp.data.admin.impersonateUser.accessToken;
    const code = async (query: string, variables: Record<string, unknown>) => (await t.gql(query, variables, token)).errors?.[0]?.extensions?.code;
    expect(await code(START_REGISTRATION, { v: 'ver_x' })).toBe('FORBIDDEN');
    expect(await code(FINISH_REGISTRATION, { input: { challengeId: 'pkc_x', credential: {} } })).toBe('FORBIDDEN');
    expect(await code(RENAME, { input: { id: passkey.id, name: 'x' } })).toBe('FORBIDDEN');
    expect(await code(START_VERIFICATION, {})).toBe('FORBIDDEN');
    expect(await code(VERIFY_PASSKEY, { input: { challengeId: 'pkc_x', credential: {} } })).toBe('FORBIDDEN');
    expect(await code(VERIFY_TOTP, { code: '123456' })).toBe('FORBIDDEN');
    expect(await code(REMOVE_FACTOR, { input: { id: passkey.id, verificationId: 'ver_x' } })).toBe('FORBIDDEN');
  });
});

describe('configuration', () => {
  it('defaults the RP ID and origin to ISSUER, and refuses an origin outside the RP ID', () => {
    expect(loadConfig({ ISSUER: 'https://id.example.com/' })).toMatchObject({ webauthnRpId: 'id.example.com', webauthnOrigins: ['https://id.example.com'] });
    expect(
      loadConfig({ ISSUER: 'https://id.example.com', WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_ORIGINS: 'https://app.example.com, https://example.com:8443' }),
    ).toMatchObject({ webauthnRpId: 'example.com', webauthnOrigins: ['https://app.example.com', 'https://example.com:8443'] });
    expect(() => loadConfig({ WEBAUTHN_RP_ID: 'example.com', WEBAUTHN_ORIGINS: 'https://evil.test' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBAUTHN_ORIGINS: 'https://localhost:4000/path' })).toThrow(/WEBAUTHN_ORIGINS/);
    expect(() => loadConfig({ WEBAUTHN_RP_ID: 'https://example.com' })).toThrow(/WEBAUTHN_RP_ID/);
  });
});
