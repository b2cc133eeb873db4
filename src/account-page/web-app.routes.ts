// A web app the service serves at its own path (the account page at /account, the admin console
// at /admin; docs/account-page.md): its static files, and three small endpoints that keep the
// refresh token out of scripts' reach in an httpOnly cookie scoped to that path:
//   POST <base>/session  {refreshToken} + Bearer access token of the same session -> sets the cookie
//   POST <base>/refresh  -> rotates the cookie's refresh token, answers a new access token
//   POST <base>/logout   -> ends the cookie's session and clears the cookie
//   POST <base>/device   {deviceToken} -> stores a trusted-device token (account page only; device-cookie.ts)
// CSRF: the cookie is SameSite=Strict, and each endpoint demands the app's custom header
// (`X-Account-Page: 1`, `X-Admin-Console: 1`: a cross-site page cannot send it without a CORS
// preflight, which nothing grants) and, when the browser sends them, a same-origin `Origin` and
// `Sec-Fetch-Site`.
import { GraphQLError } from 'graphql';
import type { RequestInfo } from '../domain/audit/audit.service.js';
import type { HttpDeps } from '../context.js';
import type { Deps } from '../domain/deps.js';
import { AppError } from '../domain/errors.js';
import { refreshTokens } from '../domain/sessions/sessions.service.js';
import { liveSessionOfRefreshToken, revokeSessionOfRefreshToken } from '../domain/sessions/refresh-token-lookup.js';
import { readBodyCapped } from '../lib/body-limit.js';
import { deviceCookie, readCookie } from './device-cookie.js';
import { loadStaticFiles, serveFile, webRoot } from './static-files.js';

const MAX_BODY_BYTES = 4096;

export interface WebAppOptions {
  /** '/account' or '/admin': the app's path, its endpoints' prefix and its cookie's Path. */
  base: string;
  app: 'account' | 'admin';
  cookie: string;
  /** Lower-case custom header the cookie endpoints demand. */
  header: string;
  /** A 404 page instead of the app while this answers true (the account page's pageEnabled). */
  disabled?: () => Promise<boolean>;
  /** Serves POST <base>/device, which keeps a trusted-device token in its own HttpOnly cookie. */
  trustedDevices?: boolean;
  /** Paths under <base> that open the app itself (the account page's mail links: report, revert-email). */
  linkPages?: readonly string[];
}

// The page loads only its own files and talks only to its own origin. Avatars may be any https image.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // A social sign-in returns to /account?code=…&state=…: never leak that URL to another site.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};
const NO_STORE = { 'cache-control': 'no-store' };

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...NO_STORE, ...headers } });

