// Sessions and refresh-token families. A session is one family: each refresh rotates the token;
// presenting an already-rotated token means it leaked, so the whole session is revoked.
import { type AdminScope, scopesForRoles } from '../../auth/scope-names.js';
import { randomToken, sha256 } from '../../auth/crypto.js';
import { FIRST_PARTY_CLIENT_ID } from '../../auth/token-kinds.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { TokenSet } from '../auth/token-set.js';
import type { Deps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import { readPresentedToken, rotateIfUnchanged } from './refresh-rotation.js';

type Tx = Prisma.TransactionClient;

export function scopeString(scopes: readonly string[]): string {
  return ['openid', 'profile', ...scopes].join(' ');
}

/** Opens a session for a user who proved who they are, and returns its first token set. */
export async function openSession(
  deps: Deps,
  tx: Tx,
  user: { id: string; roles: string[] },
  request: RequestInfo,
  amr: string[],
): Promise<TokenSet & { sessionId: string }> {
  const now = deps.clock.now();
  const scopes: AdminScope[] = scopesForRoles(user.roles);
  const scope = scopeString(scopes);
  const session = await tx.session.create({
    data: {
      userId: user.id,
      scope,
      amr,
      userAgent: request.userAgent?.slice(0, 512) ?? null,
      ip: request.ip,
      createdAt: now,
      lastActiveAt: now,
      expiresAt: addSeconds(now, deps.config.refreshTokenTtlSeconds),
    },
  });
  const refreshToken = randomToken('rt_');
  await tx.refreshToken.create({ data: { sessionId: session.id, tokenHash: sha256(refreshToken), createdAt: now } });
  await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now, failedSignIns: 0, lockedUntil: null } });
  const accessToken = await deps.tokens.signAccessToken({ sub: user.id, sid: session.id, client_id: FIRST_PARTY_CLIENT_ID, scope }, deps.config.accessTokenTtlSeconds);
  return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: deps.config.accessTokenTtlSeconds, scope, sessionId: session.id };
}

const INVALID_REFRESH = () => new AppError('INVALID_CREDENTIALS', 'The refresh token is invalid, expired or revoked');

/** The session's scope narrowed to the user's current roles: never more than the session started with. */
function narrowedScope(sessionScope: string, roles: readonly string[]): string {
  const entitled = new Set<string>(scopesForRoles(roles));
  return scopeString(sessionScope.split(' ').filter((s) => entitled.has(s)));
}

export async function refreshTokens(deps: Deps, presented: string, request: RequestInfo): Promise<TokenSet> {
  const now = deps.clock.now();
  const tokenHash = sha256(presented);
  const read = await readPresentedToken(deps.prisma, tokenHash, now);
  if (!read) throw INVALID_REFRESH();
  if (!read.rotated) {
    if (!read.live) throw INVALID_REFRESH();
    if (read.suspended) throw new AppError('ACCOUNT_SUSPENDED', 'This account is suspended');
    const next = randomToken('rt_');
    const scope = narrowedScope(read.scope, read.roles);
    const expiresAt = addSeconds(now, deps.config.refreshTokenTtlSeconds);
    if (await rotateIfUnchanged(deps.prisma, read, { tokenHash: sha256(next), scope, expiresAt }, now)) {
      deps.ownWrites.committed([`session:${read.sessionId}`]);
      return issueTokenSet(deps, { refreshToken: next, sessionId: read.sessionId, userId: read.userId, scope });
    }
  }
  // A rotated token (reuse), or something changed between the read and the write: decided again
  // in one transaction that reads, revokes on reuse and records the event.
  try {
    return await refreshInTransaction(deps, tokenHash, request, now);
  } finally {
    deps.ownWrites.committed([`session:${read.sessionId}`]);
  }
}

