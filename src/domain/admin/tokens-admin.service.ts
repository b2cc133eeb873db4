// Admin-issued credentials for a user: personal access tokens and impersonation tokens.
import { ADMIN_ROLE } from '../../auth/scope-names.js';
import { FIRST_PARTY_CLIENT_ID } from '../../auth/token-kinds.js';
import type { PersonalAccessToken } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { TokenSet } from '../auth/token-set.js';
import type { Deps } from '../deps.js';
import { invalidInput, notFound } from '../errors.js';
import {
  type CreatedPersonalAccessToken,
  createPersonalAccessToken,
  revokePersonalAccessToken,
} from '../tokens/personal-access-tokens.service.js';

// An impersonation token is never refreshable and lives at most this long (the bound).
export const IMPERSONATION_MAX_TTL_SECONDS = 3600;

/** The longest any access token this service signs can live: how long a superseded signing key must stay published. */
export function maxAccessTokenLifetimeSeconds(config: { accessTokenTtlSeconds: number }): number {
  return Math.max(config.accessTokenTtlSeconds, IMPERSONATION_MAX_TTL_SECONDS);
}

const IMPERSONATION_DEFAULT_TTL_SECONDS = 900;
const IMPERSONATION_SCOPE = 'openid profile';

export async function adminCreatePersonalAccessToken(
  deps: Deps,
  input: { userId: string; name: string; expiresAt?: Date | null },
  actor: AuditActor,
  request: RequestInfo,
): Promise<CreatedPersonalAccessToken> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw notFound('User', 'userId');
    const pat = await createPersonalAccessToken(deps, tx, { ...input, createdBy: actor.actorId });
    const { id, name, expiresAt } = pat.personalAccessToken;
    ev.emit('token.created', {
      userId: input.userId,
      audit: 'admin.pat.create',
      data: { user: { id: input.userId }, token: { id, name, expiresAt: expiresAt?.toISOString() ?? null }, via: 'admin' },
      details: { personalAccessTokenId: id, name, expiresAt: input.expiresAt ?? null },
    });
    return pat;
  });
}

export async function adminRevokePersonalAccessToken(deps: Deps, id: string, actor: AuditActor, request: RequestInfo): Promise<PersonalAccessToken> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const row = await revokePersonalAccessToken(tx, id);
    ev.emit('token.revoked', {
      userId: row.userId,
      audit: 'admin.pat.revoke',
      data: { user: { id: row.userId }, token: { id: row.id, name: row.name }, via: 'admin' },
      details: { personalAccessTokenId: row.id, name: row.name },
    });
    return row;
  });
}

/**
 * An access token that acts as the user, with `act.sub` naming the admin. It has its own
 * IMPERSONATION session so revoking that session refuses it; authenticate.ts gives tokens with
 * `act` no admin scopes.
 */
export async function impersonateUser(
  deps: Deps,
  input: { userId: string; reason: string; ttlSeconds?: number | null },
  /** The impersonating admin (user id) or machine client (client id): the token's `act.sub`. */
  actorSub: string,
  actor: AuditActor,
  request: RequestInfo,
): Promise<TokenSet> {
  const reason = input.reason.trim();
  if (!reason || reason.length > 500) throw invalidInput('reason', 'Give a reason of 1-500 characters');
  const ttl = input.ttlSeconds ?? IMPERSONATION_DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 60 || ttl > IMPERSONATION_MAX_TTL_SECONDS) {
    throw invalidInput('ttlSeconds', `ttlSeconds must be between 60 and ${IMPERSONATION_MAX_TTL_SECONDS}`);
  }
  if (input.userId === actorSub) throw invalidInput('userId', 'You cannot impersonate yourself');
  const now = deps.clock.now();
  const session = await withEvents(deps, actor, request, async (tx, ev) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, roles: true, isSuspended: true } });
    if (!target) throw notFound('User', 'userId');
    if (target.isSuspended) throw invalidInput('userId', 'This user is suspended');
    const created = await tx.session.create({
      data: {
        userId: target.id,
        kind: 'IMPERSONATION',
        actorId: actorSub,
        reason,
        scope: IMPERSONATION_SCOPE,
        amr: ['impersonation'],
        userAgent: request.userAgent?.slice(0, 512) ?? null,
        ip: request.ip,
        createdAt: now,
        lastActiveAt: now,
        expiresAt: addSeconds(now, ttl),
      },
    });
    ev.emit('user.impersonated', {
      userId: target.id,
      audit: 'admin.user.impersonate',
      data: { user: { id: target.id }, reason, sessionId: created.id, ttlSeconds: ttl, targetIsAdmin: target.roles.includes(ADMIN_ROLE) },
    });
    return created;
  });
  const accessToken = await deps.tokens.signAccessToken(
    { sub: input.userId, sid: session.id, client_id: FIRST_PARTY_CLIENT_ID, scope: IMPERSONATION_SCOPE, act: { sub: actorSub } },
    ttl,
  );
  return { accessToken, refreshToken: null, tokenType: 'Bearer', expiresIn: ttl, scope: IMPERSONATION_SCOPE };
}
