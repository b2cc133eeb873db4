// Benchmark 1 and 2: `me { id primaryEmail name }` with a JWT and with a personal access token,
// over real HTTP with autocannon at 50 connections, against the floor `{ __typename }` on the same
// server in the same run (these machines are shared and noisy: ratios drift less than absolutes).
// The service runs as its own process (src/cli.ts serve), on PostgreSQL and on the embedded database.
// Usage: npm run bench:me [-- --postgres | --embedded]   BENCH_SECONDS=5 by default per case;
// BENCH_CPU_PROF=1 writes a V8 CPU profile of the server to bench/results/profiles/.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPostgresDatabase } from './database.js';
import { BENCH_SECONDS, writeResults } from './results.js';
import { type LoadResult, load, printTable, ROOT, spawnService } from './server.js';

const ME = '{ me { id primaryEmail name } }';
const FLOOR = '{ __typename }';

async function patFor(post: (q: string, t?: string, v?: Record<string, unknown>) => Promise<any>, adminToken: string, userId: string): Promise<string> {
  const body = await post(
    'mutation($u: ID!) { admin { createPersonalAccessToken(userId: $u, name: "bench") { __typename ... on PersonalAccessTokenSecret { token } } } }',
    adminToken,
    { u: userId },
  );
  return body.data.admin.createPersonalAccessToken.token;
}

async function run(kind: 'postgres' | 'embedded'): Promise<(LoadResult & { ratio: number })[]> {
  const pgdb = kind === 'postgres' ? await createPostgresDatabase() : null;
  const dataDir = kind === 'embedded' ? await mkdtemp(path.join(os.tmpdir(), 'acct-bench-')) : null;
  const profDir = path.join(ROOT, 'bench/results/profiles');
  const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profDir, `me-${kind}`)}`] : [];
  const service = await spawnService(pgdb ? { DATABASE_URL: pgdb.url } : { DATA_DIR: dataDir! }, nodeArgs);
  try {
    const admin = await service.signIn();
    const jwt = await service.userToken('reader@example.com');
    const me = await service.post('{ me { id } }', jwt);
    const pat = await patFor(service.post, admin, me.data.me.id);
    for (const token of [jwt, pat]) {
      const body = await service.post(ME, token);
      if (body.data.me.primaryEmail !== 'reader@example.com') throw new Error(`unexpected me: ${JSON.stringify(body)}`);
    }
    const label = kind === 'postgres' ? 'PostgreSQL' : 'embedded';
    // Warm-up (JIT, pool, caches), then the cases back to back.
    await load(service.url, 'warm-up', { query: ME, token: jwt, seconds: 1 });
    // The floor is measured before and after (the machine's load drifts); the ratio uses their mean.
    const before = await load(service.url, `${label}: { __typename } (floor, before)`, { query: FLOOR, seconds: BENCH_SECONDS });
    const withJwt = await load(service.url, `${label}: me { id primaryEmail name } (JWT)`, { query: ME, token: jwt, seconds: BENCH_SECONDS });
    const withPat = await load(service.url, `${label}: me { id primaryEmail name } (PAT)`, { query: ME, token: pat, seconds: BENCH_SECONDS });
    const after = await load(service.url, `${label}: { __typename } (floor, after)`, { query: FLOOR, seconds: BENCH_SECONDS });
    const floor = (before.requestsPerSecond + after.requestsPerSecond) / 2;
    return [before, withJwt, withPat, after].map((r) => ({ ...r, ratio: r.requestsPerSecond / floor }));
  } finally {
    await service.close();
    await pgdb?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const kinds = process.argv.includes('--postgres') ? ['postgres'] : process.argv.includes('--embedded') ? ['embedded'] : ['postgres', 'embedded'];
  const rows: (LoadResult & { ratio: number })[] = [];
  for (const kind of kinds as ('postgres' | 'embedded')[]) rows.push(...(await run(kind)));
  console.log(`\n50 connections, ${BENCH_SECONDS}s per case; ratio = req/s against the floor on the same server`);
  printTable(rows);
  console.log(`written to ${writeResults(kinds.length === 2 ? 'me' : `me-${kinds[0]}`, rows)}`);
}

// Open keep-alive sockets (fetch, autocannon) would keep the process alive after the report.
main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
