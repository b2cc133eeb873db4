// Benchmark: the cost of authenticating and reading `me`, as a ratio against `{ __typename }`
// measured in the same run (these machines are shared and noisy: absolute numbers drift, ratios
// less so). Usage: npm run bench:me [-- --postgres]  (PostgreSQL via BENCH_DATABASE_URL).
import { createApp } from '../src/app.js';
import { openBenchDatabase } from './database.js';
import { loadConfig } from '../src/config.js';
import { ensureFirstAdmin } from '../src/domain/users/users.service.js';
import { createLogger } from '../src/logger.js';

const usePostgres = process.argv.includes('--postgres');
const DURATION_MS = 4000;
const CONCURRENCY = 10;


async function measure(label: string, run: () => Promise<unknown>): Promise<number> {
  // Warm-up, then a fixed-duration closed loop with CONCURRENCY workers.
  for (let i = 0; i < 50; i++) await run();
  let count = 0;
  const deadline = Date.now() + DURATION_MS;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        await run();
        count++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rate = count / seconds;
  console.log(`${label.padEnd(44)} ${rate.toFixed(0).padStart(7)} req/s`);
  return rate;
}

async function main() {
  const { db, drop } = await openBenchDatabase(usePostgres ? 'postgres' : 'pglite');
  await db.migrate();
  const config = loadConfig({ ISSUER: 'http://bench.local', SECRET_KEY: 'bench-secret-key-0123456789abcdef0123', LOG_LEVEL: 'silent' });
  const app = await createApp({ config, db, secretKey: config.secretKey!, logger: createLogger('silent') });
  await ensureFirstAdmin(app.deps, 'bench@example.com', 'quiet-harbor-lantern-42');
  const post = (query: string, token?: string) =>
    app.fetch('http://bench.local/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    }).then(async (r) => {
      const body = await r.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    });
  const signedIn = await post('mutation { signIn(input: {identifier: "bench@example.com", password: "quiet-harbor-lantern-42"}) { ... on TokenSet { accessToken } } }');
  const token = signedIn.data.signIn.accessToken as string;

  console.log(`database: ${usePostgres ? 'PostgreSQL' : 'PGlite (embedded)'}, ${CONCURRENCY} concurrent, ${DURATION_MS / 1000}s each`);
  const baseline = await measure('{ __typename } (baseline)', () => post('{ __typename }'));
  const anonMe = await measure('{ me { id } } anonymous', () => post('{ me { id } }'));
  const authOnly = await measure('{ __typename } with a JWT (authentication)', () => post('{ __typename }', token));
  const me = await measure('{ me { id primaryEmail } } with a JWT', () => post('{ me { id primaryEmail } }', token));
  const nested = await measure('me + sessions(first: 5) with a JWT', () =>
    post('{ me { id primaryEmail sessions(first: 5) { totalCount edges { node { id current } } } } }', token),
  );
  console.log('\nratio to baseline (higher = cheaper):');
  for (const [label, rate] of [
    ['anonymous me', anonMe],
    ['authentication only', authOnly],
    ['me with JWT', me],
    ['me + sessions with JWT', nested],
  ] as const) {
    console.log(`  ${label.padEnd(26)} ${(rate / baseline).toFixed(3)}`);
  }
  await drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
