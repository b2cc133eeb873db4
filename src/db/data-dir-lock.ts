// One process per embedded data directory. PGlite has no locking of its own: a second process on
// the same files loses writes and corrupts state. The lock is an OS lock on DATA_DIR/lock (held
// through an open file descriptor), so the kernel drops it when the process dies, however it dies:
// a crash or SIGKILL never leaves a stale lock behind. The file holds the owner's pid for the message.
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { tryLock, unlock } from 'fs-native-extensions';

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by ${pid ? `process ${pid}` : 'another process'} (the embedded database takes one process at a time): ` +
        'stop that process first, or use PostgreSQL (DATABASE_URL) to run several processes.',
    );
    this.name = 'DataDirInUse';
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, 'lock');
}

/** Takes the data directory's lock or throws DataDirInUse naming the process that holds it. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  // Owner-only: the directory holds the database and the generated secret key.
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = lockFilePath(dataDir);
  // 'a+' creates the file without truncating it: the holder's pid stays readable.
  const handle = await open(file, 'a+', 0o600);
  if (!tryLock(handle.fd)) {
    await handle.close();
    throw new DataDirInUse(dataDir, await readPid(file));
  }
  await handle.truncate(0);
  await handle.write(`${process.pid}\n`);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // The file stays: deleting a lock file races with a process that has just opened it.
      await handle.truncate(0).catch(() => {});
      unlock(handle.fd);
      await handle.close();
    },
  };
}

async function readPid(file: string): Promise<number | null> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}
