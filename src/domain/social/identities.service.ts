// Linked identities: self-service link (with an identity proof) and unlink (never the last way
// in), admin link by subject and unlink, and the provider access token for the account holder.
import type { IdentityProvider, User, UserIdentity } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError, invalidInput, isUniqueViolation, notFound, uniqueViolationTarget } from '../errors.js';
import { credentialState } from '../credentials/factor-lifecycle.js';
import { withEvents } from '../events/collector.js';
import { markAddressProven } from '../users/address-proof.js';
import { lockUserRow } from '../users/user-lock.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';
import { finishAuthorization, type SocialAuthorization } from './auth-state.js';
import { identityColumns, TOKEN_PURPOSE, tokenColumns } from './identity-data.js';
import { classifyProviderError } from './provider-client.js';
import { findProvider } from './providers.service.js';
import { startAuthorization } from './social-sign-in.service.js';

const identityInUse = (path: string) => new AppError('IDENTIFIER_IN_USE', 'This identity is already linked to another account', [path]);
const alreadyLinked = (provider: IdentityProvider) =>
  new AppError('CONFLICT', `The account already has a ${provider.name} identity: unlink it first`, ['provider']);

/** Maps the two unique indexes of UserIdentity to their answers. */
function linkConflict(err: unknown, provider: IdentityProvider, subjectPath: string): never {
  if (isUniqueViolation(err)) {
    // (providerId, subject) is someone's identity; (userId, providerId) means this account has one.
    if (!uniqueViolationTarget(err).includes('subject')) throw alreadyLinked(provider);
    throw identityInUse(subjectPath);
  }
  throw err;
}

export async function startSocialLink(
  deps: Deps,
  userId: string,
  input: { provider: string; redirectUri: string; verificationId: string },
): Promise<SocialAuthorization> {
  await requireVerifiedIdentity(deps, deps.prisma, userId, input.verificationId);
  const provider = await findProvider(deps, input.provider);
  const existing = await deps.prisma.userIdentity.findUnique({ where: { userId_providerId: { userId, providerId: provider.id } } });
  if (existing) throw alreadyLinked(provider);
  return startAuthorization(deps, provider, 'LINK', input.redirectUri, userId);
}

export async function finishSocialLink(
  deps: Deps,
  userId: string,
  input: { state: string; code: string; iss?: string | null },
  actor: AuditActor,
  request: RequestInfo,
): Promise<UserIdentity> {
  const { provider, result } = await finishAuthorization(deps, input, 'LINK', userId);
  const columns = identityColumns(deps, result);
  const now = deps.clock.now();
  try {
    // The identity.linked event's subscriber sends the security notice after commit.
    return await withEvents(deps, actor, request, async (tx, ev) => {
      await lockUserRow(tx, userId);
      const owner = await tx.userIdentity.findUnique({
        where: { providerId_subject: { providerId: provider.id, subject: result.profile.subject } },
      });
      if (owner && owner.userId !== userId) throw identityInUse('provider');
      // A provider trusted for email vouching for the account's own address proves it.
      const { email, emailVerified } = result.profile;
      if (provider.trustEmail && emailVerified && email) await markAddressProven(tx, userId, 'email', email);
      if (owner) return tx.userIdentity.update({ where: { id: owner.id }, data: columns });
      const created = await tx.userIdentity.create({
        data: { ...columns, userId, providerId: provider.id, subject: result.profile.subject, linkedAt: now },
      });
      ev.emit('identity.linked', {
        userId,
        audit: 'user.identity.link',
        data: { user: { id: userId }, provider: provider.key, identityId: created.id, subject: created.subject, via: 'self' },
        details: { provider: provider.key, subject: created.subject },
      });
      return created;
    });
  } catch (err) {
    linkConflict(err, provider, 'provider');
  }
}

