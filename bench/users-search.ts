// Benchmark 3: admin.users on 1,000,000 seeded users (PostgreSQL), over real HTTP: a search with
// totalCount (capped at 10,000: totalCountCapped), and page 1 against page 500 reached by walking the cursor through the API. Prints
// p50/p95/p99 of sequential requests (the latency one admin sees), then EXPLAIN (ANALYZE, BUFFERS)
// of every statement the service runs for each case, and writes bench/results/users-search.json. Seeding is one INSERT … SELECT generate_series with the
// secondary indexes dropped and rebuilt afterwards (minutes, not hours).
// Usage: npm run bench:users [-- --users=N] [-- --pglite]  (PostgreSQL via BENCH_DATABASE_URL,
// default postgresql://root@127.0.0.1:5432/test; a fresh database is created and dropped).
import pg from 'pg';
import { Prisma } from '../src/generated/prisma/client.js';
import { countUsers, explainUserQuery, findUserPage } from '../src/domain/admin/user-search.js';
import { openBenchDatabase } from './database.js';
import { writeResults } from './results.js';
import { startBenchServer } from './server.js';

const usePglite = process.argv.includes('--pglite');
const USERS = Number(process.argv.find((a) => a.startsWith('--users='))?.split('=')[1] ?? 1_000_000);
const PAGE = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
// Selective terms and a frequent one ("okafor": a sixth of all rows).
const SEARCH_TERMS = ['person4242@', 'user00123', 'okafor'];

// One statement: every 7th user has no username, every 11th no email, 40% never signed in.
const SEED = `
INSERT INTO "User" ("id", "username", "primaryEmail", "primaryPhone", "name", "roles", "isSuspended", "createdAt", "updatedAt", "lastSignInAt")
SELECT 'usr_' || md5(g::text),
       CASE WHEN g % 7 = 0 THEN NULL ELSE 'user' || lpad(g::text, 7, '0') END,
       CASE WHEN g % 11 = 0 THEN NULL ELSE 'person' || g || '@' || (ARRAY['gmail.com','example.org','corp.test','mail.dev'])[1 + g % 4] END,
       '+1415' || lpad((g % 10000000)::text, 7, '0'),
       (ARRAY['Alice','Bob','Chloé','Dmitri','Eve','Farah','Gus','Hana'])[1 + g % 8] || ' ' || (ARRAY['Martin','Nguyen','Okafor','Smith','Tanaka','Weber'])[1 + (g / 8) % 6],
       CASE WHEN g % 50 = 0 THEN ARRAY['support'] ELSE ARRAY[]::text[] END,
       g % 97 = 0,
       timestamp '2024-01-01' + (g * interval '37 seconds'),
       now(),
       CASE WHEN g % 5 < 2 THEN NULL ELSE timestamp '2025-01-01' + ((g::bigint * 7919) % 1000000) * interval '11 seconds' END
FROM generate_series(1, $1::int) AS g`;

interface Percentiles {
  label: string;
  p50: number;
  p95: number;
  p99: number;
}

