// Webhooks end to end: a real receiver on loopback verifies every delivery with `standardwebhooks`;
// retries (500, then 200), timeouts, a receiver down across a service restart, secret rotation,
// test-fire and redelivery, the SSRF guard, scopes and metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { MAX_ATTEMPTS, retryDelayBoundsSeconds } from '../src/domain/webhooks/backoff.js';
import { createLogger } from '../src/logger.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, TEST_SECRET_KEY, type TestApp } from './helpers/test-app.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

let t: TestApp;
let admin: string;
let receiver: WebhookReceiver;

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_MS: '400', WEBHOOK_POLL_INTERVAL_MS: '100' });
  admin = await t.adminToken();
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const CREATE = `mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { __typename
  ... on WebhookSecret { signingSecret webhook { id url events enabled name } } ... on Error { code message } ... on UserError { path } } } }`;
const DELIVERIES = `query($id: ID!) { node(id: $id) { ... on Webhook { deliveries(first: 10) { totalCount edges { node {
  id eventId eventType status attempts lastStatusCode lastError nextAttemptAt createdAt } } } } } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { __typename ... on User { id } } } }`;

async function createWebhook(input: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const res = await t.gql(CREATE, { input }, admin);
  const created = res.data?.admin?.createWebhook;
  if (created?.__typename !== 'WebhookSecret') throw new Error(JSON.stringify(res));
  return { id: created.webhook.id, secret: created.signingSecret };
}

async function deliveriesOf(webhookId: string): Promise<any[]> {
  const res = await t.gql(DELIVERIES, { id: webhookId }, admin);
  if (!res.data?.node) throw new Error(JSON.stringify(res));
  return res.data.node.deliveries.edges.map((e: any) => e.node);
}

async function newUser(username: string): Promise<string> {
  const res = await t.gql(CREATE_USER, { input: { username, password: 'a-long-enough-password' } }, admin);
  return res.data.admin.createUser.id;
}

