// A migrated embedded database prepared once at build time (`npm run build`, which postinstall
// runs) and copied into DATA_DIR on the first start. Creating a PGlite cluster (initdb inside
// WASM) was about half of a first start; copying a closed data directory is a plain file copy.
// The copy is used only when it was made from exactly the migrations this build ships (same
// names, same checksums, same PGlite version); otherwise the start creates the cluster as before.
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { migrate, readMigrations } from './migrate.js';

// dist/ at the repository root, from src/db (tsx) and from dist/db alike.
export const PREPARED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/prepared-pgdata');
const MANIFEST = `${PREPARED_DIR}.json`;

interface Manifest {
  pglite: string;
  migrations: { name: string; checksum: string }[];
}

async function currentManifest(): Promise<Manifest> {
  // The package exports no package.json: find it above the resolved entry point.
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (path.basename(dir) !== 'pglite' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const { version } = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return { pglite: version, migrations: (await readMigrations()).map(({ name, checksum }) => ({ name, checksum })) };
}

async function preparedIsCurrent(): Promise<boolean> {
  try {
    const stored = JSON.parse(await readFile(MANIFEST, 'utf8')) as Manifest;
    return JSON.stringify(stored) === JSON.stringify(await currentManifest());
  } catch {
    return false;
  }
}

/** Build step: (re)creates dist/prepared-pgdata with every migration applied, unless it is current. */
export async function prepareDataDir(): Promise<'prepared' | 'current'> {
  if (await preparedIsCurrent()) return 'current';
  const staging = `${PREPARED_DIR}.staging`;
  await rm(staging, { recursive: true, force: true });
  const db = await PGlite.create({ dataDir: staging, extensions: { pg_trgm } });
  try {
    await migrate({ query: async (sql, params) => db.query(sql, params) as never, exec: (sql) => db.exec(sql) }, { advisoryLock: false });
  } finally {
    await db.close();
  }
  await rm(PREPARED_DIR, { recursive: true, force: true });
  await rename(staging, PREPARED_DIR);
  await writeFile(MANIFEST, `${JSON.stringify(await currentManifest())}\n`);
  return 'prepared';
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

/**
 * First start: copies the prepared database into `pgdata` when that is empty or missing and the
 * prepared copy matches this build. The copy goes to a sibling first and is renamed into place, so
 * a start killed mid-copy leaves no half-copied database. True when it seeded.
 */
export async function seedFromPrepared(pgdata: string): Promise<boolean> {
  if (!(await isEmptyOrMissing(pgdata)) || !(await preparedIsCurrent())) return false;
  const staging = `${pgdata}.seeding`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(pgdata), { recursive: true });
  await cp(PREPARED_DIR, staging, { recursive: true });
  await rm(pgdata, { recursive: true, force: true });
  await rename(staging, pgdata);
  return true;
}
