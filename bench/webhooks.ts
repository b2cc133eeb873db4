// Benchmark: webhook delivery latency, from the commit of the change to the receiver (median and
// p99 over EVENTS events), and duplicates seen when two instances share one PostgreSQL. Changes
// are admin.updateUser calls over real HTTP with 50 connections; the receiver is a real HTTP
// server on loopback verifying every signature with `standardwebhooks`. The rate of changes is
// printed as a ratio against `{ __typename }` measured in the same run.
// Usage: npm run bench:webhooks [-- --postgres [--two-instances]]  (PostgreSQL via BENCH_DATABASE_URL)
import { createServer, type Server } from 'node:http';
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { type App, createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Database, openPostgres } from '../src/db/client.js';
import { ensureFirstAdmin } from '../src/domain/users/users.service.js';
import { createLogger } from '../src/logger.js';
import { openBenchDatabase } from './database.js';

const usePostgres = process.argv.includes('--postgres');
const twoInstances = process.argv.includes('--two-instances');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const CONNECTIONS = 50;
const FLOOR_REQUESTS = 2000;

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query, variables });
    const req = new URL(url);
    import('node:http').then(({ request }) => {
      const r = request(
        { host: req.hostname, port: req.port, path: req.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (parsed.errors) reject(new Error(JSON.stringify(parsed.errors)));
            else resolve(parsed);
          });
        },
      );
      r.on('error', reject);
      r.end(body);
    }, reject);
  });
}

async function closedLoop(count: number, connections: number, run: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < count) await run(next++);
    }),
  );
  return count / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function listen(app: App): Promise<{ server: Server; url: string }> {
  const server = createServer(app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  if (twoInstances && !usePostgres) throw new Error('--two-instances needs --postgres (the embedded database is one process)');
  const { db, drop, url } = await openBenchDatabase(usePostgres ? 'postgres' : 'pglite');
  await db.migrate();
  const config = loadConfig({
    ISSUER: 'http://bench.local',
    SECRET_KEY: 'bench-secret-key-0123456789abcdef0123',
    LOG_LEVEL: 'silent',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    SECURITY_NOTICES: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
  });
  const logger = createLogger((process.env.BENCH_LOG_LEVEL as 'error') ?? 'silent');
  const apps: App[] = [await createApp({ config, db, secretKey: config.secretKey!, logger })];
  let secondDb: Database | null = null;
  if (twoInstances) {
    secondDb = await openPostgres(url!);
    apps.push(await createApp({ config, db: secondDb, secretKey: config.secretKey!, logger }));
  }
  await ensureFirstAdmin(apps[0]!.deps, 'bench@example.com', 'quiet-harbor-lantern-42');
  const servers = await Promise.all(apps.map(listen));

  // Commit times, by event id: the bus publishes right after the change's transaction committed.
  const committedAt = new Map<string, bigint>();
  for (const app of apps) {
    app.deps.events.subscribe('bench', (events) => {
      const now = process.hrtime.bigint();
      for (const e of events) if (e.type === 'user.updated') committedAt.set(e.id, now);
    });
  }

  // The receiver.
  const arrivals: { id: string; at: bigint }[] = [];
  // Every arrival of the run, by id: a retry of an earlier phase's event shows up here as a duplicate.
  const seenTimes = new Map<string, number>();
  let verifier: Webhook | null = null;
  let badSignatures = 0;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = process.hrtime.bigint();
      try {
        verifier!.verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
        const id = String(req.headers['webhook-id']);
        arrivals.push({ id, at });
        seenTimes.set(id, (seenTimes.get(id) ?? 0) + 1);
        res.writeHead(204).end();
      } catch {
        badSignatures++;
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const signedIn = await post(servers[0]!.url, 'mutation { signIn(input: {identifier: "bench@example.com", password: "quiet-harbor-lantern-42"}) { ... on TokenSet { accessToken } } }');
  const token = signedIn.data.signIn.accessToken as string;
  const hook = await post(servers[0]!.url, 'mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { ... on WebhookSecret { signingSecret } } } }', { input: { url: receiverUrl, events: ['user.updated'] } }, token);
  verifier = new Webhook(hook.data.admin.createWebhook.signingSecret);
  // One user per connection: the changes contend for the database, not for one row's lock.
  const userIds: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const created = await post(servers[0]!.url, `mutation { admin { createUser(input: { username: "bench-target-${i}" }) { ... on User { id } } } }`, {}, token);
    userIds.push(created.data.admin.createUser.id as string);
  }

  const urlFor = (i: number) => servers[i % servers.length]!.url;
  const floor = await closedLoop(FLOOR_REQUESTS, CONNECTIONS, (i) => post(urlFor(i), '{ __typename }'));
  const UPDATE = 'mutation($id: ID!, $name: String) { admin { updateUser(id: $id, input: { name: $name }) { __typename } } }';
  console.log(`database: ${usePostgres ? 'PostgreSQL' : 'PGlite (embedded)'}, instances: ${apps.length}, ${EVENTS} events per phase`);
  console.log(`{ __typename } floor (${CONNECTIONS} connections)        ${floor.toFixed(0).padStart(6)} req/s`);

  // Two phases: a burst (50 connections, the change rate the service can take) and a paced one
  // (one change at a time: the latency when the database is not saturated).
  for (const [phase, connections] of [['burst', CONNECTIONS], ['paced', 1]] as const) {
    arrivals.length = 0;
    committedAt.clear();
    const changes = await closedLoop(EVENTS, connections, (i) => post(urlFor(i), UPDATE, { id: userIds[i % CONNECTIONS], name: `${phase} ${i}` }, token));
    const deadline = Date.now() + 180_000;
    while (new Set(arrivals.map((a) => a.id)).size < EVENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000)); // late duplicates
    const firstArrival = new Map<string, bigint>();
    for (const a of arrivals) if (committedAt.has(a.id) && !firstArrival.has(a.id)) firstArrival.set(a.id, a.at);
    const latencies = [...firstArrival].flatMap(([id, at]) => {
      const c = committedAt.get(id);
      return c === undefined ? [] : [Number(at - c) / 1e6];
    });
    latencies.sort((a, b) => a - b);
    console.log(`\n[${phase}: ${connections} connection(s)]`);
    console.log(`admin.updateUser (1 event each)       ${changes.toFixed(0).padStart(6)} req/s   ratio to floor ${(changes / floor).toFixed(3)}`);
    console.log(`delivered                             ${firstArrival.size} of ${EVENTS} (bad signatures: ${badSignatures})`);
    console.log(`latency commit -> receiver            median ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)?.toFixed(1)} ms`);
  }

  await new Promise((r) => setTimeout(r, 3000));
  const duplicates = [...seenTimes.values()].reduce((sum, n) => sum + n - 1, 0);
  console.log(`\nduplicates over the run          ${duplicates} (of ${seenTimes.size} events delivered)`);
  const retried = await apps[0]!.deps.prisma.webhookDelivery.count({ where: { attempts: { gt: 1 } } });
  console.log(`deliveries that needed a retry   ${retried}`);
  for (const app of apps) await app.close();
  for (const { server } of servers) {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
  receiver.closeAllConnections();
  await new Promise<void>((r) => receiver.close(() => r()));
  agent.destroy();
  await secondDb?.close();
  await drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
