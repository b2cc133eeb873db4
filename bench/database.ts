// A throwaway database for a benchmark: in-memory PGlite, or a fresh PostgreSQL database
// (BENCH_DATABASE_URL, default postgresql://root@127.0.0.1:5432/test) created and dropped here.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openPglite, openPostgres, pgliteExtensions } from '../src/db/client.js';

export const BENCH_BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/test';

export interface BenchDatabase {
  db: Database;
  drop: () => Promise<void>;
  /** PostgreSQL only: the database's URL and name. */
  url?: string;
  name?: string;
}

/** Creates an empty PostgreSQL database; returns its URL and a function that drops it. */
export async function createPostgresDatabase(label = 'bench'): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `acct_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(BENCH_BASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: BENCH_BASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function openBenchDatabase(kind: 'pglite' | 'postgres'): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite(await PGlite.create({ extensions: pgliteExtensions }));
    return { db, drop: () => db.close() };
  }
  const created = await createPostgresDatabase();
  const db = await openPostgres(created.url);
  return {
    db,
    url: created.url,
    name: created.name,
    drop: async () => {
      await db.close();
      await created.drop();
    },
  };
}
