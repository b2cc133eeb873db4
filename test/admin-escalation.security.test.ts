// A caller can never hand out, or take over, more admin power than it holds itself: a machine
// client with one narrow scope must not mint a broader client, take over a broader client's
// secret, or make (or take over) a user with the `admin` role, who gets every scope at sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROLL, GENERATE_SECRET, totpAt, verificationId } from './helpers/mfa.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
});
afterAll(() => t.close());

const CREATE = `mutation($input: CreateMachineClientInput!) { admin { createMachineClient(input: $input) {
  __typename ... on MachineClientSecret { clientId clientSecret machineClient { id scopes } } ... on Error { code } } } }`;

function tokenFor(clientId: string, clientSecret: string) {
  return t.fetch('/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
  });
}

async function client(scopes: string[], token = admin) {
  const res = await t.gql(CREATE, { input: { name: 'esc', scopes } }, token);
  return res.data.admin.createMachineClient as { clientId: string; clientSecret: string; machineClient: { id: string } };
}

async function clientToken(scopes: string[]): Promise<string> {
  const c = await client(scopes);
  return (await (await tokenFor(c.clientId, c.clientSecret)).json()).access_token;
}

const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

describe('machine clients cannot escalate through admin:settings', () => {
  it('a client may only grant scopes it holds itself', async () => {
    const settings = await clientToken(['admin:settings']);
    const before = await t.db.prisma.machineClient.count();
    const res = await t.gql(CREATE, { input: { name: 'wider', scopes: ['admin:users:write'] } }, settings);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await t.db.prisma.machineClient.count()).toBe(before);
    const same = await t.gql(CREATE, { input: { name: 'same', scopes: ['admin:settings'] } }, settings);
    expect(same.data.admin.createMachineClient.__typename).toBe('MachineClientSecret');
  });

  it('a client cannot take over (or delete) a broader client', async () => {
    const settings = await clientToken(['admin:settings']);
    const writer = await client(['admin:users:write']);
    const res = await t.gql(
      `mutation { admin { rotateMachineClientSecret(id: "${writer.machineClient.id}") { __typename ... on MachineClientSecret { clientSecret } } } }`,
      {},
      settings,
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    const deleted = await t.gql(`mutation { admin { deleteMachineClient(id: "${writer.machineClient.id}") { __typename } } }`, {}, settings);
    expect(codeOf(deleted)).toBe('FORBIDDEN');
    expect((await tokenFor(writer.clientId, writer.clientSecret)).status).toBe(200);
  });
});

