// Counts the database transactions one warm `me { id primaryEmail name }` costs, from PostgreSQL's
// own bookkeeping (pg_stat_database.xact_commit of a fresh database), over real HTTP.
// Usage: npm run bench:me-transactions  (PostgreSQL via BENCH_DATABASE_URL).
import pg from 'pg';
import { openBenchDatabase } from './database.js';
import { writeResults } from './results.js';
import { startBenchServer } from './server.js';

const REQUESTS = 500;

async function xactCommit(client: pg.Client, name: string): Promise<number> {
  // Backends report their counters when idle, at most once a second.
  await new Promise((r) => setTimeout(r, 1500));
  const { rows } = await client.query<{ n: string }>('SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = $1', [name]);
  return Number(rows[0]!.n);
}

async function main() {
  const { db, drop, url, name } = await openBenchDatabase('postgres');
  await db.migrate();
  const server = await startBenchServer(db);
  try {
    const token = await server.userToken();
    const query = '{ me { id primaryEmail name } }';
    for (let i = 0; i < 20; i++) await server.post(query, token); // warm
    const counter = new pg.Client({ connectionString: url });
    await counter.connect();
    const before = await xactCommit(counter, name!);
    for (let i = 0; i < REQUESTS; i++) await server.post(query, token);
    const after = await xactCommit(counter, name!);
    await counter.end();
    // The two counting reads commit one transaction each (the first is inside `before`).
    const spent = after - before - 1;
    console.log(`${REQUESTS} warm me requests: ${spent} transactions (${(spent / REQUESTS).toFixed(3)} per request)`);
    // What remains is not `me`: the change feed's heartbeat (one SELECT every 2 s).
    console.log(`written to ${writeResults('me-transactions', { requests: REQUESTS, transactions: spent, perRequest: spent / REQUESTS })}`);
  } finally {
    await server.close();
    await drop();
  }
}

// Open keep-alive sockets (fetch, autocannon) would keep the process alive after the report.
main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