async function refreshInTransaction(deps: Deps, tokenHash: string, request: RequestInfo, now: Date): Promise<TokenSet> {
  const outcome = await withEvents(deps, { actorId: null, actorType: 'system' }, request, async (tx, ev) => {
    const row = await tx.refreshToken.findUnique({
      where: { tokenHash },
      include: { session: { include: { user: { select: { id: true, roles: true, isSuspended: true } } } } },
    });
    if (!row) return { error: INVALID_REFRESH() };
    const { session } = row;
    // Reuse of a rotated token: someone else holds this family. End it for everyone.
    const revokeForReuse = async () => {
      const revoked = await tx.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now, revokeReason: 'refresh_token_reuse' } });
      if (revoked.count === 1) {
        ev.emit('session.revoked', {
          userId: session.userId,
          audit: 'session.refresh_token_reused',
          data: { user: { id: session.userId }, sessionId: session.id, count: 1, reason: 'refresh_token_reuse' },
          details: { sessionId: session.id },
        });
      }
      return { error: INVALID_REFRESH() };
    };
    if (row.rotatedAt) return revokeForReuse();
    if (session.revokedAt || session.expiresAt <= now) return { error: INVALID_REFRESH() };
    if (session.user.isSuspended) return { error: new AppError('ACCOUNT_SUSPENDED', 'This account is suspended') };
    // Conditional update: of two concurrent refreshes with the same token, exactly one wins; the
    // loser presented a token rotated meanwhile, which is reuse like any other.
    const claimed = await tx.refreshToken.updateMany({ where: { id: row.id, rotatedAt: null }, data: { rotatedAt: now } });
    if (claimed.count !== 1) return revokeForReuse();
    const next = randomToken('rt_');
    await tx.refreshToken.create({ data: { sessionId: session.id, tokenHash: sha256(next), createdAt: now } });
    const scope = narrowedScope(session.scope, session.user.roles);
    await tx.session.update({
      where: { id: session.id },
      data: { lastActiveAt: now, expiresAt: addSeconds(now, deps.config.refreshTokenTtlSeconds), scope },
    });
    return { refreshToken: next, sessionId: session.id, userId: session.userId, scope };
  });
  if ('error' in outcome) throw outcome.error;
  return issueTokenSet(deps, outcome);
}

async function issueTokenSet(deps: Deps, issued: { refreshToken: string; sessionId: string; userId: string; scope: string }): Promise<TokenSet> {
  const accessToken = await deps.tokens.signAccessToken(
    { sub: issued.userId, sid: issued.sessionId, client_id: FIRST_PARTY_CLIENT_ID, scope: issued.scope },
    deps.config.accessTokenTtlSeconds,
  );
  return { accessToken, refreshToken: issued.refreshToken, tokenType: 'Bearer', expiresIn: deps.config.accessTokenTtlSeconds, scope: issued.scope };
}

export async function revokeSession(deps: Deps, sessionId: string, reason: string): Promise<void> {
  await deps.prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: deps.clock.now(), revokeReason: reason },
  });
}

/** Ends every live session of a user (optionally keeping one). */
export async function revokeUserSessions(deps: Deps, tx: Tx, userId: string, reason: string, exceptSessionId?: string | null): Promise<number> {
  const result = await tx.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: deps.clock.now(), revokeReason: reason },
  });
  return result.count;
}

/** me.revokeSession: one of the caller's own sessions. */
export async function revokeOwnSession(deps: Deps, userId: string, sessionId: string, actor: AuditActor, request: RequestInfo): Promise<number> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const result = await tx.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { revokedAt: deps.clock.now(), revokeReason: 'revoked_by_user' },
    });
    if (result.count === 0) throw notFound('Session', 'id');
    ev.emit('session.revoked', {
      userId,
      audit: 'user.session.revoke',
      data: { user: { id: userId }, sessionId, count: 1, reason: 'revoked_by_user' },
      details: { sessionId },
    });
    return result.count;
  });
}

/** me.revokeOtherSessions: every session but the calling one. */
export async function revokeOwnOtherSessions(deps: Deps, userId: string, keepSessionId: string | null, actor: AuditActor, request: RequestInfo): Promise<number> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const revokedCount = await revokeUserSessions(deps, tx, userId, 'revoked_by_user', keepSessionId);
    ev.emit('session.revoked', {
      userId,
      audit: 'user.session.revoke_others',
      data: { user: { id: userId }, count: revokedCount, reason: 'revoked_by_user' },
      details: { revokedCount },
    });
    return revokedCount;
  });
}

/** Whether a stream opened with this session may go on: the session is live and the user neither suspended nor deleted. */
/**
 * Whether the credential a long-lived request (a live stream) was opened with still works: its
 * session, or its personal access token (not revoked, not expired), with the user not suspended.
 * A request with neither has nothing left to stand on.
 */
export async function isCredentialLive(
  deps: Deps,
  userId: string,
  credential: { sessionId: string | null; personalAccessTokenId: string | null },
): Promise<boolean> {
  if (credential.sessionId) return isSessionLive(deps, userId, credential.sessionId);
  if (!credential.personalAccessTokenId) return false;
  const now = deps.clock.now();
  const live = await deps.prisma.personalAccessToken.count({
    where: { id: credential.personalAccessTokenId, userId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }], user: { isSuspended: false } },
  });
  return live === 1;
}

export async function isSessionLive(deps: Deps, userId: string, sessionId: string | null): Promise<boolean> {
  const now = deps.clock.now();
  if (!sessionId) return (await deps.prisma.user.count({ where: { id: userId, isSuspended: false } })) === 1;
  const live = await deps.prisma.session.count({ where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now }, user: { isSuspended: false } } });
  return live === 1;
}
