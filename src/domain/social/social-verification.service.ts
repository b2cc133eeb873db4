// Step-up with a linked identity: signing in again at the provider, as the same subject, proves
// identity for a sensitive change (a verified VerificationRecord of kind SOCIAL). Without it, an
// account created by social sign-in with no email, phone or password could never prove who it is.
import type { IdentityProvider, VerificationRecord } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { withEvents } from '../events/collector.js';
import { socialIdentityKind } from '../credentials/kinds/social-identity.kind.js';
import { createIdentityRecord } from '../verification/verification.service.js';
import { finishAuthorization, type SocialAuthorization } from './auth-state.js';
import { identityColumns } from './identity-data.js';
import { providerRejected } from './provider-client.js';
import { findProvider } from './providers.service.js';
import { startAuthorization } from './social-sign-in.service.js';

// Clocks of two services differ a little: an auth_time this much before the start still counts.
const AUTH_TIME_SKEW_SECONDS = 30;

/**
 * An OIDC step-up asked for a new login (prompt=login, max_age=0): the ID token's auth_time must
 * say the user authenticated after this verification started, not in a provider session left open
 * on the device. A provider that ignores the request or omits auth_time is refused. Plain OAuth 2.0
 * has no such claim (docs/social.md says what that means).
 */
function assertFreshAuthentication(provider: IdentityProvider, authTime: number | null, startedAt: Date): void {
  if (provider.type !== 'OIDC') return;
  if (authTime === null || authTime * 1000 < startedAt.getTime() - AUTH_TIME_SKEW_SECONDS * 1000) throw providerRejected();
}

export async function startSocialVerification(
  deps: Deps,
  userId: string,
  input: { provider: string; redirectUri: string },
): Promise<SocialAuthorization> {
  const provider = await findProvider(deps, input.provider);
  const identity = await deps.prisma.userIdentity.findUnique({ where: { userId_providerId: { userId, providerId: provider.id } } });
  if (!identity) throw notFound(`${provider.name} identity`, 'provider');
  return startAuthorization(deps, provider, 'VERIFY', input.redirectUri, userId);
}

export async function verifySocialIdentity(
  deps: Deps,
  userId: string,
  input: { state: string; code: string; iss?: string | null },
  actor: AuditActor,
  request: RequestInfo,
): Promise<VerificationRecord> {
  const { provider, result, startedAt } = await finishAuthorization(deps, input, 'VERIFY', userId);
  assertFreshAuthentication(provider, result.authTime, startedAt);
  return withEvents(deps, actor, request, async (tx, ev) => {
    const identity = await tx.userIdentity.findUnique({ where: { userId_providerId: { userId, providerId: provider.id } } });
    // Someone else's account at the provider proves nothing about this one.
    if (!identity || identity.subject !== result.profile.subject) throw providerRejected();
    await tx.userIdentity.update({ where: { id: identity.id }, data: identityColumns(deps, result) });
    const record = await createIdentityRecord(deps, tx, userId, socialIdentityKind.stepUp!.recordKind);
    ev.emit('verification.social_verified', {
      userId,
      audit: 'user.verification.social',
      data: { user: { id: userId }, provider: provider.key },
    });
    return record;
  });
}
