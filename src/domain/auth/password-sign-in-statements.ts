// The two statements of a usual password sign-in (docs/performance.md, "Sign-in in two
// statements"). Each Prisma ORM call is compiled by its query compiler on the event loop, and a
// sign-in made about a dozen of them around one argon2 check: with two cores the event loop, not
// hashing, was what saturated. So the sign-in reads (and claims its lockout attempt) in one
// statement, checks the hash, and opens the session in one more. Anything unusual (a second
// factor, a trusted device, a new place, a rehash, suspension, pending deletion) is left to the
// general path (sign-in-completion.ts), which these statements never replace.
import { randomUUID } from 'node:crypto';
import { randomToken, sha256 } from '../../auth/crypto.js';
import { scopesForRoles } from '../../auth/scope-names.js';
import { FIRST_PARTY_CLIENT_ID } from '../../auth/token-kinds.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { MfaFactorType, PasswordAlgorithm } from '../../generated/prisma/enums.js';
import { addSeconds } from '../../lib/clock.js';
import type { RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import type { CommittedEvent } from '../events/catalogue.js';
import { auditRowOf, newEventId } from '../events/collector.js';
import { utc } from '../../db/sql-time.js';
import { networkOf, userAgentFamily } from '../lifecycle/user-agent.js';
import { scopeString } from '../sessions/sessions.service.js';
import type { IdentifierKind } from '../users/identifiers.js';
import type { TokenSet } from './token-set.js';

// Fixed column names (never input), so the identifier picks one without building SQL from text.
const COLUMN: Record<IdentifierKind, Prisma.Sql> = {
  email: Prisma.raw('"primaryEmail"'),
  phone: Prisma.raw('"primaryPhone"'),
  username: Prisma.raw('"username"'),
};

export interface SignInAttempt {
  /** The password sign-in method is switched on (SignInMethodSettings). */
  methodOn: boolean;
  /** Null: no such account, or one without a password (nothing was claimed). */
  user: {
    id: string;
    roles: string[];
    passwordHash: string;
    passwordAlgorithm: PasswordAlgorithm;
    /** lockedUntil was ahead when read: the attempt was not claimed. */
    locked: boolean;
    /** The attempt was counted (claimPasswordAttempt's conditional increment): false = refuse. */
    claimed: boolean;
    /** Nothing but a session follows a right password (no suspension, deletion or report). */
    plain: boolean;
    factors: MfaFactorType[];
    /** This user agent family and network signed in to the account before. */
    placeSeen: boolean;
  } | null;
}

/**
 * Statement 1: the account behind the identifier, the password method's switch, the enrolled
 * factor types and whether the place is known; and, in the same statement, the lockout claim of
 * claimPasswordAttempt (credentials/lockout.ts): `failedSignIns` is incremented only while under
 * the threshold and unlocked, re-checked on the row's latest version, so concurrent attempts
 * cannot pass the limit. Nothing is claimed when the method is off, the account has no password
 * or its lock (as read) is still running.
 */
export async function readSignInAttempt(deps: Deps, id: { kind: IdentifierKind; value: string }, request: RequestInfo): Promise<SignInAttempt> {
  const now = utc(deps.clock.now());
  const threshold = deps.config.signInLockoutThreshold;
  const rows = await deps.prisma.$queryRaw<RawAttempt[]>`
    WITH settings AS (SELECT COALESCE((SELECT "password" FROM "SignInMethodSettings" WHERE id = 1), true) AS enabled),
    u AS (
      SELECT id, roles, "passwordHash", "passwordAlgorithm"::text AS algorithm,
        ("lockedUntil" IS NOT NULL AND "lockedUntil" > ${now}) AS locked,
        (NOT "isSuspended" AND "deletionScheduledAt" IS NULL AND NOT "passwordChangeRequired") AS plain
      FROM "User" WHERE ${COLUMN[id.kind]} = ${id.value} AND "passwordHash" IS NOT NULL AND "passwordAlgorithm" IS NOT NULL
    ),
    claim AS (
      UPDATE "User" t SET "failedSignIns" = t."failedSignIns" + 1, "updatedAt" = ${utc(new Date())}
      FROM u, settings
      WHERE t.id = u.id AND settings.enabled AND NOT u.locked
        AND t."failedSignIns" < ${threshold} AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now})
      RETURNING t.id
    )
    SELECT settings.enabled AS "methodOn", u.id, u.roles, u."passwordHash", u.algorithm, u.locked, u.plain,
      EXISTS (SELECT 1 FROM claim) AS claimed,
      ARRAY(SELECT f.type::text FROM "MfaFactor" f WHERE f."userId" = u.id) AS factors,
      EXISTS (SELECT 1 FROM "SignInContext" c
        WHERE c."userId" = u.id AND c."uaFamily" = ${userAgentFamily(request.userAgent)} AND c.network = ${networkOf(request.ip)}) AS "placeSeen"
    FROM settings LEFT JOIN u ON true`;
  const row = rows[0]!;
  if (!row.id) return { methodOn: row.methodOn, user: null };
  return {
    methodOn: row.methodOn,
    user: {
      id: row.id,
      roles: row.roles!,
      passwordHash: row.passwordHash!,
      passwordAlgorithm: row.algorithm as PasswordAlgorithm,
      locked: row.locked!,
      claimed: row.claimed,
      plain: row.plain!,
      factors: row.factors as MfaFactorType[],
      placeSeen: row.placeSeen,
    },
  };
}

interface RawAttempt {
  methodOn: boolean;
  id: string | null;
  roles: string[] | null;
  passwordHash: string | null;
  algorithm: string | null;
  locked: boolean | null;
  plain: boolean | null;
  claimed: boolean;
  factors: string[];
  placeSeen: boolean;
}

/**
 * Statement 2, after a right password on the usual path: opens the session (openSession's rows),
 * gives the claimed attempt back and clears the counters as openSession does, records the known
 * place's lastSeenAt (noteSuccessfulSignIn; an upsert, in case the place was forgotten since the
 * read) and writes the user.signed_in event with its webhook deliveries (EventCollector.flush),
 * all in one statement, so all or nothing commits. Subscribers hear of the event after the commit.
 */
export async function openPasswordSession(deps: Deps, user: { id: string; roles: string[] }, request: RequestInfo): Promise<TokenSet> {
  const now = deps.clock.now();
  const at = new Date();
  const scope = scopeString(scopesForRoles(user.roles));
  const sessionId = `ses_${randomUUID().replaceAll('-', '')}`;
  const refreshToken = randomToken('rt_');
  const userAgent = request.userAgent?.slice(0, 512) ?? null;
  const eventId = newEventId();
  const input = {
    userId: user.id,
    audit: 'user.sign_in' as const,
    data: { user: { id: user.id }, sessionId, method: 'password' },
    details: { method: 'password' },
  };
  const actor = { actorId: user.id, actorType: 'user' as const };
  const audit = auditRowOf(actor, request, eventId, 'user.signed_in', input);
  const [written] = await deps.prisma.$queryRaw<{ data: unknown; deliveries: number }[]>`
    WITH s AS (
      INSERT INTO "Session" (id, "userId", scope, amr, "userAgent", ip, "createdAt", "lastActiveAt", "expiresAt")
      VALUES (${sessionId}, ${user.id}, ${scope}, ${['pwd']}::text[], ${userAgent}, ${request.ip}, ${utc(now)}, ${utc(now)},
        ${utc(addSeconds(now, deps.config.refreshTokenTtlSeconds))})
    ),
    r AS (INSERT INTO "RefreshToken" ("sessionId", "tokenHash", "createdAt") VALUES (${sessionId}, ${sha256(refreshToken)}, ${utc(now)})),
    u AS (UPDATE "User" SET "lastSignInAt" = ${utc(now)}, "failedSignIns" = 0, "lockedUntil" = NULL, "updatedAt" = ${utc(at)} WHERE id = ${user.id}),
    c AS (
      INSERT INTO "SignInContext" ("userId", "uaFamily", network, "firstSeenAt", "lastSeenAt")
      VALUES (${user.id}, ${userAgentFamily(request.userAgent)}, ${networkOf(request.ip)}, ${utc(now)}, ${utc(now)})
      ON CONFLICT ("userId", "uaFamily", network) DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt"
    ),
    a AS (
      INSERT INTO "AuditEvent" (id, type, action, "actorId", "actorType", "userId", at, ip, "userAgent", details, data)
      VALUES (${audit.id}, ${audit.type}, ${audit.action}, ${audit.actorId}, ${audit.actorType}, ${audit.userId}, ${utc(at)}, ${audit.ip},
        ${audit.userAgent}, ${JSON.stringify(audit.details)}::jsonb, ${JSON.stringify(audit.data)}::jsonb)
      RETURNING id, type, data
    ),
    w AS (
      INSERT INTO "WebhookDelivery" ("webhookId", "eventId", "eventType", "nextAttemptAt")
      SELECT w.id, a.id, a.type, ${utc(now)} FROM "Webhook" w JOIN a ON a.type = ANY(w.events) OR '*' = ANY(w.events)
      WHERE w.enabled
      RETURNING 1
    )
    SELECT (SELECT data FROM a) AS data, (SELECT count(*) FROM w)::int AS deliveries`;
  const event: CommittedEvent = { id: eventId, type: 'user.signed_in', at, ...actor, userId: user.id, ip: request.ip, userAgent, data: written!.data as never };
  deps.events.publish([event], written!.deliveries);
  const accessToken = await deps.tokens.signAccessToken({ sub: user.id, sid: sessionId, client_id: FIRST_PARTY_CLIENT_ID, scope }, deps.config.accessTokenTtlSeconds);
  return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: deps.config.accessTokenTtlSeconds, scope };
}
