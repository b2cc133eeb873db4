// The migrated PGlite template every test file clones (test/helpers/test-app.ts loads it with
// `loadDataDir`). Each clone untars it into PGlite's in-memory file system and starts postgres on
// it, ~100 times per suite run, so the tarball is kept small: 1 MB WAL segments instead of 16 MB,
// a checkpoint before the dump (nothing to replay at start), and no template0/template1 (the app
// uses only the `postgres` database; nothing creates a database on PGlite). 42 MB → 16 MB, which
// measured ~30 % less CPU per clone. The tarball is cached in the OS temp folder under a hash of
// everything it is made from (migrations, the migration runner, the PGlite version, this recipe),
// so only the first run after a change pays for initdb and the migrations.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions, pgliteRunner } from '../../src/db/client.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';

const RECIPE = {
  initdb: ['--wal-segsize=1'],
  dropDatabases: ['template0', 'template1'],
};

async function pgliteVersion(): Promise<string> {
  // The package exports no package.json: find it above the resolved entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (path.basename(dir) !== 'pglite' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(RECIPE));
  hash.update(await pgliteVersion());
  for (const { name, checksum } of await readMigrations()) hash.update(`${name}:${checksum}\n`);
  for (const source of ['../../src/db/migrate.ts', '../../src/db/client.ts', './pglite-template.ts']) {
    hash.update(await readFile(new URL(source, import.meta.url)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function buildTemplate(): Promise<Buffer> {
  const db = await PGlite.create({ extensions: pgliteExtensions, initDbStartParams: RECIPE.initdb });
  try {
    await migrate(pgliteRunner(db), { advisoryLock: false });
    for (const name of RECIPE.dropDatabases) {
      await db.exec(`UPDATE pg_database SET datistemplate = false WHERE datname = '${name}'`);
      await db.exec(`DROP DATABASE ${name}`);
    }
    await db.exec('CHECKPOINT');
    return Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
  } finally {
    await db.close();
  }
}

/** The path of the template tarball for this checkout's migrations, built when not cached yet. */
export async function pgliteTemplateFile(): Promise<string> {
  const file = path.join(os.tmpdir(), `acct-test-template-${await templateKey()}.tar`);
  if (existsSync(file)) return file;
  // Written aside and renamed into place: a concurrent run never reads a half-written file.
  const staging = `${file}.${process.pid}.tmp`;
  await writeFile(staging, await buildTemplate());
  await rename(staging, file);
  return file;
}
