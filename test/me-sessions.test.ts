import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD, payload, REVOKE_OTHER_SESSIONS, REVOKE_SESSION } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SESSIONS = `{ me { sessions { totalCount edges { node { id createdAt lastActiveAt userAgent ip current } } } } }`;
const sessionsOf = async (token: string) => (await t.gql(SESSIONS, {}, token)).data.me.sessions;

describe('me.sessions', () => {
  it('lists live sessions with createdAt, lastActiveAt, userAgent, ip and which one is current', async () => {
    const u = await newUser(t, { username: 'ses_a', password: PASSWORD });
    t.clock.advance(1000);
    const second = await t.signIn('ses_a', PASSWORD);
    const list = await sessionsOf(u.token);
    expect(list.totalCount).toBe(2);
    const [newest, oldest] = list.edges.map((e: { node: any }) => e.node);
    expect(newest).toMatchObject({ id: expect.stringMatching(/^ses_/), userAgent: 'vitest', current: false });
    expect(oldest).toMatchObject({ current: true, userAgent: 'vitest' });
    expect(new Date(newest.createdAt).getTime()).toBeGreaterThan(new Date(oldest.createdAt).getTime());
    expect(newest.lastActiveAt).toBe(newest.createdAt);
    expect((await sessionsOf(second.accessToken)).edges[0].node.current).toBe(true);
  });
});

describe('me.revokeSession / me.revokeOtherSessions', () => {
  it('revokes one session: its access and refresh tokens stop working at once', async () => {
    const u = await newUser(t, { username: 'ses_b', password: PASSWORD });
    const other = await t.signIn('ses_b', PASSWORD);
    const otherId = (await sessionsOf(other.accessToken)).edges.find((e: { node: any }) => e.node.current).node.id;
    expect(payload(await t.gql(REVOKE_SESSION, { id: otherId }, u.token), 'revokeSession')).toEqual({ __typename: 'RevokeSessionsPayload', revokedCount: 1 });
    expect((await t.gql('{ me { id } }', {}, other.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refresh = await t.gql('mutation($r: String!) { refreshTokens(refreshToken: $r) { __typename ... on Error { code } } }', { r: other.refreshToken });
    expect(refresh.data.refreshTokens.code).toBe('INVALID_CREDENTIALS');
    expect((await sessionsOf(u.token)).totalCount).toBe(1);
    // Already revoked: NOT_FOUND.
    expect(payload(await t.gql(REVOKE_SESSION, { id: otherId }, u.token), 'revokeSession')).toMatchObject({ code: 'NOT_FOUND' });
    const event = await t.db.prisma.auditEvent.findFirst({ where: { userId: u.id, action: 'user.session.revoke' } });
    expect(event?.details).toEqual({ sessionId: otherId });
  });

  it('revokes every other session and keeps the current one', async () => {
    const u = await newUser(t, { username: 'ses_c', password: PASSWORD });
    const others = [await t.signIn('ses_c', PASSWORD), await t.signIn('ses_c', PASSWORD)];
    expect(payload(await t.gql(REVOKE_OTHER_SESSIONS, {}, u.token), 'revokeOtherSessions')).toEqual({
      __typename: 'RevokeSessionsPayload',
      revokedCount: 2,
    });
    for (const other of others) {
      expect((await t.gql('{ me { id } }', {}, other.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const list = await sessionsOf(u.token);
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node.current).toBe(true);
  });

  it('answers FIELD_NOT_EDITABLE when sessions are not EDIT', async () => {
    const u = await newUser(t, { username: 'ses_d', password: PASSWORD });
    const admin = await t.adminToken();
    await t.gql('mutation { admin { updateAccountCenter(input: {fields: {sessions: READ_ONLY}}) { __typename } } }', {}, admin);
    try {
      expect(payload(await t.gql(REVOKE_OTHER_SESSIONS, {}, u.token), 'revokeOtherSessions')).toMatchObject({ code: 'FIELD_NOT_EDITABLE' });
      expect((await sessionsOf(u.token)).totalCount).toBe(1);
    } finally {
      await t.gql('mutation { admin { updateAccountCenter(input: {fields: {sessions: EDIT}}) { __typename } } }', {}, admin);
    }
  });
});
