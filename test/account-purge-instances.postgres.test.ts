// PostgreSQL only (runs when TEST_DATABASE_URL is set): two app instances share one database and
// both run the maintenance job; each due account is purged, and its user.deleted emitted, once.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { type Database, openPostgres } from '../src/db/client.js';
import { purgeDueAccounts } from '../src/domain/lifecycle/purge.js';
import { createLogger } from '../src/logger.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, TEST_SECRET_KEY, type TestApp } from './helpers/test-app.js';

const DAY = 24 * 3600 * 1000;
const ACCOUNTS = 12;

describe.runIf(inject('pgTemplate'))('the purge with two instances on one PostgreSQL', () => {
  let t: TestApp;
  let secondDb: Database;
  let second: App;

  beforeAll(async () => {
    t = await createTestApp({ DELETION_GRACE_DAYS: '30' });
    secondDb = await openPostgres(t.databaseUrl!, 5);
    second = await createApp({ config: t.app.deps.config, db: secondDb, secretKey: TEST_SECRET_KEY, clock: t.clock, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await second.close();
    await secondDb.close();
    await t.close();
  });

  const scheduleAccounts = async (prefix: string): Promise<string[]> => {
    // A fresh token: the clock moves a month between tests.
    const admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    const ids: string[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const created = await t.gql(`mutation($input: CreateUserInput!) { admin { createUser(input: $input) { ... on User { id } } } }`, { input: { username: `${prefix}-${i}` } }, admin);
      const id = created.data.admin.createUser.id;
      // Half through each instance.
      const query = `mutation($id: ID!) { admin { deleteUser(id: $id) { __typename } } }`;
      if (i % 2) await t.gql(query, { id }, admin);
      else await second.fetch('http://account.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ query, variables: { id } }) });
      ids.push(id);
    }
    return ids;
  };

  it('runs the job on one instance only when both try at once', async () => {
    const ids = await scheduleAccounts('twin');
    t.clock.advance(31 * DAY);
    const [a, b] = await Promise.all([t.app.maintenance.runOnce(), second.maintenance.runOnce()]);
    // One got the lease; the other found the job taken (or, if it came second, not due yet).
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect([...(a?.purgedUsers ?? []), ...(b?.purgedUsers ?? [])].sort()).toEqual([...ids].sort());
    const deleted = await t.db.prisma.auditEvent.groupBy({ by: ['userId'], where: { type: 'user.deleted', userId: { in: ids } }, _count: true });
    expect(deleted).toHaveLength(ACCOUNTS);
    expect(deleted.every((row) => row._count === 1)).toBe(true);
  });

  it('never purges an account twice, even when two purges overlap (SKIP LOCKED)', async () => {
    const ids = await scheduleAccounts('overlap');
    t.clock.advance(31 * DAY);
    // Bypass the lease: both instances purge concurrently, in small batches.
    const drain = async (deps: App['deps']) => {
      const mine: string[] = [];
      for (;;) {
        const batch = await purgeDueAccounts(deps, 2);
        if (batch.length === 0) return mine;
        mine.push(...batch);
      }
    };
    const [a, b] = await Promise.all([drain(t.app.deps), drain(second.deps)]);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    const deleted = await t.db.prisma.auditEvent.count({ where: { type: 'user.deleted', userId: { in: ids } } });
    expect(deleted).toBe(ACCOUNTS);
  });
});
