// The account page's `me.sessions` page served from the validity cache's live-session list
// (src/schema/users/cached-sessions.ts): it must answer exactly what the database query answers --
// the same rows, order, cursors, pageInfo and totalCount -- and follow every write of a Session row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD, payload, REVOKE_SESSION } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const NODE = 'id createdAt lastActiveAt expiresAt userAgent ip impersonated current';
const page = (args: string, extra = '') =>
  `{ me { id ${extra} sessions${args} { totalCount edges { cursor node { ${NODE} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
// `identities` makes the plan one the cache does not serve: the same page, read from the database.
const fromDatabase = (args: string) => page(args, 'identities { linkedAt }');
const sessions = async (query: string, token: string) => {
  const res = await t.gql(query, {}, token);
  if (!res.data?.me) throw new Error(JSON.stringify(res));
  return res.data.me.sessions;
};
const cachedList = (userId: string) => t.app.http.validity.liveSessions(userId);

describe('me.sessions from the validity cache', () => {
  it('answers every first/last page exactly as the database query does', async () => {
    const u = await newUser(t, { username: 'cache_a', password: PASSWORD });
    for (let i = 0; i < 4; i++) {
      t.clock.advance(1000);
      await t.signIn('cache_a', PASSWORD);
    }
    for (const args of ['', '(first: 2)', '(first: 5)', '(first: 0)', '(last: 2)', '(last: 9)']) {
      const cached = await sessions(page(args), u.token);
      expect(cachedList(u.id)?.length).toBe(5);
      expect(cached).toEqual(await sessions(fromDatabase(args), u.token));
    }
    // A cursor goes to the database; its page continues the cached one.
    const first = await sessions(page('(first: 2)'), u.token);
    const next = await sessions(page(`(first: 2, after: "${first.pageInfo.endCursor}")`), u.token);
    expect(next.totalCount).toBe(5);
    expect(next.edges.map((e: any) => e.node.id)).toEqual((await sessions(page('(first: 4)'), u.token)).edges.slice(2).map((e: any) => e.node.id));
    // Aliases of the connection with different pages.
    const aliased = await t.gql(`{ me { a: sessions(first: 1) { totalCount edges { node { id } } } b: sessions(first: 3) { edges { node { id } } } } }`, {}, u.token);
    expect(aliased.data.me.a.edges).toHaveLength(1);
    expect(aliased.data.me.a.totalCount).toBe(5);
    expect(aliased.data.me.b.edges).toHaveLength(3);
  });

  it('follows a new session, a revocation and an activity write at once', async () => {
    const u = await newUser(t, { username: 'cache_b', password: PASSWORD });
    expect((await sessions(page('(first: 5)'), u.token)).totalCount).toBe(1);
    expect(cachedList(u.id)).toHaveLength(1);
    t.clock.advance(1000);
    const other = await t.signIn('cache_b', PASSWORD);
    const two = await sessions(page('(first: 5)'), u.token);
    expect(two.totalCount).toBe(2);
    const otherId = two.edges.find((e: any) => !e.node.current).node.id;
    expect(payload(await t.gql(REVOKE_SESSION, { id: otherId }, u.token), 'revokeSession')).toMatchObject({ revokedCount: 1 });
    const one = await sessions(page('(first: 5)'), u.token);
    expect(one.totalCount).toBe(1);
    expect(one.edges.map((e: any) => e.node.id)).not.toContain(otherId);
    expect((await t.gql(page('(first: 5)'), {}, other.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A write no API makes (plain SQL, another service): the trigger still drops the list.
    const [current] = one.edges.map((e: any) => e.node.id);
    await t.db.prisma.session.update({ where: { id: current }, data: { userAgent: 'changed elsewhere' } });
    await t.app.http.validity.settle();
    expect((await sessions(page('(first: 5)'), u.token)).edges[0].node.userAgent).toBe('changed elsewhere');
  });

  it('drops a session that expires while its list is cached, count included', async () => {
    const u = await newUser(t, { username: 'cache_c', password: PASSWORD });
    const other = await t.signIn('cache_c', PASSWORD);
    const otherId = (await sessions(page(''), other.accessToken)).edges.find((e: any) => e.node.current).node.id;
    await t.db.prisma.session.update({ where: { id: otherId }, data: { expiresAt: new Date(t.clock.now().getTime() + 60_000) } });
    await t.app.http.validity.settle();
    expect((await sessions(page('(first: 5)'), u.token)).totalCount).toBe(2);
    const list = cachedList(u.id);
    expect(list).toHaveLength(2);
    t.clock.advance(61_000);
    const after = await sessions(page('(first: 5)'), u.token);
    expect(after).toEqual(await sessions(fromDatabase('(first: 5)'), u.token));
    expect(after.totalCount).toBe(1);
    expect(after.edges.map((e: any) => e.node.id)).not.toContain(otherId);
  });

  it('keeps a long list out of the cache and answers it from the database', async () => {
    const u = await newUser(t, { username: 'cache_d', password: PASSWORD });
    for (let i = 0; i < 11; i++) await t.signIn('cache_d', PASSWORD);
    const long = await sessions(page('(first: 5)'), u.token);
    expect(long.totalCount).toBe(12);
    expect(long.edges).toHaveLength(5);
    expect(long.pageInfo.hasNextPage).toBe(true);
    expect(cachedList(u.id)).toBeNull();
  });
});
