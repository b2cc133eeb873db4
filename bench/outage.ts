// The outage table: what 20 clients reading `me` and writing their profile every 20 ms see through
// HTTP while the machine's PostgreSQL is stopped for 5 s and for 30 s, and while Redis is stopped
// for 5 s. One instance (PostgreSQL, REDIS_URL, defaults otherwise: DEGRADED_READ_SECONDS=10).
// Columns: answers ok, reads answered from the validity cache while the database was down, 503
// SERVICE_UNAVAILABLE, 500 (must be 0), anything else (must be 0); the time from the dependency
// accepting connections again to the first acknowledged write (database) or to the instance
// seeing Redis again; acknowledged writes checked against the database, and how many were lost.
// Usage (stops this machine's PostgreSQL and Redis; both are started again whatever happens):
//   npx tsx bench/outage.ts
import { openPostgres } from '../src/db/client.js';
import { startOutageInstance } from '../test/helpers/outage-instance.js';
import { OutageLoad } from '../test/helpers/outage-load.js';
import { restoreServices, startPostgres, startRedis, stopPostgres, stopRedis } from '../test/helpers/service-control.js';
import { createPostgresDatabase } from './database.js';

const CLIENTS = 20;
const INTERVAL_MS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  outage: string;
  counts: OutageLoad['counts'];
  recoveryMs: number | null;
  checked: number;
  lost: number;
}

async function main(): Promise<void> {
  const database = await createPostgresDatabase('outage');
  const migrator = await openPostgres(database.url, 1);
  await migrator.migrate();
  await migrator.close();
  const instance = await startOutageInstance(database.url, { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `outage-bench-${Date.now()}:` });
  const rows: Row[] = [];
  try {
    for (const [n, scenario] of [
      ['database', 5_000],
      ['database', 30_000],
      ['redis', 5_000],
    ].entries() as IterableIterator<[number, ['database' | 'redis', number]]>) {
      const [dependency, ms] = scenario;
      const load = await OutageLoad.create(instance, `bench${n}`, CLIENTS, INTERVAL_MS);
      load.start();
      let recoveryMs: number | null = null;
      try {
        await sleep(2_000);
        load.markDown(dependency);
        if (dependency === 'database') await stopPostgres();
        else await stopRedis();
        try {
          await sleep(ms);
        } finally {
          if (dependency === 'database') await startPostgres();
          else await startRedis();
          load.markUp();
        }
        const back = Date.now();
        if (dependency === 'database') {
          await load.recovered(30_000);
          recoveryMs = load.recoveryMs;
        } else {
          while (instance.app.deps.outages.isDown('redis')) await sleep(5);
          recoveryMs = Date.now() - back;
        }
        await sleep(1_000);
      } finally {
        await load.stop();
      }
      const { checked, lost } = await load.checkWrites();
      rows.push({ outage: `${dependency} stopped ${ms / 1000} s`, counts: load.counts, recoveryMs, checked, lost });
      if (load.samples.length) console.error('unexpected answers:', JSON.stringify(load.samples, null, 2));
    }
  } finally {
    await restoreServices();
    await instance.close();
    await database.drop();
  }
  console.log(`${CLIENTS} clients, each reading me and writing its name every ${INTERVAL_MS} ms\n`);
  console.log('| outage | ok | cached | 503 | 500 | other | recovery | writes checked (lost) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const c = r.counts;
    console.log(`| ${r.outage} | ${c.ok} | ${c.cached} | ${c.unavailable} | ${c.internal} | ${c.other} | ${r.recoveryMs ?? '—'} ms | ${r.checked} (${r.lost} lost) |`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
