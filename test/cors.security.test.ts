// CORS (docs/security.md): an exact allow-list, never a reflected origin. Requests carry real
// Origin headers and real preflights through the app's HTTP handling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const QUERY = JSON.stringify({ query: '{ __typename }' });

function post(t: TestApp, origin: string | null, path = '/graphql') {
  return t.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: QUERY,
  });
}

function preflight(t: TestApp, origin: string, path = '/graphql') {
  return t.fetch(path, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
}

function expectRefused(res: Response) {
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
  expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  expect(res.headers.get('access-control-allow-methods')).toBeNull();
  expect(res.headers.get('access-control-allow-headers')).toBeNull();
}

function expectAllowed(res: Response, origin: string) {
  expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  expect(res.headers.get('access-control-allow-credentials')).toBe('true');
  expect(res.headers.get('vary')?.toLowerCase()).toContain('origin');
}

describe('CORS by default (development): the issuer origin and loopback origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(['https://evil.example', 'http://account.test.evil.example', 'http://localhost.evil.example:5173', 'null', 'http://account.test:8080'])(
    'never reflects the unlisted origin %s',
    async (origin) => {
      const res = await post(t, origin);
      expect(res.status).toBe(200);
      expectRefused(res);
      expect(res.headers.get('vary')?.toLowerCase()).toContain('origin');
      const pre = await preflight(t, origin);
      expect(pre.status).toBe(204);
      expectRefused(pre);
    },
  );

  it.each(['http://account.test', 'http://localhost:5173', 'http://127.0.0.1:3000', 'http://localhost'])('allows %s', async (origin) => {
    expectAllowed(await post(t, origin), origin);
  });

  it('answers a preflight from an allowed origin with methods, headers and a max age', async () => {
    const res = await preflight(t, 'http://localhost:5173');
    expect(res.status).toBe(204);
    expectAllowed(res, 'http://localhost:5173');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const allowedHeaders = res.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
    expect(allowedHeaders).toContain('authorization');
    expect(allowedHeaders).toContain('content-type');
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(await res.text()).toBe('');
  });

  it('lets an allowed origin read WWW-Authenticate from a refused bearer request', async () => {
    const res = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173', authorization: 'Bearer nonsense' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expectAllowed(res, 'http://localhost:5173');
    expect(res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('www-authenticate');
  });

  it('applies to the plain routes too', async () => {
    const allowed = await t.fetch('/.well-known/jwks.json', { headers: { origin: 'http://localhost:5173' } });
    expectAllowed(allowed, 'http://localhost:5173');
    const refused = await t.fetch('/.well-known/jwks.json', { headers: { origin: 'https://evil.example' } });
    expectRefused(refused);
    const token = await preflight(t, 'https://evil.example', '/oauth/token');
    expectRefused(token);
  });

  it('sends no CORS headers without an Origin', async () => {
    const res = await post(t, null);
    expect(res.status).toBe(200);
    expectRefused(res);
  });
});

describe('CORS in production: same origin only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('refuses loopback origins and allows the issuer origin', async () => {
    expectRefused(await post(t, 'http://localhost:5173'));
    expectRefused(await preflight(t, 'http://127.0.0.1:3000'));
    expectAllowed(await post(t, 'http://account.test'), 'http://account.test');
  });
});

describe('CORS_ORIGINS: an exact allow-list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://app.example.com, https://admin.example.com:8443/' });
  });
  afterAll(() => t.close());

  it('allows exactly the listed origins (and the issuer), nothing else', async () => {
    expectAllowed(await post(t, 'https://app.example.com'), 'https://app.example.com');
    expectAllowed(await preflight(t, 'https://admin.example.com:8443'), 'https://admin.example.com:8443');
    expectAllowed(await post(t, 'http://account.test'), 'http://account.test');
    for (const origin of ['http://app.example.com', 'https://admin.example.com', 'https://sub.app.example.com', 'http://localhost:5173']) {
      expectRefused(await post(t, origin));
      expectRefused(await preflight(t, origin));
    }
  });
});

describe('CORS_ORIGINS parsing', () => {
  it('normalises origins', () => {
    expect(loadConfig({ CORS_ORIGINS: ' https://App.Example.com/ ,http://x.test:81' }).corsOrigins).toEqual(['https://app.example.com', 'http://x.test:81']);
    expect(loadConfig({}).corsOrigins).toBeUndefined();
  });

  it.each(['*', 'app.example.com', 'https://app.example.com/path', 'ftp://files.example.com', 'https://app.example.com?x=1'])('rejects %j naming CORS_ORIGINS', (value) => {
    try {
      loadConfig({ CORS_ORIGINS: value });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).variable).toBe('CORS_ORIGINS');
    }
  });
});
