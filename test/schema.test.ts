// The committed SDL must match the code, and the committed migrations must match schema.prisma.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { buildSchema, lexicographicSortSchema, parse, printSchema, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { pgliteExtensions, pgliteRunner } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { schema } from '../src/schema/index.js';

const run = promisify(execFile);

describe('schema.graphql', () => {
  it('is up to date with the code (run `npm run codegen`)', async () => {
    const committed = await readFile(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(printSchema(lexicographicSortSchema(buildSchema(committed)))).toBe(printSchema(lexicographicSortSchema(schema)));
  });

  it('accepts every client document in test/documents', async () => {
    const dir = new URL('./documents/', import.meta.url);
    for (const file of await readdir(dir)) {
      const errors = validate(schema, parse(await readFile(new URL(file, dir), 'utf8')));
      expect(errors.map((e) => `${file}: ${e.message}`)).toEqual([]);
    }
  });
});

const CATALOG = `
  SELECT 'column' AS kind, table_name || '.' || column_name AS name,
         concat_ws(' ', data_type, udt_name, is_nullable, column_default) AS detail
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
  UNION ALL
  SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
  UNION ALL
  SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%_prisma_migrations%'
  UNION ALL
  SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname
  UNION ALL
  SELECT 'extension', extname, '' FROM pg_extension
  ORDER BY 1, 2`;

// A fresh cluster (initdb inside WASM) is most of a cold PGlite start: the file makes one and the
// tests load its dump, the same files initdb wrote.
let emptyCluster: Promise<Blob> | undefined;
async function freshPglite(): Promise<PGlite> {
  emptyCluster ??= PGlite.create({ extensions: pgliteExtensions }).then(async (db) => {
    try {
      return await db.dumpDataDir('none');
    } finally {
      await db.close();
    }
  });
  return PGlite.create({ loadDataDir: await emptyCluster, extensions: pgliteExtensions });
}

describe('migrations', () => {
  it('produce exactly the database schema.prisma describes', async () => {
    // Prisma's CLI straight from node_modules (npx would start npm first); it runs in its own
    // process while this one migrates.
    const diffing = run(
      process.execPath,
      [createRequire(import.meta.url).resolve('prisma/build/index.js'), 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
      { env: { ...process.env, DATABASE_URL: 'postgresql://placeholder@localhost/placeholder' }, maxBuffer: 10 * 1024 * 1024 },
    );
    diffing.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
    const migrated = await freshPglite();
    const expected = await freshPglite();
    try {
      await migrate(pgliteRunner(migrated), { advisoryLock: false });
      const { stdout: fromSchema } = await diffing;
      await expected.exec(fromSchema);
      const a = (await migrated.query(CATALOG)).rows;
      const b = (await expected.query(CATALOG)).rows;
      expect(a).toEqual(b);
      expect(a.length).toBeGreaterThan(50);
    } finally {
      await migrated.close();
      await expected.close();
    }
  }, 120_000);

  it('records Prisma-compatible rows and applies each migration once', async () => {
    const db = await freshPglite();
    try {
      const first = await migrate(pgliteRunner(db), { advisoryLock: false });
      const second = await migrate(pgliteRunner(db), { advisoryLock: false });
      expect(first.length).toBeGreaterThan(0);
      expect(second).toEqual([]);
      const rows = (await db.query<{ checksum: string; finished_at: Date; applied_steps_count: number }>('SELECT * FROM "_prisma_migrations"')).rows;
      expect(rows).toHaveLength(first.length);
      for (const row of rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(row.finished_at).toBeTruthy();
        expect(row.applied_steps_count).toBe(1);
      }
    } finally {
      await db.close();
    }
  });
});
