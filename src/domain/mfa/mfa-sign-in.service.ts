// The second step of sign-in (API.md §2): an MfaChallenge token from signIn plus a TOTP or backup
// code gives the TokenSet. Wrong codes count per challenge (it dies with TOO_MANY_ATTEMPTS) and per
// user across challenges (MFA locks with ACCOUNT_LOCKED); limits in config (MFA_*).
import { sha256 } from '../../auth/crypto.js';
import type { MfaFactorType, Prisma } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { RequestInfo } from '../audit/audit.service.js';
import { type EventCollector, withEvents } from '../events/collector.js';
import type { TokenSet } from '../auth/token-set.js';
import type { Deps } from '../deps.js';
import { AppError, invalidInput } from '../errors.js';
import { openSession } from '../sessions/sessions.service.js';
import { consumeBackupCode } from './backup-codes.js';
import { lockUserRow } from './factors.service.js';
import { matchTotpCode, openTotpSecret } from './totp.js';

type Tx = Prisma.TransactionClient;

export interface VerifySignInInput {
  mfaToken: string;
  totpCode?: string | null;
  backupCode?: string | null;
}

const SYSTEM = { actorId: null, actorType: 'system' } as const;

// Unknown, expired and used tokens look alike: the client has to sign in again either way.
const invalidMfaToken = () => new AppError('INVALID_CREDENTIALS', 'The MFA token is invalid or expired: sign in again', ['mfaToken']);
const mfaLocked = () => new AppError('ACCOUNT_LOCKED', 'Too many wrong MFA codes: try again later');

function mfaLockedError(lockedUntil: Date | null, now: Date): AppError | null {
  return lockedUntil && lockedUntil > now ? mfaLocked() : null;
}

async function spendTotpCode(deps: Deps, tx: Tx, userId: string, code: string): Promise<boolean> {
  const factor = await tx.mfaFactor.findFirst({ where: { userId, type: 'TOTP' } });
  if (!factor?.secretEncrypted) return false;
  const step = await matchTotpCode(deps, openTotpSecret(deps, factor.secretEncrypted), code, factor.lastUsedStep);
  if (step === null) return false;
  // Conditional on the stored step, so two concurrent requests cannot both spend the same code.
  const spent = await tx.mfaFactor.updateMany({
    where: { id: factor.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
    data: { lastUsedStep: BigInt(step), lastUsedAt: deps.clock.now() },
  });
  return spent.count === 1;
}

async function recordFailure(deps: Deps, tx: Tx, ev: EventCollector, userId: string, challengeId: string): Promise<AppError> {
  ev.emit('user.sign_in_failed', { userId, audit: 'user.sign_in_failed', data: { user: { id: userId }, reason: 'mfa_code' } });
  const { mfaFailures } = await tx.user.update({ where: { id: userId }, data: { mfaFailures: { increment: 1 } }, select: { mfaFailures: true } });
  if (mfaFailures < deps.config.mfaLockoutThreshold) return new AppError('INVALID_MFA_CODE', 'The code is incorrect');
  const now = deps.clock.now();
  await tx.user.update({ where: { id: userId }, data: { mfaFailures: 0, mfaLockedUntil: addSeconds(now, deps.config.mfaLockoutSeconds) } });
  await tx.mfaChallenge.update({ where: { id: challengeId }, data: { consumedAt: now } });
  ev.emit('user.locked', {
    userId,
    audit: 'user.mfa.locked',
    data: { user: { id: userId }, reason: 'failed_mfa_codes', seconds: deps.config.mfaLockoutSeconds },
  });
  return mfaLocked();
}

export async function verifySignIn(deps: Deps, input: VerifySignInInput, request: RequestInfo): Promise<TokenSet> {
  await deps.ipRateLimiter.consume('mfa', request.ip);
  const totpCode = input.totpCode?.trim() || null;
  const backupCode = input.backupCode?.trim() || null;
  if ((totpCode === null) === (backupCode === null)) throw invalidInput('totpCode', 'Give exactly one of totpCode or backupCode');
  const now = deps.clock.now();

  // Failures are returned, not thrown, so the counters they write are committed.
  const outcome = await withEvents(deps, SYSTEM, request, async (tx, ev): Promise<{ error: AppError } | { tokens: TokenSet }> => {
    const challenge = await tx.mfaChallenge.findUnique({ where: { tokenHash: sha256(input.mfaToken) } });
    if (!challenge || challenge.consumedAt || challenge.expiresAt <= now) return { error: invalidMfaToken() };
    // Serializes this user's code checks, so the lockout read below sees every earlier failure:
    // concurrent guesses across challenges cannot run past the threshold.
    await lockUserRow(tx, challenge.userId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: challenge.userId } });
    if (user.isSuspended) return { error: new AppError('ACCOUNT_SUSPENDED', 'This account is suspended') };
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

    let factorType: MfaFactorType;
    let details: { remainingBackupCodes?: number } = {};
    if (totpCode !== null) {
      if (!(await spendTotpCode(deps, tx, user.id, totpCode))) return { error: await recordFailure(deps, tx, ev, user.id, challenge.id) };
      factorType = 'TOTP';
    } else {
      const spent = await consumeBackupCode(deps, tx, user.id, backupCode!);
      if (!spent) return { error: await recordFailure(deps, tx, ev, user.id, challenge.id) };
      factorType = 'BACKUP_CODE';
      details = { remainingBackupCodes: spent.remaining };
    }

    const consumed = await tx.mfaChallenge.updateMany({ where: { id: challenge.id, consumedAt: null }, data: { consumedAt: now } });
    if (consumed.count !== 1) return { error: invalidMfaToken() };
    await tx.user.update({ where: { id: user.id }, data: { mfaFailures: 0, mfaLockedUntil: null } });
    const tokens = await openSession(deps, tx, user, request, ['pwd', 'otp']);
    ev.emit('user.signed_in', {
      userId: user.id,
      audit: 'user.sign_in',
      actor: { actorId: user.id, actorType: 'user' },
      data: { user: { id: user.id }, sessionId: tokens.sessionId, mfa: factorType, ...details },
      details: { mfa: factorType, ...details },
    });
    return { tokens };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.tokens;
}
