// Verified addresses (docs/security.md "Verified addresses"): User.emailVerified / phoneVerified
// are set only by a code sent to the address, a trusted provider (test/social-linking.test.ts), or
// an admin; any other change of the address leaves it unproven.
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD, payload, SET_EMAIL, SET_PHONE, verifiedCodeRecord, verifyPassword } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FLAGS = `{ me { primaryEmail emailVerified primaryPhone phoneVerified } }`;
const flags = async (token: string) => (await t.gql(FLAGS, {}, token)).data.me;
const ADMIN_USER = `__typename ... on User { id primaryEmail emailVerified primaryPhone phoneVerified } ... on UserError { path } ... on Error { code message }`;
const CREATE = `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { ${ADMIN_USER} } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { ${ADMIN_USER} } } }`;
const update = async (id: string, input: Record<string, unknown>) => (await t.gql(UPDATE, { id, input }, await t.adminToken())).data.admin.updateUser;

describe('emailVerified / phoneVerified', () => {
  it('signUp leaves the address unproven; a code to the current address proves it', async () => {
    const res = await t.gql(
      `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on TokenSet { accessToken } ... on Error { code message } } }`,
      { input: { email: 'Signed.Up@example.com', password: PASSWORD } },
    );
    const token = res.data.signUp.accessToken as string;
    expect(await flags(token)).toEqual({ primaryEmail: 'signed.up@example.com', emailVerified: false, primaryPhone: null, phoneVerified: false });
    await verifiedCodeRecord(t, token, { email: 'signed.up@example.com' });
    expect(await flags(token)).toMatchObject({ emailVerified: true });
    const exported = (await t.gql(`{ me { exportData } }`, {}, token)).data.me.exportData;
    expect(exported.user).toMatchObject({ emailVerified: true, phoneVerified: false });
  });

  it('a code to another address proves nothing about the current one', async () => {
    const u = await newUser(t, { primaryEmail: 'current@example.com', password: PASSWORD });
    await verifiedCodeRecord(t, u.token, { email: 'elsewhere@example.com' });
    expect(await flags(u.token)).toMatchObject({ primaryEmail: 'current@example.com', emailVerified: false });
  });

  it('changing the email or phone through a code proves the new address; removing it clears the flag', async () => {
    const u = await newUser(t, { username: 'changer', password: PASSWORD });
    const email = await verifiedCodeRecord(t, u.token, { email: 'changed@example.com' });
    const set = payload(await t.gql(SET_EMAIL, { input: { email: 'changed@example.com', newIdentifierVerificationId: email, verificationId: await verifyPassword(t, u.token) } }, u.token), 'setPrimaryEmail');
    expect(set.primaryEmail).toBe('changed@example.com');
    const phone = await verifiedCodeRecord(t, u.token, { phone: '+14155550123' });
    payload(await t.gql(SET_PHONE, { input: { phone: '+14155550123', newIdentifierVerificationId: phone, verificationId: await verifyPassword(t, u.token) } }, u.token), 'setPrimaryPhone');
    expect(await flags(u.token)).toEqual({ primaryEmail: 'changed@example.com', emailVerified: true, primaryPhone: '+14155550123', phoneVerified: true });
    const removed = await t.gql(`mutation($v: ID!) { me { removePrimaryPhone(verificationId: $v) { ... on User { phoneVerified } } } }`, { v: await verifyPassword(t, u.token) }, u.token);
    expect(removed.data.me.removePrimaryPhone).toEqual({ phoneVerified: false });
  });

  it('an admin vouches with createUser / updateUser (audited); an admin change of the address without it resets the flag', async () => {
    const admin = await t.adminToken();
    const created = (await t.gql(CREATE, { input: { primaryEmail: 'vouched@example.com', emailVerified: true, password: PASSWORD } }, admin)).data.admin.createUser;
    expect(created).toMatchObject({ emailVerified: true, phoneVerified: false });
    // Changed by the admin without saying it is proven: the new address is not.
    expect(await update(created.id, { primaryEmail: 'moved@example.com' })).toMatchObject({ primaryEmail: 'moved@example.com', emailVerified: false });
    expect(await update(created.id, { primaryEmail: 'moved2@example.com', emailVerified: true })).toMatchObject({ emailVerified: true });
    expect(await update(created.id, { emailVerified: false })).toMatchObject({ primaryEmail: 'moved2@example.com', emailVerified: false });
    expect(await update(created.id, { phoneVerified: true })).toMatchObject({ code: 'INVALID_INPUT', path: ['phoneVerified'] });
    const audits = await t.db.prisma.auditEvent.findMany({ where: { userId: created.id, action: 'admin.user.update' }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => a.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fields: ['emailVerified'], emailVerified: false }),
        expect.objectContaining({ fields: ['emailVerified'], emailVerified: true }),
      ]),
    );
    // Plain createUser leaves it unproven.
    const plain = (await t.gql(CREATE, { input: { primaryEmail: 'plain@example.com', password: PASSWORD } }, admin)).data.admin.createUser;
    expect(plain).toMatchObject({ emailVerified: false });
  });
});

describe('the verified_addresses migration backfill', () => {
  // The backfill statements of the committed migration, run again on rows reset to unproven.
  const dir = readdirSync('prisma/migrations').find((d) => d.endsWith('_verified_addresses'))!;
  const sql = readFileSync(`prisma/migrations/${dir}/migration.sql`, 'utf8');
  const backfill = sql.slice(sql.indexOf('-- Backfill')).split(/;\s*\n/).map((s) => s.trim()).filter((s) => s.startsWith('UPDATE') || s.includes('\nUPDATE'));

  it('proves only addresses changed through a code (or verified by one), not signed-up or admin-set ones', async () => {
    const changed = await newUser(t, { username: 'bf_changed', password: PASSWORD });
    const rec = await verifiedCodeRecord(t, changed.token, { email: 'bf.changed@example.com' });
    payload(await t.gql(SET_EMAIL, { input: { email: 'bf.changed@example.com', newIdentifierVerificationId: rec, verificationId: await verifyPassword(t, changed.token) } }, changed.token), 'setPrimaryEmail');
    const coded = await newUser(t, { primaryEmail: 'bf.coded@example.com', password: PASSWORD });
    await verifiedCodeRecord(t, coded.token, { email: 'bf.coded@example.com' });
    const adminSet = await newUser(t, { primaryEmail: 'bf.admin@example.com', password: PASSWORD, primaryPhone: '+14155550199' });
    // Proven once, then moved by an admin to an address nobody proved.
    const moved = await newUser(t, { primaryEmail: 'bf.moved@example.com', password: PASSWORD });
    await verifiedCodeRecord(t, moved.token, { email: 'bf.moved@example.com' });
    await update(moved.id, { primaryEmail: 'bf.moved.again@example.com' });

    const ids = [changed.id, coded.id, adminSet.id, moved.id];
    await t.db.prisma.user.updateMany({ where: { id: { in: ids } }, data: { emailVerified: false, phoneVerified: false } });
    expect(backfill).toHaveLength(2);
    for (const statement of backfill) await t.db.prisma.$executeRawUnsafe(statement.slice(statement.indexOf('UPDATE')));
    const rows = await t.db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, emailVerified: true, phoneVerified: true } });
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by[changed.id]).toMatchObject({ emailVerified: true });
    expect(by[coded.id]).toMatchObject({ emailVerified: true });
    expect(by[adminSet.id]).toMatchObject({ emailVerified: false, phoneVerified: false });
    expect(by[moved.id]).toMatchObject({ emailVerified: false });
  });
});
