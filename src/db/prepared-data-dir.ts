// A migrated embedded database prepared once at build time (`npm run build`, which postinstall
// runs) and copied into DATA_DIR on the first start. Creating a PGlite cluster (initdb inside
// WASM) was about half of a first start; copying a closed data directory is a plain file copy.
// The copy is used only when it was made from exactly the migrations this build ships (same
// names, same checksums, same PGlite version); otherwise the start creates the cluster as before.
import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PACKAGE_ROOT } from '../lib/package-root.js';
import { migrate, readMigrations } from './migrate.js';

export const PREPARED_DIR = path.join(PACKAGE_ROOT, 'dist/prepared-pgdata');
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
  const { PGlite } = await import('@electric-sql/pglite');
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
  await copyTree(PREPARED_DIR, staging);
  await rm(pgdata, { recursive: true, force: true });
  await rename(staging, pgdata);
  return true;
}

// fs.cp took 3-5 s for the prepared directory's 1,100 files (40 MB) on a loaded two-core machine,
// most of a first start; one listing, the folders in order, then the files eight at a time (a
// copy-on-write clone where the file system has them) took 0.15-1 s.
const COPY_CONCURRENCY = 8;

async function copyTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const relative = (e: (typeof entries)[number]) => path.relative(from, path.join(e.parentPath, e.name));
  // The database's folders are private to its owner, as initdb makes them.
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const dir of entries.filter((e) => e.isDirectory()).map(relative).sort()) await mkdir(path.join(to, dir), { recursive: true, mode: 0o700 });
  const files = entries.filter((e) => e.isFile()).map(relative);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      await copyFile(path.join(from, file), path.join(to, file), constants.COPYFILE_FICLONE);
    }
  };
  await Promise.all(Array.from({ length: COPY_CONCURRENCY }, worker));
}
