// What a receiver answers never stops the recording of other deliveries: a NUL byte (PostgreSQL text
// refuses it), invalid UTF-8, a huge body, a redirect; a failing write of one outcome (a trigger in
// this file's own database makes it fail) holds no other, and MAX_ATTEMPTS still applies. Also: a
// disabled webhook gets nothing. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../src/domain/webhooks/backoff.js';
import { RESPONSE_BODY_CAP_BYTES } from '../src/domain/webhooks/sender.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

let t: TestApp;
let admin: string;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_POLL_INTERVAL_MS: '100' }, { logLevel: 'warn' });
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await t.db.prisma.webhook.deleteMany();
  await t.db.prisma.$executeRawUnsafe('DROP TRIGGER IF EXISTS refuse_outcome ON "WebhookDelivery"');
});
afterAll(() => t.close());

const CREATE = `mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { __typename
  ... on WebhookSecret { signingSecret webhook { id } } ... on Error { code message } } } }`;

/** A receiver subscribed to user.created through a webhook of its own. */
async function hookedReceiver(enabled = true): Promise<{ receiver: WebhookReceiver; webhookId: string }> {
  const receiver = await WebhookReceiver.start();
  receivers.push(receiver);
  // Signed in again each time: tests move the clock past an access token's lifetime.
  admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
  const res = await t.gql(CREATE, { input: { url: receiver.url, events: ['user.created'], enabled } }, admin);
  const created = res.data?.admin?.createWebhook;
  if (created?.__typename !== 'WebhookSecret') throw new Error(JSON.stringify(res));
  receiver.secret = created.signingSecret;
  return { receiver, webhookId: created.webhook.id };
}

const deliveryOf = (webhookId: string) => t.db.prisma.webhookDelivery.findFirst({ where: { webhookId }, orderBy: { createdAt: 'desc' } });

/** Waits until the dispatcher saved an outcome of attempt `attempts` (lockedUntil is cleared with it). */
async function recorded(webhookId: string, attempts = 1) {
  await expect.poll(async () => {
    const d = await deliveryOf(webhookId);
    return d !== null && d.attempts === attempts && d.lockedUntil === null;
  }, { timeout: 15_000 }).toBe(true);
  return (await deliveryOf(webhookId))!;
}

/** Refuses (in this file's database) every outcome write for one webhook's deliveries matching `when`. */
async function refuseOutcomes(webhookId: string, when: string) {
  await t.db.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'outcome refused by the test'; END $$`);
  await t.db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_outcome BEFORE UPDATE ON "WebhookDelivery" FOR EACH ROW
    WHEN (NEW."webhookId" = '${webhookId}' AND NEW."lockedUntil" IS NULL AND (${when})) EXECUTE FUNCTION refuse_outcome()`);
}

describe('a receiver answering bytes that cannot be stored', () => {
  it('NUL, invalid UTF-8 and a huge body are stored cleaned and capped; every other outcome is recorded', async () => {
    const nul = await hookedReceiver();
    nul.receiver.answer = { status: 200, body: 'ok\u0000then more' };
    const badUtf8 = await hookedReceiver();
    badUtf8.receiver.answer = { status: 500, body: Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0x00, 0xc3]) };
    const huge = await hookedReceiver();
    // One byte, then two-byte characters: the cap falls inside one, which is dropped, not cut.
    huge.receiver.answer = { status: 200, body: `x${'\u00e9'.repeat(RESPONSE_BODY_CAP_BYTES)}${'y'.repeat(1 << 20)}` };
    const plain = await hookedReceiver();

    await t.createUser({ username: 'answers-user', password: 'a-long-enough-password' });

    expect(await recorded(plain.webhookId)).toMatchObject({ status: 'SUCCEEDED', lastStatusCode: 204 });
    const fromNul = await recorded(nul.webhookId);
    expect(fromNul).toMatchObject({ status: 'SUCCEEDED', lastStatusCode: 200, lastResponseBody: 'okthen more' });
    const fromBad = await recorded(badUtf8.webhookId);
    expect(fromBad).toMatchObject({ status: 'PENDING', lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(fromBad.lastResponseBody).toBe('bad\ufffd\ufffd\ufffd');
    const fromHuge = await recorded(huge.webhookId);
    expect(fromHuge.status).toBe('SUCCEEDED');
    expect(Buffer.byteLength(fromHuge.lastResponseBody!)).toBeLessThanOrEqual(RESPONSE_BODY_CAP_BYTES);
    expect(fromHuge.lastResponseBody).toBe(`x${'\u00e9'.repeat(RESPONSE_BODY_CAP_BYTES / 2 - 1)}`);
    // Each receiver got the event once: nothing is sent again because an outcome was not saved.
    for (const { receiver } of [nul, badUtf8, huge, plain]) expect(receiver.ofType('user.created')).toHaveLength(1);
  });

  it('a redirect is not followed: it is a failed attempt, and the other location gets nothing', async () => {
    const hook = await hookedReceiver();
    hook.receiver.answer = { status: 307, headers: { location: `http://127.0.0.1:${hook.receiver.port}/elsewhere` } };
    await t.createUser({ username: 'answers-redirect', password: 'a-long-enough-password' });
    expect(await recorded(hook.webhookId)).toMatchObject({ status: 'PENDING', lastStatusCode: 307, lastError: 'HTTP 307' });
    expect(hook.receiver.paths).toEqual(['/hooks']);
  });
});

