// PostgreSQL only (runs when TEST_DATABASE_URL is set): concurrent starts apply each migration once.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../src/db/client.js';
import { readMigrations } from '../src/db/migrate.js';
import { databaseUrlFor } from './helpers/global-setup.js';

const pgTemplate = inject('pgTemplate');

describe.runIf(pgTemplate)('migrations on PostgreSQL', () => {
  it('apply each migration exactly once when several instances start at the same time', async () => {
    const { url, prefix } = pgTemplate!;
    const name = `${prefix}_race_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const dbs = await Promise.all([1, 2, 3].map(() => openPostgres(databaseUrlFor(url, name), 2)));
    try {
      const results = await Promise.all(dbs.map((db) => db.migrate()));
      const all = await readMigrations();
      expect(results.flat().sort()).toEqual(all.map((m) => m.name).sort());
      const rows = await dbs[0]!.prisma.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM "_prisma_migrations"');
      expect(Number(rows[0]!.n)).toBe(all.length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
