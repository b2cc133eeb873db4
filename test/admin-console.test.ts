// The admin console's server side over HTTP: its files under a strict CSP, and its own refresh
// cookie, scoped to /admin and guarded by its own header, apart from the account page's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const ORIGIN = 'http://account.test';
const CONSOLE = { 'x-admin-console': '1', origin: ORIGIN, 'sec-fetch-site': 'same-origin' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (p: string, headers: Record<string, string>, body?: unknown) =>
  t.fetch(p, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('admin console routes', () => {
  it('serves /admin with a strict CSP and its bundle gzipped, no outside asset', async () => {
    const page = await t.fetch('/admin');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    for (const [, src] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(src).toMatch(/^(\/admin\/|data:|#)/);
    const js = await t.fetch('/admin/assets/app.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect((await t.fetch('/admin/assets/../../package.json')).status).toBe(404);
  });

  it('keeps its refresh token in an HttpOnly cookie on Path=/admin, refreshed and cleared there', async () => {
    const signedIn = await t.signIn('admin@example.com', 'correct-horse-battery-staple');
    const stored = await post('/admin/session', { ...CONSOLE, authorization: `Bearer ${signedIn.accessToken}` }, { refreshToken: signedIn.refreshToken });
    expect(stored.status).toBe(204);
    const setCookie = stored.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^admin_refresh=rt_[\w-]+; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const cookie = setCookie.split(';')[0]!;
    // The account page's header does not open the console's endpoints (and the other way round).
    expect((await post('/admin/refresh', { 'x-account-page': '1', cookie })).status).toBe(403);
    // …and the console's cookie is no session to the account page: it answers as signed out (204, no token).
    const asAccount = await post('/account/refresh', { 'x-account-page': '1', cookie });
    expect(asAccount.status).toBe(204);
    expect(await asAccount.text()).toBe('');
    const refreshed = await post('/admin/refresh', { ...CONSOLE, cookie });
    expect(refreshed.status).toBe(200);
    const body = await refreshed.json();
    expect(body.scope).toContain('admin:users:read');
    const next = refreshed.headers.get('set-cookie')!.split(';')[0]!;
    const out = await post('/admin/logout', { ...CONSOLE, cookie: next });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^admin_refresh=; Path=\/admin;.*Max-Age=0/);
    expect((await post('/admin/refresh', { ...CONSOLE, cookie: next })).status).toBe(401);
  });

  it('stays up while the account page is turned off', async () => {
    await t.gql('mutation { admin { updateAccountCenter(input: { pageEnabled: false }) { __typename } } }', {}, await t.adminToken());
    expect((await t.fetch('/account')).status).toBe(404);
    expect((await t.fetch('/admin')).status).toBe(200);
  });
});