export const DISABLED_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Account page disabled</title>
<h1>Account page disabled</h1><p>The administrator has turned this page off.</p></html>`;

export function createWebAppRoutes(deps: Deps, http: HttpDeps, options: WebAppOptions) {
  const { config } = deps;
  const { base, header: CSRF_HEADER, cookie: REFRESH_COOKIE } = options;
  const origin = new URL(config.issuer).origin;
  const secure = config.issuer.startsWith('https:');
  const files = loadStaticFiles(webRoot(options.app));

  const cookie = (value: string, maxAge: number) =>
    [`${REFRESH_COOKIE}=${value}`, `Path=${base}`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`, ...(secure ? ['Secure'] : [])].join('; ');
  const clearCookie = () => cookie('', 0);

  const sameOrigin = (request: Request): boolean => {
    if (request.headers.get(CSRF_HEADER) !== '1') return false;
    const requestOrigin = request.headers.get('origin');
    if (requestOrigin !== null && requestOrigin !== origin) return false;
    const site = request.headers.get('sec-fetch-site');
    return site === null || site === 'same-origin';
  };

  /** The token named `field` of a small JSON body, when it has the expected shape; else the refusal to answer. */
  async function tokenFromBody(request: Request, field: string, shape: RegExp): Promise<string | Response> {
    const body = await readBodyCapped(request, MAX_BODY_BYTES);
    if ('tooLarge' in body) return json({ code: 'INVALID_INPUT' }, 413, body.headers);
    let token: unknown;
    try {
      token = (JSON.parse(body.text) as Record<string, unknown>)[field];
    } catch {
      return json({ code: 'INVALID_INPUT' }, 400);
    }
    return typeof token === 'string' && shape.test(token) ? token : json({ code: 'INVALID_INPUT' }, 400);
  }

  async function storeSession(request: Request): Promise<Response> {
    const refreshToken = await tokenFromBody(request, 'refreshToken', /^rt_[\w-]{10,200}$/);
    if (refreshToken instanceof Response) return refreshToken;
    let viewer;
    try {
      viewer = await http.authenticator.authenticate(request.headers.get('authorization'));
    } catch (err) {
      if (err instanceof GraphQLError) return json({ code: 'UNAUTHENTICATED' }, 401);
      throw err;
    }
    // Only the session this access token proves, so a page can never plant someone else's session.
    if (viewer.kind !== 'user' || !viewer.sessionId || viewer.impersonator) return json({ code: 'UNAUTHENTICATED' }, 401);
    if ((await liveSessionOfRefreshToken(deps, refreshToken)) !== viewer.sessionId) return json({ code: 'INVALID_CREDENTIALS' }, 400);
    return new Response(null, { status: 204, headers: { ...NO_STORE, 'set-cookie': cookie(refreshToken, config.refreshTokenTtlSeconds) } });
  }

  async function refresh(request: Request, info: RequestInfo): Promise<Response> {
    const presented = readCookie(request, REFRESH_COOKIE);
    // No cookie is the signed-out page's normal "is there a session?" probe, not a failure: 204,
    // so a browser does not log an error on every signed-out load.
    if (!presented) return new Response(null, { status: 204, headers: NO_STORE });
    try {
      // refreshTokens tells this instance's cache of the session it changed (reused or rotated) at
      // commit, so the next request reads its own write without waiting for the change feed.
      const tokens = await refreshTokens(deps, presented, info);
      return json(
        { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, scope: tokens.scope },
        200,
        { 'set-cookie': cookie(tokens.refreshToken ?? '', config.refreshTokenTtlSeconds) },
      );
    } catch (err) {
      if (err instanceof AppError) {
        return json({ code: err.code }, 401, { 'set-cookie': clearCookie() });
      }
      throw err;
    }
  }

  // Stores a trusted-device token in its HttpOnly cookie (device-cookie.ts). The token is checked
  // only at sign-in, against the account that presents a right password, so a planted one is useless.
  async function storeDevice(request: Request): Promise<Response> {
    const deviceToken = await tokenFromBody(request, 'deviceToken', /^tdv_[\w-]{20,100}$/);
    if (deviceToken instanceof Response) return deviceToken;
    const maxAge = config.trustedDeviceDays * 24 * 3600;
    return new Response(null, { status: 204, headers: { ...NO_STORE, 'set-cookie': deviceCookie(deviceToken, maxAge, secure) } });
  }

  async function logout(request: Request): Promise<Response> {
    const presented = readCookie(request, REFRESH_COOKIE);
    if (presented) await revokeSessionOfRefreshToken(deps, presented);
    // Read your own writes, as GraphQL mutations do: the next request must not meet a cached session.
    await http.validity.settle();
    return new Response(null, { status: 204, headers: { ...NO_STORE, 'set-cookie': clearCookie() } });
  }

  return async (request: Request, url: URL, info: RequestInfo): Promise<Response | undefined> => {
    const { pathname } = url;
    if (pathname !== base && !pathname.startsWith(`${base}/`)) return undefined;
    if (await options.disabled?.()) {
      return new Response(DISABLED_PAGE, { status: 404, headers: { 'content-type': 'text/html; charset=utf-8', ...PAGE_HEADERS, ...NO_STORE } });
    }
    const sub = pathname.slice(base.length).replace(/^\//, '');
    const endpoints = options.trustedDevices ? ['session', 'refresh', 'logout', 'device'] : ['session', 'refresh', 'logout'];
    if (request.method === 'POST' && endpoints.includes(sub)) {
      // The origin is named so the page can tell someone who opened it under another host name.
      if (!sameOrigin(request)) return json({ code: 'FORBIDDEN', origin }, 403);
      if (sub === 'session') return storeSession(request);
      if (sub === 'refresh') return refresh(request, info);
      if (sub === 'device') return storeDevice(request);
      return logout(request);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return json({ code: 'NOT_FOUND' }, 405, { allow: 'GET, HEAD' });
    // The links of lifecycle mails (docs/account-lifecycle.md) open the app, which reads the token.
    const file = files.get(sub === '' || options.linkPages?.includes(sub) ? 'index.html' : sub);
    if (!file || sub === 'index.html') return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain', ...NO_STORE } });
    return serveFile(request, file, PAGE_HEADERS);
  };
}