/** The newest delivery once its attempt number `attempts` has been recorded (claiming counts the attempt before the answer). */
async function recordedAttempt(webhookId: string, attempts: number): Promise<any> {
  let found: any;
  await expect
    .poll(
      async () => {
        const [d] = await deliveriesOf(webhookId);
        found = d;
        return d?.attempts === attempts && (d.status !== 'PENDING' || new Date(d.nextAttemptAt) > t.clock.now());
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return found;
}

/** Moves the injected clock past a retry's due time and wakes the dispatcher (and signs in again: tokens expire). */
async function advance(ms: number) {
  t.clock.advance(ms);
  t.app.webhooks.poke();
  admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
}

describe('webhook deliveries', () => {
  it('signs each event the Standard Webhooks way; the body names the user and carries no secret', async () => {
    const hook = await createWebhook({ url: receiver.url, events: ['user.created', 'user.deleted'], name: 'crm' });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.secret = hook.secret;
    const userId = await newUser('hook-a');
    await expect.poll(() => receiver.ofType('user.created').length, { timeout: 10_000 }).toBe(1);
    const [got] = receiver.ofType('user.created');
    expect(got!.payload).toMatchObject({ type: 'user.created', data: { user: { id: userId }, username: 'hook-a', via: 'admin' } });
    expect(got!.payload.id).toBe(got!.id);
    expect(new Date(got!.payload.timestamp).getTime()).not.toBeNaN();
    expect(got!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(got!.body).not.toMatch(/argon2|passwordHash|a-long-enough-password/);
    expect(receiver.rejected).toEqual([]);
    // Only subscribed types: the sign-in of this user is not sent here.
    await t.signIn('hook-a', 'a-long-enough-password');
    await t.gql(`mutation { admin { deleteUser(id: "${userId}") { __typename } } }`, {}, admin);
    await expect.poll(() => receiver.ofType('user.deleted').length, { timeout: 10_000 }).toBe(1);
    expect(receiver.ofType('user.signed_in')).toEqual([]);
    // The receiver records a request before the dispatcher saves its outcome: wait for the outcome.
    await expect.poll(async () => (await deliveriesOf(hook.id)).map((d) => [d.eventType, d.status, d.attempts, d.lastStatusCode, d.nextAttemptAt]), { timeout: 10_000 }).toEqual([
      ['user.deleted', 'SUCCEEDED', 1, 204, null],
      ['user.created', 'SUCCEEDED', 1, 204, null],
    ]);
    await t.gql(`mutation { admin { deleteWebhook(id: "${hook.id}") { __typename } } }`, {}, admin);
  });

  it('retries a 500 within two minutes, with the same webhook-id, then succeeds', async () => {
    const hook = await createWebhook({ url: receiver.url, events: ['user.created'] });
    receiver.secret = hook.secret;
    receiver.failNext = 1;
    const before = receiver.received.length;
    await newUser('hook-retry');
    const failed = await recordedAttempt(hook.id, 1);
    expect(failed).toMatchObject({ status: 'PENDING', lastStatusCode: 500, lastError: 'HTTP 500' });
    // The schedule's own bounds for a first retry (backoff.ts), which the contract wants within two minutes.
    const wait = new Date(failed.nextAttemptAt).getTime() - t.clock.now().getTime();
    const bounds = retryDelayBoundsSeconds(1)!;
    expect(bounds.max + retryDelayBoundsSeconds(2)!.max).toBeLessThanOrEqual(120);
    expect(wait).toBeGreaterThanOrEqual(bounds.min * 1000);
    expect(wait).toBeLessThanOrEqual(bounds.max * 1000);
    await advance(wait + 1);
    await expect.poll(async () => (await deliveriesOf(hook.id))[0]?.status, { timeout: 10_000 }).toBe('SUCCEEDED');
    expect((await deliveriesOf(hook.id))[0]).toMatchObject({ attempts: 2, lastStatusCode: 204, lastError: null });
    const attempts = receiver.received.slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.id).toBe(attempts[1]!.id);
    await t.gql(`mutation { admin { deleteWebhook(id: "${hook.id}") { __typename } } }`, {}, admin);
  });

  it('times out a hanging receiver without holding up the change, and retries', async () => {
    const hook = await createWebhook({ url: receiver.url, events: ['user.created'] });
    receiver.secret = hook.secret;
    receiver.mode = 'hang';
    const userId = await newUser('hook-hang');
    expect(userId).toMatch(/^usr_/);
    const pending = await recordedAttempt(hook.id, 1);
    expect(pending.lastError).toMatch(/timed out after 400 ms/);
    receiver.mode = 'ok';
    expect(pending.status).toBe('PENDING');
    await advance(new Date(pending.nextAttemptAt).getTime() - t.clock.now().getTime() + 1);
    await expect.poll(async () => (await deliveriesOf(hook.id))[0]?.status, { timeout: 10_000 }).toBe('SUCCEEDED');
    await t.gql(`mutation { admin { deleteWebhook(id: "${hook.id}") { __typename } } }`, {}, admin);
  });

  it('keeps a delivery across a service restart while the receiver is down', async () => {
    const down = await WebhookReceiver.start();
    const hook = await createWebhook({ url: down.url, events: ['user.created'] });
    down.secret = hook.secret;
    await down.close();
    const userId = await newUser('hook-down');
    await expect.poll(async () => (await deliveriesOf(hook.id))[0]?.lastError, { timeout: 10_000 }).toMatch(/ECONNREFUSED/);
    // The service stops; a new instance starts on the same database; the receiver comes back.
    await t.app.close();
    const restarted = await createApp({ config: t.app.deps.config, db: t.db, secretKey: TEST_SECRET_KEY, clock: t.clock, logger: createLogger('silent') });
    try {
      await down.listen();
      t.clock.advance(5 * 60_000);
      restarted.webhooks.poke();
      admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
      await expect.poll(() => down.ofType('user.created').length, { timeout: 10_000 }).toBe(1);
      expect(down.received[0]!.payload.data.user.id).toBe(userId);
    } finally {
      await restarted.close();
      await down.close();
      t.app.webhooks.start();
    }
    await t.gql(`mutation { admin { deleteWebhook(id: "${hook.id}") { __typename } } }`, {}, admin);
  });

  it('gives up after 6 attempts over about a day (FAILED), and redelivers on request', async () => {
    const hook = await createWebhook({ url: receiver.url, events: ['user.created'] });
    receiver.secret = hook.secret;
    receiver.failNext = 6;
    await newUser('hook-give-up');
    let elapsed = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const d = await recordedAttempt(hook.id, attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(d.status).toBe('PENDING');
        // Each wait within the schedule's bounds for that attempt (backoff.ts: base ± jitter).
        const wait = new Date(d.nextAttemptAt).getTime() - t.clock.now().getTime();
        const bounds = retryDelayBoundsSeconds(attempt)!;
        expect(wait).toBeGreaterThanOrEqual(bounds.min * 1000);
        expect(wait).toBeLessThanOrEqual(bounds.max * 1000);
        elapsed += wait + 1;
        await advance(wait + 1);
      }
    }
    await expect.poll(async () => (await deliveriesOf(hook.id))[0]?.status, { timeout: 10_000 }).toBe('FAILED');
    expect(retryDelayBoundsSeconds(MAX_ATTEMPTS)).toBeNull();
    // "About a day": the schedule's shortest and longest totals both fall between 16 and 28 hours.
    const total = (edge: 'min' | 'max') => Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayBoundsSeconds(i + 1)![edge]).reduce((a, b) => a + b, 0);
    expect(total('min')).toBeGreaterThan(16 * 3600);
    expect(total('max')).toBeLessThan(28 * 3600);
    expect(elapsed).toBeGreaterThanOrEqual(total('min') * 1000);
    expect(elapsed).toBeLessThanOrEqual(total('max') * 1000 + MAX_ATTEMPTS);
    const [failed] = await deliveriesOf(hook.id);
    const redelivered = await t.gql(`mutation($id: ID!) { admin { redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id eventId status } } } }`, { id: failed.id }, admin);
    expect(redelivered.data.admin.redeliverWebhook).toMatchObject({ __typename: 'WebhookDelivery', eventId: failed.eventId, status: 'PENDING' });
    await expect.poll(async () => (await deliveriesOf(hook.id))[0]?.status, { timeout: 10_000 }).toBe('SUCCEEDED');
    expect(receiver.received.filter((r) => r.id === failed.eventId)).toHaveLength(7);
    await t.gql(`mutation { admin { deleteWebhook(id: "${hook.id}") { __typename } } }`, {}, admin);
  });
});

