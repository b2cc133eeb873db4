import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
});
afterAll(() => t.close());

const USER_FIELDS = 'id username primaryEmail primaryPhone name avatar roles isSuspended customData profile { givenName }';
const result = (field: string, success: string) =>
  `__typename ... on ${success} { ${field} } ... on Error { code message } ... on UserError { path }`;

async function adminMutation(field: string, args: string, selection: string, variables: Record<string, unknown> = {}, token = admin) {
  const vars = Object.keys(variables);
  const decl = vars.length ? `(${vars.map((v) => `$${v}: ${VAR_TYPES[v]}`).join(', ')})` : '';
  const res = await t.gql(`mutation${decl} { admin { ${field}${args} { ${selection} } } }`, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.admin[field];
}
const VAR_TYPES: Record<string, string> = { input: 'UpdateUserInput!', id: 'ID!', pw: 'String!', roles: '[String!]!' };

const ME = '{ me { id } }';
const IMPERSONATE = `mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) {
    __typename ... on TokenSet { accessToken refreshToken expiresIn scope } ... on Error { code message } } } }`;

describe('admin.updateUser', () => {
  it('changes any field and reports IDENTIFIER_IN_USE with the path', async () => {
    const a = await t.createUser({ username: 'upd-a', password: 'a-long-enough-password' });
    await t.createUser({ username: 'upd-b', primaryEmail: 'upd-b@example.com', password: 'a-long-enough-password' });
    const updated = await adminMutation('updateUser', '(id: $id, input: $input)', result(USER_FIELDS, 'User'), {
      id: a.id,
      input: {
        username: 'Upd-A2',
        primaryEmail: 'Upd-A@Example.com',
        primaryPhone: '+14155550101',
        name: 'Ann',
        avatar: 'https://example.com/a.png',
        profile: { givenName: 'Ann' },
        customData: { plan: 'pro' },
        roles: ['support'],
      },
    });
    expect(updated).toMatchObject({
      __typename: 'User',
      username: 'upd-a2',
      primaryEmail: 'upd-a@example.com',
      primaryPhone: '+14155550101',
      name: 'Ann',
      avatar: 'https://example.com/a.png',
      roles: ['support'],
      customData: { plan: 'pro' },
      profile: { givenName: 'Ann' },
    });
    const taken = await adminMutation('updateUser', '(id: $id, input: $input)', result('id', 'User'), {
      id: a.id,
      input: { primaryEmail: 'UPD-B@example.com' },
    });
    expect(taken).toMatchObject({ __typename: 'UserError', code: 'IDENTIFIER_IN_USE', path: ['primaryEmail'] });
    const takenName = await adminMutation('updateUser', '(id: $id, input: $input)', result('id', 'User'), {
      id: a.id,
      input: { username: 'upd-b' },
    });
    expect(takenName).toMatchObject({ code: 'IDENTIFIER_IN_USE', path: ['username'] });
    // null clears an optional field; omitted fields stay
    const cleared = await adminMutation('updateUser', '(id: $id, input: $input)', result(USER_FIELDS, 'User'), {
      id: a.id,
      input: { name: null },
    });
    expect(cleared).toMatchObject({ name: null, username: 'upd-a2' });
  });

  it('sets a new password under the policy', async () => {
    const u = await t.createUser({ username: 'upd-pw', password: 'a-long-enough-password' });
    const weak = await adminMutation('updateUser', '(id: $id, input: $input)', result('id', 'User'), { id: u.id, input: { password: 'x' } });
    expect(weak).toMatchObject({ __typename: 'PasswordRejectedError', code: 'PASSWORD_REJECTED' });
    await adminMutation('updateUser', '(id: $id, input: $input)', result('id', 'User'), { id: u.id, input: { password: 'another-long-password' } });
    await expect(t.signIn('upd-pw', 'another-long-password')).resolves.toHaveProperty('accessToken');
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.user.update', userId: u.id } });
    expect(event.details).toEqual({ fields: ['password'] });
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const res = await adminMutation('updateUser', '(id: $id, input: $input)', result('id', 'User'), { id: 'usr_missing', input: { name: 'x' } });
    expect(res).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('admin.deleteUser', () => {
  it('stops every token at once and keeps the audit history', async () => {
    const u = await t.createUser({ username: 'del-me', password: 'a-long-enough-password' });
    const pat = await adminMutation('createPersonalAccessToken', `(userId: "${u.id}", name: "ci")`, result('token', 'PersonalAccessTokenSecret'));
    expect((await t.gql(ME, {}, pat.token)).data.me.id).toBe(u.id);
    const deleted = await adminMutation('deleteUser', '(id: $id)', result('id username', 'User'), { id: u.id });
    expect(deleted).toEqual({ __typename: 'User', id: u.id, username: 'del-me' });
    for (const token of [u.token, pat.token]) {
      const res = await t.gql(ME, {}, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const refresh = await t.gql(`mutation($r: String!) { refreshTokens(refreshToken: $r) { __typename ... on Error { code } } }`, { r: u.refreshToken });
    expect(refresh.data.refreshTokens.code).toBe('INVALID_CREDENTIALS');
    const audit = await t.gql(`{ admin { auditEvents(filter: { userId: "${u.id}" }) { edges { node { action } } } } }`, {}, admin);
    const actions = audit.data.admin.auditEvents.edges.map((e: any) => e.node.action);
    expect(actions).toEqual(expect.arrayContaining(['admin.user.create', 'admin.pat.create', 'admin.user.delete']));
  });
});

describe('admin.setUserSuspended', () => {
  it('cuts off a live access token, ends sessions and refuses sign-in with ACCOUNT_SUSPENDED', async () => {
    const u = await t.createUser({ username: 'susp', password: 'a-long-enough-password' });
    expect((await t.gql(ME, {}, u.token)).data.me.id).toBe(u.id);
    const res = await adminMutation('setUserSuspended', '(id: $id, suspended: true)', result('isSuspended', 'User'), { id: u.id });
    expect(res).toEqual({ __typename: 'User', isSuspended: true });
    expect((await t.gql(ME, {}, u.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sessions = await t.db.prisma.session.findMany({ where: { userId: u.id } });
    expect(sessions.every((s) => s.revokedAt && s.revokeReason === 'suspended')).toBe(true);
    const signIn = await t.gql(`mutation { signIn(input: { identifier: "susp", password: "a-long-enough-password" }) { __typename ... on Error { code } } }`);
    expect(signIn.data.signIn.code).toBe('ACCOUNT_SUSPENDED');
    await adminMutation('setUserSuspended', '(id: $id, suspended: false)', result('isSuspended', 'User'), { id: u.id });
    await expect(t.signIn('susp', 'a-long-enough-password')).resolves.toHaveProperty('accessToken');
  });
});

describe('admin passwords', () => {
  it('setUserPassword enforces the policy; verifyUserPassword checks without signing in', async () => {
    const u = await t.createUser({ username: 'pw-user', password: 'a-long-enough-password' });
    const rejected = await adminMutation('setUserPassword', '(id: $id, password: $pw)', result('id', 'User'), { id: u.id, pw: 'short' });
    expect(rejected).toMatchObject({ __typename: 'PasswordRejectedError' });
    await adminMutation('setUserPassword', '(id: $id, password: $pw)', result('id', 'User'), { id: u.id, pw: 'brand-new-password' });
    const check = (pw: string) => adminMutation('verifyUserPassword', '(id: $id, password: $pw)', result('valid', 'PasswordCheck'), { id: u.id, pw });
    expect(await check('brand-new-password')).toEqual({ __typename: 'PasswordCheck', valid: true });
    expect(await check('a-long-enough-password')).toEqual({ __typename: 'PasswordCheck', valid: false });
    await expect(t.signIn('pw-user', 'brand-new-password')).resolves.toHaveProperty('accessToken');
  });
});

describe('admin.setUserRoles', () => {
  it('gives every admin scope at the next sign-in and removes them on demotion', async () => {
    const u = await t.createUser({ username: 'promote', password: 'a-long-enough-password' });
    const roles = await adminMutation('setUserRoles', '(id: $id, roles: $roles)', result('roles', 'User'), { id: u.id, roles: ['admin', 'support'] });
    expect(roles.roles).toEqual(['admin', 'support']);
    const { accessToken, scope } = await t.signIn('promote', 'a-long-enough-password');
    expect(scope.split(' ')).toEqual(
      expect.arrayContaining(['admin:users:read', 'admin:users:write', 'admin:users:impersonate', 'admin:settings', 'admin:audit:read']),
    );
    expect((await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, accessToken)).data.admin.users.totalCount).toBeGreaterThan(1);
    const bad = await adminMutation('setUserRoles', '(id: $id, roles: $roles)', result('roles', 'User'), { id: u.id, roles: ['Bad Role'] });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', path: ['roles'] });
    await adminMutation('setUserRoles', '(id: $id, roles: $roles)', result('roles', 'User'), { id: u.id, roles: [] });
    expect((await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, accessToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('admin.revokeUserSessions', () => {
  it('ends every session of the user', async () => {
    const u = await t.createUser({ username: 'revoke-all', password: 'a-long-enough-password' });
    await t.signIn('revoke-all', 'a-long-enough-password');
    const res = await adminMutation('revokeUserSessions', '(id: $id)', result('revokedCount', 'AdminRevokeSessionsPayload'), { id: u.id });
    expect(res).toEqual({ __typename: 'AdminRevokeSessionsPayload', revokedCount: 2 });
    expect((await t.gql(ME, {}, u.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('admin personal access tokens', () => {
  it('shows the secret once, works as the user, and stops when revoked', async () => {
    const u = await t.createUser({ username: 'pat-owner', password: 'a-long-enough-password' });
    const expiresAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const created = await adminMutation(
      'createPersonalAccessToken',
      `(userId: "${u.id}", name: "deploy bot", expiresAt: "${expiresAt}")`,
      result('token personalAccessToken { id name expiresAt }', 'PersonalAccessTokenSecret'),
    );
    expect(created.token).toMatch(/^pat_/);
    expect(created.personalAccessToken).toMatchObject({ name: 'deploy bot', expiresAt });
    const row = await t.db.prisma.personalAccessToken.findUniqueOrThrow({ where: { id: created.personalAccessToken.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(row.createdBy).toBeTruthy();
    expect((await t.gql(ME, {}, created.token)).data.me.id).toBe(u.id);
    // The user sees it among their tokens (shared storage with self-service).
    const listed = await t.gql(`{ admin { user(id: "${u.id}") { personalAccessTokens { edges { node { id } } } } } }`, {}, admin);
    expect(listed.data.admin.user.personalAccessTokens.edges).toEqual([{ node: { id: created.personalAccessToken.id } }]);
    const revoked = await adminMutation('revokePersonalAccessToken', `(id: "${created.personalAccessToken.id}")`, result('id', 'PersonalAccessToken'));
    expect(revoked).toEqual({ __typename: 'PersonalAccessToken', id: created.personalAccessToken.id });
    expect((await t.gql(ME, {}, created.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const again = await adminMutation('revokePersonalAccessToken', `(id: "${created.personalAccessToken.id}")`, result('id', 'PersonalAccessToken'));
    expect(again).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('audits which token was created and revoked (ids are not secrets)', async () => {
    const u = await t.createUser({ username: 'pat-audited', password: 'a-long-enough-password' });
    const created = await adminMutation('createPersonalAccessToken', `(userId: "${u.id}", name: "ci")`, result('token personalAccessToken { id }', 'PersonalAccessTokenSecret'));
    const id = created.personalAccessToken.id;
    await adminMutation('revokePersonalAccessToken', `(id: "${id}")`, result('id', 'PersonalAccessToken'));
    const events = await t.db.prisma.auditEvent.findMany({ where: { userId: u.id, action: { in: ['admin.pat.create', 'admin.pat.revoke'] } } });
    expect(events).toHaveLength(2);
    for (const e of events) expect(e.details).toMatchObject({ personalAccessTokenId: id, name: 'ci' });
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it('refuses an expiry in the past and an unknown user', async () => {
    const u = await t.createUser({ username: 'pat-past', password: 'a-long-enough-password' });
    const past = new Date(t.clock.now().getTime() - 1000).toISOString();
    const res = await adminMutation('createPersonalAccessToken', `(userId: "${u.id}", name: "x", expiresAt: "${past}")`, result('token', 'PersonalAccessTokenSecret'));
    expect(res).toMatchObject({ code: 'INVALID_INPUT', path: ['expiresAt'] });
    const nobody = await adminMutation('createPersonalAccessToken', '(userId: "usr_nobody", name: "x")', result('token', 'PersonalAccessTokenSecret'));
    expect(nobody).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('admin.impersonateUser', () => {

  it('returns an access token acting as the user with act.sub = admin, no admin scopes, audited with the reason', async () => {
    const u = await t.createUser({ username: 'imp-target', password: 'a-long-enough-password' });
    const adminId = (await t.gql(ME, {}, admin)).data.me.id;
    const res = await t.gql(IMPERSONATE, { input: { userId: u.id, reason: 'ticket #42', ttlSeconds: 3600 } }, admin);
    const set = res.data.admin.impersonateUser;
    expect(set).toMatchObject({ __typename: 'TokenSet', refreshToken: null, expiresIn: 3600, scope: 'openid profile' });
    const claims = decodeJwt(set.accessToken);
    expect(claims).toMatchObject({ sub: u.id, act: { sub: adminId }, scope: 'openid profile' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    expect((await t.gql(ME, {}, set.accessToken)).data.me.id).toBe(u.id);
    // No admin scopes, even though the impersonator is an admin.
    expect((await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, set.accessToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const events = await t.db.prisma.auditEvent.findMany({ where: { action: 'admin.user.impersonate', userId: u.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: adminId, details: { reason: 'ticket #42', targetIsAdmin: false, ttlSeconds: 3600 } });
    // Changes made while impersonating name the admin as actor.
    const session = await t.db.prisma.session.findFirstOrThrow({ where: { userId: u.id, kind: 'IMPERSONATION' } });
    expect(session).toMatchObject({ actorId: adminId, reason: 'ticket #42' });
    // Revoking the impersonation session refuses the token.
    await adminMutation('revokeUserSessions', '(id: $id)', result('revokedCount', 'AdminRevokeSessionsPayload'), { id: u.id });
    expect((await t.gql(ME, {}, set.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('audits impersonating another admin as such', async () => {
    const other = await t.createUser({ username: 'imp-admin', password: 'a-long-enough-password', roles: ['admin'] });
    const res = await t.gql(IMPERSONATE, { input: { userId: other.id, reason: 'audit check' } }, admin);
    const token = res.data.admin.impersonateUser.accessToken;
    expect((await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'admin.user.impersonate', userId: other.id } });
    expect(event.details).toMatchObject({ targetIsAdmin: true });
  });

  it('requires a reason', async () => {
    const u = await t.createUser({ username: 'imp-reason', password: 'a-long-enough-password' });
    const res = await t.gql(IMPERSONATE, { input: { userId: u.id, reason: '  ' } }, admin);
    expect(res.data.admin.impersonateUser).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('admin.auditEvents', () => {
  it('filters by user, actor, action and time, newest first, with ip, user agent and no secrets', async () => {
    const adminId = (await t.gql(ME, {}, admin)).data.me.id;
    const u = await t.createUser({ username: 'audited', password: 'a-long-enough-password' });
    await adminMutation('setUserPassword', '(id: $id, password: $pw)', result('id', 'User'), { id: u.id, pw: 'secret-new-password-1' });
    await adminMutation('setUserRoles', '(id: $id, roles: $roles)', result('roles', 'User'), { id: u.id, roles: ['support'] });
    const q = `query($f: AuditEventFilter) { admin { auditEvents(filter: $f, first: 10) { edges { node {
      id action actorId actorType userId at ip userAgent details } } } } }`;
    const all = (await t.gql(q, { f: { userId: u.id } }, admin)).data.admin.auditEvents.edges.map((e: any) => e.node);
    expect(all.map((e: any) => e.action)).toEqual(['admin.user.set_roles', 'admin.user.set_password', 'user.sign_in', 'admin.user.create']);
    expect(all[0]).toMatchObject({ actorId: adminId, actorType: 'user', userId: u.id, userAgent: 'vitest', details: { before: [], after: ['support'] } });
    expect(JSON.stringify(all)).not.toContain('secret-new-password-1');
    const byAction = (await t.gql(q, { f: { action: 'admin.user.set_roles', actorId: adminId, userId: u.id } }, admin)).data.admin.auditEvents.edges;
    expect(byAction).toHaveLength(1);
    const prefix = (await t.gql(q, { f: { action: 'admin.user.set_*', userId: u.id } }, admin)).data.admin.auditEvents.edges;
    expect(prefix).toHaveLength(2);
    const future = (await t.gql(q, { f: { from: new Date(t.clock.now().getTime() + 60_000).toISOString() } }, admin)).data.admin.auditEvents.edges;
    expect(future).toEqual([]);
    const perUser = await t.gql(`{ admin { user(id: "${u.id}") { auditEvents(first: 1) { edges { node { action } } } } } }`, {}, admin);
    expect(perUser.data.admin.user.auditEvents.edges).toEqual([{ node: { action: 'admin.user.set_roles' } }]);
  });

  it('pages with cursors', async () => {
    // Its own user's events (create, sign-in, two changes): nothing written by other tests is read.
    const u = await t.createUser({ username: 'audit-pages', password: 'a-long-enough-password' });
    await adminMutation('setUserPassword', '(id: $id, password: $pw)', result('id', 'User'), { id: u.id, pw: 'paging-new-password-1' });
    await adminMutation('setUserRoles', '(id: $id, roles: $roles)', result('roles', 'User'), { id: u.id, roles: ['support'] });
    const q = `query($after: String, $f: AuditEventFilter) { admin { auditEvents(first: 2, after: $after, filter: $f) { pageInfo { hasNextPage endCursor } edges { node { id action } } } } }`;
    const f = { userId: u.id };
    const p1 = (await t.gql(q, { f }, admin)).data.admin.auditEvents;
    const p2 = (await t.gql(q, { f, after: p1.pageInfo.endCursor }, admin)).data.admin.auditEvents;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect([...p1.edges, ...p2.edges].map((e: any) => e.node.action)).toEqual(['admin.user.set_roles', 'admin.user.set_password', 'user.sign_in', 'admin.user.create']);
    expect(new Set([...p1.edges, ...p2.edges].map((e: any) => e.node.id)).size).toBe(4);
  });
});

// It moves the clock past every token issued so far, then signs the admin in again: any test may follow.
describe('impersonation lifetime', () => {
  it('never lives longer than one hour', async () => {
    const u = await t.createUser({ username: 'imp-ttl', password: 'a-long-enough-password' });
    const tooLong = await t.gql(IMPERSONATE, { input: { userId: u.id, reason: 'r', ttlSeconds: 3601 } }, admin);
    expect(tooLong.data.admin.impersonateUser).toMatchObject({ code: 'INVALID_INPUT' });
    const res = await t.gql(IMPERSONATE, { input: { userId: u.id, reason: 'support' } }, admin);
    const token = res.data.admin.impersonateUser.accessToken;
    t.clock.advance(3600_000 + 1000);
    expect((await t.gql(ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    expect((await t.gql(ME, {}, admin)).data?.me?.id).toBeTruthy();
  });

});
