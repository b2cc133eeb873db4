// Fault injection (PostgreSQL only, and only with FAULT_INJECTION=1: .ci/run runs it once, alone,
// after the PostgreSQL suite). It stops and starts the machine's own PostgreSQL and
// Redis while clients read `me` and write their profile through HTTP, and checks what the issue
// asks: no 500, only SERVICE_UNAVAILABLE (or cached reads within DEGRADED_READ_SECONDS), writes
// again within 2 s of the database, no acknowledged write lost, every webhook delivery arrives once
// the receiver and the database are back, a subscription over Redis hears again after Redis
// returns. Each stop lasts a few seconds (other test runs share this PostgreSQL); whatever
// happens, both services are started again (afterAll, finally, and a process 'exit' hook).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FakeClock } from '../src/lib/clock.js';
import { cloneDatabase, type OutageInstance, startOutageInstance } from './helpers/outage-instance.js';
import { OutageLoad } from './helpers/outage-load.js';
import { redisAnswers, restoreServices, startPostgres, startRedis, stopPostgres, stopRedis } from './helpers/service-control.js';
import { subscribe } from './helpers/sse.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

const pgTemplate = inject('pgTemplate');
const enabled = Boolean(pgTemplate) && process.env.FAULT_INJECTION === '1';
const OUTAGE_MS = 3_000;
const CLIENTS = 8;
const SUBSCRIPTION = 'subscription { securityEvents { type } }';

async function until(probe: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await Promise.resolve().then(probe).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(enabled)('fault injection: the machine PostgreSQL and Redis stopped under load', () => {
  let database: Awaited<ReturnType<typeof cloneDatabase>>;
  let instance: OutageInstance;
  let receiver: WebhookReceiver;
  const clock = new FakeClock(new Date());
  const withRedis = redisAnswers();

  beforeAll(async () => {
    const { url, template, prefix } = pgTemplate!;
    database = await cloneDatabase(url, template, prefix);
    instance = await startOutageInstance(
      database.url,
      {
        WEBHOOK_POLL_INTERVAL_MS: '100',
        ...(withRedis ? { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `faults-${randomBytes(3).toString('hex')}:` } : {}),
      },
      { clock },
    );
    receiver = await WebhookReceiver.start();
    const created = await instance.gql(
      `mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { ... on WebhookSecret { signingSecret } } } }`,
      { input: { url: receiver.url, events: ['user.updated'] } },
      await instance.adminToken(),
    );
    receiver.secret = created.body.data.admin.createWebhook.signingSecret;
  });

  afterAll(async () => {
    await restoreServices();
    await receiver?.close();
    await instance?.close();
    await database?.drop();
  });

  it('a database stop: no 500, only 503 or cached reads, writes back within 2 s, none lost, every webhook delivered', async () => {
    const load = await OutageLoad.create(instance, 'db-fault', CLIENTS);
    load.start();
    try {
      await until(() => load.counts.ok > CLIENTS * 4);
      await receiver.close();
      load.markDown();
      await stopPostgres();
      try {
        await sleep(OUTAGE_MS);
      } finally {
        await startPostgres();
        load.markUp();
      }
      await receiver.listen();
      await load.recovered();
    } finally {
      await load.stop();
    }
    expect(load.samples).toEqual([]);
    expect(load.counts.internal).toBe(0);
    expect(load.counts.other).toBe(0);
    expect(load.counts.unavailable).toBeGreaterThan(0);
    expect(load.recoveryMs).not.toBeNull();
    expect(load.recoveryMs!).toBeLessThanOrEqual(2000);
    expect((await load.checkWrites()).lost).toBe(0);

    // Deliveries that failed while the receiver was down are due after their retry delay (the
    // instance runs on a fake clock): move it on until every one has arrived.
    await until(async () => {
      clock.advance(20_000);
      instance.app.webhooks.poke();
      return (await instance.db.prisma.webhookDelivery.count({ where: { status: { not: 'SUCCEEDED' } } })) === 0;
    }, 60_000);
    const deliveries = await instance.db.prisma.webhookDelivery.findMany({ select: { eventId: true } });
    const received = new Set(receiver.ofType('user.updated').map((r) => r.payload.id));
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.filter((d) => !received.has(d.eventId))).toEqual([]);
    // One outage line each way, whatever the number of refused requests.
    expect(instance.logs.filter((l) => /^database unreachable/.test(l.msg ?? ''))).toHaveLength(1);
    expect(instance.logs.filter((l) => l.level >= 50)).toEqual([]);
    // Warnings come from the outage itself and the change feed, not from each worker or request.
    expect(instance.logs.filter((l) => l.level === 40 && !/^(database|change feed)/.test(l.msg ?? '')).map((l) => l.msg)).toEqual([]);
  });

  it.runIf(withRedis)('a Redis stop: me keeps working, a new subscription is refused with 503, an open one hears again once Redis is back', async () => {
    const { id, token } = await instance.createUser('redis-fault-subscriber');
    const stream = await subscribe(`${instance.url}/graphql`, SUBSCRIPTION, token);
    const load = await OutageLoad.create(instance, 'redis-fault', CLIENTS);
    load.start();
    try {
      await until(() => load.counts.ok > CLIENTS * 4);
      await stopRedis();
      try {
        await until(() => instance.app.deps.outages.isDown('redis'));
        const refused = await fetch(`${instance.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: SUBSCRIPTION }),
        });
        expect(await refused.text()).toContain('SERVICE_UNAVAILABLE');
        await sleep(OUTAGE_MS);
      } finally {
        await startRedis();
      }
      await until(() => !instance.app.deps.outages.isDown('redis'));
    } finally {
      await load.stop();
    }
    expect(load.samples).toEqual([]);
    expect(load.counts.internal + load.counts.other + load.counts.unavailable).toBe(0);
    // The open stream hears the next security event (a sign-in) through the restarted Redis.
    await instance.signIn('redis-fault-subscriber');
    await until(() => stream.events.some((e) => e.data?.securityEvents?.type === 'user.signed_in'));
    stream.cancel();
    expect(id).toBeTruthy();
  });
});
