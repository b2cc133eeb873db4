// The protocol side of social sign-in, on oauth4webapi (panva): discovery, the authorization URL
// (code flow + PKCE S256 + state, and nonce for OIDC), the code exchange, and the profile (ID token
// claims plus userinfo for OIDC, the userinfo endpoint alone for plain OAuth 2.0). The ID token's
// signature is verified with jose against the provider's JWKS on top of oauth4webapi's claim
// checks (iss, aud, azp, exp, iat, nonce). Nothing here touches the database.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import type { IdentityProvider } from '../../generated/prisma/client.js';
import type { SecretBox } from '../../auth/crypto.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { AppError } from '../errors.js';
import { type ProviderProfile, mapProfile } from './profile-mapping.js';

// A provider that has not answered in 10 seconds is treated as down: the browser is waiting.
const HTTP_TIMEOUT_MS = 10_000;
// Discovery documents change rarely; re-read them every 10 minutes (and whenever the row changes).
const DISCOVERY_TTL_MS = 10 * 60_000;
// Signature algorithms accepted on ID tokens: asymmetric only (the client secret never verifies one).
const ID_TOKEN_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

export interface ProviderTokens {
  accessToken: string;
  refreshToken: string | null;
  tokenType: string;
  scope: string | null;
  expiresIn: number | null;
}

export interface ProviderResult {
  profile: ProviderProfile;
  tokens: ProviderTokens;
  /** OIDC: the ID token's `auth_time` (epoch seconds), when the user last authenticated there; null when absent. */
  authTime: number | null;
}

export const providerUnavailable = (key: string) =>
  new AppError('PROVIDER_UNAVAILABLE', `The identity provider "${key}" could not be reached; try again later`);

/** The provider refused or its answer failed verification: one answer, as for a wrong password. */
export const providerRejected = () => new AppError('INVALID_CREDENTIALS', 'The identity provider did not confirm the sign-in; start again');

/** Network failures, timeouts and 5xx answers mean "down"; everything else is a refusal. */
export function classifyProviderError(key: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as { name?: string; message?: string; cause?: unknown; status?: number };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return providerUnavailable(key);
  // undici's "fetch failed" (refused, reset, DNS) carries the socket error as its cause.
  if (err instanceof TypeError && e.message === 'fetch failed') return providerUnavailable(key);
  // oauth4webapi: ResponseBodyError has `status`; other processing errors carry the Response as `cause`.
  const status = e.status ?? (e.cause instanceof Response ? e.cause.status : undefined);
  if (typeof status === 'number' && status >= 500) return providerUnavailable(key);
  return providerRejected();
}

export class ProviderClient {
  private readonly discovery = new Map<string, { as: oauth.AuthorizationServer; at: number }>();
  private readonly jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  constructor(private readonly deps: { config: Config; secrets: SecretBox; logger: Logger }) {}

  private http() {
    // http: endpoints only outside production (a local or test provider); createIdentityProvider
    // refuses them in production anyway.
    return { signal: () => AbortSignal.timeout(HTTP_TIMEOUT_MS), [oauth.allowInsecureRequests]: !this.deps.config.production };
  }

  /** Reads and checks the issuer's discovery document (also used to validate a new provider). */
  async discover(issuer: string): Promise<oauth.AuthorizationServer> {
    const url = new URL(issuer);
    const response = await oauth.discoveryRequest(url, this.http());
    return oauth.processDiscoveryResponse(url, response);
  }

  async authorizationServer(provider: IdentityProvider): Promise<oauth.AuthorizationServer> {
    if (provider.type === 'OAUTH2') {
      return {
        // Plain OAuth 2.0 has no issuer identifier; the authorization endpoint's origin stands in.
        issuer: new URL(provider.authorizationEndpoint!).origin,
        authorization_endpoint: provider.authorizationEndpoint!,
        token_endpoint: provider.tokenEndpoint!,
        userinfo_endpoint: provider.userinfoEndpoint ?? undefined,
      };
    }
    const cacheKey = `${provider.id}:${provider.updatedAt.getTime()}:${provider.issuer}`;
    const cached = this.discovery.get(cacheKey);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.as;
    const as = await this.discover(provider.issuer!);
    this.discovery.set(cacheKey, { as, at: Date.now() });
    return as;
  }

  private client(provider: IdentityProvider): oauth.Client {
    return { client_id: provider.clientId };
  }

  private clientAuth(provider: IdentityProvider, as: oauth.AuthorizationServer): oauth.ClientAuth {
    const secret = this.deps.secrets.decrypt('identity-provider-secret', provider.clientSecretEncrypted);
    // OIDC: client_secret_basic, the default, unless discovery lists only client_secret_post.
    // Plain OAuth 2.0: the secret in the request body, as GitHub-style providers expect it.
    const methods = as.token_endpoint_auth_methods_supported;
    const post = provider.type === 'OAUTH2' || (methods?.includes('client_secret_post') && !methods.includes('client_secret_basic'));
    return post ? oauth.ClientSecretPost(secret) : oauth.ClientSecretBasic(secret);
  }

