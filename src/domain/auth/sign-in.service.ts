// Sign-in with a password (docs/api.md#signing-in): the password kind's first step. What follows a right
// credential (suspension, MFA challenge, session) is the seam's completeFirstStep. One
// INVALID_CREDENTIALS answer for an unknown identifier and a wrong password alike, with the same cost (a dummy argon2 check), so nothing reveals whether an
// account exists. The password is checked before suspension/MFA are revealed.
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from '../../auth/passwords.js';
import type { User } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { completeFirstStep } from '../credentials/sign-in-completion.js';
import { passwordKind } from '../credentials/kinds/password.kind.js';
import { AppError, invalidCredentials } from '../errors.js';
import { classifyIdentifier } from '../users/identifiers.js';
import { refuseUntilPasswordChanged } from '../lifecycle/new-sign-in.service.js';
import { claimUnknownIdentifierAttempt } from './unknown-identifier-lockout.js';
import type { MfaChallengeResult, TokenSet } from './token-set.js';

// Kept importable from here for first steps written before the credential seam (use completeFirstStep).
export { createMfaChallenge, MFA_CHALLENGE_TTL_SECONDS } from '../credentials/sign-in-completion.js';

const accountLocked = () => new AppError('ACCOUNT_LOCKED', 'Too many failed sign-in attempts: try again later');

export async function findUserByIdentifier(deps: Deps, identifier: string): Promise<User | null> {
  const id = classifyIdentifier(identifier);
  if (!id) return null;
  const where = id.kind === 'email' ? { primaryEmail: id.value } : id.kind === 'phone' ? { primaryPhone: id.value } : { username: id.value };
  return deps.prisma.user.findUnique({ where });
}

export async function signIn(
  deps: Deps,
  input: { identifier: string; password: string; deviceToken?: string | null },
  request: RequestInfo,
): Promise<TokenSet | MfaChallengeResult> {
  await deps.ipRateLimiter.consume('sign-in', request.ip);
  const now = deps.clock.now();
  const user = await findUserByIdentifier(deps, input.identifier);
  if (!user?.passwordHash || !user.passwordAlgorithm) {
    // Locked out and counted like an account, so the answers cannot tell the two apart.
    if (!(await claimUnknownIdentifierAttempt(deps, input.identifier))) throw accountLocked();
    await burnPasswordCheck(input.password, deps.config.passwordHashing);
    throw invalidCredentials();
  }
  if ((user.lockedUntil && user.lockedUntil > now) || !(await claimPasswordAttempt(deps, user.id, request))) {
    throw accountLocked();
  }
  const ok = await verifyPassword(user.passwordAlgorithm, user.passwordHash, input.password);
  if (!ok) {
    await recordFailedSignIn(deps, user.id, request, 'password');
    throw invalidCredentials();
  }
  await releasePasswordAttempt(deps, user.id);
  refuseUntilPasswordChanged(user);

  if (!user.isSuspended && needsRehash(user.passwordAlgorithm, user.passwordHash, deps.config.passwordHashing)) {
    // Imported (or outdated) digests become argon2id on the first successful sign-in.
    await deps.prisma.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.password, deps.config.passwordHashing), passwordAlgorithm: 'ARGON2ID' },
    });
  }
  // A trusted device (docs/account-lifecycle.md) may skip the second factor of a password sign-in only.
  return completeFirstStep(deps, user, passwordKind, request, {}, { deviceToken: input.deviceToken ?? request.deviceToken });
}

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
