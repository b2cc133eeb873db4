// The event seam: every door of one change emits the same typed event, with its audit row, in the
// change's transaction; the user's own security activity (me.securityEvents) and data export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_EVENT_TYPES } from '../src/domain/events/catalogue.js';
import { enrollTotp } from './helpers/mfa.js';
import { CREATE_PAT, newUser, PASSWORD, payload, REVOKE_SESSION, SET_EMAIL, SET_PASSWORD, verifiedCodeRecord, verifyPassword } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
  admin = await t.adminToken();
});
afterAll(() => t.close());

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on TokenSet { accessToken } ... on Error { code } } }`;
const SECURITY_EVENTS = `query($first: Int, $after: String) { me { securityEvents(first: $first, after: $after) { totalCount
  pageInfo { hasNextPage endCursor } edges { node { id type at ip userAgent actor data } } } } }`;
const ADMIN_UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { __typename ... on User { primaryEmail } ... on Error { code } } } }`;
const fromAddress = { 'x-forwarded-for': '203.0.113.7', 'user-agent': 'Firefox/140' };

const eventsOf = (userId: string) => t.db.prisma.auditEvent.findMany({ where: { userId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });

describe('one event per change, whichever door it came through', () => {
  it("an admin's email change notifies the old address and ends identity proofs, like the user's own", async () => {
    const self = await newUser(t, { primaryEmail: 'door-self@example.com', password: PASSWORD });
    const proof = await verifyPassword(t, self.token);
    const other = await verifyPassword(t, self.token);
    const newAddress = await verifiedCodeRecord(t, self.token, { email: 'door-self-new@example.com' });
    const changed = payload(await t.gql(SET_EMAIL, { input: { email: 'door-self-new@example.com', newIdentifierVerificationId: newAddress, verificationId: proof } }, self.token), 'setPrimaryEmail');
    expect(changed.primaryEmail).toBe('door-self-new@example.com');
    await t.mail.latestTo('door-self@example.com', 'Your email address was changed');
    // The other proof ended; the one this change used goes on.
    const otherRecord = await t.db.prisma.verificationRecord.findUniqueOrThrow({ where: { id: other } });
    expect(otherRecord.expiresAt.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());

    const byAdmin = await newUser(t, { primaryEmail: 'door-admin@example.com', password: PASSWORD });
    const pending = await verifyPassword(t, byAdmin.token);
    const res = await t.gql(ADMIN_UPDATE, { id: byAdmin.id, input: { primaryEmail: 'door-admin-new@example.com', name: 'Renamed' } }, admin);
    expect(res.data.admin.updateUser).toEqual({ __typename: 'User', primaryEmail: 'door-admin-new@example.com' });
    const mail = await t.mail.latestTo('door-admin@example.com', 'Your email address was changed');
    expect(mail.text).toContain('this address no longer signs in');
    const record = await t.db.prisma.verificationRecord.findUniqueOrThrow({ where: { id: pending } });
    expect(record.expiresAt.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());

    const selfEvent = (await eventsOf(self.id)).find((e) => e.type === 'user.email.changed');
    const adminEvents = (await eventsOf(byAdmin.id)).filter((e) => e.action === 'admin.user.update');
    expect(selfEvent).toMatchObject({ action: 'user.email.set', data: { user: { id: self.id }, email: 'door-self-new@example.com', previousEmail: 'door-self@example.com' } });
    expect(adminEvents.map((e) => [e.type, e.details])).toEqual([
      ['user.email.changed', { fields: ['primaryEmail'] }],
      ['user.updated', { fields: ['name'] }],
    ]);
    // revertLinkSent: the old address got the notice with the undo link (docs/account-lifecycle.md).
    expect(adminEvents[0]!.data).toEqual({ user: { id: byAdmin.id }, email: 'door-admin-new@example.com', previousEmail: 'door-admin@example.com', revertLinkSent: true });
  });

  it('writes no event when the change fails (same transaction)', async () => {
    const a = await newUser(t, { username: 'tx-a', password: PASSWORD });
    await newUser(t, { username: 'tx-b', password: PASSWORD });
    const before = (await eventsOf(a.id)).length;
    const taken = await t.gql(ADMIN_UPDATE, { id: a.id, input: { username: 'tx-b' } }, admin);
    expect(taken.data.admin.updateUser).toMatchObject({ code: 'IDENTIFIER_IN_USE' });
    expect(await eventsOf(a.id)).toHaveLength(before);
  });

  it('gives every row written since the seam an event type from the catalogue', async () => {
    const untyped = await t.db.prisma.auditEvent.count({ where: { type: null } });
    expect(untyped).toBe(0);
  });
});

describe('me.securityEvents', () => {
  it("lists the user's own sign-ins, failures and changes, newest first, with time, address and user agent", async () => {
    const u = await newUser(t, { username: 'activity', primaryEmail: 'activity@example.com', password: PASSWORD });
    const other = await newUser(t, { username: 'activity-other', password: PASSWORD });
    expect((await t.gql(SIGN_IN, { input: { identifier: 'activity', password: 'wrong-password-x' } }, undefined, fromAddress)).data.signIn.code).toBe('INVALID_CREDENTIALS');
    const session = (await t.gql(SIGN_IN, { input: { identifier: 'activity', password: PASSWORD } }, undefined, fromAddress)).data.signIn.accessToken;
    await enrollTotp(t, u.token);
    const v = await verifyPassword(t, u.token);
    payload(await t.gql(SET_PASSWORD, { input: { newPassword: 'quiet-orchard-lamp', verificationId: v } }, u.token), 'setPassword');
    payload(await t.gql(CREATE_PAT, { input: { name: 'ci', verificationId: await verifyPassword(t, u.token, 'quiet-orchard-lamp') } }, u.token), 'createPersonalAccessToken');
    await t.gql(SIGN_IN, { input: { identifier: 'activity-other', password: 'nope-nope-nope' } });
    void session;

    const res = await t.gql(SECURITY_EVENTS, { first: 20 }, u.token);
    const nodes = res.data.me.securityEvents.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.type)).toEqual([
      'token.created',
      'user.password.changed',
      'user.mfa.added',
      'user.signed_in',
      'user.sign_in_failed',
      'user.signed_in',
    ]);
    expect(res.data.me.securityEvents.totalCount).toBe(6);
    const failed = nodes.find((n: any) => n.type === 'user.sign_in_failed');
    expect(failed).toMatchObject({ ip: '203.0.113.7', userAgent: 'Firefox/140', actor: 'SYSTEM', data: { user: { id: u.id }, reason: 'password' } });
    expect(nodes[0]).toMatchObject({ actor: 'SELF', userAgent: 'vitest' });
    expect(new Date(nodes[0].at).getTime()).toBeGreaterThanOrEqual(new Date(nodes[5].at).getTime());
    // Nothing of the other user's, nothing secret.
    expect(JSON.stringify(nodes)).not.toContain(other.id);
    expect(JSON.stringify(nodes)).not.toMatch(/quiet-orchard-lamp|pat_|argon2/);
    // Cursor paging.
    const page1 = (await t.gql(SECURITY_EVENTS, { first: 4 }, u.token)).data.me.securityEvents;
    const page2 = (await t.gql(SECURITY_EVENTS, { first: 4, after: page1.pageInfo.endCursor }, u.token)).data.me.securityEvents;
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.id)).toEqual(nodes.map((n: any) => n.id));
    // Admin-only events stay out (role changes are not the user's activity)...
    expect(SECURITY_EVENT_TYPES).not.toContain('user.roles.changed');
  });

  it("shows an admin's actions as ADMIN and a revoked session; it is self only", async () => {
    const u = await newUser(t, { username: 'activity-admin', password: PASSWORD });
    const second = await t.signIn('activity-admin', PASSWORD);
    const sessions = await t.db.prisma.session.findMany({ where: { userId: u.id }, orderBy: { createdAt: 'asc' } });
    payload(await t.gql(REVOKE_SESSION, { id: sessions[0]!.id }, second.accessToken), 'revokeSession');
    await t.gql(`mutation($id: ID!) { admin { setUserPassword(id: $id, password: "Amber-Canyon-Whistle-73") { __typename } } }`, { id: u.id }, admin);
    const nodes = (await t.gql(SECURITY_EVENTS, { first: 3 }, second.accessToken)).data.me.securityEvents.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.type, n.actor])).toEqual([
      ['user.password.changed', 'ADMIN'],
      ['session.revoked', 'SELF'],
      ['user.signed_in', 'SELF'],
    ]);
    const foreign = await t.gql(`query($id: ID!) { node(id: $id) { ... on User { securityEvents { totalCount } } } }`, { id: u.id }, admin);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is empty while the account-center field securityActivity is OFF', async () => {
    const u = await newUser(t, { username: 'activity-off', password: PASSWORD });
    const set = (mode: string) => t.gql(`mutation($m: AccountFieldMode!) { admin { updateAccountCenter(input: { fields: { securityActivity: $m } }) { __typename } } }`, { m: mode }, admin);
    await set('OFF');
    try {
      const res = await t.gql(SECURITY_EVENTS, {}, u.token);
      expect(res.data.me.securityEvents).toMatchObject({ totalCount: 0, edges: [] });
    } finally {
      await set('READ_ONLY');
    }
    const center = await t.gql(`{ accountCenter { fields { securityActivity } } }`);
    expect(center.data.accountCenter.fields.securityActivity).toBe('READ_ONLY');
  });
});

