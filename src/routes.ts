// Plain HTTP routes besides GraphQL (docs/api.md#http-besides-graphql).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Database } from './db/client.js';
import type { HttpDeps } from './context.js';
import type { Deps } from './domain/deps.js';
import { readMigrations } from './db/migrate.js';
import { ADMIN_SCOPES } from './auth/scope-names.js';
import { type Outages, unavailableRouteResponse } from './lib/availability/index.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { graphiqlAsset, GRAPHIQL_ASSETS } from './graphiql.js';
import { landingPage } from './landing-page.js';
import { handleTokenRequest } from './oauth/token-endpoint.js';
import { createAccountPageRoutes } from './account-page/account-page.routes.js';
import { createAdminConsoleRoutes } from './admin-console/admin-console.routes.js';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export function createRoutes(deps: Deps, http: HttpDeps, db: Database, metrics: Metrics) {
  const { config } = deps;
  const accountPage = createAccountPageRoutes(deps, http);
  const adminConsole = createAdminConsoleRoutes(deps, http);
  return async (request: Request, url: URL, ip: string | null): Promise<Response | undefined> => {
    if (url.pathname === '/oauth/token') return handleTokenRequest(deps, http, request, ip);
    const info = { ip, userAgent: request.headers.get('user-agent') };
    const page = (await accountPage(request, url, info)) ?? (await adminConsole(request, url, info));
    if (page) return page;
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    if (config.graphiql && url.pathname.startsWith(GRAPHIQL_ASSETS)) return graphiqlAsset(url.pathname);
    switch (url.pathname) {
      case '/':
        return new Response(landingPage(config), { headers: { 'content-type': 'text/html; charset=utf-8' } });
      case '/healthz':
        return json({ status: 'ok' });
      case '/readyz': {
        const ready = await isReady(db);
        return json({ status: ready ? 'ready' : 'not ready' }, ready ? 200 : 503);
      }
      case '/.well-known/jwks.json':
        return json(deps.tokens.jwks(), 200, { 'cache-control': 'public, max-age=300' });
      // RFC 8414 metadata for what exists: a token endpoint for client_credentials and a JWKS. No
      // authorization endpoint, so no response types; no ID tokens, so no OpenID Provider fields.
      // Served under both names because OAuth and OIDC clients look in different places.
      case '/.well-known/oauth-authorization-server':
      case '/.well-known/openid-configuration':
        return json(serverMetadata(config.issuer), 200, { 'cache-control': 'public, max-age=300' });
      case '/metrics':
        if (config.metricsToken && !bearerMatches(request.headers.get('authorization'), config.metricsToken)) {
          return json({ error: 'unauthorized', message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' }, 401, {
            'www-authenticate': 'Bearer realm="metrics"',
            'cache-control': 'no-store',
          });
        }
        // No database query here (webhook-metrics.ts): a scrape costs the same whoever sends it.
        return new Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } });
      default:
        return undefined;
    }
  };
}

/** Compares digests, so the time taken says nothing about how much of the token was right. */
function bearerMatches(header: string | null, token: string): boolean {
  const presented = /^Bearer +(\S+)$/i.exec(header ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

export function serverMetadata(issuer: string) {
  return {
    issuer,
    token_endpoint: `${issuer}/oauth/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    response_types_supported: [],
    scopes_supported: [...ADMIN_SCOPES],
  };
}

async function isReady(db: Database): Promise<boolean> {
  try {
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return (await readMigrations()).every((m) => applied.has(m.name));
  } catch {
    return false;
  }
}

/**
 * The one place where a failure of a plain route ends: logged with its stack, answered with a
 * generic body (RFC 6749 §5.2's shape on the token endpoint), so no driver message, SQL or file
 * path reaches the client. An unreachable database or Redis is not a failure of the route: it
 * answers 503 with Retry-After, and the outage is logged once, not per request.
 */
export function catchRouteFailures(logger: Logger, routes: ReturnType<typeof createRoutes>, outages: Outages): ReturnType<typeof createRoutes> {
  return async (request, url, ip) => {
    try {
      return await routes(request, url, ip);
    } catch (err) {
      const unavailable = unavailableRouteResponse(outages, err, url.pathname);
      if (unavailable) return unavailable;
      logger.error({ err, method: request.method, path: url.pathname }, 'route failed');
      const body = url.pathname.startsWith('/oauth/')
        ? { error: 'server_error', error_description: 'The server could not handle the request' }
        : { error: 'internal_error', message: 'The server could not handle the request' };
      return json(body, 500, { 'cache-control': 'no-store' });
    }
  };
}