export async function removeOwnIdentity(
  deps: Deps,
  userId: string,
  input: { provider: string; verificationId: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<User> {
  const provider = await findProvider(deps, input.provider);
  return withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
    await lockUserRow(tx, userId);
    const identity = await tx.userIdentity.findUnique({ where: { userId_providerId: { userId, providerId: provider.id } } });
    if (!identity) throw notFound(`${provider.name} identity`, 'provider');
    const state = await credentialState(tx, userId);
    deps.credentials.assertKeepsSignInMethod({ ...state, identityProviderIds: state.identityProviderIds.filter((id) => id !== provider.id) }, 'provider');
    await tx.userIdentity.delete({ where: { id: identity.id } });
    ev.emit('identity.unlinked', {
      userId,
      audit: 'user.identity.unlink',
      data: { user: { id: userId }, provider: provider.key, identityId: identity.id, subject: identity.subject, via: 'self' },
      details: { provider: provider.key, subject: identity.subject },
    });
    return tx.user.findUniqueOrThrow({ where: { id: userId } });
  });
}

export async function adminLinkIdentity(
  deps: Deps,
  input: { userId: string; provider: string; subject: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<UserIdentity> {
  const provider = await findProvider(deps, input.provider);
  const subject = input.subject.trim();
  if (!subject || subject.length > 255) throw invalidInput('subject', 'The subject must be 1-255 characters');
  const user = await deps.prisma.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!user) throw notFound('User', 'userId');
  try {
    return await withEvents(deps, actor, request, async (tx, ev) => {
      const created = await tx.userIdentity.create({ data: { userId: user.id, providerId: provider.id, subject, linkedAt: deps.clock.now() } });
      ev.emit('identity.linked', {
        userId: user.id,
        audit: 'admin.user.identity.link',
        data: { user: { id: user.id }, provider: provider.key, identityId: created.id, subject, via: 'admin' },
        details: { provider: provider.key, subject },
      });
      return created;
    });
  } catch (err) {
    linkConflict(err, provider, 'subject');
  }
}

/** Admins may unlink any identity, the last one included: they can set a password (setUserPassword). */
export async function adminUnlinkIdentity(
  deps: Deps,
  input: { userId: string; provider: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<User> {
  const provider = await findProvider(deps, input.provider);
  return withEvents(deps, actor, request, async (tx, ev) => {
    const identity = await tx.userIdentity.findUnique({ where: { userId_providerId: { userId: input.userId, providerId: provider.id } } });
    if (!identity) throw notFound(`${provider.name} identity of this user`, 'provider');
    await tx.userIdentity.delete({ where: { id: identity.id } });
    ev.emit('identity.unlinked', {
      userId: input.userId,
      audit: 'admin.user.identity.unlink',
      data: { user: { id: input.userId }, provider: provider.key, identityId: identity.id, subject: identity.subject, via: 'admin' },
      details: { provider: provider.key, subject: identity.subject },
    });
    return tx.user.findUniqueOrThrow({ where: { id: input.userId } });
  });
}

export interface IdentityAccessToken {
  accessToken: string;
  tokenType: string;
  scope: string | null;
  expiresAt: Date | null;
}

/**
 * The provider's access token, for the account holder to call the provider's API. An expired one
 * is refreshed first when the provider gave a refresh token.
 */
export async function identityAccessToken(deps: Deps, userId: string, providerKey: string): Promise<IdentityAccessToken | null> {
  const provider = await deps.prisma.identityProvider.findUnique({ where: { key: providerKey.trim().toLowerCase() } });
  if (!provider) return null;
  let identity = await deps.prisma.userIdentity.findUnique({ where: { userId_providerId: { userId, providerId: provider.id } } });
  if (!identity?.accessTokenEncrypted) return null;
  const now = deps.clock.now();
  if (identity.tokenExpiresAt && identity.tokenExpiresAt <= now && identity.refreshTokenEncrypted) {
    try {
      const tokens = await deps.identityProviders.refresh(provider, deps.secrets.decrypt(TOKEN_PURPOSE, identity.refreshTokenEncrypted));
      identity = await deps.prisma.userIdentity.update({ where: { id: identity.id }, data: tokenColumns(deps, tokens) });
    } catch (err) {
      throw classifyProviderError(provider.key, err);
    }
  }
  return {
    accessToken: deps.secrets.decrypt(TOKEN_PURPOSE, identity.accessTokenEncrypted!),
    tokenType: identity.tokenType ?? 'bearer',
    scope: identity.tokenScope,
    expiresAt: identity.tokenExpiresAt,
  };
}