describe('me.exportData', () => {
  it('returns everything held about the user, with no secret and no hash', async () => {
    const u = await newUser(t, { username: 'exporter', primaryEmail: 'exporter@example.com', password: PASSWORD, name: 'Ex Porter' });
    const { secret } = await enrollTotp(t, u.token);
    const pat = payload(await t.gql(CREATE_PAT, { input: { name: 'export-ci', verificationId: await verifyPassword(t, u.token) } }, u.token), 'createPersonalAccessToken');
    const res = await t.gql(`{ me { exportData } }`, {}, u.token);
    const data = res.data.me.exportData;
    expect(data.user).toMatchObject({ id: u.id, username: 'exporter', primaryEmail: 'exporter@example.com', name: 'Ex Porter', hasPassword: true });
    expect(data.identities).toEqual([]);
    expect(data.mfaFactors).toEqual([expect.objectContaining({ type: 'TOTP' })]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.personalAccessTokens).toEqual([expect.objectContaining({ id: pat.personalAccessToken.id, name: 'export-ci' })]);
    expect(data.securityEvents.map((e: any) => e.type)).toEqual(expect.arrayContaining(['user.created', 'user.signed_in', 'user.mfa.added', 'token.created']));
    const text = JSON.stringify(data);
    const rows = await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id }, include: { mfaFactors: true, personalAccessTokens: true } });
    for (const secretValue of [rows.passwordHash!, rows.mfaFactors[0]!.secretEncrypted!, rows.personalAccessTokens[0]!.tokenHash, pat.token, secret]) {
      expect(text).not.toContain(secretValue);
    }
    expect(text).not.toMatch(/passwordHash|tokenHash|codeHash|secretEncrypted|\$argon2/);
  });

  it("is self only and refused to an impersonating admin", async () => {
    const u = await newUser(t, { username: 'export-imp', password: PASSWORD });
    const imp = await t.gql(`mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) { ... on TokenSet { accessToken } } } }`, { input: { userId: u.id, reason: 'support' } }, admin);
    const res = await t.gql(`{ me { exportData } }`, {}, imp.data.admin.impersonateUser.accessToken);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreign = await t.gql(`query($id: ID!) { node(id: $id) { ... on User { exportData } } }`, { id: u.id }, admin);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
