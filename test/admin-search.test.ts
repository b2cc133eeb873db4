import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
const ids: Record<string, string> = {};

// 12 users with distinct createdAt (the fake clock moves between them); some lack a username,
// an email or a sign-in, so the null ordering is exercised.
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
  for (let i = 0; i < 12; i++) {
    t.clock.advance(1000);
    const n = String(i).padStart(2, '0');
    const res = await t.gql(
      `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { ... on User { id } ... on Error { code message } } } }`,
      {
        input: {
          username: i % 4 === 3 ? null : `srch-${n}`,
          primaryEmail: i % 5 === 4 ? null : `person${n}@Search.example`,
          primaryPhone: i === 0 ? null : `+1415555${String(1000 + i)}`,
          name: i === 7 ? 'Zoë Needle' : `Person ${n}`,
          password: 'a-long-enough-password',
          roles: i % 3 === 0 ? ['support'] : [],
        },
      },
      admin,
    );
    ids[n] = res.data.admin.createUser.id;
  }
  // Sign-ins at distinct times for users 02, 05, 08 (others never signed in).
  for (const n of ['05', '02', '08']) {
    t.clock.advance(1000);
    await t.signIn(`srch-${n}`, 'a-long-enough-password');
  }
  t.clock.advance(1000);
  admin = (await t.signIn('admin@example.com', 'correct-horse-battery-staple')).accessToken;
});
afterAll(() => t.close());

const Q = `query($first: Int, $after: String, $last: Int, $before: String, $search: String, $filter: UserFilter, $orderBy: UserOrder) {
  admin { users(first: $first, after: $after, last: $last, before: $before, search: $search, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id username primaryEmail mfaFactors { id } } } } } }`;

async function users(vars: Record<string, unknown>) {
  const res = await t.gql(Q, { filter: { role: null }, ...vars }, admin);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.admin.users;
}
const names = (conn: any) => conn.edges.map((e: any) => e.node.username);
const only = { filter: { createdAfter: null } };

async function walk(vars: Record<string, unknown>, backward = false): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: any = await users({ ...vars, ...(backward ? { last: 5, before: cursor } : { first: 5, after: cursor }) });
    const ids = page.edges.map((e: any) => e.node.id);
    if (backward) seen.unshift(...ids);
    else seen.push(...ids);
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    if (!more) return seen;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  throw new Error('did not end');
}

describe('admin.users search', () => {
  it('matches any part of email, username, phone or name, case-insensitively', async () => {
    expect(names(await users({ search: 'SRCH-01' }))).toEqual(['srch-01']);
    expect((await users({ search: 'person03@search' })).edges.map((e: any) => e.node.id)).toEqual([ids['03']]);
    expect((await users({ search: '5551005' })).edges.map((e: any) => e.node.id)).toEqual([ids['05']]);
    expect((await users({ search: 'zoë needle' })).edges.map((e: any) => e.node.id)).toEqual([ids['07']]);
    const all = await users({ search: 'search.EXAMPLE', first: 2 });
    expect(all.totalCount).toBe(10);
    expect(all.edges).toHaveLength(2);
  });

  it('treats % and _ literally', async () => {
    expect((await users({ search: '%' })).totalCount).toBe(0);
    expect((await users({ search: 'srch_0' })).totalCount).toBe(0);
  });
});

describe('admin.users filter', () => {
  it('filters by suspension, MFA, role and creation time', async () => {
    await t.gql(`mutation { admin { setUserSuspended(id: "${ids['01']}", suspended: true) { __typename } } }`, {}, admin);
    const suspended = await users({ filter: { isSuspended: true } });
    expect(suspended.edges.map((e: any) => e.node.id)).toEqual([ids['01']]);
    expect((await users({ filter: { isSuspended: false } })).totalCount).toBe(12);
    expect((await users({ filter: { role: 'support' } })).totalCount).toBe(4);
    expect((await users({ filter: { role: 'admin' } })).totalCount).toBe(1);
    await t.db.prisma.mfaFactor.create({ data: { userId: ids['06']!, type: 'TOTP' } });
    expect((await users({ filter: { hasMfa: true } })).edges.map((e: any) => e.node.id)).toEqual([ids['06']]);
    expect((await users({ filter: { hasMfa: false } })).totalCount).toBe(12);
    const rows = await t.db.prisma.user.findMany({ where: { id: { in: [ids['03']!, ids['06']!] } }, orderBy: { createdAt: 'asc' } });
    const window = await users({ filter: { createdAfter: rows[0]!.createdAt.toISOString(), createdBefore: rows[1]!.createdAt.toISOString() } });
    expect(window.edges.map((e: any) => e.node.id).sort()).toEqual([ids['03'], ids['04'], ids['05']].sort());
  });
});