describe('a failed write of one outcome', () => {
  it('holds no other delivery; the full outcome that cannot be written is saved without the answer', async () => {
    const refused = await hookedReceiver();
    refused.receiver.answer = { status: 200, body: 'fine' };
    const other = await hookedReceiver();
    await refuseOutcomes(refused.webhookId, `NEW."lastResponseBody" IS NOT NULL`);
    await t.createUser({ username: 'outcome-fallback', password: 'a-long-enough-password' });
    expect(await recorded(other.webhookId)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await recorded(refused.webhookId)).toMatchObject({ status: 'SUCCEEDED', lastStatusCode: 200, lastResponseBody: null });
    expect(t.logs.some((l) => l.msg === 'could not record a webhook outcome' && l.deliveryId)).toBe(true);
  });

  it('when no write of its outcome succeeds, the others are still recorded and MAX_ATTEMPTS still ends it', async () => {
    const refused = await hookedReceiver();
    const other = await hookedReceiver();
    await refuseOutcomes(refused.webhookId, 'true');
    await t.createUser({ username: 'outcome-refused', password: 'a-long-enough-password' });
    expect(await recorded(other.webhookId)).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
    // Each lapsed lease lets the dispatcher try again; the outcome is never saved.
    for (let sent = 1; sent <= MAX_ATTEMPTS; sent++) {
      await expect.poll(() => refused.receiver.received.length, { timeout: 15_000 }).toBe(sent);
      await expect.poll(async () => (await deliveryOf(refused.webhookId))?.attempts, { timeout: 15_000 }).toBe(sent);
      t.clock.advance(60_000);
      t.app.webhooks.poke();
    }
    // The receiver is answering again but the write is still refused: the next claim gives up without sending.
    await expect.poll(async () => (await deliveryOf(refused.webhookId))?.attempts, { timeout: 15_000 }).toBe(MAX_ATTEMPTS + 1);
    await t.db.prisma.$executeRawUnsafe('DROP TRIGGER refuse_outcome ON "WebhookDelivery"');
    t.clock.advance(60_000);
    t.app.webhooks.poke();
    await expect.poll(async () => (await deliveryOf(refused.webhookId))?.status, { timeout: 15_000 }).toBe('FAILED');
    const row = (await deliveryOf(refused.webhookId))!;
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, lockedUntil: null });
    expect(row.lastError).toMatch(/gave up after 6 attempts/);
    expect(refused.receiver.received).toHaveLength(MAX_ATTEMPTS);
  });
});

describe('a disabled webhook', () => {
  it('gets nothing, while an enabled one gets the same event', async () => {
    const disabled = await hookedReceiver(false);
    const enabled = await hookedReceiver();
    await t.createUser({ username: 'answers-disabled', password: 'a-long-enough-password' });
    expect(await recorded(enabled.webhookId)).toMatchObject({ status: 'SUCCEEDED' });
    expect(await deliveryOf(disabled.webhookId)).toBeNull();
    expect(disabled.receiver.paths).toEqual([]);
  });

  it('gets no retry of a delivery queued before it was disabled', async () => {
    const hook = await hookedReceiver();
    hook.receiver.answer = { status: 500 };
    await t.createUser({ username: 'answers-disabled-later', password: 'a-long-enough-password' });
    const failed = await recorded(hook.webhookId);
    expect(failed.status).toBe('PENDING');
    const res = await t.gql(`mutation($id: ID!) { admin { updateWebhook(id: $id, input: { enabled: false }) { __typename } } }`, { id: hook.webhookId }, admin);
    expect(res.data.admin.updateWebhook.__typename).toBe('Webhook');
    t.clock.advance(failed.nextAttemptAt.getTime() - t.clock.now().getTime() + 1000);
    // Whatever is due now is claimed by this call: the disabled webhook's retry is not among it.
    await t.app.webhooks.runOnce();
    expect(await deliveryOf(hook.webhookId)).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: null });
    expect(hook.receiver.paths).toEqual(['/hooks']);
  });
});
