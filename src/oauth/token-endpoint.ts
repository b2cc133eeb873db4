// POST /oauth/token: the OAuth 2.0 client_credentials grant (RFC 6749 §4.4) for machine clients,
// with RFC 6749 §5.1 responses and §5.2 errors. Client authentication: client_secret_basic
// (preferred) or client_secret_post, never both.
import { touchMachineClient } from '../auth/machine-client-lookup.js';
import type { HttpDeps } from '../context.js';
import { parseScope } from '../auth/scope-names.js';
import type { Deps } from '../domain/deps.js';
import { RateLimitedError } from '../domain/errors.js';
import { readBodyCapped } from '../lib/body-limit.js';
import { authenticateMachineClient } from '../domain/machine-clients/machine-clients.service.js';

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function reply(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...NO_STORE, ...headers } });
}

function oauthError(error: OAuthError, description: string, basic = false): Response {
  // RFC 6749 §5.2: a failed client_secret_basic answers 401 with a WWW-Authenticate challenge.
  if (error === 'invalid_client') {
    return reply({ error, error_description: description }, 401, basic ? { 'www-authenticate': 'Basic realm="oauth", charset="UTF-8"' } : {});
  }
  return reply({ error, error_description: description }, 400);
}

// A client_credentials request is a few hundred bytes; a bigger body is refused before it is buffered.
const MAX_FORM_BYTES = 8 * 1024;

function parseBasic(header: string): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

// RFC 6749 A.1/A.2: client_id and client_secret are VSCHAR (printable ASCII). Anything else
// cannot name a client, and a NUL byte would otherwise reach the database driver.
const VSCHARS = /^[\x20-\x7e]*$/;

export async function handleTokenRequest(deps: Deps, http: HttpDeps, request: Request, ip: string | null): Promise<Response> {
  if (request.method !== 'POST') return reply({ error: 'invalid_request', error_description: 'Use POST' }, 405, { allow: 'POST' });
  try {
    await deps.ipRateLimiter.consume('oauth-token', ip);
  } catch (err) {
    if (!(err instanceof RateLimitedError)) throw err;
    // RFC 6749 names no error for this; slow_down is the token endpoint's registered one (RFC 8628).
    return reply({ error: 'slow_down', error_description: err.message }, 429, { 'retry-after': String(err.retryAfterSeconds) });
  }
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError('invalid_request', 'The body must be application/x-www-form-urlencoded');
  }
  const body = await readBodyCapped(request, MAX_FORM_BYTES);
  if ('tooLarge' in body) return reply({ error: 'invalid_request', error_description: `The body exceeds ${MAX_FORM_BYTES} bytes` }, 413, body.headers);
  const form = new URLSearchParams(body.text);
  for (const key of new Set(form.keys())) {
    if (form.getAll(key).length > 1) return oauthError('invalid_request', `Parameter "${key}" appears more than once`);
  }
  const authorization = request.headers.get('authorization');
  const postId = form.get('client_id');
  const postSecret = form.get('client_secret');
  let credentials: { id: string; secret: string } | null;
  const basic = Boolean(authorization);
  if (authorization) {
    if (postSecret) return oauthError('invalid_request', 'Use one client authentication method, not both');
    credentials = parseBasic(authorization);
    if (!credentials) return oauthError('invalid_client', 'Malformed Basic credentials', true);
    if (postId && postId !== credentials.id) return oauthError('invalid_request', 'client_id does not match the Authorization header');
  } else {
    credentials = postId && postSecret ? { id: postId, secret: postSecret } : null;
    if (!credentials) return oauthError('invalid_client', 'Client authentication is required', false);
  }
  if (!VSCHARS.test(credentials.id) || !VSCHARS.test(credentials.secret)) {
    return oauthError('invalid_request', 'client_id and client_secret must be printable ASCII (RFC 6749 Appendix A)');
  }
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError('invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials') return oauthError('unsupported_grant_type', 'Only client_credentials is supported');

  const client = await authenticateMachineClient(deps, http.validity, credentials.id, credentials.secret);
  if (!client) return oauthError('invalid_client', 'Unknown client or wrong secret', basic);

  // RFC 6749 §3.2: a parameter sent without a value is treated as omitted.
  const requested = form.get('scope') ? parseScope(form.get('scope') ?? '') : client.scopes;
  const outside = requested.filter((s) => !client.scopes.includes(s));
  if (outside.length) return oauthError('invalid_scope', `Not granted to this client: ${outside.join(' ')}`);
  const scope = [...new Set(requested)].join(' ');
  const ttl = deps.config.accessTokenTtlSeconds;
  const accessToken = await deps.tokens.signAccessToken({ sub: client.clientId, client_id: client.clientId, scope }, ttl);
  // No write per token: lastUsedAt is written at most once a minute per client.
  touchMachineClient(deps.prisma, http.validity, client, deps.clock.now());
  return reply({ access_token: accessToken, token_type: 'Bearer', expires_in: ttl, scope });
}
