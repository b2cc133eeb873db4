import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newUser,
  PASSWORD,
  payload,
  REMOVE_EMAIL,
  REMOVE_PHONE,
  sendCode,
  SET_EMAIL,
  SET_PHONE,
  verifiedCodeRecord,
  verifyPassword,
} from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const setEmail = async (token: string, input: Record<string, unknown>) => payload(await t.gql(SET_EMAIL, { input }, token), 'setPrimaryEmail');
const setPhone = async (token: string, input: Record<string, unknown>) => payload(await t.gql(SET_PHONE, { input }, token), 'setPrimaryPhone');

describe('me.setPrimaryEmail / removePrimaryEmail', () => {
  it('sets a verified new email with identity proof, then it signs in; the record cannot be reused', async () => {
    const u = await newUser(t, { username: 'id_a', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    const newId = await verifiedCodeRecord(t, u.token, { email: 'id.a@example.com' });
    const user = await setEmail(u.token, { email: 'ID.A@Example.com', newIdentifierVerificationId: newId, verificationId: v });
    expect(user).toMatchObject({ __typename: 'User', primaryEmail: 'id.a@example.com' });
    await expect(t.signIn('id.a@example.com', PASSWORD)).resolves.toHaveProperty('accessToken');
    const event = await t.db.prisma.auditEvent.findFirst({ where: { userId: u.id, action: 'user.email.set' } });
    expect(event?.details).toEqual({ email: 'id.a@example.com' });

    // The new-identifier record was consumed.
    const v2 = await verifyPassword(t, u.token);
    expect(await setEmail(u.token, { email: 'id.a@example.com', newIdentifierVerificationId: newId, verificationId: v2 })).toMatchObject({
      code: 'VERIFICATION_NOT_FOUND',
      path: ['newIdentifierVerificationId'],
    });
  });

  it('needs a verified record for exactly that address (VERIFICATION_NOT_FOUND)', async () => {
    const u = await newUser(t, { username: 'id_b', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    const other = await verifiedCodeRecord(t, u.token, { email: 'id.b.other@example.com' });
    expect(await setEmail(u.token, { email: 'id.b@example.com', newIdentifierVerificationId: other, verificationId: v })).toMatchObject({
      code: 'VERIFICATION_NOT_FOUND',
    });
    const unverified = await sendCode(t, u.token, { email: 'id.b@example.com' });
    expect(await setEmail(u.token, { email: 'id.b@example.com', newIdentifierVerificationId: unverified.id, verificationId: v })).toMatchObject({
      code: 'VERIFICATION_NOT_FOUND',
    });
    // A password record is no proof of owning an address.
    expect(await setEmail(u.token, { email: 'id.b@example.com', newIdentifierVerificationId: v, verificationId: v })).toMatchObject({
      code: 'VERIFICATION_NOT_FOUND',
    });
    expect(await setEmail(u.token, { email: 'id.b@example.com', newIdentifierVerificationId: 'ver_missing', verificationId: v })).toMatchObject({
      code: 'VERIFICATION_NOT_FOUND',
    });
  });

  it('needs identity proof, not only the new-address record (VERIFICATION_REQUIRED)', async () => {
    const u = await newUser(t, { username: 'id_c', password: PASSWORD });
    const newId = await verifiedCodeRecord(t, u.token, { email: 'id.c@example.com' });
    expect(await setEmail(u.token, { email: 'id.c@example.com', newIdentifierVerificationId: newId, verificationId: newId })).toMatchObject({
      code: 'VERIFICATION_REQUIRED',
    });
    // The failed attempt did not consume the record.
    const v = await verifyPassword(t, u.token);
    expect(await setEmail(u.token, { email: 'id.c@example.com', newIdentifierVerificationId: newId, verificationId: v })).toMatchObject({
      primaryEmail: 'id.c@example.com',
    });
  });

  it('answers an address held by another account with IDENTIFIER_IN_USE', async () => {
    await newUser(t, { primaryEmail: 'held@example.com', password: PASSWORD });
    const u = await newUser(t, { username: 'id_d', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    const newId = await verifiedCodeRecord(t, u.token, { email: 'held@example.com' });
    expect(await setEmail(u.token, { email: 'held@example.com', newIdentifierVerificationId: newId, verificationId: v })).toMatchObject({
      __typename: 'UserError',
      code: 'IDENTIFIER_IN_USE',
      path: ['email'],
    });
  });

  it('lets only one of two racing accounts claim the same address', async () => {
    const a = await newUser(t, { username: 'race_a', password: PASSWORD });
    const b = await newUser(t, { username: 'race_b', password: PASSWORD });
    const va = await verifyPassword(t, a.token);
    const vb = await verifyPassword(t, b.token);
    const na = await verifiedCodeRecord(t, a.token, { email: 'race@example.com' });
    t.clock.advance(61_000);
    const nb = await verifiedCodeRecord(t, b.token, { email: 'race@example.com' });
    const results = await Promise.all([
      setEmail(a.token, { email: 'race@example.com', newIdentifierVerificationId: na, verificationId: va }),
      setEmail(b.token, { email: 'race@example.com', newIdentifierVerificationId: nb, verificationId: vb }),
    ]);
    expect(results.map((r) => r.__typename).sort()).toEqual(['User', 'UserError']);
    expect(results.find((r) => r.__typename === 'UserError')).toMatchObject({ code: 'IDENTIFIER_IN_USE' });
    expect(await t.db.prisma.user.count({ where: { primaryEmail: 'race@example.com' } })).toBe(1);
  });

  it('removes the email with identity proof, but never the last way to sign in (LAST_SIGN_IN_METHOD)', async () => {
    const only = await newUser(t, { primaryEmail: 'only@example.com', password: PASSWORD });
    // A code to the current address proves identity.
    const byCode = await verifiedCodeRecord(t, only.token, { email: 'only@example.com' });
    expect(payload(await t.gql(REMOVE_EMAIL, { v: byCode }, only.token), 'removePrimaryEmail')).toMatchObject({
      code: 'LAST_SIGN_IN_METHOD',
      path: ['email'],
    });
    const u = await newUser(t, { username: 'id_e', primaryEmail: 'id.e@example.com', password: PASSWORD });
    expect(payload(await t.gql(REMOVE_EMAIL, { v: 'ver_nope' }, u.token), 'removePrimaryEmail')).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
    const v = await verifyPassword(t, u.token);
    expect(payload(await t.gql(REMOVE_EMAIL, { v }, u.token), 'removePrimaryEmail')).toMatchObject({ __typename: 'User', primaryEmail: null });
    expect(payload(await t.gql(REMOVE_EMAIL, { v }, u.token), 'removePrimaryEmail')).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('me.setPrimaryPhone / removePrimaryPhone', () => {
  it('normalises the phone to E.164 and needs a record for that number', async () => {
    const u = await newUser(t, { username: 'ph_a', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    const newId = await verifiedCodeRecord(t, u.token, { phone: '+44 20 7946 0321' });
    expect(t.sms.at(-1)?.to).toBe('+442079460321');
    const user = await setPhone(u.token, { phone: '0044 (20) 7946-0321', newIdentifierVerificationId: newId, verificationId: v });
    expect(user).toMatchObject({ __typename: 'User', primaryPhone: '+442079460321' });
    await expect(t.signIn('+44 20 7946 0321', PASSWORD)).resolves.toHaveProperty('accessToken');
    expect(await setPhone(u.token, { phone: 'not a phone', newIdentifierVerificationId: newId, verificationId: v })).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['phone'],
    });
  });

  it('removes the phone while another identifier remains, not the last one', async () => {
    const u = await newUser(t, { username: 'ph_b', primaryPhone: '+14155550131', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    expect(payload(await t.gql(REMOVE_PHONE, { v }, u.token), 'removePrimaryPhone')).toMatchObject({ primaryPhone: null, username: 'ph_b' });
    const only = await newUser(t, { primaryPhone: '+14155550132', password: PASSWORD });
    const vo = await verifyPassword(t, only.token);
    expect(payload(await t.gql(REMOVE_PHONE, { v: vo }, only.token), 'removePrimaryPhone')).toMatchObject({ code: 'LAST_SIGN_IN_METHOD' });
  });

  it('never lets two racing removals leave an account without an identifier', async () => {
    const u = await newUser(t, { primaryEmail: 'both@example.com', primaryPhone: '+14155550133', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    const [email, phone] = await Promise.all([t.gql(REMOVE_EMAIL, { v }, u.token), t.gql(REMOVE_PHONE, { v }, u.token)]);
    const codes = [payload(email, 'removePrimaryEmail'), payload(phone, 'removePrimaryPhone')].map((r) => r.code ?? r.__typename).sort();
    expect(codes).toEqual(['LAST_SIGN_IN_METHOD', 'User']);
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(Boolean(row.primaryEmail) !== Boolean(row.primaryPhone)).toBe(true);
  });
});
