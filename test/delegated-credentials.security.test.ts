// Credentials held by someone other than the account holder (docs/security.md): a personal access
// token an admin or machine client minted for a user is refused wherever an impersonation token is,
// and its use is audited with the minter; impersonating an admin needs the right to change one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_SCOPES } from '../src/auth/scope-names.js';
import { CREATE_PAT, newUser, PASSWORD, payload, verifyPassword } from './helpers/me.js';
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

const codeOf = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;
const MINT = `mutation($userId: ID!, $name: String!) { admin { createPersonalAccessToken(userId: $userId, name: $name) {
  __typename ... on PersonalAccessTokenSecret { token personalAccessToken { id } } ... on Error { code message } } } }`;
const IMPERSONATE = `mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) {
  __typename ... on TokenSet { accessToken } ... on Error { code message } } } }`;

async function machineClientToken(scopes: string[]): Promise<{ token: string; id: string }> {
  const res = await t.gql(
    `mutation($input: CreateMachineClientInput!) { admin { createMachineClient(input: $input) { ... on MachineClientSecret { clientId clientSecret machineClient { id } } } } }`,
    { input: { name: 'delegated', scopes } },
    admin,
  );
  const c = res.data.admin.createMachineClient;
  const response = await t.fetch('/oauth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret }).toString(),
  });
  return { token: (await response.json()).access_token, id: c.machineClient.id };
}

async function mint(userId: string, by = admin): Promise<{ token: string; id: string }> {
  const pat = (await t.gql(MINT, { userId, name: 'support' }, by)).data.admin.createPersonalAccessToken;
  if (pat.__typename !== 'PersonalAccessTokenSecret') throw new Error(JSON.stringify(pat));
  return { token: pat.token, id: pat.personalAccessToken.id };
}

describe('a personal access token minted by an admin', () => {
  it('is not the account holder: exportData, identityAccessToken and credential changes are refused; its own token is not', async () => {
    const u = await newUser(t, { username: 'minted-for', password: PASSWORD });
    const minted = await mint(u.id);
    // Reads that an impersonation token may do still work.
    expect((await t.gql('{ me { id username } }', {}, minted.token)).data.me).toEqual({ id: u.id, username: 'minted-for' });
    expect(codeOf(await t.gql('{ me { exportData } }', {}, minted.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('{ me { identityAccessToken(provider: "any") { accessToken } } }', {}, minted.token))).toBe('FORBIDDEN');
    for (const mutation of [
      'mutation { me { verifyPassword(password: "a-long-enough-password") { __typename } } }',
      'mutation { me { setPassword(input: {newPassword: "another-long-password", verificationId: "ver_x"}) { __typename } } }',
      'mutation { me { createPersonalAccessToken(input: {name: "more", verificationId: "ver_x"}) { __typename } } }',
    ]) {
      const res = await t.gql(mutation, {}, minted.token);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(/made by an admin/);
    }
    // The user's own token is the account holder.
    const own = payload(await t.gql(CREATE_PAT, { input: { name: 'mine', verificationId: await verifyPassword(t, u.token) } }, u.token), 'createPersonalAccessToken');
    expect((await t.gql('{ me { exportData } }', {}, own.token)).data.me.exportData.user.id).toBe(u.id);
    const check = await t.gql('mutation { me { verifyPassword(password: "a-long-enough-password") { __typename } } }', {}, own.token);
    expect(check.data.me.verifyPassword.__typename).toBe('VerificationRecord');
  });

  it('a token a machine client minted is refused the same way and audited with that client', async () => {
    const u = await newUser(t, { username: 'minted-by-client', password: PASSWORD });
    const client = await machineClientToken(['admin:users:write']);
    const minted = await mint(u.id, client.token);
    expect(codeOf(await t.gql('{ me { exportData } }', {}, minted.token))).toBe('FORBIDDEN');
    const uses = await t.db.prisma.auditEvent.findMany({ where: { userId: u.id, action: 'admin.pat.use' } });
    expect(uses).toEqual([expect.objectContaining({ actorId: client.id, actorType: 'client', type: 'token.used' })]);
  });

  it('each use is audited with the admin who minted it, at most once per token per minute', async () => {
    const u = await newUser(t, { username: 'minted-audit', password: PASSWORD });
    const minted = await mint(u.id);
    const uses = () => t.db.prisma.auditEvent.findMany({ where: { userId: u.id, action: 'admin.pat.use' }, orderBy: { at: 'asc' } });
    await t.gql('{ me { id } }', {}, minted.token);
    await t.gql('{ me { username } }', {}, minted.token);
    const first = await uses();
    expect(first).toEqual([
      expect.objectContaining({
        actorId: adminId,
        actorType: 'user',
        type: 'token.used',
        details: expect.objectContaining({ personalAccessTokenId: minted.id, mintedBy: adminId }),
      }),
    ]);
    t.clock.advance(61_000);
    await t.gql('{ me { id } }', {}, minted.token);
    expect(await uses()).toHaveLength(2);
    // What the token changes is audited with the admin as actor too.
    await t.gql('mutation { me { updateProfile(input: {name: "Changed"}) { __typename } } }', {}, minted.token);
    const update = await t.db.prisma.auditEvent.findFirst({ where: { userId: u.id, action: 'user.profile.update' } });
    expect(update).toMatchObject({ actorId: adminId });
    // The user's own tokens leave no such rows.
    const session = (await t.signIn('minted-audit', PASSWORD)).accessToken;
    const own = payload(await t.gql(CREATE_PAT, { input: { name: 'own', verificationId: await verifyPassword(t, session) } }, session), 'createPersonalAccessToken');
    t.clock.advance(61_000);
    await t.gql('{ me { id } }', {}, own.token);
    expect(await uses()).toHaveLength(2);
  });
});

describe('impersonating an administrator', () => {
  it('needs admin:users:write (every admin scope) on an admin target, impersonate alone on anyone else', async () => {
    const client = await machineClientToken(['admin:users:impersonate']);
    const refused = await t.gql(IMPERSONATE, { input: { userId: adminId, reason: 'support' } }, client.token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(await t.db.prisma.session.count({ where: { userId: adminId, kind: 'IMPERSONATION' } })).toBe(0);

    const plain = await newUser(t, { username: 'imp-plain', password: PASSWORD });
    const allowed = await t.gql(IMPERSONATE, { input: { userId: plain.id, reason: 'support' } }, client.token);
    expect(allowed.data.admin.impersonateUser.__typename).toBe('TokenSet');

    // A client that may change admins may impersonate one.
    const strong = await machineClientToken([...ADMIN_SCOPES]);
    const ok = await t.gql(IMPERSONATE, { input: { userId: adminId, reason: 'support' } }, strong.token);
    expect(ok.data.admin.impersonateUser.__typename).toBe('TokenSet');
  });
});
