// Verification records (API.md §3): short-lived proof that the caller owns the account (a password
// check, or a code sent to the user's current email/phone) or owns a new address (a code sent to it).
import { verifyPassword } from '../../auth/passwords.js';
import type { Prisma, VerificationRecord } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { Deps } from '../deps.js';
import { AppError, invalidCredentials } from '../errors.js';

// A record lives 10 minutes: long enough to finish one change, short enough that a forgotten
// unlocked screen does not grant sensitive changes for long.
export const VERIFICATION_TTL_SECONDS = 600;

type Db = Deps['prisma'] | Prisma.TransactionClient;

export async function verifyPasswordRecord(deps: Deps, userId: string, password: string): Promise<VerificationRecord> {
  const user = await deps.prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true, passwordAlgorithm: true } });
  if (!user?.passwordHash || !user.passwordAlgorithm || !(await verifyPassword(user.passwordAlgorithm, user.passwordHash, password))) {
    throw invalidCredentials();
  }
  const now = deps.clock.now();
  return deps.prisma.verificationRecord.create({
    data: {
      userId,
      kind: 'PASSWORD',
      provesIdentity: true,
      verifiedAt: now,
      createdAt: now,
      expiresAt: addSeconds(now, VERIFICATION_TTL_SECONDS),
    },
  });
}

/**
 * The identity proof a sensitive change needs: a verified, unexpired record of this user that
 * proves identity (password, or a code to a current address). Anything else: VERIFICATION_REQUIRED.
 */
export async function requireVerifiedIdentity(deps: Deps, db: Db, userId: string, verificationId: string | null | undefined): Promise<VerificationRecord> {
  const record = verificationId ? await db.verificationRecord.findUnique({ where: { id: verificationId } }) : null;
  if (!record || record.userId !== userId || !record.verifiedAt || !record.provesIdentity || record.expiresAt <= deps.clock.now()) {
    throw new AppError('VERIFICATION_REQUIRED', 'This change needs a fresh identity verification (verifyPassword or verifyCode)', ['verificationId']);
  }
  return record;
}