describe('admin.users order and keyset pagination', () => {
  it('defaults to newest first and walks every page both ways', async () => {
    const first = await users({ first: 3 });
    expect(first.edges.map((e: any) => e.node.id)).toEqual([ids['11'], ids['10'], ids['09']]);
    const forward = await walk({ search: 'search.example' });
    const backward = await walk({ search: 'search.example' }, true);
    expect(forward).toHaveLength(10);
    expect(backward).toEqual(forward);
  });

  for (const field of ['CREATED_AT', 'LAST_SIGN_IN_AT', 'USERNAME', 'EMAIL'] as const) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`orders by ${field} ${direction} with nulls last, the same forward and backward`, async () => {
        const orderBy = { field, direction };
        const forward = await walk({ orderBy });
        const backward = await walk({ orderBy }, true);
        expect(forward).toHaveLength(13);
        expect(new Set(forward).size).toBe(13);
        expect(backward).toEqual(forward);
        const rows = await t.db.prisma.user.findMany();
        const column = { CREATED_AT: 'createdAt', LAST_SIGN_IN_AT: 'lastSignInAt', USERNAME: 'username', EMAIL: 'primaryEmail' }[field];
        const value = (id: string) => {
          const v = (rows.find((r) => r.id === id) as any)[column];
          return v instanceof Date ? v.getTime() : v;
        };
        const expected = [...rows]
          .sort((a, b) => {
            const va = value(a.id);
            const vb = value(b.id);
            if (va === null && vb === null) return (a.id < b.id ? -1 : 1) * (direction === 'ASC' ? 1 : -1);
            if (va === null) return 1;
            if (vb === null) return -1;
            if (va === vb) return (a.id < b.id ? -1 : 1) * (direction === 'ASC' ? 1 : -1);
            return (va < vb ? -1 : 1) * (direction === 'ASC' ? 1 : -1);
          })
          .map((r) => r.id);
        expect(forward).toEqual(expected);
      });
    }
  }

  it('orders by last sign-in newest first', async () => {
    const page = await users({ orderBy: { field: 'LAST_SIGN_IN_AT', direction: 'DESC' }, first: 4 });
    // The admin (no username) signed in last.
    expect(names(page)).toEqual([null, 'srch-08', 'srch-02', 'srch-05']);
  });

  it('refuses a cursor from another ordering and a page over 100', async () => {
    const page = await users({ first: 1 });
    const res = await t.gql(Q, { first: 1, after: page.pageInfo.endCursor, orderBy: { field: 'USERNAME', direction: 'ASC' } }, admin);
    expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const both = await t.gql(Q, { first: 1, after: page.pageInfo.endCursor, before: page.pageInfo.endCursor }, admin);
    expect(both.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const big = await t.gql(Q, { first: 101 }, admin);
    expect(big.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('refuses first with before and last with after instead of ignoring the cursor', async () => {
    const page = await users({ first: 3 });
    const middle = page.edges[1].cursor;
    // Silently dropping `before` would return rows at or after the cursor.
    const firstBefore = await t.gql(Q, { first: 2, before: middle }, admin);
    expect(firstBefore.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const lastAfter = await t.gql(Q, { last: 2, after: middle }, admin);
    expect(lastAfter.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });

  it('resolves nested relations under the page nodes', async () => {
    const page = await users({ first: 13, ...only });
    expect(page.edges.find((e: any) => e.node.id === ids['06']).node.mfaFactors).toHaveLength(1);
  });
});
