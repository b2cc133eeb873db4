// The password lockout, shared by every kind that checks a password (signIn, me.verifyPassword):
// after SIGN_IN_LOCKOUT_THRESHOLD wrong passwords the account is locked for SIGN_IN_LOCKOUT_SECONDS.
import { addSeconds } from '../../lib/clock.js';
import type { RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { withEvents } from '../events/collector.js';

/**
 * Counts a password attempt before the (slow) check, conditionally, so a burst of concurrent
 * guesses cannot all pass the lockout check before any failure is stored. False = locked.
 */
export async function claimPasswordAttempt(deps: Deps, userId: string, request: RequestInfo): Promise<boolean> {
  const now = deps.clock.now();
  const claimed = await deps.prisma.user.updateMany({
    where: {
      id: userId,
      failedSignIns: { lt: deps.config.signInLockoutThreshold },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
    data: { failedSignIns: { increment: 1 } },
  });
  if (claimed.count === 1) return true;
  // The threshold is taken by attempts still in flight (or by a failure whose lock was never written).
  await recordFailedSignIn(deps, userId, request);
  return false;
}

/** A right password gives its claimed attempt back. */
export async function releasePasswordAttempt(deps: Deps, userId: string): Promise<void> {
  await deps.prisma.user.updateMany({ where: { id: userId, failedSignIns: { gt: 0 } }, data: { failedSignIns: { decrement: 1 } } });
}

/**
 * After a wrong password (its attempt already claimed): locks the account once the threshold is
 * reached. `signInFailure` records a failed sign-in (the user's activity shows it); password checks
 * for a sensitive change record their own event instead.
 */
export async function recordFailedSignIn(deps: Deps, userId: string, request: RequestInfo, signInFailure?: 'password'): Promise<void> {
  const now = deps.clock.now();
  await withEvents(deps, { actorId: null, actorType: 'system' }, request, async (tx, ev) => {
    if (signInFailure) {
      ev.emit('user.sign_in_failed', { userId, audit: 'user.sign_in_failed', data: { user: { id: userId }, reason: signInFailure } });
    }
    // Conditional, so of several concurrent failures exactly one locks and audits.
    const locked = await tx.user.updateMany({
      where: { id: userId, failedSignIns: { gte: deps.config.signInLockoutThreshold } },
      data: { failedSignIns: 0, lockedUntil: addSeconds(now, deps.config.signInLockoutSeconds) },
    });
    if (locked.count === 1) {
      ev.emit('user.locked', {
        userId,
        audit: 'user.locked',
        data: { user: { id: userId }, reason: 'failed_sign_ins', seconds: deps.config.signInLockoutSeconds },
      });
    }
  });
}
