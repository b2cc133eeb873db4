// me.verifyTotp: a code of the caller's authenticator app gives an identity-proof VerificationRecord.
// Wrong codes count toward the same MFA lockout as verifySignIn, so a stolen access token is no
// unlimited TOTP oracle; a code is spent like at sign-in (no replay).
import type { VerificationRecord } from '../../generated/prisma/client.js';
import type { RequestInfo } from '../audit/audit.service.js';
import { totpKind } from '../credentials/totp/totp.kind.js';
import type { Deps } from '../deps.js';
import { withEvents } from '../events/collector.js';
import type { AppError } from '../errors.js';
import { lockUserRow } from '../users/user-lock.js';
import { createIdentityRecord } from '../verification/verification.service.js';
import { mfaLockedError, recordMfaFailure } from './mfa-sign-in.service.js';
import { spendTotpCode, totpCodeReplayed } from './totp.js';

export async function verifyTotpRecord(deps: Deps, userId: string, code: string, request: RequestInfo): Promise<VerificationRecord> {
  // Failures are returned, not thrown, so the counters they write are committed.
  const outcome = await withEvents(deps, { actorId: null, actorType: 'system' }, request, async (tx, ev): Promise<{ error: AppError } | { record: VerificationRecord }> => {
    await lockUserRow(tx, userId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { mfaLockedUntil: true } });
    const locked = mfaLockedError(user.mfaLockedUntil, deps.clock.now());
    if (locked) return { error: locked };
    const spend = await spendTotpCode(deps, tx, userId, code.trim());
    if (spend !== 'spent') {
      return { error: await recordMfaFailure(deps, tx, ev, userId, null, spend === 'replayed' ? totpCodeReplayed() : undefined) };
    }
    await tx.user.update({ where: { id: userId }, data: { mfaFailures: 0 } });
    return { record: await createIdentityRecord(deps, tx, userId, totpKind.stepUp!.recordKind) };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.record;
}
