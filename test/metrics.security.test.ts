// GET /metrics: with METRICS_TOKEN it needs `Authorization: Bearer <token>` (401 otherwise);
// without, it is public. A scrape runs no database query, whoever sends it: the webhook queue
// gauges come from a refresh the sending instance runs in the background.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from './helpers/test-app.js';

const TOKEN = 'scrape-0123456789abcdef0123456789';

describe('METRICS_TOKEN set', () => {
  let t: TestApp;
  const queries: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ METRICS_TOKEN: TOKEN }, { onQuery: (operation) => queries.push(operation) });
  });
  afterAll(() => t.close());

  it('refuses a scrape without the token, or with another one', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, 'Bearer ']) {
      const res = await t.fetch('/metrics', { headers: authorization === undefined ? {} : { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      const body = await res.text();
      expect(body).not.toMatch(/process_cpu|webhook_/);
    }
  });

  it('answers with the token', async () => {
    const res = await t.fetch('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^webhook_queue_depth \d+$/m);
  });

  it('runs no database query per scrape', async () => {
    // The webhook dispatcher polls in the background: stop it so every query heard comes from the scrapes.
    await t.app.webhooks.stop();
    const before = queries.length;
    for (let i = 0; i < 5; i++) {
      expect((await t.fetch('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    }
    expect(queries.slice(before)).toEqual([]);
    // The extension does hear the app's queries (the check above could not pass by hearing nothing).
    await t.app.webhooks.metrics.refreshQueueGauges();
    expect(queries.slice(before)).toEqual(['$queryRaw']);
    t.app.webhooks.start();
  });
});

describe('METRICS_TOKEN unset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves /metrics to anyone', async () => {
    const res = await t.fetch('/metrics');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^process_cpu_user_seconds_total/m);
  });
});

it('refuses a METRICS_TOKEN too short to be a secret', () => {
  expect(() => loadConfig({ ISSUER: 'http://account.test', SECRET_KEY: TEST_SECRET_KEY, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
});
