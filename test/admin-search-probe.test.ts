// admin.users search probes the trigram index with the cheap part of a term once ANALYZE has
// counted the trigrams (src/domain/admin/user-search-pattern.ts); the whole term still decides
// every match, case-insensitively, and never across two of the searched fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeSubstring, probeTrigrams, trigramStats } from '../src/domain/admin/user-search-pattern.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;

const Q = `query($search: String) { admin { users(search: $search, first: 100) { totalCount edges { node { username } } } } }`;

async function usernames(search: string): Promise<{ count: number; names: string[] }> {
  const res = await t.gql(Q, { search }, admin);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const conn = res.data.admin.users;
  return { count: conn.totalCount, names: conn.edges.map((e: any) => e.node.username).sort() };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
  // 400 users sharing "probe" and "bulk.test": their trigrams are in (nearly) every row.
  await t.db.prisma.$executeRaw`INSERT INTO "User" ("username", "primaryEmail", "name", "updatedAt")
    SELECT 'probe-' || lpad(n::text, 4, '0'), 'probe' || n || '@bulk.test', 'Probe Person ' || n, now() FROM generate_series(0, 399) AS n`;
  await t.db.prisma.$executeRawUnsafe('ANALYZE "User"');
}, 60_000);
afterAll(() => t.close());

describe('admin.users search with trigram statistics', () => {
  it('has statistics to split by, and splits a term made mostly of common trigrams', async () => {
    const stats = await trigramStats(t.db.prisma);
    expect(stats?.freq.get('rob')).toBeGreaterThan(0.9);
    const part = probeSubstring('probe-0042', stats);
    expect(part).not.toBeNull();
    expect('probe-0042').toContain(part);
  });

  it('finds exactly the users whose fields contain the whole term', async () => {
    expect(await usernames('probe-0042')).toEqual({ count: 1, names: ['probe-0042'] });
    expect(await usernames('PROBE-004')).toEqual({ count: 10, names: Array.from({ length: 10 }, (_, i) => `probe-004${i}`) });
    expect((await usernames('robe-03')).count).toBe(100);
    // "probe42@" is only in one email; "probe-42" in no field.
    expect(await usernames('Probe42@Bulk')).toEqual({ count: 1, names: ['probe-0042'] });
    expect(await usernames('probe-42')).toEqual({ count: 0, names: [] });
    expect((await usernames('person 39')).count).toBe(11);
  });

  it('never matches across two fields', async () => {
    expect((await usernames('\u001f')).count).toBe(0);
    expect((await usernames('bulk.test\u001fprobe-0042')).count).toBe(0);
    expect((await usernames('@bulk.testprobe')).count).toBe(0);
  });
});

describe('probe trigrams', () => {
  it('are the trigrams pg_trgm takes from LIKE %term%: words padded only where the term bounds them', () => {
    expect(probeTrigrams('abcd')).toEqual(['abc', 'bcd']);
    expect(probeTrigrams('ab@cd')).toEqual(['ab ', '  c', ' cd']);
    expect(probeTrigrams('ab')).toEqual([]);
  });

  it('keep the whole term without statistics, for a non-ASCII term, and when nothing is cheaper', () => {
    const stats = { freq: new Map([['per', 0.9], ['ers', 0.9], ['rso', 0.9], ['son', 0.9]]), floor: 0.001 };
    expect(probeSubstring('person4242@', null)).toBeNull();
    expect(probeSubstring('pérson4242@', stats)).toBeNull();
    expect(probeSubstring('abcdef', stats)).toBeNull();
    const part = probeSubstring('person4242@', stats);
    expect(part && probeTrigrams(part).some((g) => (stats.freq.get(g) ?? 0) > 0.5)).toBe(false);
  });
});
