// The second step of sign-in (docs/api.md#signing-in): an MfaChallenge token from the first step plus the answer
// of one enrolled factor kind (verifySignIn's totpCode, backupCode, … : whichever MfaStep the
// credential registry holds) gives the TokenSet. Wrong answers count per challenge (it dies with
// TOO_MANY_ATTEMPTS) and per user across challenges (MFA locks with ACCOUNT_LOCKED); limits in
// config (MFA_*).
import { sha256 } from '../../auth/crypto.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { RequestInfo } from '../audit/audit.service.js';
import { type EventCollector, withEvents } from '../events/collector.js';
import type { TokenSet } from '../auth/token-set.js';
import { accountSuspended } from '../credentials/sign-in-completion.js';
import type { Deps } from '../deps.js';
import { AppError, invalidInput } from '../errors.js';
import { openSession } from '../sessions/sessions.service.js';
import { lockUserRow } from '../users/user-lock.js';
import { accountPendingDeletion } from '../lifecycle/deletion.service.js';
import { noteSuccessfulSignIn } from '../lifecycle/new-sign-in.service.js';
import { trustDevice } from '../lifecycle/trusted-devices.service.js';

type Tx = Prisma.TransactionClient;

/** mfaToken plus exactly one kind's answer, keyed by its MfaStep.inputField. */
export interface VerifySignInInput {
  mfaToken: string;
  /** Remember this device: later password sign-ins from it skip the second factor (docs/account-lifecycle.md). */
  trustDevice?: boolean | null;
  [answerField: string]: unknown;
}

const SYSTEM = { actorId: null, actorType: 'system' } as const;

// Unknown, expired and used tokens look alike: the client has to sign in again either way.
const invalidMfaToken = () => new AppError('INVALID_CREDENTIALS', 'The MFA token is invalid or expired: sign in again', ['mfaToken']);
export const mfaLocked = () => new AppError('ACCOUNT_LOCKED', 'Too many wrong MFA codes: try again later');

export function mfaLockedError(lockedUntil: Date | null, now: Date): AppError | null {
  return lockedUntil && lockedUntil > now ? mfaLocked() : null;
}

/**
 * Counts a wrong MFA answer against the user (a failed sign-in, or a failed step-up); at the
 * threshold the user's MFA locks (and the challenge, if any, dies). Returns the error to answer
 * with: `wrong`, or ACCOUNT_LOCKED. The events go out with `ev`'s transaction.
 */
export async function recordMfaFailure(
  deps: Deps,
  tx: Tx,
  ev: EventCollector,
  userId: string,
  challengeId: string | null,
  wrong: AppError = new AppError('INVALID_MFA_CODE', 'The code is incorrect'),
): Promise<AppError> {
  if (challengeId) ev.emit('user.sign_in_failed', { userId, audit: 'user.sign_in_failed', data: { user: { id: userId }, reason: 'mfa_code' } });
  const { mfaFailures } = await tx.user.update({ where: { id: userId }, data: { mfaFailures: { increment: 1 } }, select: { mfaFailures: true } });
  if (mfaFailures < deps.config.mfaLockoutThreshold) return wrong;
  const now = deps.clock.now();
  await tx.user.update({ where: { id: userId }, data: { mfaFailures: 0, mfaLockedUntil: addSeconds(now, deps.config.mfaLockoutSeconds) } });
  if (challengeId) await tx.mfaChallenge.update({ where: { id: challengeId }, data: { consumedAt: now } });
  ev.emit('user.locked', {
    userId,
    audit: 'user.mfa.locked',
    data: { user: { id: userId }, reason: 'failed_mfa_codes', seconds: deps.config.mfaLockoutSeconds },
  });
  return mfaLocked();
}

export async function verifySignIn(deps: Deps, input: VerifySignInInput, request: RequestInfo): Promise<TokenSet> {
  await deps.ipRateLimiter.consume('mfa', request.ip);
  const steps = deps.credentials.mfaSteps();
  const given = steps.flatMap(({ kind, step }) => {
    const answer = step.parse(input[step.inputField]);
    return answer === null ? [] : [{ kind, step, answer }];
  });
  const chosen = given[0];
  if (given.length !== 1 || !chosen) {
    throw invalidInput(steps[0]!.step.inputField, `Give exactly one of ${steps.map((s) => s.step.inputField).join(', ')}`);
  }
  const now = deps.clock.now();

  // Failures are returned, not thrown, so the counters they write are committed.
  const outcome = await withEvents(deps, SYSTEM, request, async (tx, ev): Promise<{ error: AppError } | { tokens: TokenSet }> => {
    const challenge = await tx.mfaChallenge.findUnique({ where: { tokenHash: sha256(input.mfaToken) } });
    if (!challenge || challenge.consumedAt || challenge.expiresAt <= now) return { error: invalidMfaToken() };
    // Serializes this user's code checks, so the lockout read below sees every earlier failure:
    // concurrent guesses across challenges cannot run past the threshold.
    await lockUserRow(tx, challenge.userId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: challenge.userId } });
    if (user.isSuspended) return { error: accountSuspended() };
    if (user.deletionScheduledAt) return { error: await accountPendingDeletion(deps, tx, user) };
    const locked = mfaLockedError(user.mfaLockedUntil, now);
    if (locked) return { error: locked };
    // Claiming the attempt before checking the code makes the per-challenge limit race-free.
    const claimed = await tx.mfaChallenge.updateMany({
      where: { id: challenge.id, consumedAt: null, attempts: { lt: deps.config.mfaChallengeMaxAttempts } },
      data: { attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) {
      return { error: new AppError('TOO_MANY_ATTEMPTS', 'Too many wrong codes for this sign-in: sign in again') };
    }

    const result = await chosen.step.verify({ deps, tx, user, challenge, request }, chosen.answer);
    if (!result.ok) {
      if (!result.counts) return { error: result.error ?? new AppError('INVALID_MFA_CODE', 'The code is incorrect') };
      return { error: await recordMfaFailure(deps, tx, ev, user.id, challenge.id, result.error) };
    }

    const consumed = await tx.mfaChallenge.updateMany({ where: { id: challenge.id, consumedAt: null }, data: { consumedAt: now } });
    if (consumed.count !== 1) return { error: invalidMfaToken() };
    await tx.user.update({ where: { id: user.id }, data: { mfaFailures: 0, mfaLockedUntil: null } });
    // Challenges from before the amr column came from a password sign-in.
    const firstStep = challenge.amr.length > 0 ? challenge.amr : ['pwd'];
    const session = await openSession(deps, tx, user, request, [...firstStep, chosen.step.amr]);
    await noteSuccessfulSignIn(deps, tx, ev, user.id, session.sessionId, request);
    const tokens = input.trustDevice === true ? { ...session, deviceToken: await trustDevice(deps, tx, ev, user.id, request) } : session;
    ev.emit('user.signed_in', {
      userId: user.id,
      audit: 'user.sign_in',
      actor: { actorId: user.id, actorType: 'user' },
      data: { user: { id: user.id }, sessionId: tokens.sessionId, mfa: chosen.kind.factorType, ...result.details },
      details: { mfa: chosen.kind.factorType, ...result.details },
    });
    return { tokens };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.tokens;
}