  async authorizationUrl(
    provider: IdentityProvider,
    params: { redirectUri: string; state: string; codeChallenge: string; nonce: string | null; reauthenticate?: boolean },
  ): Promise<string> {
    const as = await this.authorizationServer(provider);
    if (!as.authorization_endpoint) throw providerRejected();
    const url = new URL(as.authorization_endpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', provider.clientId);
    url.searchParams.set('redirect_uri', params.redirectUri);
    if (provider.scopes.length) url.searchParams.set('scope', provider.scopes.join(' '));
    url.searchParams.set('state', params.state);
    url.searchParams.set('code_challenge', params.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    if (params.nonce) url.searchParams.set('nonce', params.nonce);
    if (params.reauthenticate) {
      // Step-up: an open provider session must not count; the user logs in again (OIDC Core 3.1.2.1).
      url.searchParams.set('prompt', 'login');
      url.searchParams.set('max_age', '0');
    }
    return url.href;
  }

  /** Exchanges the code and reads the profile. Throws PROVIDER_UNAVAILABLE or INVALID_CREDENTIALS. */
  async exchange(
    provider: IdentityProvider,
    params: { code: string; state: string; iss?: string | null; redirectUri: string; codeVerifier: string; nonce: string | null },
  ): Promise<ProviderResult> {
    try {
      const as = await this.authorizationServer(provider);
      const client = this.client(provider);
      // The state was matched against our own record already (which names the provider, so a code
      // never goes to another provider's token endpoint). RFC 9207's `iss` is checked when the
      // front-end passes it on; the contract's {state, code} alone stays accepted.
      const returned = new URLSearchParams({ code: params.code, state: params.state, ...(params.iss ? { iss: params.iss } : {}) });
      const callback = oauth.validateAuthResponse(
        params.iss ? as : { ...as, authorization_response_iss_parameter_supported: false },
        client,
        returned,
        params.state,
      );
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        this.clientAuth(provider, as),
        callback,
        params.redirectUri,
        params.codeVerifier,
        this.http(),
      );
      const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
        expectedNonce: params.nonce ?? oauth.expectNoNonce,
        requireIdToken: provider.type === 'OIDC',
      });
      const result: ProviderTokens = {
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token ?? null,
        tokenType: tokens.token_type,
        scope: tokens.scope ?? null,
        expiresIn: tokens.expires_in ?? null,
      };
      if (provider.type === 'OIDC') {
        const idClaims = await this.verifyIdToken(as, provider, tokens);
        let claims: Record<string, unknown> = { ...idClaims };
        if (as.userinfo_endpoint) {
          const info = await oauth.userInfoRequest(as, client, tokens.access_token, this.http());
          // The userinfo `sub` must be the ID token's: otherwise the profile is someone else's.
          claims = { ...(await oauth.processUserInfoResponse(as, client, idClaims.sub, info)), ...idClaims };
        }
        const authTime = typeof idClaims.auth_time === 'number' ? idClaims.auth_time : null;
        return { profile: mapProfile(provider, claims), tokens: result, authTime };
      }
      return { profile: mapProfile(provider, await this.userinfo(provider, tokens.access_token)), tokens: result, authTime: null };
    } catch (err) {
      const error = classifyProviderError(provider.key, err);
      // The cause stays in the log (name, oauth4webapi/jose code and message: never a token).
      const e = err as { name?: string; code?: string; message?: string; error?: string; status?: number };
      this.deps.logger.warn(
        { provider: provider.key, answer: error.code, cause: { name: e?.name, code: e?.code, error: e?.error, status: e?.status, message: e?.message } },
        'social sign-in: the provider exchange failed',
      );
      throw error;
    }
  }

  /** Trades the stored refresh token for a new access token (me.identityAccessToken). */
  async refresh(provider: IdentityProvider, refreshToken: string): Promise<ProviderTokens> {
    const as = await this.authorizationServer(provider);
    const client = this.client(provider);
    const response = await oauth.refreshTokenGrantRequest(as, client, this.clientAuth(provider, as), refreshToken, this.http());
    const tokens = await oauth.processRefreshTokenResponse(as, client, response);
    return {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      tokenType: tokens.token_type,
      scope: tokens.scope ?? null,
      expiresIn: tokens.expires_in ?? null,
    };
  }

  /**
   * oauth4webapi checked the claims (iss, aud, azp, exp, iat, nonce); the signature is checked here
   * with jose against the provider's published keys, so a token endpoint we were tricked into
   * calling cannot hand us an ID token it forged.
   */
  private async verifyIdToken(as: oauth.AuthorizationServer, provider: IdentityProvider, tokens: oauth.TokenEndpointResponse) {
    const claims = oauth.getValidatedIdTokenClaims(tokens);
    if (!claims || !tokens.id_token || !as.jwks_uri) throw providerRejected();
    let keys = this.jwks.get(as.jwks_uri);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(as.jwks_uri), { timeoutDuration: HTTP_TIMEOUT_MS });
      this.jwks.set(as.jwks_uri, keys);
    }
    await jwtVerify(tokens.id_token, keys, { issuer: as.issuer, audience: provider.clientId, algorithms: ID_TOKEN_ALGORITHMS });
    return claims;
  }

  /** Plain OAuth 2.0: the userinfo endpoint's JSON is the profile (GitHub's /user has no `sub`). */
  private async userinfo(provider: IdentityProvider, accessToken: string): Promise<Record<string, unknown>> {
    if (!provider.userinfoEndpoint) throw providerRejected();
    const response = await oauth.protectedResourceRequest(
      accessToken,
      'GET',
      new URL(provider.userinfoEndpoint),
      new Headers({ accept: 'application/json' }),
      null,
      this.http(),
    );
    if (response.status >= 500) throw Object.assign(new Error('userinfo endpoint failed'), { status: response.status });
    if (response.status !== 200) throw providerRejected();
    const body = (await response.json().catch(() => null)) as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw providerRejected();
    return body as Record<string, unknown>;
  }
}
