// The plain HTTP surface (docs/api.md#http-besides-graphql) and GraphQL hardening.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('HTTP routes', () => {
  it('serves health, readiness, JWKS and discovery', async () => {
    expect(await (await t.fetch('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.fetch('/readyz');
    expect(ready.status).toBe(200);
    const jwks = await (await t.fetch('/.well-known/jwks.json')).json();
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const discovery = await (await t.fetch('/.well-known/openid-configuration')).json();
    expect(discovery).toMatchObject({ issuer: 'http://account.test', jwks_uri: 'http://account.test/.well-known/jwks.json' });
  });

  it('reports not ready when a migration is pending', async () => {
    await t.db.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET finished_at = NULL`);
    try {
      expect((await t.fetch('/readyz')).status).toBe(503);
    } finally {
      await t.db.prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET finished_at = started_at`);
    }
    expect((await t.fetch('/readyz')).status).toBe(200);
  });

  it('exposes Prometheus metrics including GraphQL operations', async () => {
    await t.gql('query Probe { __typename }');
    const res = await t.fetch('/metrics');
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(body).toContain('process_cpu_user_seconds_total');
    expect(body).toMatch(/graphql_requests_total\{operation="Probe",outcome="ok"\} \d+/);
  });

  it('keeps the number of operation-name series bounded, whatever names clients send', async () => {
    for (let i = 0; i < 220; i++) await t.gql(`query Random${i} { __typename }`);
    const body = await (await t.fetch('/metrics')).text();
    const series = body.split('\n').filter((line) => line.startsWith('graphql_requests_total{'));
    expect(series.length).toBeLessThanOrEqual(201);
    expect(body).toMatch(/graphql_requests_total\{operation="other",outcome="ok"\} \d+/);
  });
});

describe('GraphQL hardening', () => {
  it('rejects alias bombs and oversized documents', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: accountCenter { enabled }`).join(' ')} }`;
    expect((await t.gql(aliases(5))).errors).toBeUndefined();
    expect((await t.gql(aliases(60))).errors?.[0]?.message).toMatch(/alias/i);
    const huge = `{ accountCenter { ${'enabled '.repeat(6000)} } }`;
    expect((await t.gql(huge)).errors?.[0]?.message).toMatch(/token/i);
  });

  it('turns introspection and GraphiQL off in production', async () => {
    const prod = await createTestApp({ NODE_ENV: 'production' });
    try {
      const res = await prod.gql('{ __schema { queryType { name } } }');
      expect(res.errors?.[0]?.message).toMatch(/introspection/i);
      const page = await prod.fetch('/graphql', { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('GraphiQL');
    } finally {
      await prod.close();
    }
  });
});
