// The account page's server side over HTTP: its files and headers, the refresh-token cookie
// endpoints (flags, CSRF, rotation, sign-out), the pageEnabled switch; and, against
// schema.graphql, that every document the web apps send is generated and valid and every ErrorCode
// has a sentence.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

import { ERROR_SENTENCES } from '../web/shared/errors.js';

const WEB = path.resolve(import.meta.dirname, '../web');

const ORIGIN = 'http://account.test';
const PAGE = { 'x-account-page': '1', origin: ORIGIN, 'sec-fetch-site': 'same-origin' };
const PASSWORD = 'page-test-password-7391';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (p: string, headers: Record<string, string> = {}, body?: unknown) =>
  t.fetch(p, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

const cookieValue = (res: Response) => /account_refresh=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

async function storedSession(email: string) {
  const user = await t.createUser({ primaryEmail: email, password: PASSWORD });
  const res = await post('/account/session', { ...PAGE, authorization: `Bearer ${user.token}` }, { refreshToken: user.refreshToken });
  expect(res.status).toBe(204);
  return { user, cookie: `account_refresh=${cookieValue(res)}`, setCookie: res.headers.get('set-cookie')! };
}

describe('static files', () => {
  it('serves the page with a strict CSP, and its assets gzipped with ETags', async () => {
    const page = await t.fetch('/account');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    // No CDN: every script and stylesheet is the service's own.
    for (const [, src] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(src).toMatch(/^(\/account\/|data:|#)/);

    const js = await t.fetch('/account/assets/app.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-encoding')).toBe('gzip');
    const etag = js.headers.get('etag')!;
    expect((await t.fetch('/account/assets/app.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await t.fetch('/account/assets/nope.js')).status).toBe(404);
    expect((await t.fetch('/account/assets/../../package.json')).status).toBe(404);
    expect((await t.fetch('/account/%2e%2e/package.json')).status).toBe(404);
  });
});

describe('refresh-token cookie endpoints', () => {
  it('stores the refresh token in an httpOnly, SameSite=Strict cookie on /account, never in a body', async () => {
    const { setCookie } = await storedSession('cookie-flags@example.com');
    expect(setCookie).toMatch(/^account_refresh=rt_[\w-]+; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/account');
    expect(setCookie).toMatch(/Max-Age=\d+/);
    expect(setCookie).not.toContain('Secure'); // ISSUER is http here; see the https case below
  });

  it('rotates on refresh: a new access token in the body, the new refresh token only in the cookie', async () => {
    const { user, cookie } = await storedSession('cookie-refresh@example.com');
    const res = await post('/account/refresh', { ...PAGE, cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'scope']);
    expect((await t.gql('{ me { id } }', {}, body.accessToken)).data.me.id).toBe(user.id);
    const next = cookieValue(res);
    expect(next).toMatch(/^rt_/);
    expect(next).not.toBe(cookie.split('=')[1]);

    // The old cookie again is reuse: refused, cookie cleared, and the whole session ended.
    const reuse = await post('/account/refresh', { ...PAGE, cookie });
    expect(reuse.status).toBe(401);
    expect(reuse.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await post('/account/refresh', { ...PAGE, cookie: `account_refresh=${next}` })).status).toBe(401);
  });

  it('refuses a refresh token of another session, a bad token, an impersonation token and no token', async () => {
    const a = await t.createUser({ primaryEmail: 'cookie-a@example.com', password: PASSWORD });
    const b = await t.createUser({ primaryEmail: 'cookie-b@example.com', password: PASSWORD });
    const store = (token: string | null, refreshToken: unknown) =>
      post('/account/session', { ...PAGE, ...(token ? { authorization: `Bearer ${token}` } : {}) }, { refreshToken });
    expect((await store(a.token, b.refreshToken)).status).toBe(400);
    expect((await store(a.token, 'not-a-token')).status).toBe(400);
    expect((await store(null, a.refreshToken)).status).toBe(401);
    const imp = await t.gql(
      `mutation($input: ImpersonateUserInput!) { admin { impersonateUser(input: $input) { ... on TokenSet { accessToken } } } }`,
      { input: { userId: a.id, reason: 'support' } },
      await t.adminToken(),
    );
    expect((await store(imp.data.admin.impersonateUser.accessToken, a.refreshToken)).status).toBe(401);
    expect((await post('/account/refresh', PAGE)).status).toBe(401);
  });

  it('is CSRF-safe: the custom header is required, a foreign Origin or cross-site fetch is refused', async () => {
    const { cookie } = await storedSession('cookie-csrf@example.com');
    const attempts: Record<string, string>[] = [
      { cookie },
      { cookie, 'x-account-page': '1', origin: 'https://evil.example' },
      { cookie, 'x-account-page': '1', 'sec-fetch-site': 'cross-site' },
      { cookie, 'x-account-page': '1', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of attempts) {
      const refused = await post('/account/refresh', headers);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ code: 'FORBIDDEN', origin: ORIGIN });
      expect((await post('/account/logout', headers)).status).toBe(403);
    }
    // Still alive after all that.
    expect((await post('/account/refresh', { ...PAGE, cookie })).status).toBe(200);
  });

  it('logout ends the session and clears the cookie', async () => {
    const { user, cookie } = await storedSession('cookie-logout@example.com');
    const res = await post('/account/logout', { ...PAGE, cookie });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^account_refresh=; .*Max-Age=0/);
    expect((await t.gql('{ me { id } }', {}, user.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await post('/account/refresh', { ...PAGE, cookie })).status).toBe(401);
  });

  it('marks the cookie Secure when ISSUER is https', async () => {
    const https = await createTestApp({ ISSUER: 'https://id.example.com' });
    try {
      const user = await https.createUser({ primaryEmail: 'secure@example.com', password: PASSWORD });
      const res = await https.fetch('/account/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-account-page': '1', origin: 'https://id.example.com', authorization: `Bearer ${user.token}` },
        body: JSON.stringify({ refreshToken: user.refreshToken }),
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
      // The http origin is not this service's origin.
      const foreign = await https.fetch('/account/logout', { method: 'POST', headers: { 'x-account-page': '1', origin: 'http://id.example.com' } });
      expect(foreign.status).toBe(403);
    } finally {
      await https.close();
    }
  });
});

describe('admin setting', () => {
  it('pageEnabled=false answers 404 on /account and its endpoints; accountCenter shows it', async () => {
    // Changing it needs admin:settings.
    const anonymous = await t.gql('mutation { admin { updateAccountCenter(input: { pageEnabled: false }) { __typename } } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const off = await t.gql(
      'mutation { admin { updateAccountCenter(input: { pageEnabled: false }) { ... on AccountCenter { pageEnabled enabled } } } }',
      {},
      await t.adminToken(),
    );
    expect(off.data.admin.updateAccountCenter).toEqual({ pageEnabled: false, enabled: true });
    expect((await t.gql('{ accountCenter { pageEnabled } }')).data.accountCenter.pageEnabled).toBe(false);
    const page = await t.fetch('/account');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Account page disabled');
    expect((await t.fetch('/account/assets/app.js')).status).toBe(404);
    expect((await post('/account/refresh', PAGE)).status).toBe(404);
    // The API itself is untouched.
    expect((await t.gql('{ __typename }')).data.__typename).toBe('Query');
    const audit = await t.gql('{ admin { auditEvents(first: 1, filter: { action: "admin.account_center.update" }) { edges { node { details } } } } }', {}, await t.adminToken());
    expect(audit.data.admin.auditEvents.edges[0].node.details).toMatchObject({ pageEnabled: false });
    await t.gql('mutation { admin { updateAccountCenter(input: { pageEnabled: true }) { __typename } } }', {}, await t.adminToken());
    expect((await t.fetch('/account')).status).toBe(200);
  });

  it('accountCenter tells a sign-in page whether sign-up is open', async () => {
    expect((await t.gql('{ accountCenter { signUpEnabled } }')).data.accountCenter.signUpEnabled).toBe(true);
    const closed = await createTestApp({ SIGN_UP_ENABLED: 'false' });
    try {
      expect((await closed.gql('{ accountCenter { signUpEnabled } }')).data.accountCenter.signUpEnabled).toBe(false);
    } finally {
      await closed.close();
    }
  });
});

describe('the page is a client of the public API only', () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = await readFile(path.resolve(import.meta.dirname, '../schema.graphql'), 'utf8');
  });

  it('every ErrorCode has a sentence', () => {
    const codes = /enum ErrorCode \{([^}]*)\}/.exec(sdl)![1]!.trim().split(/\s+/);
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => !(c in ERROR_SENTENCES))).toEqual([]);
  });

  it('Query.eventTypes serves the event catalogue with labels, to anyone', async () => {
    const { ALL_EVENT_TYPES, SECURITY_EVENT_TYPES } = await import('../src/domain/events/catalogue.js');
    const types = (await t.gql('{ eventTypes { type label security } }')).data.eventTypes as { type: string; label: string; security: boolean }[];
    expect(types.map((e) => e.type)).toEqual(ALL_EVENT_TYPES);
    expect(types.filter((e) => e.security).map((e) => e.type)).toEqual(SECURITY_EVENT_TYPES);
    expect(types.find((e) => e.type === 'user.signed_in')?.label).toBe('Signed in');
    expect(types.every((e) => e.label.length > 3 && !e.label.includes('.'))).toBe(true);
  });

  it('every document in web/ is generated by npm run codegen and validates against schema.graphql', async () => {
    const schema = buildSchema(sdl);
    let checked = 0;
    for (const dir of ['shared', 'account', 'admin']) {
      const { graphql } = (await import(path.join(WEB, dir, 'gql/gql.ts'))) as { graphql: (source: string) => unknown };
      const files = (await readdir(path.join(WEB, dir), { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith('.ts') && !f.startsWith('gql'));
      for (const file of files) {
        for (const [, source] of (await readFile(path.join(WEB, dir, file), 'utf8')).matchAll(/graphql\(`([^`]*)`\)/g)) {
          // The generated map holds exactly the text in the source: an edited document needs `npm run codegen`.
          const doc = graphql(source!);
          expect(doc instanceof String, `${dir}/${file}: run npm run codegen`).toBe(true);
          expect(validate(schema, parse(String(doc))).map((e) => `${dir}/${file}: ${e.message}`)).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
