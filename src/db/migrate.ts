// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, recording rows
// in `_prisma_migrations` exactly as Prisma does so `prisma migrate deploy/status` stay
// interchangeable wherever Prisma's native engine exists. PostgreSQL: an advisory lock makes
// concurrent starts apply each migration once.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_ROOT } from '../lib/package-root.js';

export const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, 'prisma/migrations');

/** The smallest SQL surface both PGlite and node-postgres offer. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a multi-statement script (simple query protocol). */
  exec(sql: string): Promise<unknown>;
}

// Same number Prisma uses for its own migrate lock, so the two never run at once.
const ADVISORY_LOCK_ID = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

export async function pendingMigrations(db: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  const all = await readMigrations(dir);
  if (!exists.rows[0]?.t) return all.map((m) => m.name);
  const applied = await db.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const done = new Set(applied.rows.map((r) => r.migration_name));
  return all.filter((m) => !done.has(m.name)).map((m) => m.name);
}

export async function migrate(db: SqlRunner, opts: { advisoryLock: boolean; dir?: string }): Promise<string[]> {
  if (opts.advisoryLock) await db.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_ID]);
  try {
    await db.exec(CREATE_TABLE);
    const applied = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const byName = new Map(applied.rows.map((r) => [r.migration_name, r]));
    const ran: string[] = [];
    for (const m of await readMigrations(opts.dir)) {
      const previous = byName.get(m.name);
      if (previous?.finished_at) {
        if (previous.checksum !== m.checksum) {
          throw new Error(`migration ${m.name} was changed after it was applied (checksum mismatch)`);
        }
        continue;
      }
      if (previous) throw new Error(`migration ${m.name} failed earlier and needs manual repair`);
      const id = randomUUID();
      await db.exec('BEGIN');
      try {
        await db.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, m.checksum, m.name],
        );
        await db.exec(m.sql);
        await db.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
        await db.exec('COMMIT');
      } catch (err) {
        await db.exec('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      ran.push(m.name);
    }
    return ran;
  } finally {
    if (opts.advisoryLock) await db.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_ID]);
  }
}
