// The validity cache on one instance (embedded database): warm requests are answered from it,
// every change made through the database (triggers -> NOTIFY) drops the entry at once, and a read
// that raced with a change never stores what it read. Writes here bypass the app, so on PostgreSQL
// their notifications arrive asynchronously: `settle()` waits for them (the embedded database
// delivers them with the write itself).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { schema } from '../src/schema/index.js';
import { settlesOwnWrites } from '../src/schema/own-writes.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ME = '{ me { id primaryEmail name } }';

describe('validity cache', () => {
  it('is on with the embedded database and fills on the first authenticated request', async () => {
    const cache = t.app.http.validity;
    expect(cache.on).toBe(true);
    const u = await t.createUser({ username: 'vc-fill', name: 'Before', password: 'a-long-enough-password' });
    expect((await t.gql(ME, {}, u.token)).data.me.name).toBe('Before');
    expect(cache.user(u.id)?.name).toBe('Before');
  });

  it('drops a user the moment any writer changes the row, even plain SQL outside the services', async () => {
    const u = await t.createUser({ username: 'vc-sql', name: 'Old', password: 'a-long-enough-password' });
    expect((await t.gql(ME, {}, u.token)).data.me.name).toBe('Old');
    await t.db.prisma.$executeRawUnsafe(`UPDATE "User" SET name = 'New', roles = ARRAY['support'] WHERE id = $1`, u.id);
    await t.app.http.validity.settle();
    expect(t.app.http.validity.user(u.id)).toBeUndefined();
    expect((await t.gql(ME, {}, u.token)).data.me.name).toBe('New');
    expect(t.app.http.validity.user(u.id)?.roles).toEqual(['support']);
    await t.db.prisma.$executeRawUnsafe(`UPDATE "Session" SET "revokedAt" = now() WHERE "userId" = $1`, u.id);
    await t.app.http.validity.settle();
    expect((await t.gql(ME, {}, u.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does not store a read that started before a change of the same entry', async () => {
    const cache = t.app.http.validity;
    const u = await t.createUser({ username: 'vc-race', name: 'Stale', password: 'a-long-enough-password' });
    await t.gql(ME, {}, u.token);
    const ticket = cache.ticket();
    const staleRow = await t.db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    await t.db.prisma.user.update({ where: { id: u.id }, data: { isSuspended: true } });
    await cache.settle();
    cache.storeUser(ticket, staleRow); // the racing read finishing late
    expect(cache.user(u.id)).toBeUndefined();
    expect((await t.gql(ME, {}, u.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A change of another entry does not stop the store.
    const other = await t.createUser({ username: 'vc-other', password: 'a-long-enough-password' });
    const ticket2 = cache.ticket();
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: other.id } });
    await t.db.prisma.user.update({ where: { id: u.id }, data: { name: 'someone else changed' } });
    await cache.settle();
    cache.storeUser(ticket2, row);
    expect(cache.user(other.id)?.id).toBe(other.id);
  });

  it('drops the account-center settings on change and a personal access token on revocation', async () => {
    const u = await t.createUser({ username: 'vc-pat', name: 'Visible', password: 'a-long-enough-password' });
    const admin = await t.adminToken();
    const pat = await t.gql(
      'mutation($u: ID!) { admin { createPersonalAccessToken(userId: $u, name: "vc") { __typename ... on PersonalAccessTokenSecret { token } } } }',
      { u: u.id },
      admin,
    );
    const token = pat.data.admin.createPersonalAccessToken.token as string;
    expect((await t.gql(ME, {}, token)).data.me.name).toBe('Visible');
    await t.db.prisma.accountCenterSettings.upsert({ where: { id: 1 }, create: { id: 1, fields: { name: 'OFF' } }, update: { fields: { name: 'OFF' } } });
    await t.app.http.validity.settle();
    expect((await t.gql(ME, {}, token)).data.me.name).toBeNull();
    await t.db.prisma.accountCenterSettings.update({ where: { id: 1 }, data: { fields: {} } });
    await t.db.prisma.personalAccessToken.deleteMany({ where: { userId: u.id } });
    await t.app.http.validity.settle();
    expect((await t.gql(ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a profile change to a `me` on this instance right after it (no stale cached user)', async () => {
    const u = await t.createUser({ username: 'vc-own', name: 'First', password: 'a-long-enough-password' });
    const UPDATE = 'mutation($n: String!) { me { updateProfile(input: { name: $n }) { __typename } } }';
    let name = 'First';
    for (let i = 0; i < 5; i++) {
      // Warm: the previous change's echo has arrived, and the next me would come from the cache.
      await t.app.http.validity.settle();
      expect((await t.gql(ME, {}, u.token)).data.me.name).toBe(name);
      expect(t.app.http.validity.user(u.id)?.name).toBe(name);
      name = `Name ${i}`;
      expect((await t.gql(UPDATE, { n: name }, u.token)).data.me.updateProfile.__typename).toBe('User');
      expect((await t.gql(ME, {}, u.token)).data.me.name).toBe(name);
    }
  });

  it('skips the wait for the echo only when every write an operation selects reports to this instance', () => {
    const settles = (source: string) => settlesOwnWrites(schema, parse(source));
    expect(settles('mutation { me { updateProfile(input: {name: "a"}) { __typename } } }')).toBe(true);
    expect(settles('mutation($t: String!) { a: refreshTokens(refreshToken: $t) { __typename } b: refreshTokens(refreshToken: $t) { __typename } }')).toBe(true);
    expect(settles('mutation { me { updateProfile(input: {name: "a"}) { __typename } revokeOtherSessions { __typename } } }')).toBe(false);
    expect(settles('mutation { me { ...F } } fragment F on MeMutation { revokeOtherSessions { __typename } }')).toBe(false);
    expect(settles('mutation { signOut { __typename } }')).toBe(false);
    expect(settles('mutation { admin { __typename } }')).toBe(true);
  });
});
