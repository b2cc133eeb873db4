// TOTP (RFC 6238) with otplib: secrets, codes and enrollment. The secret is sealed with
// AES-256-GCM (`deps.secrets`, purpose 'totp') and never stored in plain text.
import { generateSecret, generateURI, verify } from 'otplib';
import type { MfaFactor, Prisma } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { AppError, invalidInput } from '../errors.js';
import { emitEnrollment } from '../credentials/factor-lifecycle.js';
import { lockUserRow } from '../users/user-lock.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';

const SECRET_PURPOSE = 'totp';
const SECRET_BYTES = 20;
// One 30-second step either side: authenticator clocks drift and people type slowly, and RFC 6238
// §5.2 recommends at most one step of tolerance. Wider windows only make guessing easier.
const EPOCH_TOLERANCE_SECONDS = 30;

export interface TotpSecret {
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

function epochSeconds(deps: Deps): number {
  return Math.floor(deps.clock.now().getTime() / 1000);
}

export function sealTotpSecret(deps: Deps, secret: string): string {
  return deps.secrets.encrypt(SECRET_PURPOSE, secret);
}

export function openTotpSecret(deps: Deps, sealed: string): string {
  return deps.secrets.decrypt(SECRET_PURPOSE, sealed);
}

/** The time step a code belongs to, or null when it is wrong, malformed, or at/before `afterStep` (a replay). */
export async function matchTotpCode(deps: Deps, secret: string, code: string, afterStep?: bigint | null): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epoch: epochSeconds(deps),
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(afterStep != null ? { afterTimeStep: Number(afterStep) } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** What spending a code did: `replayed` when it is right but its step (or a later one) was already used. */
export type TotpSpend = 'spent' | 'wrong' | 'replayed';

/** Answered for a replayed code: it is refused like a wrong one, but says what to do instead. */
export function totpCodeReplayed(): AppError {
  return new AppError('INVALID_MFA_CODE', 'This code was already used: wait for the next code from your authenticator app');
}

/** Spends a code of the user's TOTP factor (sign-in or step-up); never accepts a step at or before the last one spent. */
export async function spendTotpCode(deps: Deps, tx: Prisma.TransactionClient, userId: string, code: string): Promise<TotpSpend> {
  const factor = await tx.mfaFactor.findFirst({ where: { userId, type: 'TOTP' } });
  if (!factor?.secretEncrypted) return 'wrong';
  const secret = openTotpSecret(deps, factor.secretEncrypted);
  const step = await matchTotpCode(deps, secret, code, factor.lastUsedStep);
  if (step === null) {
    // Only to word the refusal: a code valid in the window but not after the spent step is a replay
    // (typically the enrolment code typed again). It is refused and counted all the same.
    return factor.lastUsedStep != null && (await matchTotpCode(deps, secret, code)) !== null ? 'replayed' : 'wrong';
  }
  // Conditional on the stored step, so two concurrent requests cannot both spend the same code.
  const spent = await tx.mfaFactor.updateMany({
    where: { id: factor.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
    data: { lastUsedStep: BigInt(step), lastUsedAt: deps.clock.now() },
  });
  // Losing that race means a concurrent request spent this step (or a later one) first.
  return spent.count === 1 ? 'spent' : 'replayed';
}

function normalizeSecret(secret: string): string {
  const normalized = secret.replace(/[\s-]+/g, '').replace(/=+$/, '').toUpperCase();
  // 20 bytes = 32 base32 characters; accept no weaker secret than generateTotpSecret gives.
  if (!/^[A-Z2-7]+$/.test(normalized) || normalized.length < 32) {
    throw invalidInput('secret', 'The secret must be the base32 secret returned by generateTotpSecret');
  }
  return normalized;
}

export async function hasTotpFactor(db: Deps['prisma'] | Prisma.TransactionClient, userId: string): Promise<boolean> {
  return (await db.mfaFactor.count({ where: { userId, type: 'TOTP' } })) > 0;
}

/** A fresh secret for an authenticator app. Stateless: the secret comes back with the first code in enrollTotp. */
export async function generateTotpSecret(deps: Deps, userId: string): Promise<TotpSecret> {
  const user = await deps.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, username: true, primaryEmail: true, primaryPhone: true },
  });
  if (await hasTotpFactor(deps.prisma, userId)) throw alreadyEnrolled();
  const secret = generateSecret({ length: SECRET_BYTES });
  const label = user.primaryEmail ?? user.username ?? user.primaryPhone ?? user.id;
  const otpauthUri = generateURI({ issuer: deps.config.totpIssuer, label, secret });
  // qrcode (and its PNG encoder) loads on the first enrollment, not at start.
  const { default: QRCode } = await import('qrcode');
  const qrCode = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 256 });
  return { secret, otpauthUri, qrCode };
}

function alreadyEnrolled(): AppError {
  return new AppError('MFA_ALREADY_ENROLLED', 'An authenticator app is already enrolled: remove it first');
}

export async function enrollTotp(
  deps: Deps,
  userId: string,
  input: { secret: string; code: string; verificationId: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<MfaFactor> {
  const secret = normalizeSecret(input.secret);
  return withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
    // Serializes concurrent enrollments of one user, so "one TOTP factor" holds without a unique index.
    await lockUserRow(tx, userId);
    if (await hasTotpFactor(tx, userId)) throw alreadyEnrolled();
    const step = await matchTotpCode(deps, secret, input.code);
    if (step === null) throw new AppError('INVALID_MFA_CODE', 'The code does not match the secret', ['code']);
    const now = deps.clock.now();
    const factor = await tx.mfaFactor.create({
      data: {
        userId,
        type: 'TOTP',
        secretEncrypted: sealTotpSecret(deps, secret),
        // The enrollment code is spent: it cannot be replayed at sign-in.
        lastUsedStep: BigInt(step),
        createdAt: now,
      },
    });
    emitEnrollment(ev, factor);
    return factor;
  });
}
