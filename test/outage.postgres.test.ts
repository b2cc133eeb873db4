// PostgreSQL only (runs when TEST_DATABASE_URL is set): one instance whose database connections go
// through a TCP proxy, so the database can be taken away from it alone (every connection reset,
// the port closed) while the machine's PostgreSQL keeps serving every other test. What the
// service answers then: SERVICE_UNAVAILABLE with 503 and Retry-After (GraphQL and plain routes),
// a warm `me` from the frozen validity cache within DEGRADED_READ_SECONDS, one log line per
// outage, the counts on /metrics, and a webhook attempt whose outcome could not be saved is kept
// and retried; connections the server terminates inside transactions go back to the pool.
// test/faults.postgres.test.ts stops the real server.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeClock } from '../src/lib/clock.js';
import { codeOf, cloneDatabase, ME, type OutageInstance, startOutageInstance, UPDATE_NAME } from './helpers/outage-instance.js';
import { OutageLoad } from './helpers/outage-load.js';
import { TcpProxy } from './helpers/tcp-proxy.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

const pgTemplate = inject('pgTemplate');

/** Polls `probe` until it returns true (fails after `ms`); a probe that throws counts as false. */
async function until(probe: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await Promise.resolve().then(probe).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.runIf(pgTemplate)('an instance whose database goes away (through a proxy)', () => {
  let proxy: TcpProxy;
  let database: Awaited<ReturnType<typeof cloneDatabase>>;
  let proxiedUrl: string;
  const instances: OutageInstance[] = [];

  const start = async (env: Record<string, string> = {}, clock?: FakeClock) => {
    const instance = await startOutageInstance(proxiedUrl, env, { clock });
    instances.push(instance);
    return instance;
  };

  beforeAll(async () => {
    const { url, template, prefix } = pgTemplate!;
    database = await cloneDatabase(url, template, prefix);
    const target = new URL(database.url);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    proxiedUrl = proxied.toString();
  });

  afterEach(async () => {
    await proxy.restore();
    await Promise.all(instances.splice(0).map((i) => i.close()));
  });

  afterAll(async () => {
    await proxy?.close();
    await database?.drop();
  });

  it('answers SERVICE_UNAVAILABLE with 503 and Retry-After, serves a warm me only within DEGRADED_READ_SECONDS, logs the outage once', async () => {
    const i = await start({ DEGRADED_READ_SECONDS: '1' });
    const warm = await i.createUser('warm-reader');
    const cold = await i.createUser('cold-reader');
    expect(codeOf(await i.gql(ME, {}, warm.token))).toBe('OK');
    const machine = await i.gql(
      `mutation { admin { createMachineClient(input: { name: "sync", scopes: ["admin:users:read"] }) { ... on MachineClientSecret { clientId clientSecret } } } }`,
      {},
      await i.adminToken(),
    );
    const { clientId, clientSecret } = machine.body.data.admin.createMachineClient;
    // The instance's change feed is live (the cache is on) before the database goes.
    await until(() => i.app.http.validity.on);

    await proxy.cut();
    const cutAt = Date.now();
    // The change feed has noticed (its connection was reset): from now on only degraded reads.
    await until(() => !i.app.http.validity.on);

    // A warm me answers from the frozen cache; one whose session was never read cannot.
    const cached = await i.gql(ME, {}, warm.token);
    expect(cached.status).toBe(200);
    expect(cached.body.data.me.id).toBe(warm.id);
    const refused = await i.gql(ME, {}, cold.token);
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('2');
    expect(refused.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE' } })]);

    // A write, a sign-in, the token endpoint and the account page's routes answer 503 as well.
    const write = await i.gql(UPDATE_NAME, { name: 'during the outage' }, warm.token);
    expect([write.status, codeOf(write), write.retryAfter]).toEqual([503, 'SERVICE_UNAVAILABLE', '2']);
    const signIn = await i.gql(`mutation { signIn(input: { identifier: "warm-reader", password: "x-long-enough" }) { __typename } }`);
    expect([signIn.status, codeOf(signIn)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    const token = await fetch(`${i.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
    });
    expect([token.status, token.headers.get('retry-after'), (await token.json()).error]).toEqual([503, '2', 'temporarily_unavailable']);
    const page = await fetch(`${i.url}/account/refresh`, { method: 'POST', headers: { origin: 'http://account.test', cookie: 'x=y' } });
    expect([page.status, (await page.json()).code]).toEqual([503, 'SERVICE_UNAVAILABLE']);

    // Past the bound the warm me is refused too.
    await until(async () => (await i.gql(ME, {}, warm.token)).status === 503, 5_000);
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(1000);

    // /metrics still answers, with the outage and its refusals.
    const metrics = await (await fetch(`${i.url}/metrics`)).text();
    expect(metrics).toMatch(/service_outages_total\{dependency="database"\} 1/);
    const refusedCount = Number(/service_unavailable_refusals_total\{dependency="database"\} (\d+)/.exec(metrics)?.[1]);
    expect(refusedCount).toBeGreaterThanOrEqual(6);
    expect(metrics).toMatch(/service_degraded_reads_total [1-9]/);

    await proxy.restore();
    await until(async () => codeOf(await i.gql(UPDATE_NAME, { name: 'after the outage' }, warm.token)) === 'OK');
    expect((await i.gql(ME, {}, warm.token)).body.data.me.name).toBe('after the outage');

    // One line when it began, one when it ended (with the count); no stack per refused request.
    await until(() => i.logs.some((l) => /database reachable again/.test(l.msg ?? '')));
    const outageLines = i.logs.filter((l) => /^database (unreachable|reachable again)/.test(l.msg ?? ''));
    expect(outageLines.map((l) => l.msg?.split(':')[0]?.split(' after')[0])).toEqual(['database unreachable', 'database reachable again']);
    expect(outageLines[1]!.refused).toBeGreaterThanOrEqual(refusedCount);
    expect(i.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('with DEGRADED_READ_SECONDS=0 even a warm me is refused at once', async () => {
    const i = await start({ DEGRADED_READ_SECONDS: '0' });
    const warm = await i.createUser('warm-no-degraded');
    expect(codeOf(await i.gql(ME, {}, warm.token))).toBe('OK');
    await until(() => i.app.http.validity.on);
    await proxy.cut();
    await until(() => !i.app.http.validity.on);
    const answer = await i.gql(ME, {}, warm.token);
    expect([answer.status, codeOf(answer)]).toEqual([503, 'SERVICE_UNAVAILABLE']);
  });

  it('a webhook attempt whose outcome the database could not take is saved once it is back, and retried', async () => {
    const clock = new FakeClock(new Date());
    const i = await start({ WEBHOOK_POLL_INTERVAL_MS: '50' }, clock);
    const receiver = await WebhookReceiver.start();
    try {
      const created = await i.gql(
        `mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { ... on WebhookSecret { signingSecret webhook { id } } } } }`,
        { input: { url: receiver.url, events: ['user.created'] } },
        await i.adminToken(),
      );
      receiver.secret = created.body.data.admin.createWebhook.signingSecret;
      receiver.mode = 'hang';
      const user = await i.createUser('hooked');
      await until(() => receiver.ofType('user.created').length === 1);

      // The attempt is in flight: the database goes, then the receiver drops the request.
      await proxy.cut();
      await receiver.close();
      await proxy.restore();
      receiver.mode = 'ok';
      await receiver.listen();

      // The failed attempt's outcome was kept and saved once the database answered: a retry is
      // due in about 10 s (the first retry delay), not after the 40 s lease of a lost outcome.
      const delivery = () => i.db.prisma.webhookDelivery.findFirstOrThrow({ where: { eventType: 'user.created' } });
      await until(async () => (await delivery()).lockedUntil === null);
      expect((await delivery()).status).toBe('PENDING');
      clock.advance(15_000);
      i.app.webhooks.poke();
      await until(async () => (await delivery()).status === 'SUCCEEDED');
      expect(receiver.ofType('user.created').map((r) => r.payload.data.user.id)).toEqual([user.id, user.id]);
    } finally {
      await receiver.close();
    }
  });

  it('connections the server terminates inside transactions go back to the pool (none leaked, no unhandled error)', async () => {
    const i = await start();
    const load = await OutageLoad.create(i, 'terminated', 6);
    const admin = new pg.Client({ connectionString: pgTemplate!.url });
    await admin.connect();
    load.start();
    try {
      for (let n = 0; n < 5; n++) {
        const before = load.counts.ok;
        await until(() => load.counts.ok > before + 3);
        // What a restart or failover does to every backend (57P01), writes' transactions included.
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database.name]);
      }
      await load.recovered();
    } finally {
      await load.stop();
      await admin.end();
    }
    expect(load.counts.internal + load.counts.other).toBe(0);
    expect((await load.checkWrites()).lost).toBe(0);
    const pool = i.db.pool!;
    expect(pool.idleCount).toBe(pool.totalCount);
    expect(pool.waitingCount).toBe(0);
  });
});
