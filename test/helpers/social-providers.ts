// Real identity providers for the social sign-in tests, on free loopback ports:
// - TestOidcProvider: panva's oidc-provider (a certified OpenID Provider) with test-only
//   interaction handlers: the login prompt signs in the account the test chose with `loginAs`,
//   the consent prompt grants what the client asked. The browser is played by `authorize`, which
//   follows the redirects with a cookie jar until the provider sends it back to the redirect URI.
// - TestOAuth2Provider: a tiny GitHub-style OAuth 2.0 server (node:http) with PKCE (S256), single-use
//   codes, client credentials in the token request body and a /user endpoint without `sub`.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

export const REDIRECT_URI = 'http://app.test/callback';

export interface OidcAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  picture?: string;
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Plays the browser: follows redirects (with cookies) from `url` until the redirect URI. */
export async function followToCallback(url: string, redirectUri = REDIRECT_URI): Promise<URLSearchParams> {
  const jar = new Map<string, string>();
  let next = url;
  for (let hop = 0; hop < 12; hop++) {
    if (next.startsWith(redirectUri)) return new URL(next).searchParams;
    const response = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      if (value) jar.set(name, value);
      else jar.delete(name);
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`no redirect from ${next}: ${response.status} ${await response.text()}`);
    next = new URL(location, next).href;
  }
  throw new Error('too many redirects');
}

export class TestOidcProvider {
  readonly accounts = new Map<string, OidcAccount>();
  private nextLogin: string | null = null;
  private nextError: string | null = null;

  private constructor(
    readonly issuer: string,
    readonly clientId: string,
    readonly clientSecret: string,
    readonly signingKey: JWK,
    private readonly server: http.Server,
    readonly provider: Provider,
  ) {}

  static async start(options: { clients?: { clientId: string; clientSecret: string }[] } = {}): Promise<TestOidcProvider> {
    const server = http.createServer();
    const port = await listen(server);
    const issuer = `http://127.0.0.1:${port}`;
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const signingKey = { ...(await exportJWK(privateKey)), kid: `test-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };
    const clients = options.clients ?? [{ clientId: 'account-service', clientSecret: randomBytes(16).toString('hex') }];
    let self: TestOidcProvider | undefined;
    const provider = new Provider(issuer, {
      clients: clients.map((c) => ({
        client_id: c.clientId,
        client_secret: c.clientSecret,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      })),
      jwks: { keys: [signingKey as never] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'picture'] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      pkce: { required: () => true },
      // Explicit lifetimes (the defaults print a notice on every use).
      ttl: { Session: 3600, Grant: 3600, Interaction: 600, AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, RefreshToken: 86400 },
      // Refresh tokens without offline_access, so the service has one to store.
      issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      findAccount: async (_ctx, id) => {
        const account = self?.accounts.get(id);
        return account ? { accountId: id, claims: async () => ({ ...account }) } : undefined;
      },
    });
    const instance = new TestOidcProvider(issuer, clients[0]!.clientId, clients[0]!.clientSecret, signingKey, server, provider);
    self = instance;
    const callback = provider.callback();
    server.on('request', (req, res) => {
      if (req.url?.startsWith('/interaction/')) {
        instance.interact(req, res).catch((err: unknown) => {
          res.statusCode = 500;
          res.end(String(err));
        });
        return;
      }
      callback(req, res);
    });
    return instance;
  }

  /** The account the next login prompt signs in (the user "types their password" at the provider). */
  loginAs(account: OidcAccount): void {
    this.accounts.set(account.sub, account);
    this.nextLogin = account.sub;
  }

  /** The next login is refused by the user (error=access_denied back to the client). */
  denyNext(): void {
    this.nextError = 'access_denied';
  }

  private async interact(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const details = await this.provider.interactionDetails(req, res);
    if (this.nextError) {
      const error = this.nextError;
      this.nextError = null;
      await this.provider.interactionFinished(req, res, { error, error_description: 'The user refused' }, { mergeWithLastSubmission: false });
      return;
    }
    if (details.prompt.name === 'login') {
      // A login_hint naming a known account wins (concurrent logins in the benchmark).
      const hint = details.params.login_hint as string | undefined;
      const accountId = hint && this.accounts.has(hint) ? hint : this.nextLogin;
      if (!accountId) throw new Error('the test did not say who logs in (loginAs)');
      await this.provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
    const grant = details.grantId
      ? (await this.provider.Grant.find(details.grantId))!
      : new this.provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    await this.provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  /** Signs `account` in at the provider for this authorization URL; returns the callback's parameters. */
  async authorize(authorizationUrl: string, account: OidcAccount, options: { hint?: boolean } = {}): Promise<URLSearchParams> {
    this.loginAs(account);
    if (!options.hint) return followToCallback(authorizationUrl);
    const url = new URL(authorizationUrl);
    url.searchParams.set('login_hint', account.sub);
    return followToCallback(url.href);
  }

  close(): Promise<void> {
    return close(this.server);
  }
}

interface OAuth2User {
  id: number;
  login: string;
  name?: string;
  email?: string | null;
  avatar_url?: string;
}

/** A GitHub-style OAuth 2.0 provider. */
export class TestOAuth2Provider {
  readonly clientId = `Iv1.${randomBytes(8).toString('hex')}`;
  readonly clientSecret = randomBytes(20).toString('hex');
  private readonly codes = new Map<string, { user: OAuth2User; redirectUri: string; challenge: string }>();
  private readonly tokens = new Map<string, OAuth2User>();
  private nextUser: OAuth2User | null = null;
  /** Status the /user endpoint answers with instead of the profile (e.g. 500), once. */
  userEndpointFailure: number | null = null;
  requests: string[] = [];

  private constructor(
    readonly base: string,
    private readonly server: http.Server,
  ) {}

  static async start(): Promise<TestOAuth2Provider> {
    const server = http.createServer();
    const port = await listen(server);
    const instance = new TestOAuth2Provider(`http://127.0.0.1:${port}`, server);
    server.on('request', (req, res) => {
      instance.handle(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
    return instance;
  }

  get authorizationEndpoint() {
    return `${this.base}/login/oauth/authorize`;
  }
  get tokenEndpoint() {
    return `${this.base}/login/oauth/access_token`;
  }
  get userinfoEndpoint() {
    return `${this.base}/user`;
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    this.requests.push(`${req.method} ${url.pathname}`);
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const redirectUri = url.searchParams.get('redirect_uri')!;
      const back = new URL(redirectUri);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (url.searchParams.get('client_id') !== this.clientId || url.searchParams.get('code_challenge_method') !== 'S256' || !this.nextUser) {
        back.searchParams.set('error', 'invalid_request');
      } else {
        const code = randomBytes(10).toString('hex');
        this.codes.set(code, { user: this.nextUser, redirectUri, challenge: url.searchParams.get('code_challenge')! });
        back.searchParams.set('code', code);
      }
      res.writeHead(302, { location: back.href });
      res.end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      // GitHub-style: the client's credentials come in the form body.
      if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) return this.json(res, 401, { error: 'invalid_client' });
      const grant = this.codes.get(form.get('code') ?? '');
      // Single use, whatever happens next.
      this.codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || grant.redirectUri !== form.get('redirect_uri') || grant.challenge !== challenge) {
        return this.json(res, 400, { error: 'invalid_grant', error_description: 'bad verification code' });
      }
      const token = `gho_${randomBytes(16).toString('hex')}`;
      this.tokens.set(token, grant.user);
      return this.json(res, 200, { access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
    }
    if (req.method === 'GET' && url.pathname === '/user') {
      if (this.userEndpointFailure) {
        const status = this.userEndpointFailure;
        this.userEndpointFailure = null;
        return this.json(res, status, { message: 'failure' });
      }
      const user = this.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /i, ''));
      if (!user) return this.json(res, 401, { message: 'Bad credentials' });
      return this.json(res, 200, user);
    }
    this.json(res, 404, { message: 'Not Found' });
  }

  /** Signs `user` in at the provider for this authorization URL; returns the callback's parameters. */
  async authorize(authorizationUrl: string, user: OAuth2User): Promise<URLSearchParams> {
    this.nextUser = user;
    return followToCallback(authorizationUrl);
  }

  close(): Promise<void> {
    return close(this.server);
  }
}

export interface IdTokenTamper {
  /** Claims to override on the re-signed ID token (e.g. `{ aud: 'someone-else' }`). */
  claims?: Record<string, unknown>;
  /** Sign with a key the provider never published (same kid). */
  foreignKey?: boolean;
}

/**
 * A man in the middle for ID tokens: an OIDC "issuer" whose discovery document is the real
 * provider's with its own issuer and token endpoint. Its token endpoint forwards to the real one and
 * re-signs the ID token with the real provider's key (iss = this issuer), after applying `tamper`.
 * Untampered, sign-in through it succeeds; each tamper must make it fail.
 */
export class IdTokenRewriter {
  tamper: IdTokenTamper | null = null;

