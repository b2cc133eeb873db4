// Benchmark 5: cold start (a fresh DATA_DIR: embedded database created, migrated, first key and
// admin made) to the first 200 from /readyz, then a warm restart on the same directory; and the
// same on PostgreSQL (an empty database, then a restart). Each is a real `node dist/cli.js serve`
// process (what `npm start` runs); the first embedded start copies the database prepared at build.
// Each line also gives the server's CPU time (user + system) at ready, which the load moves far less.
// Usage: npm run bench:startup   BENCH_CPU_PROF=1 writes CPU profiles to bench/results/profiles/.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPostgresDatabase } from './database.js';
import { writeResults } from './results.js';
import { ROOT, spawnService } from './server.js';

/** The process's user + system CPU time in ms (Linux /proc; null elsewhere): unlike wall time, barely moved by the machine's load. */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const cpu: Record<string, number | null> = {};

async function timeStart(env: Record<string, string>, name: string): Promise<number> {
  const profDir = path.join(ROOT, 'bench/results/profiles');
  const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profDir, name)}`] : [];
  const service = await spawnService(env, nodeArgs);
  cpu[name] = cpuMs(service.child.pid!);
  await service.close();
  return service.readyMs;
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'acct-start-'));
  const pgdb = await createPostgresDatabase('start');
  try {
    const results = {
      embeddedColdMs: await timeStart({ DATA_DIR: dataDir }, 'start-embedded-cold'),
      embeddedWarmMs: await timeStart({ DATA_DIR: dataDir }, 'start-embedded-warm'),
      postgresColdMs: await timeStart({ DATABASE_URL: pgdb.url }, 'start-postgres-cold'),
      postgresWarmMs: await timeStart({ DATABASE_URL: pgdb.url }, 'start-postgres-warm'),
    };
    console.log('process spawn to first 200 from /readyz (targets: embedded first ≤ 2000 ms, restart ≤ 1000 ms; PostgreSQL ≤ 1000 ms)');
    const names = ['start-embedded-cold', 'start-embedded-warm', 'start-postgres-cold', 'start-postgres-warm'];
    Object.entries(results).forEach(([k, v], i) => {
      const c = cpu[names[i]!];
      console.log(`  ${k.padEnd(16)} ${v.toFixed(0).padStart(6)} ms${c === null || c === undefined ? '' : `   (CPU ${c} ms)`}`);
    });
    console.log(`written to ${writeResults('startup', { ...results, cpuMsAtReady: cpu })}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await pgdb.drop();
  }
}

// Open keep-alive sockets (fetch, autocannon) would keep the process alive after the report.
main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
