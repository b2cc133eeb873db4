// PostgreSQL only (runs when TEST_DATABASE_URL is set): two app instances share one database and
// both run the webhook dispatcher; every event reaches the receiver exactly once.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { type Database, openPostgres } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from './helpers/test-app.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

const EVENTS = 60;

describe.runIf(inject('pgTemplate'))('webhooks with two instances on one PostgreSQL', () => {
  let t: TestApp;
  let secondDb: Database;
  let second: App;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_INTERVAL_MS: '50' });
    secondDb = await openPostgres(t.databaseUrl!, 5);
    second = await createApp({ config: t.app.deps.config, db: secondDb, secretKey: TEST_SECRET_KEY, clock: t.clock, logger: createLogger('silent') });
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await second.close();
    await secondDb.close();
    await receiver.close();
    await t.close();
  });

  it('delivers each event once though both instances claim from the same queue', async () => {
    const admin = await t.adminToken();
    const created = await t.gql(
      `mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { ... on WebhookSecret { signingSecret } } } }`,
      { input: { url: receiver.url, events: ['user.created'] } },
      admin,
    );
    receiver.secret = created.data.admin.createWebhook.signingSecret;
    // Changes go through both instances, so both are woken by their own commits and poll for the other's.
    const viaSecond = (query: string, variables: Record<string, unknown>) =>
      second.fetch('http://account.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query, variables }),
      });
    const CREATE_USER = `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { __typename } } }`;
    await Promise.all(
      Array.from({ length: EVENTS }, (_, i) =>
        i % 2 ? t.gql(CREATE_USER, { input: { username: `twin-${i}` } }, admin) : viaSecond(CREATE_USER, { input: { username: `twin-${i}` } }),
      ),
    );
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(EVENTS);
    // Give a duplicate time to show up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ids = receiver.received.map((r) => r.id);
    expect(ids).toHaveLength(EVENTS);
    expect(new Set(ids).size).toBe(EVENTS);
    expect(receiver.rejected).toEqual([]);
    const statuses = await t.db.prisma.webhookDelivery.groupBy({ by: ['status'], _count: true });
    expect(statuses).toEqual([{ status: 'SUCCEEDED', _count: EVENTS }]);
  });
});
