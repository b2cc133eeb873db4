// Backup codes: 10 single-use recovery codes, shown once and stored hashed.
import { randomBytes, randomInt } from 'node:crypto';
import { safeEqual, sha256 } from '../../auth/crypto.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { emitEnrollment } from '../credentials/factor-lifecycle.js';
import { lockUserRow } from '../users/user-lock.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';

type Tx = Prisma.TransactionClient;

export const BACKUP_CODE_COUNT = 10;
// 12 base32 characters = 60 random bits per code. Online guessing is bounded by the MFA attempt
// limits; offline, a leaked salted SHA-256 would still cost ~2^59 hashes per code (about two years on one
// fast GPU), so a slow hash (10 × argon2 at every generation and sign-in) buys nothing needed.
const CODE_LENGTH = 12;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Shown as XXXX-XXXX-XXXX; accepted with or without dashes/spaces, in any case. */
function display(code: string): string {
  return code.match(/.{4}/g)!.join('-');
}

function normalize(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

function hashCode(code: string): string {
  const salt = randomBytes(16).toString('base64url');
  return `${salt}$${sha256(`${salt}$${code}`)}`;
}

function matches(stored: string, code: string): boolean {
  const [salt, digest] = stored.split('$');
  return salt !== undefined && digest !== undefined && safeEqual(digest, sha256(`${salt}$${code}`));
}

/** A new set of codes, replacing the user's previous set (used or not). Returns the codes in clear, once. */
export async function generateBackupCodes(
  deps: Deps,
  userId: string,
  verificationId: string,
  actor: AuditActor,
  request: RequestInfo,
): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < BACKUP_CODE_COUNT) codes.add(newCode());
  return withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, verificationId);
    await lockUserRow(tx, userId);
    const replaced = await tx.mfaFactor.deleteMany({ where: { userId, type: 'BACKUP_CODE' } });
    const factor = await tx.mfaFactor.create({
      data: {
        userId,
        type: 'BACKUP_CODE',
        createdAt: deps.clock.now(),
        backupCodes: { create: [...codes].map((code) => ({ codeHash: hashCode(code) })) },
      },
    });
    emitEnrollment(ev, factor, { replacedPreviousSet: replaced.count > 0 });
    return [...codes].map(display);
  });
}

/** Spends one of the user's unused codes; null when none matches. Race-safe: a code is spent once. */
export async function consumeBackupCode(deps: Deps, tx: Tx, userId: string, presented: string): Promise<{ factorId: string; remaining: number } | null> {
  const code = normalize(presented);
  if (code.length !== CODE_LENGTH) return null;
  const unused = await tx.backupCode.findMany({
    where: { usedAt: null, factor: { userId, type: 'BACKUP_CODE' } },
    select: { id: true, factorId: true, codeHash: true },
  });
  const match = unused.find((row) => matches(row.codeHash, code));
  if (!match) return null;
  const now = deps.clock.now();
  const spent = await tx.backupCode.updateMany({ where: { id: match.id, usedAt: null }, data: { usedAt: now } });
  if (spent.count !== 1) return null;
  await tx.mfaFactor.update({ where: { id: match.factorId }, data: { lastUsedAt: now } });
  return { factorId: match.factorId, remaining: unused.length - 1 };
}
