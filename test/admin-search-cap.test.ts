// admin.users totalCount is exact up to 10,000 matches and then stops counting;
// totalCountCapped says so (docs/api.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;

const Q = `query($search: String, $first: Int) { admin { users(search: $search, first: $first) {
  totalCount totalCountCapped edges { node { username } } } } }`;

async function users(search: string | null, first = 2) {
  const res = await t.gql(Q, { search, first }, admin);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.admin.users;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
  // 10,001 accounts whose usernames contain "capped-" (straight into the table: 10,001 sign-ups
  // through the API would take minutes and test nothing more here).
  await t.db.prisma.$executeRaw`INSERT INTO "User" ("username", "name", "updatedAt")
    SELECT 'capped-' || lpad(n::text, 5, '0'), 'Cap ' || n, now() FROM generate_series(0, 10000) AS n`;
  await t.createUser({ username: 'lonely-one', password: 'a-long-enough-password' });
}, 120_000);
afterAll(() => t.close());

describe('admin.users totalCount cap', () => {
  it('stops counting past 10,000 matches and says so', async () => {
    const many = await users('capped-');
    expect(many).toMatchObject({ totalCount: 10_000, totalCountCapped: true });
    expect(many.edges).toHaveLength(2);
    // No search: every user (10,001 + the admin + one) is past the cap too.
    expect(await users(null, 1)).toMatchObject({ totalCount: 10_000, totalCountCapped: true });
  });

  it('is exact, and not capped, up to 10,000 and for small results', async () => {
    expect(await users('lonely')).toMatchObject({ totalCount: 1, totalCountCapped: false });
    expect(await users('nobody-has-this')).toMatchObject({ totalCount: 0, totalCountCapped: false, edges: [] });
    await t.db.prisma.user.delete({ where: { username: 'capped-10000' } });
    expect(await users('capped-')).toMatchObject({ totalCount: 10_000, totalCountCapped: false });
  });

  it('answers both fields for a narrower search', async () => {
    const res = await t.gql(`{ admin { users(search: "capped-0000", first: 1) { totalCount totalCountCapped } } }`, {}, admin);
    expect(res.data.admin.users).toEqual({ totalCount: 10, totalCountCapped: false });
  });
});
