// Failed sign-ins on identifiers with no password account (no account, or one without a password)
// are counted and locked like a real account's (User.failedSignIns / lockedUntil), so the answers
// are the same: INVALID_CREDENTIALS for the first SIGN_IN_LOCKOUT_THRESHOLD wrong attempts, then
// ACCOUNT_LOCKED at once for SIGN_IN_LOCKOUT_SECONDS. Without it, "ACCOUNT_LOCKED after 10 tries"
// tells a real account from an unknown one. Counters live in the shared auth_rate_limit table (the
// store of the per-address limits), keyed by a hash of the identifier's normalised form: the same
// spellings a real account answers to share one counter, and no identifier is stored in clear.
import { sha256 } from '../../auth/crypto.js';
import { addSeconds } from '../../lib/clock.js';
import type { Deps } from '../deps.js';
import { classifyIdentifier } from '../users/identifiers.js';

const KEY_PREFIX = 'unknown-sign-in:';
// A real account's failures count until it locks; these are forgotten after 30 days so the table
// cannot grow without bound (a row per guessed identifier).
const COUNT_WINDOW_SECONDS = 30 * 24 * 3600;

function keyOf(identifier: string): string {
  const id = classifyIdentifier(identifier);
  return KEY_PREFIX + sha256(id ? `${id.kind}:${id.value}` : `raw:${identifier.trim().toLowerCase()}`);
}

type Row = { points: number; expire: bigint | null };

const locked = (deps: Deps, row: Row) =>
  Boolean(row.points >= deps.config.signInLockoutThreshold && row.expire !== null && Number(row.expire) > deps.clock.now().getTime());

/**
 * Counts one attempt before the (dummy) password check, as claimPasswordAttempt does for an
 * account, so a burst of concurrent guesses gets exactly as many INVALID_CREDENTIALS as an
 * account would. The threshold-th attempt locks the identifier (and still answers
 * INVALID_CREDENTIALS, like recordFailedSignIn); false = locked, answer ACCOUNT_LOCKED.
 */
export async function claimUnknownIdentifierAttempt(deps: Deps, identifier: string): Promise<boolean> {
  const key = keyOf(identifier);
  const now = deps.clock.now();
  const threshold = deps.config.signInLockoutThreshold;
  const claimed = await deps.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "auth_rate_limit" ("key", "points", "expire") VALUES (${key}, 0, ${BigInt(now.getTime())}) ON CONFLICT ("key") DO NOTHING`;
    const [row] = await tx.$queryRaw<Row[]>`SELECT "points", "expire" FROM "auth_rate_limit" WHERE "key" = ${key} FOR UPDATE`;
    if (locked(deps, row!)) return false;
    const elapsed = row!.expire === null || Number(row!.expire) <= now.getTime();
    const points = (elapsed ? 0 : row!.points) + 1;
    const expire = points >= threshold ? addSeconds(now, deps.config.signInLockoutSeconds) : elapsed ? addSeconds(now, COUNT_WINDOW_SECONDS) : new Date(Number(row!.expire));
    await tx.$executeRaw`UPDATE "auth_rate_limit" SET "points" = ${Math.min(points, threshold)}, "expire" = ${BigInt(expire.getTime())} WHERE "key" = ${key}`;
    return true;
  });
  // Now and then, forget elapsed counters (other keys of the table belong to the per-address limits).
  if (Math.random() < 0.01) {
    await deps.prisma.$executeRaw`DELETE FROM "auth_rate_limit" WHERE "key" LIKE ${`${KEY_PREFIX}%`} AND "expire" < ${BigInt(now.getTime())}`.catch(() => {});
  }
  return claimed;
}
