// Benchmark 6: the flows of the performance table that bench/me.ts does not cover, on PostgreSQL,
// over real HTTP with autocannon at 50 connections, each as a ratio against floors measured in the
// same run: a bare graphql-yoga hello world (its own process) and our `{ __typename }`.
//   - the account page's `me` (sessions(first: 5) with totalCount)
//   - me.updateProfile(input: {name}) spread over 20 users
//   - refreshTokens, one rotating chain per connection
//   - POST /oauth/token client_credentials
// Usage: npm run bench:flows   (BENCH_SECONDS=5 per case). Writes bench/results/flows.json.
import autocannon from 'autocannon';
import { loadBareYoga, reportAgainstFloors, startBareYoga } from './bare-yoga-process.js';
import { createPostgresDatabase } from './database.js';
import { BENCH_SECONDS, writeResults } from './results.js';
import { BENCH_USER_PASSWORD, type LoadResult, load, ROOT, spawnService } from './server.js';

const FLOOR = '{ __typename }';
const PAGE_ME = '{ me { id name primaryEmail sessions(first: 5) { totalCount edges { node { id current } } } } }';
const UPDATE = 'mutation($name: String!) { me { updateProfile(input: { name: $name }) { __typename ... on User { name } ... on Error { code } } } }';
const REFRESH = 'mutation($t: String!) { refreshTokens(refreshToken: $t) { __typename ... on TokenSet { refreshToken } ... on Error { code } } }';
const CONNECTIONS = 50;

function summarize(label: string, result: autocannon.Result): LoadResult {
  return { label, requestsPerSecond: result.requests.average, p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

async function main() {
  const pgdb = await createPostgresDatabase('flows');
  const service = await spawnService({ DATABASE_URL: pgdb.url });
  const bare = await startBareYoga();
  try {
    const admin = await service.signIn();
    // 20 users for writes; one refresh chain per connection (signed in once each).
    const writers: string[] = [];
    for (let i = 0; i < 20; i++) writers.push(await service.userToken(`writer-${i}@example.com`));
    const reader = await service.userToken('page-reader@example.com');
    // The chains belong to a user of their own: a hundred sessions would make the page reader an
    // account with a hundred devices, whose session list is read from the database every time
    // (the validity cache keeps lists of at most 10; docs/performance.md).
    await service.userToken('chain-owner@example.com');
    const chains: string[] = [];
    // Twice as many chains as connections: a chain is taken when a request is set up and given back
    // with the new token when its answer comes (autocannon resets a connection's context each time
    // its request list starts over, so a chain cannot live in the context).
    for (let i = 0; i < 2 * CONNECTIONS; i++) {
      const body = await service.post(
        'mutation($i: String!, $p: String!) { signIn(input: {identifier: $i, password: $p}) { ... on TokenSet { refreshToken } } }',
        undefined,
        { i: 'chain-owner@example.com', p: BENCH_USER_PASSWORD },
      );
      chains.push(body.data.signIn.refreshToken);
    }
    const created = await service.post(
      'mutation { admin { createMachineClient(input: {name: "bench", scopes: ["admin:users:read"]}) { ... on MachineClientSecret { clientId clientSecret } } } }',
      admin,
    );
    const { clientId, clientSecret } = created.data.admin.createMachineClient;
    const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;

    // Correctness before load: each case answers what it should.
    if (!(await service.post(PAGE_ME, reader)).data.me.sessions.edges.length) throw new Error('page me: no sessions');
    if ((await service.post(UPDATE, writers[0], { name: 'check' })).data.me.updateProfile.name !== 'check') throw new Error('updateProfile failed');

    await load(service.url, 'warm-up', { query: PAGE_ME, token: reader, seconds: 1 });
    const rows: LoadResult[] = [];
    const bareBefore = await loadBareYoga(bare.url, 'bare graphql-yoga hello world (before)');
    const floorBefore = await load(service.url, 'our { __typename } (floor, before)', { query: FLOOR, seconds: BENCH_SECONDS });
    rows.push(bareBefore, floorBefore);
    rows.push(await load(service.url, "account page's me (sessions(first: 5) { totalCount … })", { query: PAGE_ME, token: reader, seconds: BENCH_SECONDS }));

    let n = 0;
    rows.push(summarize('me.updateProfile(name), 20 users', await autocannon({
      url: `${service.url}/graphql`, connections: CONNECTIONS, duration: BENCH_SECONDS,
      requests: [{
        method: 'POST',
        setupRequest: (req) => {
          const i = n++;
          return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${writers[i % writers.length]}` }, body: JSON.stringify({ query: UPDATE, variables: { name: `n${i}` } }) };
        },
      }],
    })));

    // Each request presents a free chain's latest token and puts the rotated one back.
    let failedRotations = 0;
    const free = [...chains];
    rows.push(summarize('refreshTokens (rotating chains, one in flight each)', await autocannon({
      url: `${service.url}/graphql`, connections: CONNECTIONS, duration: BENCH_SECONDS,
      requests: [{
        method: 'POST',
        setupRequest: (req) => {
          const token = free.shift();
          if (!token) throw new Error('no free refresh chain left: too many rotations failed');
          return { ...req, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: REFRESH, variables: { t: token } }) };
        },
        onResponse: (_status, body) => {
          const next = JSON.parse(body).data?.refreshTokens?.refreshToken;
          if (next) free.push(next);
          else failedRotations++;
        },
      }],
    })));

    rows.push(summarize('POST /oauth/token client_credentials', await autocannon({
      url: `${service.url}/oauth/token`, connections: CONNECTIONS, duration: BENCH_SECONDS, method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic }, body: 'grant_type=client_credentials',
    })));

    const floorAfter = await load(service.url, 'our { __typename } (floor, after)', { query: FLOOR, seconds: BENCH_SECONDS });
    const bareAfter = await loadBareYoga(bare.url, 'bare graphql-yoga hello world (after)');
    rows.push(floorAfter, bareAfter);
    const withRatios = reportAgainstFloors(rows, { ours: [floorBefore, floorAfter], bare: [bareBefore, bareAfter] }, CONNECTIONS);
    if (failedRotations) console.log(`refresh: ${failedRotations} rotations did not return a new token (errors: the chain broke)`);
    console.log(`written to ${writeResults('flows', { connections: CONNECTIONS, seconds: BENCH_SECONDS, failedRotations, rows: withRatios })}`);
  } finally {
    bare.close();
    await service.close();
    await pgdb.drop();
  }
}

// Open keep-alive sockets (fetch, autocannon) would keep the process alive after the report.
main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
