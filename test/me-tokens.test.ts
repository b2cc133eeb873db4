import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PAT, DELETE_ACCOUNT, newUser, PASSWORD, payload, REVOKE_PAT, verifyPassword } from './helpers/me.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const createPat = async (token: string, input: Record<string, unknown>) =>
  payload(await t.gql(CREATE_PAT, { input }, token), 'createPersonalAccessToken');
const PATS = '{ me { personalAccessTokens { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } } } }';

describe('self-service personal access tokens', () => {
  it('creates a pat_ token shown once that authenticates as the user', async () => {
    const u = await newUser(t, { username: 'pat_a', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    const expiresAt = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const created = await createPat(u.token, { name: ' CI deploys ', expiresAt, verificationId: v });
    expect(created).toMatchObject({
      __typename: 'PersonalAccessTokenSecret',
      token: expect.stringMatching(/^pat_/),
      personalAccessToken: { id: expect.stringMatching(/^tok_/), name: 'CI deploys', expiresAt, lastUsedAt: null },
    });
    const me = await t.gql('{ me { id username } }', {}, created.token);
    expect(me.data.me).toEqual({ id: u.id, username: 'pat_a' });
    const list = async () => (await t.gql(PATS, {}, u.token)).data.me.personalAccessTokens;
    // lastUsedAt is written after the answer (a request never waits for it): it shows shortly after.
    await expect.poll(async () => (await list()).edges[0]?.node.lastUsedAt, { timeout: 5_000 }).not.toBeNull();
    const listed = await list();
    expect(listed.totalCount).toBe(1);
    expect(listed.edges[0].node).toMatchObject({ id: created.personalAccessToken.id, name: 'CI deploys', expiresAt });
    // The token is never readable again: the list has no secret field and the row stores a digest.
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const event = await t.db.prisma.auditEvent.findFirst({ where: { userId: u.id, action: 'user.pat.create' } });
    expect(event?.details).toMatchObject({ id: created.personalAccessToken.id, name: 'CI deploys' });
    expect(JSON.stringify(event)).not.toContain(created.token);
  });

  it('needs a verification (VERIFICATION_REQUIRED) and a valid name and expiry (INVALID_INPUT)', async () => {
    const u = await newUser(t, { username: 'pat_b', password: PASSWORD });
    expect(await createPat(u.token, { name: 'x', verificationId: 'ver_missing' })).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
    const v = await verifyPassword(t, u.token);
    expect(await createPat(u.token, { name: '  ', verificationId: v })).toMatchObject({ code: 'INVALID_INPUT', path: ['name'] });
    const past = new Date(t.clock.now().getTime() - 1000).toISOString();
    expect(await createPat(u.token, { name: 'old', expiresAt: past, verificationId: v })).toMatchObject({ code: 'INVALID_INPUT', path: ['expiresAt'] });
  });

  it('stops working when it expires or is revoked', async () => {
    const u = await newUser(t, { username: 'pat_c', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    const short = await createPat(u.token, { name: 'short', expiresAt: new Date(t.clock.now().getTime() + 60_000).toISOString(), verificationId: v });
    const long = await createPat(u.token, { name: 'long', verificationId: v });
    t.clock.advance(61_000);
    expect((await t.gql('{ me { id } }', {}, short.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ me { id } }', {}, long.token)).data.me.id).toBe(u.id);
    const revoked = payload(await t.gql(REVOKE_PAT, { id: long.personalAccessToken.id }, u.token), 'revokePersonalAccessToken');
    expect(revoked).toEqual({ __typename: 'PersonalAccessToken', id: long.personalAccessToken.id, name: 'long' });
    expect((await t.gql('{ me { id } }', {}, long.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(payload(await t.gql(REVOKE_PAT, { id: long.personalAccessToken.id }, u.token), 'revokePersonalAccessToken')).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('never reaches admin, even for an admin user (FORBIDDEN)', async () => {
    const admin = await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    const v = await verifyPassword(t, admin.accessToken, ADMIN_PASSWORD);
    const pat = await createPat(admin.accessToken, { name: 'admin pat', verificationId: v });
    const res = await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, pat.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await t.gql('mutation { admin { updateAccountCenter(input: {enabled: false}) { __typename } } }', {}, pat.token);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Admin-only fields of the user's own record stay hidden too.
    expect((await t.gql('{ me { roles } }', {}, pat.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('me.deleteAccount', () => {
  it('needs a verification (VERIFICATION_REQUIRED)', async () => {
    const u = await newUser(t, { username: 'del_a', password: PASSWORD });
    expect(payload(await t.gql(DELETE_ACCOUNT, { v: 'ver_nope' }, u.token), 'deleteAccount')).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
    expect(await t.db.prisma.user.count({ where: { id: u.id } })).toBe(1);
  });

  it('removes the data, ends every token at once, and keeps the audit trail', async () => {
    const u = await newUser(t, { username: 'del_b', primaryEmail: 'del.b@example.com', password: PASSWORD });
    const other = await t.signIn('del_b', PASSWORD);
    const v = await verifyPassword(t, u.token);
    const pat = await createPat(u.token, { name: 'doomed', verificationId: v });
    const res = payload(await t.gql(DELETE_ACCOUNT, { v }, u.token), 'deleteAccount');
    expect(res).toEqual({ __typename: 'DeleteAccountPayload', deletedUserId: u.id });
    for (const token of [u.token, other.accessToken, pat.token]) {
      expect((await t.gql('{ me { id } }', {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const refresh = await t.gql('mutation($r: String!) { refreshTokens(refreshToken: $r) { __typename ... on Error { code } } }', { r: other.refreshToken });
    expect(refresh.data.refreshTokens.code).toBe('INVALID_CREDENTIALS');
    await expect(t.signIn('del_b', PASSWORD)).rejects.toThrow();
    const p = t.db.prisma;
    expect(await p.user.count({ where: { id: u.id } })).toBe(0);
    expect(await p.session.count({ where: { userId: u.id } })).toBe(0);
    expect(await p.personalAccessToken.count({ where: { userId: u.id } })).toBe(0);
    expect(await p.verificationRecord.count({ where: { userId: u.id } })).toBe(0);
    const event = await p.auditEvent.findFirst({ where: { userId: u.id, action: 'user.delete_self' } });
    expect(event).toMatchObject({ actorId: u.id, details: { username: 'del_b', primaryEmail: 'del.b@example.com' } });
    // The freed identifiers can be used again.
    await expect(newUser(t, { username: 'del_b', primaryEmail: 'del.b@example.com', password: PASSWORD })).resolves.toHaveProperty('id');
  });
});
