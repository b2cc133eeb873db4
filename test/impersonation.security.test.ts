// What an impersonation token may do: act as the user for support (profile, sessions), never
// change how the account signs in or proves identity, and always name the real actor in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
  adminId = (await t.gql('{ me { id } }', {}, admin)).data.me.id;
});
afterAll(() => t.close());

const IMPERSONATE = `mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) {
    ... on TokenSet { accessToken } ... on Error { code message } } } }`;

async function impersonate(userId: string, token = admin): Promise<string> {
  const res = await t.gql(IMPERSONATE, { input: { userId, reason: 'support ticket' } }, token);
  const accessToken = res.data?.admin?.impersonateUser?.accessToken;
  if (!accessToken) throw new Error(`impersonateUser failed: ${JSON.stringify(res)}`);
  return accessToken;
}

async function createPasswordlessUser(username: string): Promise<string> {
  const res = await t.gql(
    `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { ... on User { id } ... on Error { code message } } } }`,
    { input: { username } },
    admin,
  );
  return res.data.admin.createUser.id;
}

const code = (res: { data?: any; errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

describe('impersonation tokens and credentials', () => {
  it('cannot set a password, even on an account with nothing to verify with', async () => {
    const userId = await createPasswordlessUser('imp-nopass');
    const token = await impersonate(userId);
    const res = await t.gql(`mutation { me { setPassword(input: { newPassword: "Zebra-Quantum-Lamp-91" }) { __typename } } }`, {}, token);
    expect(code(res)).toBe('FORBIDDEN');
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.passwordHash).toBeNull();
  });

  it('cannot verify identity, mint tokens, change identifiers or MFA, or delete the account', async () => {
    const u = await t.createUser({ username: 'imp-creds', primaryEmail: 'imp-creds@example.com', password: 'a-long-enough-password' });
    const token = await impersonate(u.id);
    const refused = [
      `mutation { me { verifyPassword(password: "a-long-enough-password") { __typename } } }`,
      `mutation { me { sendVerificationCode(input: { email: "imp-creds@example.com" }) { __typename } } }`,
      `mutation { me { verifyCode(input: { verificationId: "ver_x", code: "123456" }) { __typename } } }`,
      `mutation { me { createPersonalAccessToken(input: { name: "x", verificationId: "ver_x" }) { __typename } } }`,
      `mutation { me { setPrimaryEmail(input: { email: "new@example.com", newIdentifierVerificationId: "ver_x", verificationId: "ver_x" }) { __typename } } }`,
      `mutation { me { removePrimaryEmail(verificationId: "ver_x") { __typename } } }`,
      `mutation { me { generateTotpSecret { __typename } } }`,
      `mutation { me { generateBackupCodes(verificationId: "ver_x") { __typename } } }`,
      `mutation { me { deleteAccount(verificationId: "ver_x") { __typename } } }`,
    ];
    for (const query of refused) {
      const res = await t.gql(query, {}, token);
      expect({ query, code: code(res) }).toEqual({ query, code: 'FORBIDDEN' });
    }
    expect(t.mail.messages.filter((m) => m.to.includes('imp-creds@example.com'))).toHaveLength(0);
    expect(await t.db.prisma.user.findUnique({ where: { id: u.id } })).not.toBeNull();
    // The same calls still work for the user themselves.
    const own = await t.gql(`mutation { me { verifyPassword(password: "a-long-enough-password") { __typename } } }`, {}, u.token);
    expect(own.data.me.verifyPassword.__typename).toBe('VerificationRecord');
  });

  it('may still change the profile, audited with the admin as actor', async () => {
    const u = await t.createUser({ username: 'imp-profile', password: 'a-long-enough-password' });
    const token = await impersonate(u.id);
    const res = await t.gql(`mutation { me { updateProfile(input: { name: "Fixed By Support" }) { ... on User { name } } } }`, {}, token);
    expect(res.data.me.updateProfile).toEqual({ name: 'Fixed By Support' });
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { userId: u.id, action: 'user.profile.update' } });
    expect(event).toMatchObject({ actorId: adminId, actorType: 'user' });
  });

  it('names a machine client (mcl_…, actorType client) as actor when it impersonates', async () => {
    const created = await t.gql(
      `mutation($input: CreateMachineClientInput!) { admin { createMachineClient(input: $input) {
        ... on MachineClientSecret { clientId clientSecret machineClient { id } } } } }`,
      { input: { name: 'support-bot', scopes: ['admin:users:impersonate'] } },
      admin,
    );
    const { clientId, clientSecret, machineClient } = created.data.admin.createMachineClient;
    const tokenRes = await t.fetch('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
    });
    const clientAccessToken = (await tokenRes.json()).access_token;
    const u = await t.createUser({ username: 'imp-by-client', password: 'a-long-enough-password' });
    const token = await impersonate(u.id, clientAccessToken);
    await t.gql(`mutation { me { updateProfile(input: { name: "Bot Edit" }) { __typename } } }`, {}, token);
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { userId: u.id, action: 'user.profile.update' } });
    expect(event).toMatchObject({ actorId: machineClient.id, actorType: 'client' });
    expect(machineClient.id).toMatch(/^mcl_/);
  });
});
