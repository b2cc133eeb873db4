// CORS: browsers on an allowed origin may call the service with credentials; any other origin
// gets no CORS header at all (never a reflected origin, never "null", which sandboxed frames send).
// Replaces yoga's default, which reflects every origin with Access-Control-Allow-Credentials.
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const ALLOW_METHODS = 'GET, POST, OPTIONS';
// Headers a browser client sends besides the CORS-safelisted ones.
const ALLOW_HEADERS = 'Authorization, Content-Type, Accept, X-Requested-With';
// Response headers a browser client may read: the bearer challenge (RFC 6750) and rate-limit hints.
const EXPOSE_HEADERS = 'WWW-Authenticate, Retry-After';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

function isLoopback(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Which `Origin` values are allowed: ISSUER's origin always (same origin); CORS_ORIGINS when set;
 * otherwise, outside production, any loopback origin (a front-end dev server on another port).
 */
export function corsOriginPolicy(config: Pick<Config, 'issuer' | 'corsOrigins' | 'production'>): (origin: string) => boolean {
  const exact = new Set([new URL(config.issuer).origin, ...(config.corsOrigins ?? [])]);
  const loopback = config.corsOrigins === undefined && !config.production;
  return (origin) => exact.has(origin) || (loopback && isLoopback(origin));
}

export function useCorsAllowList(isAllowed: (origin: string) => boolean): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'OPTIONS') return;
      const origin = request.headers.get('origin');
      const headers = new Headers({ 'content-length': '0', vary: 'Origin', allow: ALLOW_METHODS });
      if (origin && isAllowed(origin) && request.headers.has('access-control-request-method')) {
        headers.set('access-control-allow-methods', ALLOW_METHODS);
        headers.set('access-control-allow-headers', ALLOW_HEADERS);
        headers.set('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
      }
      // Allow-Origin and Allow-Credentials are added by onResponse, as for every response.
      endResponse(new Response(null, { status: 204, headers }));
    },
    onResponse({ request, response }) {
      const origin = request.headers.get('origin');
      // The answer depends on Origin, so caches must key on it even when it is refused.
      const vary = response.headers.get('vary');
      if (!vary?.toLowerCase().includes('origin')) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
      if (!origin || !isAllowed(origin)) return;
      response.headers.set('access-control-allow-origin', origin);
      response.headers.set('access-control-allow-credentials', 'true');
      if (request.method !== 'OPTIONS') response.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
    },
  };
}