async function percentiles(label: string, run: () => Promise<unknown>): Promise<Percentiles> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { label, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function main() {
  const { db, drop, url } = await openBenchDatabase(usePglite ? 'pglite' : 'postgres');
  try {
    await db.migrate();
    const started = Date.now();
    // Building the trigram (GIN) indexes once over the finished table is far cheaper than
    // updating them a million times.
    const indexes = await db.prisma.$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(
      `SELECT indexname::text AS indexname, indexdef FROM pg_indexes WHERE tablename = 'User' AND indexname NOT LIKE '%_pkey' AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
    );
    // PostgreSQL: a connection of its own, without the pool's request-sized timeouts (a million
    // rows take longer than a request may).
    const seeder = url ? new pg.Client({ connectionString: url }) : null;
    await seeder?.connect();
    const run = (statement: string, ...params: unknown[]) =>
      seeder ? seeder.query(statement, params) : db.prisma.$executeRawUnsafe(statement, ...params);
    try {
      for (const ix of indexes) await run(`DROP INDEX "${ix.indexname}"`);
      await run(SEED, USERS);
      if (seeder) await run(`SET maintenance_work_mem = '256MB'`);
      for (const ix of indexes) await run(ix.indexdef);
      // ANALYZE also fills the trigram statistics the search reads (src/domain/admin/user-search-pattern.ts).
      await run('ANALYZE "User"');
    } finally {
      await seeder?.end();
    }
    const seedSeconds = (Date.now() - started) / 1000;
    console.log(`database: ${usePglite ? 'PGlite (embedded)' : 'PostgreSQL'}; seeded ${USERS} users in ${seedSeconds.toFixed(1)}s`);

    const server = await startBenchServer(db);
    try {
      const token = await server.signIn();
      const Q = `query($after: String, $first: Int, $search: String) {
        admin { users(first: $first, after: $after, search: $search) {
          pageInfo { endCursor } edges { node { id username primaryEmail name createdAt } } } } }`;
      const COUNT = 'query($search: String) { admin { users(first: 20, search: $search) { totalCount totalCountCapped } } }';
      const users = (vars: Record<string, unknown>) => server.post(Q, token, vars).then((b) => b.data.admin.users);

      // Page 500 by cursor: walked through the API like a client paging forward.
      let after: string | null = null;
      for (let page = 1; page < 500; page++) after = (await users({ first: PAGE, after })).pageInfo.endCursor;
      const page500 = after;

      const results: Percentiles[] = [];
      for (const term of SEARCH_TERMS) {
        results.push(await percentiles(`search ${JSON.stringify(term)} { totalCount totalCountCapped }`, () => server.post(COUNT, token, { search: term })));
      }
      results.push(await percentiles('page 1 (first: 20)', () => users({ first: PAGE })));
      results.push(await percentiles('page 500 by cursor (first: 20, after)', () => users({ first: PAGE, after: page500 })));
      results.push(await percentiles('totalCount of all users', () => server.post(COUNT, token, {})));
      console.log(`\n${USERS} users; ${RUNS} sequential requests each over HTTP; ms`);
      console.log(`${'case'.padEnd(44)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}`);
      for (const r of results) console.log(`${r.label.padEnd(44)}${r.p50.toFixed(1).padStart(8)}${r.p95.toFixed(1).padStart(8)}${r.p99.toFixed(1).padStart(8)}`);
      const p1 = results.find((r) => r.label.startsWith('page 1'))!;
      const p500 = results.find((r) => r.label.startsWith('page 500'))!;
      console.log(`page 500 / page 1 (p50): ×${(p500.p50 / p1.p50).toFixed(2)}`);
      // The plans behind the numbers: every statement the service runs for each case, as it runs
      // them (the page, the nodes of the page, and the count when asked for).
      const deps = { prisma: db.prisma } as Parameters<typeof explainUserQuery>[0];
      const cases: { label: string; search: string | null; after: string | null; count: boolean }[] = [
        ...SEARCH_TERMS.map((term) => ({ label: `search ${JSON.stringify(term)}`, search: term, after: null, count: true })),
        { label: 'page 1', search: null, after: null, count: false },
        { label: 'page 500 by cursor', search: null, after: page500, count: false },
        { label: 'totalCount of all users', search: null, after: null, count: true },
      ];
      const plans: Record<string, string[]> = {};
      for (const c of cases) {
        const statements: Prisma.Sql[] = [];
        const page = await findUserPage(deps, { search: c.search, first: PAGE, after: c.after }, (s) => statements.push(s));
        const ids = page.rows.map((r) => r.id);
        if (ids.length) statements.push(Prisma.sql`SELECT "id", "username", "primaryEmail", "name", "createdAt" FROM "User" WHERE "id" IN (${Prisma.join(ids)})`);
        const counted = c.count ? await countUsers(deps, c.search, null, (s) => statements.push(s)) : null;
        const lines: string[] = (plans[c.label] = []);
        console.log(`\n${c.label}${counted ? ` (totalCount ${counted.count}, capped ${counted.capped})` : ''}:`);
        for (const statement of statements) {
          const plan = await explainUserQuery(deps, statement);
          lines.push(statement.sql.replace(/\s+/g, ' '), ...plan);
          console.log(`  ${statement.sql.replace(/\s+/g, ' ')}\n    params ${JSON.stringify(statement.values)}`);
          for (const line of plan) console.log(`    ${line}`);
        }
      }
      console.log(`written to ${writeResults('users-search', { users: USERS, seedSeconds, results, plans })}`);
    } finally {
      await server.close();
    }
  } finally {
    await drop();
  }
}

// Open keep-alive sockets (fetch, autocannon) would keep the process alive after the report.
main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
