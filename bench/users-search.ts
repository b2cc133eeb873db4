// Benchmark: admin.users search and keyset pagination on 100,000 seeded users, through the real
// app (createApp + app.fetch). Prints the median latency of page 1, 100, 1000 and the last page
// for each ordering, and of substring searches, with ratios against page 1 measured in the same
// run (machines here are shared and noisy: ratios drift less than absolute numbers).
// Usage: npm run bench:users [-- --pglite] [-- --users=N]  (PostgreSQL via BENCH_DATABASE_URL,
// default postgresql://root@127.0.0.1:5432/test; a fresh database is created and dropped).
import { createApp } from '../src/app.js';
import { openBenchDatabase } from './database.js';
import { loadConfig } from '../src/config.js';
import { ensureFirstAdmin } from '../src/domain/users/users.service.js';
import { createLogger } from '../src/logger.js';

const usePglite = process.argv.includes('--pglite');
const USERS = Number(process.argv.find((a) => a.startsWith('--users='))?.split('=')[1] ?? 100_000);
const PAGE = 20;
const RUNS = 15;


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
       CASE WHEN g % 5 < 2 THEN NULL ELSE timestamp '2025-01-01' + ((g * 7919) % 1000000) * interval '11 seconds' END
FROM generate_series(1, $1::int) AS g`;

async function main() {
  const { db, drop } = await openBenchDatabase(usePglite ? 'pglite' : 'postgres');
  try {
    await db.migrate();
    const started = Date.now();
    await db.prisma.$executeRawUnsafe(SEED, USERS);
    await db.prisma.$executeRawUnsafe('ANALYZE "User"');
    console.log(`database: ${usePglite ? 'PGlite (embedded)' : 'PostgreSQL'}; seeded ${USERS} users in ${((Date.now() - started) / 1000).toFixed(1)}s`);

    const config = loadConfig({ ISSUER: 'http://bench.local', SECRET_KEY: 'bench-secret-key-0123456789abcdef0123', LOG_LEVEL: 'silent' });
    const app = await createApp({ config, db, secretKey: config.secretKey!, logger: createLogger('silent') });
    await ensureFirstAdmin(app.deps, 'root@bench.local', 'violet-Harbor-lantern-92');
    const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const r = await app.fetch('http://bench.local/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await r.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const signedIn = await post('mutation { signIn(input: {identifier: "root@bench.local", password: "violet-Harbor-lantern-92"}) { ... on TokenSet { accessToken } } }');
    const token = signedIn.signIn.accessToken as string;

    const Q = `query($after: String, $before: String, $first: Int, $last: Int, $search: String, $orderBy: UserOrder) {
      admin { users(first: $first, after: $after, last: $last, before: $before, search: $search, orderBy: $orderBy) {
        pageInfo { endCursor hasNextPage } edges { node { id username primaryEmail name createdAt lastSignInAt } } } } }`;
    const users = (vars: Record<string, unknown>) => post(Q, vars, token).then((d) => d.admin.users);

    async function median(run: () => Promise<unknown>): Promise<number> {
      for (let i = 0; i < 3; i++) await run();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = process.hrtime.bigint();
        await run();
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    }

    // The cursor that starts page `n`: walked through the API up to page 100, then (to keep the
    // run short) the same encoding built from the row just before the page.
    async function cursorBefore(page: number, orderBy: { field: string; direction: string }): Promise<string | null> {
      if (page === 1) return null;
      if (page <= 100) {
        let after: string | null = null;
        for (let i = 1; i < page; i++) after = (await users({ first: PAGE, after, orderBy })).pageInfo.endCursor;
        return after;
      }
      const column = { CREATED_AT: '"createdAt"', LAST_SIGN_IN_AT: '"lastSignInAt"', USERNAME: '"username"', EMAIL: '"primaryEmail"' }[orderBy.field]!;
      const dir = orderBy.direction;
      const isTime = orderBy.field === 'CREATED_AT' || orderBy.field === 'LAST_SIGN_IN_AT';
      const value = isTime ? `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS')` : column;
      const rows = await db.prisma.$queryRawUnsafe<{ id: string; value: string | null }[]>(
        `SELECT id, ${value} AS value FROM "User" ORDER BY ${column} ${dir} NULLS LAST, id ${dir} OFFSET ${(page - 1) * PAGE - 1} LIMIT 1`,
      );
      const row = rows[0]!;
      return Buffer.from(JSON.stringify([orderBy.field, row.value, row.id])).toString('base64url');
    }

    // Warm the JIT, the plan cache and the buffer cache before the first measurement.
    for (let i = 0; i < 30; i++) await users({ first: PAGE });
    const lastPage = Math.ceil((USERS + 1) / PAGE);
    const pages = [1, 100, 1000, lastPage];
    console.log(`\npage size ${PAGE}; median of ${RUNS} sequential requests; ratio = page n / page 1`);
    console.log(`${'ordering'.padEnd(24)}${pages.map((p) => `page ${p}`.padStart(18)).join('')}`);
    for (const orderBy of [
      { field: 'CREATED_AT', direction: 'DESC' },
      { field: 'USERNAME', direction: 'ASC' },
      { field: 'EMAIL', direction: 'DESC' },
      { field: 'LAST_SIGN_IN_AT', direction: 'DESC' },
    ]) {
      const cells: string[] = [];
      let first = 0;
      for (const page of pages) {
        const after = await cursorBefore(page, orderBy);
        const ms = await median(() => users({ first: PAGE, after, orderBy }));
        if (page === 1) first = ms;
        cells.push(`${ms.toFixed(1)}ms ×${(ms / first).toFixed(2)}`.padStart(18));
      }
      console.log(`${`${orderBy.field} ${orderBy.direction}`.padEnd(24)}${cells.join('')}`);
    }
    const lastBackward = await median(() => users({ last: PAGE }));
    console.log(`${'last page via last: 20'.padEnd(24)}${`${lastBackward.toFixed(1)}ms`.padStart(18)}`);

    console.log('\nsearch (first page, newest first)');
    const baseline = await median(() => users({ first: PAGE }));
    for (const term of ['person4242@', 'USER00123', 'chloé', 'okafor', '+14150099', 'nobody-matches-this']) {
      const ms = await median(() => users({ first: PAGE, search: term }));
      console.log(`  ${JSON.stringify(term).padEnd(24)}${`${ms.toFixed(1)}ms`.padStart(10)}  ×${(ms / baseline).toFixed(2)} of an unfiltered first page`);
    }
    const count = await median(() => post('{ admin { users(first: 1) { totalCount } } }', {}, token));
    console.log(`  totalCount (all users)  ${`${count.toFixed(1)}ms`.padStart(10)}`);
  } finally {
    await drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
