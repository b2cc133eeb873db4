// The columns a provider's answer writes on a UserIdentity: the mapped profile and the provider's
// tokens, sealed with SECRET_KEY (purpose 'identity-token').
import type { Prisma } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { Deps } from '../deps.js';
import type { ProviderProfile } from './profile-mapping.js';
import type { ProviderResult, ProviderTokens } from './provider-client.js';

export const TOKEN_PURPOSE = 'identity-token';

export function tokenColumns(deps: Deps, tokens: ProviderTokens) {
  return {
    accessTokenEncrypted: deps.secrets.encrypt(TOKEN_PURPOSE, tokens.accessToken),
    // A provider that sends no new refresh token keeps the old one valid: keep it too.
    ...(tokens.refreshToken ? { refreshTokenEncrypted: deps.secrets.encrypt(TOKEN_PURPOSE, tokens.refreshToken) } : {}),
    tokenType: tokens.tokenType,
    tokenScope: tokens.scope,
    tokenExpiresAt: tokens.expiresIn ? addSeconds(deps.clock.now(), tokens.expiresIn) : null,
  } satisfies Prisma.UserIdentityUncheckedUpdateInput;
}

export function profileColumns(profile: ProviderProfile) {
  return { email: profile.email, emailVerified: profile.emailVerified, name: profile.name, avatar: profile.avatar };
}

export function identityColumns(deps: Deps, result: ProviderResult) {
  return { ...profileColumns(result.profile), ...tokenColumns(deps, result.tokens) };
}
