// PostgreSQL only (runs when TEST_DATABASE_URL is set): the change feed's sync() (read your own
// writes) waits for every change committed before the call, and concurrent callers share rounds.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PgChangeFeed } from '../src/lib/bus/index.js';
import { createLogger } from '../src/logger.js';
import { databaseUrlFor } from './helpers/global-setup.js';

const pgTemplate = inject('pgTemplate');

describe.runIf(pgTemplate)('PgChangeFeed.sync', () => {
  const channel = `feed_test_${randomBytes(3).toString('hex')}`;
  let url: string;
  let admin: pg.Client;
  let name: string;
  let writer: pg.Pool;
  let observer: pg.Client;
  let feed: PgChangeFeed;
  const syncTokens: string[] = [];

  beforeAll(async () => {
    name = `${pgTemplate!.prefix}_feed_${randomBytes(3).toString('hex')}`;
    admin = new pg.Client({ connectionString: pgTemplate!.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    url = databaseUrlFor(pgTemplate!.url, name);
    // Concurrent writers, like the app's pool under load.
    writer = new pg.Pool({ connectionString: url, max: 20 });
    // pool.end() resolves before its connections have closed; the DROP DATABASE … WITH (FORCE) in
    // afterAll then terminates them, and the pool re-emits that as an error nobody would handle.
    writer.on('error', () => {});
    observer = new pg.Client({ connectionString: url });
    await observer.connect();
    // Sees every payload on the channel, the feed's own sync tokens included.
    observer.on('notification', (msg) => {
      if (msg.payload?.startsWith('sync:')) syncTokens.push(msg.payload);
    });
    await observer.query(`LISTEN "${channel}"`);
    feed = await PgChangeFeed.open(url, channel, createLogger('silent'));
  });
  afterAll(async () => {
    await feed?.close();
    await writer?.end();
    await observer?.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('lets each of many concurrent callers see the change it committed', async () => {
    const seen = new Set<string>();
    feed.onMessage((payload) => seen.add(payload));
    const before = syncTokens.length;
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await writer.query('SELECT pg_notify($1, $2)', [channel, `change:${i}`]);
        await feed.sync();
        // Committed before this caller's sync: delivered by the time it resolves.
        expect(seen.has(`change:${i}`)).toBe(true);
      }),
    );
    // The observer has every sync token once the last one's echo reached the feed. How many
    // rounds these interleaved callers share depends on how their writes spread over time (a
    // round is shared only while its NOTIFY waits behind the previous one): at most one each.
    await observer.query('SELECT 1');
    const rounds = syncTokens.length - before;
    expect(rounds).toBeGreaterThan(0);
    expect(rounds).toBeLessThanOrEqual(40);
  });

  it('makes callers that arrive together share one round', async () => {
    const seen = new Set<string>();
    feed.onMessage((payload) => seen.add(payload));
    await Promise.all(Array.from({ length: 40 }, (_, i) => writer.query('SELECT pg_notify($1, $2)', [channel, `burst:${i}`])));
    const before = syncTokens.length;
    // Forty mutations that committed at once and now wait for their echo: without sharing, forty
    // NOTIFY round trips queue on the feed's one connection.
    await Promise.all(Array.from({ length: 40 }, () => feed.sync()));
    for (let i = 0; i < 40; i++) expect(seen.has(`burst:${i}`)).toBe(true);
    await observer.query('SELECT 1');
    // One round, or two when a heartbeat or the previous test's last round was in flight.
    expect(syncTokens.length - before).toBeLessThanOrEqual(2);
  });
});
