// Verification records (docs/api.md#self-service-me): short-lived proof that the caller owns the account (a password
// check, or a code sent to the user's current email/phone) or owns a new address (a code sent to it).
import { numericCode, safeEqual } from '../../auth/crypto.js';
import { verifyPassword } from '../../auth/passwords.js';
import { verificationCodeEmail, verificationCodeSms } from '../../delivery/templates.js';
import type { Prisma, VerificationRecord } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { emitEvent } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { AppError, RateLimitedError, invalidCredentials, invalidInput } from '../errors.js';
import { markAddressProven } from '../users/address-proof.js';
import { normalizeEmail, normalizePhone } from '../users/identifiers.js';
import { claimPasswordAttempt, recordFailedSignIn, releasePasswordAttempt } from '../auth/sign-in.service.js';
import { passwordKind } from '../credentials/kinds/password.kind.js';

// A record lives 10 minutes: long enough to finish one change, short enough that a forgotten
// unlocked screen does not grant sensitive changes for long.
export const VERIFICATION_TTL_SECONDS = 600;

type Db = Deps['prisma'] | Prisma.TransactionClient;

export async function verifyPasswordRecord(deps: Deps, userId: string, password: string, request: RequestInfo): Promise<VerificationRecord> {
  const user = await deps.prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true, passwordAlgorithm: true, lockedUntil: true } });
  const now = deps.clock.now();
  if (!user?.passwordHash || !user.passwordAlgorithm) throw invalidCredentials();
  // Same lockout as sign-in: a stolen access token must not become an unlimited password oracle.
  if ((user.lockedUntil && user.lockedUntil > now) || !(await claimPasswordAttempt(deps, userId, request))) {
    throw new AppError('ACCOUNT_LOCKED', 'Too many failed password attempts: try again later');
  }
  if (!(await verifyPassword(user.passwordAlgorithm, user.passwordHash, password))) {
    await recordFailedSignIn(deps, userId, request);
    throw invalidCredentials();
  }
  await releasePasswordAttempt(deps, userId);
  return createIdentityRecord(deps, deps.prisma, userId, passwordKind.stepUp!.recordKind);
}

/**
 * The identity proof a sensitive change needs: a verified, unexpired record of this user that
 * proves identity, from a registered kind's step-up (password, a code to a current address, …).
 * Anything else: VERIFICATION_REQUIRED.
 */
export async function requireVerifiedIdentity(deps: Deps, db: Db, userId: string, verificationId: string | null | undefined): Promise<VerificationRecord> {
  const record = verificationId ? await db.verificationRecord.findUnique({ where: { id: verificationId } }) : null;
  if (
    !record ||
    record.userId !== userId ||
    !record.verifiedAt ||
    !record.provesIdentity ||
    !deps.credentials.identityProofRecordKinds().includes(record.kind) ||
    record.expiresAt <= deps.clock.now()
  ) {
    throw new AppError('VERIFICATION_REQUIRED', `This change needs a fresh identity verification (${deps.credentials.identityProofOperations()})`, ['verificationId']);
  }
  return record;
}

/** A verified identity-proof record of `recordKind`, created by a kind's step-up once its check passed. */
export async function createIdentityRecord(deps: Deps, db: Db, userId: string, recordKind: VerificationRecord['kind']): Promise<VerificationRecord> {
  const now = deps.clock.now();
  return db.verificationRecord.create({
    data: { userId, kind: recordKind, provesIdentity: true, verifiedAt: now, createdAt: now, expiresAt: addSeconds(now, VERIFICATION_TTL_SECONDS) },
  });
}

/**
 * Ends the user's live identity proofs (all but `keepId`): after a password change, a record
 * obtained elsewhere, perhaps with the old password, must not unlock further sensitive changes.
 */
export async function expireIdentityRecords(deps: Deps, db: Db, userId: string, keepId?: string | null): Promise<void> {
  const now = deps.clock.now();
  await db.verificationRecord.updateMany({
    where: { userId, provesIdentity: true, expiresAt: { gt: now }, ...(keepId ? { id: { not: keepId } } : {}) },
    data: { expiresAt: now },
  });
}