describe('machine clients cannot escalate through admin:users:write', () => {
  let writer: string;
  let adminId: string;
  beforeAll(async () => {
    writer = await clientToken(['admin:users:write']);
    adminId = (await t.gql('{ me { id } }', {}, admin)).data.me.id;
  });

  it('cannot create a user with the admin role', async () => {
    const res = await t.gql(
      `mutation { admin { createUser(input: { username: "sneaky", password: "a-long-enough-password", roles: ["admin"] }) { __typename } } }`,
      {},
      writer,
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await t.db.prisma.user.findUnique({ where: { username: 'sneaky' } })).toBeNull();
  });

  it('cannot give the admin role to an existing user', async () => {
    const u = await t.createUser({ username: 'would-be-admin', password: 'a-long-enough-password' });
    const roles = await t.gql(`mutation { admin { setUserRoles(id: "${u.id}", roles: ["admin"]) { __typename } } }`, {}, writer);
    expect(codeOf(roles)).toBe('FORBIDDEN');
    const update = await t.gql(`mutation { admin { updateUser(id: "${u.id}", input: { roles: ["admin"] }) { __typename } } }`, {}, writer);
    expect(codeOf(update)).toBe('FORBIDDEN');
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).roles).not.toContain('admin');
    // Other roles stay with admin:users:write.
    const support = await t.gql(`mutation { admin { setUserRoles(id: "${u.id}", roles: ["support"]) { __typename } } }`, {}, writer);
    expect(support.data.admin.setUserRoles.__typename).toBe('User');
  });

  it("cannot take over an admin's account through its email, a personal access token or its sessions", async () => {
    // Email → attacker's inbox, PAT → `me` as the admin, code to the "current" email → setPassword.
    const email = await t.gql(`mutation { admin { updateUser(id: "${adminId}", input: { primaryEmail: "evil@attacker.example" }) { __typename } } }`, {}, writer);
    expect(codeOf(email)).toBe('FORBIDDEN');
    const pat = await t.gql(`mutation { admin { createPersonalAccessToken(userId: "${adminId}", name: "backdoor") { __typename } } }`, {}, writer);
    expect(codeOf(pat)).toBe('FORBIDDEN');
    for (const op of [`setUserSuspended(id: "${adminId}", suspended: true)`, `revokeUserSessions(id: "${adminId}")`, `deleteUser(id: "${adminId}")`, `setUserRoles(id: "${adminId}", roles: [])`]) {
      expect(codeOf(await t.gql(`mutation { admin { ${op} { __typename } } }`, {}, writer))).toBe('FORBIDDEN');
    }
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: adminId } });
    expect(row).toMatchObject({ primaryEmail: ADMIN_EMAIL, isSuspended: false, roles: ['admin'] });
    expect(await t.db.prisma.personalAccessToken.count({ where: { userId: adminId } })).toBe(0);
    // An admin's token made by a full admin cannot be revoked by the narrow client either.
    const full = await t.gql(`mutation { admin { createPersonalAccessToken(userId: "${adminId}", name: "ops") { ... on PersonalAccessTokenSecret { personalAccessToken { id } } } } }`, {}, admin);
    const patId = full.data.admin.createPersonalAccessToken.personalAccessToken.id;
    expect(codeOf(await t.gql(`mutation { admin { revokePersonalAccessToken(id: "${patId}") { __typename } } }`, {}, writer))).toBe('FORBIDDEN');
  });

  it("cannot set an admin's password", async () => {
    const set = await t.gql(`mutation { admin { setUserPassword(id: "${adminId}", password: "attacker-chosen-password") { __typename } } }`, {}, writer);
    expect(codeOf(set)).toBe('FORBIDDEN');
    const update = await t.gql(
      `mutation { admin { updateUser(id: "${adminId}", input: { password: "attacker-chosen-password" }) { __typename } } }`,
      {},
      writer,
    );
    expect(codeOf(update)).toBe('FORBIDDEN');
    // Nor probe it: verifyUserPassword has no sign-in lockout, so it would be an unlimited oracle.
    const probe = await t.gql(`mutation { admin { verifyUserPassword(id: "${adminId}", password: "${ADMIN_PASSWORD}") { __typename } } }`, {}, writer);
    expect(codeOf(probe)).toBe('FORBIDDEN');
    expect((await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken).toBeTruthy();
    // A plain user's password is still theirs to reset.
    const u = await t.createUser({ username: 'reset-me', password: 'a-long-enough-password' });
    const plain = await t.gql(`mutation { admin { setUserPassword(id: "${u.id}", password: "another-long-password") { __typename } } }`, {}, writer);
    expect(plain.data.admin.setUserPassword.__typename).toBe('User');
  });
});

describe('MFA reset of an admin', () => {
  it("needs every admin scope: admin:users:write alone cannot strip an admin's second factor", async () => {
    const adminToken = await t.adminToken();
    const secret = (await t.gql(GENERATE_SECRET, {}, adminToken)).data.me.generateTotpSecret.secret;
    const input = { secret, code: await totpAt(t, secret), verificationId: await verificationId(t, adminToken, ADMIN_PASSWORD) };
    const factorId = (await t.gql(ENROLL, { input }, adminToken)).data.me.enrollTotp.id;
    const adminId = (await t.gql('{ me { id } }', {}, admin)).data.me.id;
    const REMOVE = `mutation($u: ID!, $f: ID!) { admin { removeUserMfaFactor(userId: $u, factorId: $f) { __typename ... on Error { code } } } }`;
    const writer = await clientToken(['admin:users:write']);
    expect(codeOf(await t.gql(REMOVE, { u: adminId, f: factorId }, writer))).toBe('FORBIDDEN');
    expect(await t.db.prisma.mfaFactor.count({ where: { id: factorId } })).toBe(1);
    const removed = await t.gql(REMOVE, { u: adminId, f: factorId }, admin);
    expect(removed.data.admin.removeUserMfaFactor.__typename).toBe('User');
  });
});
