// The read path alone, on PostgreSQL at 50 connections: the account page's `me` (sessions(first: 5)
// with totalCount) and plain `me { id primaryEmail name }` with a JWT, against our `{ __typename }`
// and a bare graphql-yoga hello world (its own process), both measured before and after.
// A short probe for profiling one case (bench/flows.ts is the benchmark of record):
//   BENCH_SECONDS=2 BENCH_CPU_PROF=1 BENCH_CASE=page npx tsx bench/read-path.ts
// BENCH_CASE=page|me runs only that case between the floors (a profile of nothing else);
// BENCH_CPU_PROF=1 writes the server's profile to bench/results/profiles/read-path/.
import path from 'node:path';
import { loadBareYoga, reportAgainstFloors, startBareYoga } from './bare-yoga-process.js';
import { createPostgresDatabase } from './database.js';
import { BENCH_SECONDS, writeResults } from './results.js';
import { type LoadResult, load, ROOT, spawnService } from './server.js';

const FLOOR = '{ __typename }';
const ME = '{ me { id primaryEmail name } }';
const PAGE_ME = '{ me { id name primaryEmail sessions(first: 5) { totalCount edges { node { id current } } } } }';
const CONNECTIONS = 50;

async function main() {
  const only = process.env.BENCH_CASE;
  const pgdb = await createPostgresDatabase('readpath');
  const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench/results/profiles/read-path')}`] : [];
  const service = await spawnService({ DATABASE_URL: pgdb.url }, nodeArgs);
  const bare = await startBareYoga();
  try {
    const reader = await service.userToken('page-reader@example.com');
    // A second session, so the page has more than one edge and a non-current one.
    await service.signIn('page-reader@example.com', 'amber-Falcon-meadow-17');
    const page = await service.post(PAGE_ME, reader);
    if (page.data.me.sessions.totalCount < 2 || !page.data.me.sessions.edges.some((e: any) => e.node.current)) {
      throw new Error(`page me: ${JSON.stringify(page)}`);
    }
    await load(service.url, 'warm-up', { query: only === 'me' ? ME : PAGE_ME, token: reader, seconds: 1 });
    const rows: LoadResult[] = [await loadBareYoga(bare.url, 'bare graphql-yoga hello world (before)')];
    rows.push(await load(service.url, 'our { __typename } (floor, before)', { query: FLOOR, seconds: BENCH_SECONDS }));
    if (only !== 'page') rows.push(await load(service.url, 'me { id primaryEmail name } (JWT)', { query: ME, token: reader, seconds: BENCH_SECONDS }));
    if (only !== 'me') rows.push(await load(service.url, "account page's me (sessions(first: 5) { totalCount … })", { query: PAGE_ME, token: reader, seconds: BENCH_SECONDS }));
    rows.push(await load(service.url, 'our { __typename } (floor, after)', { query: FLOOR, seconds: BENCH_SECONDS }));
    rows.push(await loadBareYoga(bare.url, 'bare graphql-yoga hello world (after)'));
    const withRatios = reportAgainstFloors(rows, { ours: [rows[1]!, rows.at(-2)!], bare: [rows[0]!, rows.at(-1)!] }, CONNECTIONS);
    console.log(`written to ${writeResults('read-path', { connections: CONNECTIONS, seconds: BENCH_SECONDS, rows: withRatios })}`);
  } finally {
    bare.close();
    await service.close();
    await pgdb.drop();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
