// The common refresh, in two plain statements and no interactive transaction: one joined read of
// the presented token, its session and user, and one guarded write that rotates the token, issues
// the next one and extends the session. The write is a single statement (atomic on its own) that
// applies only if nothing it depends on changed since the read: the token is still unrotated, the
// session still live with the same scope, the user still unsuspended with the same roles. Under
// READ COMMITTED, a second refresh with the same token waits for the first one's row lock and then
// finds the token rotated, so of two concurrent uses exactly one rotates; the other (and anything
// that does not apply) falls back to the full transaction in sessions.service.ts, which detects
// reuse and revokes the session as it always did. Measured: docs/performance.md.
import { utc } from '../../db/sql-time.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Deps } from '../deps.js';

type Db = Pick<Deps['prisma'], '$queryRaw'>;

export interface PresentedRefreshToken {
  tokenId: string;
  rotated: boolean;
  sessionId: string;
  userId: string;
  /** The session's scope as stored (what the write's guard compares against). */
  scope: string;
  /** Not revoked and not expired at `now`. */
  live: boolean;
  roles: string[];
  suspended: boolean;
}


export async function readPresentedToken(db: Db, tokenHash: string, now: Date): Promise<PresentedRefreshToken | null> {
  const rows = await db.$queryRaw<PresentedRefreshToken[]>`
    SELECT rt.id AS "tokenId", rt."rotatedAt" IS NOT NULL AS rotated, s.id AS "sessionId", s."userId", s.scope,
           (s."revokedAt" IS NULL AND s."expiresAt" > ${utc(now)}) AS live, u.roles, u."isSuspended" AS suspended
    FROM "RefreshToken" rt
    JOIN "Session" s ON s.id = rt."sessionId"
    JOIN "User" u ON u.id = s."userId"
    WHERE rt."tokenHash" = ${tokenHash}`;
  return rows[0] ?? null;
}

/**
 * Rotates `read`'s token to `next` if every fact the caller decided on still holds; false when it
 * did not apply (nothing was written).
 */
export async function rotateIfUnchanged(
  db: Db,
  read: PresentedRefreshToken,
  next: { tokenHash: string; scope: string; expiresAt: Date },
  now: Date,
): Promise<boolean> {
  const rows = await db.$queryRaw<{ rotated: number }[]>`
    WITH claimed AS (
      UPDATE "RefreshToken" rt SET "rotatedAt" = ${utc(now)}
      WHERE rt.id = ${read.tokenId} AND rt."rotatedAt" IS NULL
        AND EXISTS (
          SELECT 1 FROM "Session" s JOIN "User" u ON u.id = s."userId"
          WHERE s.id = rt."sessionId" AND s."revokedAt" IS NULL AND s."expiresAt" > ${utc(now)} AND s.scope = ${read.scope}
            AND NOT u."isSuspended" AND u.roles = CAST(${read.roles} AS text[]))
      RETURNING rt."sessionId"
    ), issued AS (
      INSERT INTO "RefreshToken" ("sessionId", "tokenHash", "createdAt")
      SELECT "sessionId", ${next.tokenHash}, ${utc(now)} FROM claimed
      RETURNING 1
    ), extended AS (
      UPDATE "Session" SET "lastActiveAt" = ${utc(now)}, "expiresAt" = ${utc(next.expiresAt)}, scope = ${next.scope}
      WHERE id IN (SELECT "sessionId" FROM claimed) AND "revokedAt" IS NULL
      RETURNING 1
    )
    SELECT CAST((SELECT count(*) FROM claimed) + (SELECT count(*) FROM issued) + (SELECT count(*) FROM extended) AS int) AS rotated`;
  return rows[0]?.rotated === 3;
}