describe('webhook management', () => {
  it('test-fires, rotates the secret (old signatures stop verifying), updates and deletes', async () => {
    const hook = await createWebhook({ url: receiver.url, events: ['*'], enabled: false });
    receiver.secret = hook.secret;
    const fired = await t.gql(`mutation($id: ID!) { admin { testWebhook(id: $id) { __typename ... on WebhookDelivery { eventType status } } } }`, { id: hook.id }, admin);
    expect(fired.data.admin.testWebhook).toEqual({ __typename: 'WebhookDelivery', eventType: 'webhook.test', status: 'PENDING' });
    // A disabled webhook only gets its test (the dispatcher sends deliveries of enabled ones).
    const enable = await t.gql(`mutation($id: ID!) { admin { updateWebhook(id: $id, input: { enabled: true, name: "all" }) { __typename ... on Webhook { enabled name events } } } }`, { id: hook.id }, admin);
    expect(enable.data.admin.updateWebhook).toMatchObject({ enabled: true, name: 'all', events: ['*'] });
    await expect.poll(() => receiver.ofType('webhook.test').length, { timeout: 10_000 }).toBe(1);
    expect(receiver.ofType('webhook.test')[0]!.payload.data.webhook.id).toBe(hook.id);

    const rotated = await t.gql(`mutation($id: ID!) { admin { rotateWebhookSecret(id: $id) { __typename ... on WebhookSecret { signingSecret } } } }`, { id: hook.id }, admin);
    const newSecret = rotated.data.admin.rotateWebhookSecret.signingSecret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(hook.secret);
    const rejectedBefore = receiver.rejected.length;
    await newUser('hook-rotate-1');
    await expect.poll(() => receiver.rejected.length, { timeout: 10_000 }).toBeGreaterThan(rejectedBefore);
    receiver.secret = newSecret;
    await newUser('hook-rotate-2');
    await expect.poll(() => receiver.ofType('user.created').some((r) => r.payload.data.username === 'hook-rotate-2'), { timeout: 10_000 }).toBe(true);

    // The secret is stored sealed, never in clear.
    const row = await t.db.prisma.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(row.secretEncrypted).not.toContain(newSecret.slice(6));
    const audit = await t.db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'admin.webhook.' } } });
    expect(JSON.stringify(audit)).not.toContain(newSecret.slice(6));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['admin.webhook.create', 'admin.webhook.test', 'admin.webhook.update', 'admin.webhook.rotate_secret']));

    const deleted = await t.gql(`mutation($id: ID!) { admin { deleteWebhook(id: $id) { __typename ... on Webhook { id } } } }`, { id: hook.id }, admin);
    expect(deleted.data.admin.deleteWebhook).toEqual({ __typename: 'Webhook', id: hook.id });
    const again = await t.gql(`mutation($id: ID!) { admin { deleteWebhook(id: $id) { __typename ... on Error { code } } } }`, { id: hook.id }, admin);
    expect(again.data.admin.deleteWebhook).toEqual({ __typename: 'UserError', code: 'NOT_FOUND' });
  });

  it('refuses unknown event types and malformed URLs with INVALID_INPUT', async () => {
    const badType = await t.gql(CREATE, { input: { url: receiver.url, events: ['user.nope'] } }, admin);
    expect(badType.data.admin.createWebhook).toMatchObject({ code: 'INVALID_INPUT', path: ['events'] });
    const none = await t.gql(CREATE, { input: { url: receiver.url, events: [] } }, admin);
    expect(none.data.admin.createWebhook).toMatchObject({ code: 'INVALID_INPUT', path: ['events'] });
    for (const url of ['ftp://example.com/x', 'not a url', 'http://user:pw@127.0.0.1/']) {
      const res = await t.gql(CREATE, { input: { url, events: ['*'] } }, admin);
      expect(res.data.admin.createWebhook).toMatchObject({ code: 'INVALID_INPUT', path: ['url'] });
    }
  });

  it('needs admin:settings', async () => {
    await newUser('hook-nobody');
    const user = { token: (await t.signIn('hook-nobody', 'a-long-enough-password')).accessToken };
    const res = await t.gql(CREATE, { input: { url: receiver.url, events: ['*'] } }, user.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await t.gql(`{ admin { webhooks { totalCount } } }`, {}, user.token);
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reports deliveries by outcome, queue depth and the oldest pending age in /metrics', async () => {
    // Counters are process-wide: this test reads how much its own deliveries add.
    const scrape = async () => {
      const text = await (await t.fetch('/metrics')).text();
      const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
      return {
        succeeded: value(/^webhook_deliveries_total\{outcome="succeeded"\} (\d+)$/m),
        retrying: value(/^webhook_deliveries_total\{outcome="retrying"\} (\d+)$/m),
        failed: value(/^webhook_deliveries_total\{outcome="failed"\} (\d+)$/m),
        depth: value(/^webhook_queue_depth (\d+)$/m),
        oldest: value(/^webhook_oldest_pending_seconds ([\d.]+)$/m),
      };
    };
    const before = await scrape();
    const hook = await createWebhook({ url: receiver.url, events: ['user.created'] });
    receiver.secret = hook.secret;
    receiver.failNext = 2;
    await newUser('hook-metrics');
    const first = await recordedAttempt(hook.id, 1);
    expect(first.status).toBe('PENDING');
    // The next attempt is made the last one (a crafted state in this file's database), so its failure gives up.
    await t.db.prisma.webhookDelivery.update({ where: { id: first.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    await advance(new Date(first.nextAttemptAt).getTime() - t.clock.now().getTime() + 1);
    await expect.poll(async () => (await deliveriesOf(hook.id))[0]?.status, { timeout: 10_000 }).toBe('FAILED');
    await t.gql(`mutation($id: ID!) { admin { redeliverWebhook(deliveryId: $id) { __typename } } }`, { id: first.id }, admin);
    await expect.poll(async () => (await deliveriesOf(hook.id))[0]?.status, { timeout: 10_000 }).toBe('SUCCEEDED');
    const after = await scrape();
    expect([after.succeeded - before.succeeded, after.retrying - before.retrying, after.failed - before.failed]).toEqual([1, 1, 1]);

    // A pending delivery the dispatcher skips (its webhook is disabled) stays in the queue.
    const idle = await createWebhook({ url: receiver.url, events: ['user.created'], enabled: false });
    await t.gql(`mutation($id: ID!) { admin { testWebhook(id: $id) { __typename } } }`, { id: idle.id }, admin);
    t.clock.advance(90_000);
    await t.app.webhooks.metrics.refreshQueueGauges();
    const queued = await scrape();
    expect(queued.depth).toBe(await t.db.prisma.webhookDelivery.count({ where: { status: 'PENDING' } }));
    expect(queued.depth).toBeGreaterThanOrEqual(1);
    expect(queued.oldest).toBeGreaterThanOrEqual(90);
    for (const id of [hook.id, idle.id]) await t.gql(`mutation { admin { deleteWebhook(id: "${id}") { __typename } } }`, {}, admin);
  });
});

describe('SSRF guard (WEBHOOK_ALLOW_PRIVATE unset)', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp();
  });
  afterAll(() => strict.close());

  it('refuses URLs that resolve to loopback, link-local or private addresses', async () => {
    const token = await strict.adminToken();
    for (const url of ['http://127.0.0.1:8080/x', 'http://localhost/x', 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/', 'http://192.168.1.10/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/',
      'http://[::127.0.0.1]/', 'http://[::a9fe:a9fe]/', 'http://[64:ff9b:1::a00:1]/', 'http://[fec0::1]/']) {
      const res = await strict.gql(CREATE, { input: { url, events: ['*'] } }, token);
      expect(res.data.admin.createWebhook, url).toMatchObject({ __typename: 'UserError', code: 'INVALID_INPUT', path: ['url'] });
      expect(res.data.admin.createWebhook.message).toMatch(/loopback, link-local and private addresses are refused/);
    }
    expect(await strict.db.prisma.webhook.count()).toBe(0);
  });

  it('refuses at connection time too: a webhook stored before the guard applied is not sent to loopback', async () => {
    const down = await WebhookReceiver.start();
    const { secrets } = strict.app.deps;
    await strict.db.prisma.webhook.create({ data: { url: down.url, events: ['*'], secretEncrypted: secrets.encrypt('webhook', 'whsec_AAAA') } });
    await strict.createUser({ username: 'ssrf-user', password: 'a-long-enough-password' });
    await expect
      .poll(async () => (await strict.db.prisma.webhookDelivery.findFirst({ where: { eventType: 'user.created' } }))?.lastError, { timeout: 10_000 })
      .toMatch(/refused: 127\.0\.0\.1 is a loopback/);
    expect(down.received.length + down.rejected.length).toBe(0);
    await down.close();
  });
});
