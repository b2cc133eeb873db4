// Authorization requests in flight (SocialAuthState): the opaque `state` handed to the browser is
// stored as its SHA-256, with the PKCE verifier sealed under SECRET_KEY, the nonce, the redirect
// URI it is bound to and, for linking, the account that asked. Single use and 10 minutes: long
// enough for a provider's login and consent pages, short enough that a leaked state soon dies.
import { randomToken, sha256 } from '../../auth/crypto.js';
import type { IdentityProvider, SocialAuthPurpose, SocialAuthState } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { Deps } from '../deps.js';
import { AppError, invalidInput } from '../errors.js';
import type { ProviderResult } from './provider-client.js';
import * as oauth from 'oauth4webapi';

export const SOCIAL_STATE_TTL_SECONDS = 600;
const VERIFIER_PURPOSE = 'social-pkce-verifier';

export interface SocialAuthorization {
  authorizationUrl: string;
  state: string;
}

export function validateRedirectUri(deps: Deps, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidInput('redirectUri', 'The redirect URI must be an absolute URL');
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (!deps.config.production || local))) {
    throw invalidInput('redirectUri', 'The redirect URI must use https: (http: only for localhost)');
  }
  if (url.hash) throw invalidInput('redirectUri', 'The redirect URI must not carry a fragment');
  if (url.href.length > 2048) throw invalidInput('redirectUri', 'The redirect URI is too long');
  return url.href;
}

/** Stores a new request and returns the URL to send the browser to. */
export async function beginAuthorization(
  deps: Deps,
  provider: IdentityProvider,
  purpose: SocialAuthPurpose,
  redirectUri: string,
  userId: string | null,
): Promise<SocialAuthorization> {
  const state = randomToken('sst_');
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const nonce = provider.type === 'OIDC' ? oauth.generateRandomNonce() : null;
  // Built before anything is stored: a provider that is down leaves no row behind.
  const authorizationUrl = await deps.identityProviders.authorizationUrl(provider, {
    redirectUri,
    state,
    codeChallenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    nonce,
    reauthenticate: purpose === 'VERIFY',
  });
  const now = deps.clock.now();
  await deps.prisma.socialAuthState.create({
    data: {
      stateHash: sha256(state),
      providerId: provider.id,
      purpose,
      userId,
      redirectUri,
      codeVerifierEncrypted: deps.secrets.encrypt(VERIFIER_PURPOSE, codeVerifier),
      nonce,
      createdAt: now,
      expiresAt: addSeconds(now, SOCIAL_STATE_TTL_SECONDS),
    },
  });
  return { authorizationUrl, state };
}

export interface ClaimedState {
  row: SocialAuthState & { provider: IdentityProvider };
  codeVerifier: string;
}

/**
 * Spends the state: unknown, used, expired or for another purpose gives null. Spent before the
 * provider is called, so a replayed callback never reaches the token endpoint twice.
 */
export async function claimState(deps: Deps, state: string, purpose: SocialAuthPurpose, userId: string | null = null): Promise<ClaimedState | null> {
  const now = deps.clock.now();
  const row = await deps.prisma.socialAuthState.findUnique({ where: { stateHash: sha256(state) }, include: { provider: true } });
  // A link started by another account answers like an unknown state, and stays unspent for its owner.
  if (!row || row.purpose !== purpose || row.userId !== userId || row.consumedAt || row.expiresAt <= now) return null;
  // Conditional: of two concurrent finishes with one state, exactly one wins.
  const claimed = await deps.prisma.socialAuthState.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
  if (claimed.count !== 1) return null;
  // Spent rows are only kept until they would have expired; older ones go now.
  await deps.prisma.socialAuthState.deleteMany({ where: { expiresAt: { lt: addSeconds(now, -SOCIAL_STATE_TTL_SECONDS) } } });
  return { row, codeVerifier: deps.secrets.decrypt(VERIFIER_PURPOSE, row.codeVerifierEncrypted) };
}

export const invalidState = () =>
  new AppError('INVALID_CREDENTIALS', 'The sign-in request is unknown, used or expired: start again', ['state']);

/**
 * The callback half of every flow (sign-in, link, step-up): spends the state, then exchanges the
 * code at the provider with the PKCE verifier, nonce and redirect URI the state was bound to.
 */
export async function finishAuthorization(
  deps: Deps,
  input: { state: string; code: string; iss?: string | null },
  purpose: SocialAuthPurpose,
  userId: string | null = null,
): Promise<{ provider: IdentityProvider; result: ProviderResult; startedAt: Date }> {
  const claimed = await claimState(deps, input.state, purpose, userId);
  if (!claimed) throw invalidState();
  const provider = claimed.row.provider;
  const result = await deps.identityProviders.exchange(provider, {
    code: input.code,
    state: input.state,
    iss: input.iss,
    redirectUri: claimed.row.redirectUri,
    codeVerifier: claimed.codeVerifier,
    nonce: claimed.row.nonce,
  });
  return { provider, result, startedAt: claimed.row.createdAt };
}