// Codes: 6 digits (one in a million per guess), at most 5 tries per code, so a guesser has a
// 1-in-200,000 chance per code sent, and sends are rate limited below.
export const CODE_DIGITS = 6;
export const CODE_MAX_ATTEMPTS = 5;
// Send limits count recent VerificationRecord rows, so they hold across instances without another
// store: one send per recipient per minute, 5 per recipient and 10 per user per hour. The
// per-recipient limit protects third parties' inboxes from being flooded through many accounts.
const SEND_COOLDOWN_SECONDS = 60;
const SEND_WINDOW_SECONDS = 3600;
const SENDS_PER_RECIPIENT = 5;
const SENDS_PER_USER = 10;

const CODE_KINDS = ['EMAIL_CODE', 'PHONE_CODE'] as const;

/**
 * Codes are stored as HMAC-SHA256 under a key derived from SECRET_KEY: a million possible codes
 * make any unkeyed digest (salted or not) reversible in milliseconds from a database dump.
 */
function codeDigest(deps: Deps, recordTarget: string, code: string): string {
  return deps.secrets.mac('verification-code', `${recordTarget}\n${code}`);
}

async function assertSendAllowed(deps: Deps, db: Prisma.TransactionClient, userId: string, target: string): Promise<void> {
  // Serialises sends per recipient and per user (always in this order, so no deadlock) until the
  // transaction ends: concurrent requests cannot all pass the count before any of them is stored.
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`verification-send:${target}`}, 0))`;
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`verification-send:${userId}`}, 0))`;
  const now = deps.clock.now();
  const windowStart = addSeconds(now, -SEND_WINDOW_SECONDS);
  const byRecipient = await db.verificationRecord.findMany({
    where: { target, kind: { in: [...CODE_KINDS] }, createdAt: { gt: windowStart } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  const newest = byRecipient.at(-1);
  const retryAfter = (from: Date, seconds: number) => Math.max(1, Math.ceil((addSeconds(from, seconds).getTime() - now.getTime()) / 1000));
  if (newest && newest.createdAt > addSeconds(now, -SEND_COOLDOWN_SECONDS)) {
    throw new RateLimitedError('A code was just sent to this address; wait before asking again', retryAfter(newest.createdAt, SEND_COOLDOWN_SECONDS));
  }
  if (byRecipient.length >= SENDS_PER_RECIPIENT) {
    const oldest = byRecipient[byRecipient.length - SENDS_PER_RECIPIENT]!;
    throw new RateLimitedError('Too many codes were sent to this address; try again later', retryAfter(oldest.createdAt, SEND_WINDOW_SECONDS));
  }
  const byUser = await db.verificationRecord.findMany({
    where: { userId, kind: { in: [...CODE_KINDS] }, createdAt: { gt: windowStart } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  if (byUser.length >= SENDS_PER_USER) {
    const oldest = byUser[byUser.length - SENDS_PER_USER]!;
    throw new RateLimitedError('Too many codes were requested; try again later', retryAfter(oldest.createdAt, SEND_WINDOW_SECONDS));
  }
}

/**
 * Sends a code to an email or phone and returns the unverified record. A code to the user's
 * current address proves identity; to any other address it only proves owning that address.
 */
export async function sendVerificationCode(
  deps: Deps,
  userId: string,
  input: { email?: string | null; phone?: string | null },
  actor: AuditActor,
  request: RequestInfo,
): Promise<VerificationRecord> {
  if (Boolean(input.email) === Boolean(input.phone)) throw invalidInput('email', 'Give exactly one of email or phone');
  const kind = input.email ? 'EMAIL_CODE' : 'PHONE_CODE';
  const target = input.email ? normalizeEmail(input.email, 'email') : normalizePhone(input.phone!, 'phone');
  if (kind === 'PHONE_CODE' && !deps.sms.available) {
    throw new AppError('PHONE_DELIVERY_UNAVAILABLE', 'This service cannot send text messages (no SMS provider is configured): use an email address instead', ['phone']);
  }
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { primaryEmail: true, primaryPhone: true } });
  const provesIdentity = target === (kind === 'EMAIL_CODE' ? user.primaryEmail : user.primaryPhone);
  const code = numericCode(CODE_DIGITS);
  const now = deps.clock.now();
  const record = await deps.prisma.$transaction(async (tx) => {
    await assertSendAllowed(deps, tx, userId, target);
    return tx.verificationRecord.create({
      data: {
        userId,
        kind,
        target,
        provesIdentity,
        codeHash: codeDigest(deps, target, code),
        createdAt: now,
        expiresAt: addSeconds(now, VERIFICATION_TTL_SECONDS),
      },
    });
  });
  const minutes = VERIFICATION_TTL_SECONDS / 60;
  try {
    if (kind === 'EMAIL_CODE') await deps.email.send(verificationCodeEmail(target, code, minutes));
    else await deps.sms.send(verificationCodeSms(target, code, minutes));
  } catch (err) {
    // An undelivered code must not count against the caller's send limit. The cause goes to the
    // log (the provider's failure: the message body, and so the code, is never part of it); the
    // caller gets a stable error.
    await deps.prisma.verificationRecord.delete({ where: { id: record.id } }).catch(() => {});
    deps.logger.error({ err, channel: kind }, 'verification code delivery failed');
    throw new AppError('DELIVERY_FAILED', 'The code could not be sent; try again later', [input.email ? 'email' : 'phone']);
  }
  // Audited once delivered: the log never claims a code went out when it did not.
  await emitEvent(deps, actor, request, 'verification.code_sent', {
    userId,
    audit: 'user.verification.code_sent',
    data: { user: { id: userId }, channel: kind === 'EMAIL_CODE' ? 'email' : 'phone', provesIdentity },
  });
  return record;
}

const notFoundRecord = (path: string) => new AppError('VERIFICATION_NOT_FOUND', 'No such pending verification for this account', [path]);

export async function verifyCode(deps: Deps, userId: string, input: { verificationId: string; code: string }): Promise<VerificationRecord> {
  const record = await deps.prisma.verificationRecord.findUnique({ where: { id: input.verificationId } });
  // Someone else's record answers exactly like a missing one.
  if (!record || record.userId !== userId || !record.codeHash || record.verifiedAt) throw notFoundRecord('verificationId');
  const now = deps.clock.now();
  if (record.expiresAt <= now) throw new AppError('CODE_EXPIRED', 'The code has expired; ask for a new one', ['code']);
  // Claim an attempt atomically first, so concurrent guesses cannot exceed the limit.
  const claimed = await deps.prisma.verificationRecord.updateMany({
    where: { id: record.id, verifiedAt: null, attempts: { lt: CODE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) throw new AppError('TOO_MANY_ATTEMPTS', 'Too many wrong codes; ask for a new one', ['code']);
  if (!safeEqual(codeDigest(deps, record.target!, input.code.trim()), record.codeHash)) {
    throw new AppError('CODE_MISMATCH', 'The code is incorrect', ['code']);
  }
  // The code is spent: its digest is dropped so it can never be checked again. A code that reached
  // the account's current address proves that address (User.emailVerified / phoneVerified).
  return deps.prisma.$transaction(async (tx) => {
    const verified = await tx.verificationRecord.update({ where: { id: record.id }, data: { verifiedAt: now, codeHash: null } });
    await markAddressProven(tx, userId, record.kind === 'EMAIL_CODE' ? 'email' : 'phone', record.target!);
    return verified;
  });
}

/**
 * Consumes a verified "new identifier" record of this user for exactly `target`. Missing, foreign,
 * unverified, expired or for another address: VERIFICATION_NOT_FOUND. Single use.
 */
export async function consumeNewIdentifierRecord(
  deps: Deps,
  tx: Prisma.TransactionClient,
  userId: string,
  verificationId: string,
  kind: 'EMAIL_CODE' | 'PHONE_CODE',
  target: string,
  path = 'newIdentifierVerificationId',
): Promise<void> {
  const now = deps.clock.now();
  // Spent by expiring it now rather than deleting it: the row still counts toward the send limits.
  const consumed = await tx.verificationRecord.updateMany({
    where: { id: verificationId, userId, kind, target, verifiedAt: { not: null }, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  if (consumed.count !== 1) throw notFoundRecord(path);
}