  private constructor(
    readonly issuer: string,
    private readonly server: http.Server,
  ) {}

  static async start(upstream: TestOidcProvider): Promise<IdTokenRewriter> {
    const { SignJWT, decodeJwt, importJWK, generateKeyPair: generate } = await import('jose');
    const server = http.createServer();
    const port = await listen(server);
    const instance = new IdTokenRewriter(`http://127.0.0.1:${port}`, server);
    const realKey = await importJWK(upstream.signingKey, 'RS256');
    const foreign = (await generate('RS256')).privateKey;
    const discovery = (await (await fetch(`${upstream.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    server.on('request', async (req, res) => {
      try {
        if (req.url === '/.well-known/openid-configuration') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ...discovery, issuer: instance.issuer, token_endpoint: `${instance.issuer}/token` }));
          return;
        }
        if (req.method === 'POST' && req.url === '/token') {
          let body = '';
          for await (const chunk of req) body += chunk;
          const upstreamResponse = await fetch(discovery.token_endpoint as string, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: req.headers.authorization ?? '' },
            body,
          });
          const json = (await upstreamResponse.json()) as Record<string, unknown>;
          if (typeof json.id_token === 'string') {
            const claims = { ...decodeJwt(json.id_token), iss: instance.issuer, ...(instance.tamper?.claims ?? {}) };
            json.id_token = await new SignJWT(claims as never)
              .setProtectedHeader({ alg: 'RS256', kid: upstream.signingKey.kid })
              .sign(instance.tamper?.foreignKey ? foreign : realKey);
          }
          res.writeHead(upstreamResponse.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(json));
          return;
        }
        res.writeHead(404);
        res.end();
      } catch (err) {
        res.writeHead(500);
        res.end(String(err));
      }
    });
    return instance;
  }

  close(): Promise<void> {
    return close(this.server);
  }
}
