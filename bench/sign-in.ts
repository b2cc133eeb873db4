// Benchmark 4: signIn throughput over HTTP (50 connections) against raw argon2id verification at
// the same parameters (the stored hash carries them) with as many in flight, and `me` p99 while
// sign-in saturates the server. PostgreSQL; the service runs as its own process.
// Usage: npm run bench:sign-in   (BENCH_SECONDS per case, default 5)
import { verify } from '@node-rs/argon2';
import { hashPassword } from '../src/auth/passwords.js';
import { createPostgresDatabase } from './database.js';
import { BENCH_SECONDS, writeResults } from './results.js';
import { BENCH_USER_PASSWORD, load, printTable, spawnService } from './server.js';

const ACCOUNTS = 40;
// Sign-in requests take seconds each at 50 in flight: a short run would finish almost none.
const SIGN_IN_SECONDS = Math.max(BENCH_SECONDS, 15);
const SIGN_IN = 'mutation($i: String!, $p: String!) { signIn(input: {identifier: $i, password: $p}) { __typename } }';

/** Raw argon2id verifications per second with `concurrency` in flight (libuv's threadpool does the work). */
async function rawVerifyRate(concurrency: number, seconds: number): Promise<number> {
  const hash = await hashPassword(BENCH_USER_PASSWORD);
  let count = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await verify(hash, BENCH_USER_PASSWORD);
        count++;
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

async function main() {
  const pgdb = await createPostgresDatabase();
  const service = await spawnService({ DATABASE_URL: pgdb.url });
  try {
    // Sign-ins of one account are serialized (the lockout counts every wrong password exactly), so
    // the load spreads over many accounts, as real traffic does.
    const emails = Array.from({ length: ACCOUNTS }, (_, i) => `signer${i}@example.com`);
    const tokens: string[] = [];
    for (let i = 0; i < ACCOUNTS; i += 8) tokens.push(...(await Promise.all(emails.slice(i, i + 8).map((e) => service.userToken(e)))));
    const token = tokens[0]!;
    let next = 0;
    const requests = [
      {
        method: 'POST' as const,
        setupRequest: (req: any) => ({ ...req, body: JSON.stringify({ query: SIGN_IN, variables: { i: emails[next++ % ACCOUNTS], p: BENCH_USER_PASSWORD } }) }),
      },
    ];
    const raw = await rawVerifyRate(50, BENCH_SECONDS);
    const meAlone = await load(service.url, 'me { id primaryEmail name }, 10 connections, alone', { query: '{ me { id primaryEmail name } }', token, connections: 10, seconds: BENCH_SECONDS });
    const signIn = await load(service.url, `signIn (correct password, ${ACCOUNTS} accounts)`, { query: SIGN_IN, requests, seconds: SIGN_IN_SECONDS, timeoutSeconds: 60 });
    // Both at once: sign-in saturates the threadpool, me must stay fast on the event loop.
    const [, meUnder] = await Promise.all([
      load(service.url, 'signIn (background)', { query: SIGN_IN, requests, seconds: SIGN_IN_SECONDS, timeoutSeconds: 60 }),
      load(service.url, 'me, 10 connections, during saturated signIn', { query: '{ me { id primaryEmail name } }', token, connections: 10, seconds: SIGN_IN_SECONDS - 2 }),
    ]);
    console.log(`\nraw argon2id verify (same parameters, 50 in flight): ${raw.toFixed(1)}/s`);
    printTable([signIn, meAlone, meUnder]);
    const ratio = signIn.requestsPerSecond / raw;
    console.log(`signIn / raw hashing: ${ratio.toFixed(2)} (target ≥ 0.90); me p99 during sign-in: ${meUnder.p99} ms (target ≤ 50)`);
    console.log(`written to ${writeResults('sign-in', { rawVerifyPerSecond: raw, signIn, signInToRaw: ratio, meAlone, meUnderSignIn: meUnder })}`);
  } finally {
    await service.close();
    await pgdb.drop();
  }
}

// Open keep-alive sockets (fetch, autocannon) would keep the process alive after the report.
main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
