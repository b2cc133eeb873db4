// Benchmark: a full social sign-in round trip over real HTTP against a local OpenID Provider
// (panva's oidc-provider, the one the tests use): startSocialSignIn -> the provider's
// authorization endpoint, login and consent (redirects followed with a cookie jar) ->
// finishSocialSignIn (code exchange, ID token checks with the provider's JWKS, userinfo, account
// lookup, session). Printed as latency (sequential) and as throughput at 50 connections, each with
// its ratio to `{ __typename }` and to a password signIn measured in the same run.
// Usage: npm run bench:social [-- --postgres] [-- --sequential]  (PostgreSQL via BENCH_DATABASE_URL).
// The embedded database serializes transactions on one connection: at 50 concurrent sign-ins they
// wait past Prisma's 2 s transaction maxWait, so measure throughput on PostgreSQL.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ensureFirstAdmin } from '../src/domain/users/users.service.js';
import { createLogger } from '../src/logger.js';
import { TestOidcProvider } from '../test/helpers/social-providers.js';
import { openBenchDatabase } from './database.js';

const usePostgres = process.argv.includes('--postgres');
const sequentialOnly = process.argv.includes('--sequential');
const SEQUENTIAL = Number(process.env.SEQ ?? 40);
const CONNECTIONS = 50;
const CONCURRENT_TOTAL = 200;
const ADMIN = { email: 'bench@example.com', password: 'quiet-harbor-lantern-42' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const { db, drop } = await openBenchDatabase(usePostgres ? 'postgres' : 'pglite');
  await db.migrate();
  const config = loadConfig({ ISSUER: 'http://bench.local', SECRET_KEY: 'bench-secret-key-0123456789abcdef0123', LOG_LEVEL: 'silent', AUTH_RATE_LIMIT_PER_MINUTE: '0' });
  const app = await createApp({ config, db, secretKey: config.secretKey!, logger: createLogger('silent') });
  await ensureFirstAdmin(app.deps, ADMIN.email, ADMIN.password);
  const server = createServer(app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const op = await TestOidcProvider.start();

  const post = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  const admin = (await post(`mutation { signIn(input: {identifier: "${ADMIN.email}", password: "${ADMIN.password}"}) { ... on TokenSet { accessToken } } }`)).signIn
    .accessToken as string;
  await post(
    `mutation($input: CreateIdentityProviderInput!) { admin { createIdentityProvider(input: $input) { __typename } } }`,
    { input: { key: 'local', name: 'Local OP', type: 'OIDC', issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret } },
    admin,
  );

  let n = 0;
  let distinct = false;
  const socialRoundTrip = async () => {
    // Sequentially, one of 20 accounts (the first time creates it, later ones find it); under
    // concurrency, distinct accounts, so the run measures the service rather than row-lock queues.
    const sub = distinct ? `bench-new-${n++}` : `bench-user-${n++ % 20}`;
    const start = (
      await post(
        `mutation($input: StartSocialSignInInput!) { startSocialSignIn(input: $input) { ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } } }`,
        { input: { provider: 'local', redirectUri: 'http://app.test/callback' } },
      )
    ).startSocialSignIn;
    const callback = await op.authorize(start.authorizationUrl, { sub, email: `${sub}@op.test`, email_verified: true, name: sub }, { hint: true });
    const finished = (
      await post(
        `mutation($input: FinishSocialSignInInput!) { finishSocialSignIn(input: $input) { __typename ... on Error { code message } } }`,
        { input: { state: start.state, code: callback.get('code') } },
      )
    ).finishSocialSignIn;
    if (finished.__typename !== 'TokenSet') throw new Error(JSON.stringify(finished));
  };
  const passwordSignIn = async () => {
    await post(`mutation { signIn(input: {identifier: "${ADMIN.email}", password: "${ADMIN.password}"}) { __typename } }`);
  };
  const floor = () => post('{ __typename }');

  const latency = async (label: string, run: () => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    console.log(`${label.padEnd(40)} median ${median.toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`);
    return median;
  };
  const throughput = async (label: string, run: () => Promise<unknown>, total: number) => {
    let left = total;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (left-- > 0) await run();
      }),
    );
    const rate = total / ((performance.now() - t0) / 1000);
    console.log(`${label.padEnd(40)} ${rate.toFixed(1).padStart(8)} /s at ${CONNECTIONS} connections`);
    return rate;
  };

  console.log(`database: ${usePostgres ? 'PostgreSQL' : 'PGlite (embedded)'}; app and provider on loopback HTTP`);
  const floorMs = await latency('{ __typename } (floor)', floor);
  const passwordMs = await latency('signIn (password, argon2id)', passwordSignIn);
  const socialMs = await latency('social sign-in round trip (OIDC)', socialRoundTrip);
  console.log(`  social / floor ${(socialMs / floorMs).toFixed(1)}x, social / password signIn ${(socialMs / passwordMs).toFixed(2)}x`);
  if (sequentialOnly) {
    await op.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await drop();
    return;
  }
  const floorRate = await throughput('{ __typename } (floor)', floor, 2000);
  distinct = true;
  const socialRate = await throughput('social sign-in round trip (OIDC)', socialRoundTrip, CONCURRENT_TOTAL);
  console.log(`  ratio to floor ${(socialRate / floorRate).toFixed(4)}`);

  await op.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
