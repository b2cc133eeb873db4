// Linked identities: self-service link (with an identity proof) and unlink (never the last way
// in), admin link by subject and unlink, and the provider access token for the account holder.
import type { IdentityProvider, User, UserIdentity } from '../../generated/prisma/client.js';
import { type AuditActor, type RequestInfo, writeAudit } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError, invalidInput, isUniqueViolation, notFound, uniqueViolationTarget } from '../errors.js';
import { credentialState, sendCredentialNotice } from '../credentials/factor-lifecycle.js';
import { socialIdentityKind } from '../credentials/kinds/social-identity.kind.js';
import { assertKeepsSignInMethod } from '../credentials/registry.js';
import { lockUserRow } from '../users/user-lock.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';
import { claimState, type SocialAuthorization } from './auth-state.js';
import { identityColumns, TOKEN_PURPOSE, tokenColumns } from './identity-data.js';
import { classifyProviderError } from './provider-client.js';
import { findProvider } from './providers.service.js';
import { invalidState, startAuthorization } from './social-sign-in.service.js';

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
  const claimed = await claimState(deps, input.state, 'LINK', userId);
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
  const columns = identityColumns(deps, result);
  const now = deps.clock.now();
  try {
    const identity = await deps.prisma.$transaction(async (tx) => {
      await lockUserRow(tx, userId);
      const owner = await tx.userIdentity.findUnique({
        where: { providerId_subject: { providerId: provider.id, subject: result.profile.subject } },
      });
      if (owner && owner.userId !== userId) throw identityInUse('provider');
      if (owner) return { identity: await tx.userIdentity.update({ where: { id: owner.id }, data: columns }), created: false };
      const created = await tx.userIdentity.create({
        data: { ...columns, userId, providerId: provider.id, subject: result.profile.subject, linkedAt: now },
      });
      await writeAudit(tx, actor, request, {
        action: 'user.identity.link',
        userId,
        details: { provider: provider.key, subject: created.subject },
      });
      return { identity: created, created: true };
    });
    if (identity.created) sendCredentialNotice(deps, userId, socialIdentityKind, 'added', request);
    return identity.identity;
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
  const user = await deps.prisma.$transaction(async (tx) => {
    await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
    await lockUserRow(tx, userId);
    const identity = await tx.userIdentity.findUnique({ where: { userId_providerId: { userId, providerId: provider.id } } });
    if (!identity) throw notFound(`${provider.name} identity`, 'provider');
    const state = await credentialState(tx, userId);
    assertKeepsSignInMethod({ ...state, identityProviderIds: state.identityProviderIds.filter((id) => id !== provider.id) }, 'provider');
    await tx.userIdentity.delete({ where: { id: identity.id } });
    await writeAudit(tx, actor, request, { action: 'user.identity.unlink', userId, details: { provider: provider.key, subject: identity.subject } });
    return tx.user.findUniqueOrThrow({ where: { id: userId } });
  });
  sendCredentialNotice(deps, userId, socialIdentityKind, 'removed', request);
  return user;
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
    const identity = await deps.prisma.$transaction(async (tx) => {
      const created = await tx.userIdentity.create({ data: { userId: user.id, providerId: provider.id, subject, linkedAt: deps.clock.now() } });
      await writeAudit(tx, actor, request, { action: 'admin.user.identity.link', userId: user.id, details: { provider: provider.key, subject } });
      return created;
    });
    sendCredentialNotice(deps, user.id, socialIdentityKind, 'added', request);
    return identity;
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
  const user = await deps.prisma.$transaction(async (tx) => {
    const identity = await tx.userIdentity.findUnique({ where: { userId_providerId: { userId: input.userId, providerId: provider.id } } });
    if (!identity) throw notFound(`${provider.name} identity of this user`, 'provider');
    await tx.userIdentity.delete({ where: { id: identity.id } });
    await writeAudit(tx, actor, request, {
      action: 'admin.user.identity.unlink',
      userId: input.userId,
      details: { provider: provider.key, subject: identity.subject },
    });
    return tx.user.findUniqueOrThrow({ where: { id: input.userId } });
  });
  sendCredentialNotice(deps, input.userId, socialIdentityKind, 'removed', request);
  return user;
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
