import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD, payload, UPDATE_PROFILE, verifyPassword } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FIELDS = 'name avatar profile username email phone password customData social mfa sessions personalAccessTokens';
const ACCOUNT_CENTER = `{ accountCenter { enabled fields { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateAccountCenterInput!) { admin { updateAccountCenter(input: $input) { __typename
  ... on AccountCenter { enabled fields { ${FIELDS} } } ... on Error { code message } } } }`;

const DEFAULTS = {
  name: 'EDIT',
  avatar: 'EDIT',
  profile: 'EDIT',
  username: 'EDIT',
  email: 'EDIT',
  phone: 'EDIT',
  password: 'EDIT',
  customData: 'READ_ONLY',
  social: 'EDIT',
  mfa: 'EDIT',
  sessions: 'EDIT',
  personalAccessTokens: 'EDIT',
};

async function update(input: Record<string, unknown>) {
  const res = await t.gql(UPDATE, { input }, await t.adminToken());
  return res.data.admin.updateAccountCenter;
}

afterEach(async () => {
  await update({ enabled: true, fields: DEFAULTS });
});

describe('Query.accountCenter and admin.updateAccountCenter', () => {
  it('is public and starts enabled, every field EDIT except customData READ_ONLY', async () => {
    expect((await t.gql(ACCOUNT_CENTER)).data.accountCenter).toEqual({ enabled: true, fields: DEFAULTS });
  });

  it('merges: a field left out keeps its mode', async () => {
    await update({ fields: { name: 'READ_ONLY' } });
    const next = await update({ fields: { avatar: 'OFF' } });
    expect(next.fields).toEqual({ ...DEFAULTS, name: 'READ_ONLY', avatar: 'OFF' });
    expect(next.enabled).toBe(true);
    expect((await t.gql(ACCOUNT_CENTER)).data.accountCenter.fields).toEqual(next.fields);
  });

  it('needs admin:settings (UNAUTHENTICATED anonymous, FORBIDDEN for a user) and is audited', async () => {
    const u = await newUser(t, { username: 'ac_plain', password: PASSWORD });
    const anonymous = await t.gql(UPDATE, { input: { enabled: false } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const user = await t.gql(UPDATE, { input: { enabled: false } }, u.token);
    expect(user.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(ACCOUNT_CENTER)).data.accountCenter.enabled).toBe(true);
    await update({ fields: { phone: 'READ_ONLY' } });
    const event = await t.db.prisma.auditEvent.findFirst({ where: { action: 'admin.account_center.update' }, orderBy: { at: 'desc' } });
    expect(event?.details).toMatchObject({ fields: { phone: 'READ_ONLY' } });
  });
});

describe('rules through me', () => {
  it('reads an OFF field as null or empty through me, while admins still see it', async () => {
    const u = await newUser(t, { username: 'ac_reader', name: 'Ada Reader', primaryPhone: '+14155550111', password: PASSWORD });
    await update({ fields: { name: 'OFF', phone: 'OFF', sessions: 'OFF', username: 'READ_ONLY' } });
    const me = (await t.gql('{ me { username name primaryPhone sessions { totalCount edges { node { id } } } } }', {}, u.token)).data.me;
    expect(me).toEqual({ username: 'ac_reader', name: null, primaryPhone: null, sessions: { totalCount: 0, edges: [] } });
    const admin = await t.gql('query($id: ID!) { admin { user(id: $id) { name primaryPhone sessions { totalCount } } } }', { id: u.id }, await t.adminToken());
    expect(admin.data.admin.user).toEqual({ name: 'Ada Reader', primaryPhone: '+14155550111', sessions: { totalCount: 1 } });
  });

  it('lets a machine client holding a users scope see OFF fields too (admins always see them)', async () => {
    const u = await newUser(t, { username: 'ac_machine', name: 'Ada Machine', password: PASSWORD });
    const created = await t.gql(
      `mutation($input: CreateMachineClientInput!) { admin { createMachineClient(input: $input) { ... on MachineClientSecret { clientId clientSecret } } } }`,
      { input: { name: 'crm sync', scopes: ['admin:users:read'] } },
      await t.adminToken(),
    );
    const { clientId, clientSecret } = created.data.admin.createMachineClient;
    const issued = await t.fetch('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
    });
    const clientToken = (await issued.json()).access_token;
    await update({ fields: { name: 'OFF', username: 'OFF' } });
    const res = await t.gql('query($id: ID!) { admin { user(id: $id) { username name } } }', { id: u.id }, clientToken);
    expect(res.data.admin.user).toEqual({ username: 'ac_machine', name: 'Ada Machine' });
  });

  it('answers a write to a field that is not EDIT with FIELD_NOT_EDITABLE naming the field', async () => {
    const u = await newUser(t, { username: 'ac_writer', password: PASSWORD });
    // customData is READ_ONLY by default.
    const custom = payload(await t.gql(UPDATE_PROFILE, { input: { customData: { theme: 'dark' } } }, u.token), 'updateProfile');
    expect(custom).toMatchObject({ __typename: 'UserError', code: 'FIELD_NOT_EDITABLE', path: ['customData'] });
    await update({ fields: { name: 'READ_ONLY', customData: 'EDIT' } });
    // Each field given is checked: one non-EDIT field refuses the whole change.
    const mixed = payload(await t.gql(UPDATE_PROFILE, { input: { customData: { theme: 'dark' }, name: 'New' } }, u.token), 'updateProfile');
    expect(mixed).toMatchObject({ code: 'FIELD_NOT_EDITABLE', path: ['name'] });
    const ok = payload(await t.gql(UPDATE_PROFILE, { input: { customData: { theme: 'dark' } } }, u.token), 'updateProfile');
    expect(ok).toMatchObject({ __typename: 'User', customData: { theme: 'dark' }, name: null });
    await update({ fields: { password: 'OFF' } });
    const v = await verifyPassword(t, u.token);
    const pw = payload(await t.gql('mutation($input: SetPasswordInput!) { me { setPassword(input: $input) { __typename ... on Error { code } } } }', { input: { newPassword: 'another-long-password', verificationId: v } }, u.token), 'setPassword');
    expect(pw).toEqual({ __typename: 'UserError', code: 'FIELD_NOT_EDITABLE' });
  });

  it('answers every me mutation with ACCOUNT_CENTER_DISABLED while the center is disabled', async () => {
    const u = await newUser(t, { username: 'ac_disabled', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    await update({ enabled: false });
    const calls: Record<string, string> = {
      verifyPassword: `verifyPassword(password: "${PASSWORD}")`,
      sendVerificationCode: 'sendVerificationCode(input: {email: "ac@example.com"})',
      verifyCode: `verifyCode(input: {verificationId: "${v}", code: "123456"})`,
      updateProfile: 'updateProfile(input: {name: "x"})',
      setPrimaryEmail: `setPrimaryEmail(input: {email: "ac@example.com", newIdentifierVerificationId: "${v}", verificationId: "${v}"})`,
      removePrimaryEmail: `removePrimaryEmail(verificationId: "${v}")`,
      setPrimaryPhone: `setPrimaryPhone(input: {phone: "+14155550112", newIdentifierVerificationId: "${v}", verificationId: "${v}"})`,
      removePrimaryPhone: `removePrimaryPhone(verificationId: "${v}")`,
      setPassword: `setPassword(input: {newPassword: "another-long-password", verificationId: "${v}"})`,
      generateTotpSecret: 'generateTotpSecret',
      enrollTotp: `enrollTotp(input: {secret: "JBSWY3DPEHPK3PXP", code: "123456", verificationId: "${v}"})`,
      generateBackupCodes: `generateBackupCodes(verificationId: "${v}")`,
      removeMfaFactor: `removeMfaFactor(input: {id: "mfa_x", verificationId: "${v}"})`,
      revokeSession: 'revokeSession(id: "ses_x")',
      revokeOtherSessions: 'revokeOtherSessions',
      revokeTrustedDevice: 'revokeTrustedDevice(id: "tdv_x")',
      revokeTrustedDevices: 'revokeTrustedDevices',
      createPersonalAccessToken: `createPersonalAccessToken(input: {name: "ci", verificationId: "${v}"})`,
      revokePersonalAccessToken: 'revokePersonalAccessToken(id: "tok_x")',
      deleteAccount: `deleteAccount(verificationId: "${v}")`,
      verifyTotp: 'verifyTotp(code: "123456")',
      startPasskeyRegistration: `startPasskeyRegistration(verificationId: "${v}")`,
      finishPasskeyRegistration: 'finishPasskeyRegistration(input: {challengeId: "pkc_x", credential: {}})',
      renamePasskey: 'renamePasskey(input: {id: "mfa_x", name: "x"})',
      startPasskeyVerification: 'startPasskeyVerification',
      verifyPasskey: 'verifyPasskey(input: {challengeId: "pkc_x", credential: {}})',
      startSocialLink: `startSocialLink(input: {provider: "gh", redirectUri: "https://app.test/cb", verificationId: "${v}"})`,
      finishSocialLink: 'finishSocialLink(input: {state: "sst_x", code: "c"})',
      removeIdentity: `removeIdentity(input: {provider: "gh", verificationId: "${v}"})`,
      startSocialVerification: 'startSocialVerification(input: {provider: "gh", redirectUri: "https://app.test/cb"})',
      verifySocialIdentity: 'verifySocialIdentity(input: {state: "sst_x", code: "c"})',
    };
    // Every field of MeMutation is covered, so a new one cannot slip past the rule.
    const introspection = await t.gql('{ __type(name: "MeMutation") { fields { name } } }');
    expect(Object.keys(calls).sort()).toEqual(introspection.data.__type.fields.map((f: { name: string }) => f.name).sort());
    for (const [field, call] of Object.entries(calls)) {
      const res = await t.gql(`mutation { me { ${call} { __typename ... on Error { code } } } }`, {}, u.token);
      expect({ field, result: res.data?.me?.[field] ?? res.errors }).toEqual({ field, result: { __typename: 'UserError', code: 'ACCOUNT_CENTER_DISABLED' } });
    }
    // Nothing happened: the account is still there with its name unset.
    expect(await t.db.prisma.user.findUnique({ where: { id: u.id }, select: { name: true } })).toEqual({ name: null });
    // Reads still work, and the center comes back when re-enabled.
    expect((await t.gql('{ me { username } }', {}, u.token)).data.me.username).toBe('ac_disabled');
    await update({ enabled: true });
    expect(payload(await t.gql(UPDATE_PROFILE, { input: { name: 'Back' } }, u.token), 'updateProfile').name).toBe('Back');
  });
});
