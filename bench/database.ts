// A throwaway database for a benchmark: in-memory PGlite, or a fresh PostgreSQL database
// (BENCH_DATABASE_URL, default postgresql://root@127.0.0.1:5432/test) created and dropped here.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openPglite, openPostgres, pgliteExtensions } from '../src/db/client.js';

export async function openBenchDatabase(kind: 'pglite' | 'postgres'): Promise<{ db: Database; drop: () => Promise<void>; url?: string }> {
  if (kind === 'pglite') {
    const db = await openPglite(await PGlite.create({ extensions: pgliteExtensions }));
    return { db, drop: () => db.close() };
  }
  const base = process.env.BENCH_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/test';
  const name = `acct_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
