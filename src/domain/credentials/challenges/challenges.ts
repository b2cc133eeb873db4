// Challenges sent before anyone is signed in (account recovery, sign-in by code or link, sign-up
// with a code first): shared mechanics the kinds call. The rules they share:
// - No enumeration: an unknown identifier gets a challenge row too (no user, no secret, nothing
//   sent) and exactly the same answer; delivery is never awaited, so an existing account's mail
//   or SMS round trip does not make its answer slower (one timing class).
// - Rate limits per IP (the IP limiter) and per identifier (recent rows, unknown ones included,
//   so a limit reveals nothing either).
// - Codes: 6 digits, 5 tries, 10 minutes; stored as HMACs under SECRET_KEY, spent once.
import { numericCode, randomToken, safeEqual } from '../../../auth/crypto.js';
import type { EmailMessage, SmsMessage } from '../../../delivery/types.js';
import type { ChallengeChannel, Prisma, SignInChallenge, SignInChallengePurpose, User } from '../../../generated/prisma/client.js';
import { addSeconds } from '../../../lib/clock.js';
import type { RequestInfo } from '../../audit/audit.service.js';
import type { RateLimitedAction } from '../../auth/ip-rate-limit.js';
import type { Deps } from '../../deps.js';
import { AppError, RateLimitedError, invalidInput } from '../../errors.js';
import { classifyIdentifier } from '../../users/identifiers.js';

export const CHALLENGE_CODE_DIGITS = 6;
export const CHALLENGE_MAX_ATTEMPTS = 5;
// Long enough to switch to the mailbox, short enough that a forgotten message is soon useless.
export const CHALLENGE_CODE_TTL_SECONDS = 600;
// One challenge per identifier and purpose per minute, 5 per identifier per hour: enough for a person retrying, far too few
// to flood an inbox or guess (5 codes x 5 tries in 10^6).
const COOLDOWN_SECONDS = 60;
const WINDOW_SECONDS = 3600;
const PER_IDENTIFIER = 5;

export interface ChallengeAnswer {
  challengeId: string;
  channel: ChallengeChannel;
  expiresAt: Date;
}

/** Who an identifier names, and where its code would go (also for an unknown one). */
export interface ResolvedIdentifier {
  user: User | null;
  channel: ChallengeChannel;
  /** The account's address on that channel (null for an unknown identifier). */
  target: string | null;
  normalized: string;
}

export async function resolveIdentifier(deps: Deps, identifier: string, path = 'identifier'): Promise<ResolvedIdentifier> {
  const id = classifyIdentifier(identifier);
  if (!id) throw invalidInput(path, 'Give a username, an email address or a phone number');
  const where = id.kind === 'email' ? { primaryEmail: id.value } : id.kind === 'phone' ? { primaryPhone: id.value } : { username: id.value };
  const user = await deps.prisma.user.findUnique({ where });
  // A username goes to the account's email, else its phone; an unknown one answers like an email.
  const channel: ChallengeChannel = id.kind === 'phone' || (id.kind === 'username' && user && !user.primaryEmail && user.primaryPhone) ? 'SMS' : 'EMAIL';
  const target = user ? (channel === 'EMAIL' ? user.primaryEmail : user.primaryPhone) : null;
  return { user: target ? user : null, channel, target, normalized: `${id.kind}:${id.value}` };
}

export function secretDigest(deps: Deps, purpose: SignInChallengePurpose, secret: string): string {
  return deps.secrets.mac('sign-in-challenge', `${purpose}\n${secret}`);
}

async function assertIdentifierAllowed(deps: Deps, tx: Prisma.TransactionClient, digest: string, purpose: SignInChallengePurpose): Promise<void> {
  // Serialised per identifier, so concurrent requests cannot all pass the count.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in-challenge:${digest}`}, 0))`;
  const now = deps.clock.now();
  const recent = await tx.signInChallenge.findMany({
    where: { identifierDigest: digest, createdAt: { gt: addSeconds(now, -WINDOW_SECONDS) } },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true, purpose: true },
  });
  const retryAfter = (from: Date, seconds: number) => Math.max(1, Math.ceil((addSeconds(from, seconds).getTime() - now.getTime()) / 1000));
  // The cooldown is per purpose (a recovery code does not hold up a sign-in code); the hourly cap is not.
  const newest = recent.filter((r) => r.purpose === purpose).at(-1);
  if (newest && newest.createdAt > addSeconds(now, -COOLDOWN_SECONDS)) {
    throw new RateLimitedError('A message was just sent for this identifier; wait before asking again', retryAfter(newest.createdAt, COOLDOWN_SECONDS));
  }
  if (recent.length >= PER_IDENTIFIER) {
    throw new RateLimitedError('Too many requests for this identifier; try again later', retryAfter(recent[recent.length - PER_IDENTIFIER]!.createdAt, WINDOW_SECONDS));
  }
}

export interface StartChallenge {
  purpose: SignInChallengePurpose;
  rateLimit: RateLimitedAction;
  resolved: ResolvedIdentifier;
  ttlSeconds: number;
  /** 'code': a 6-digit code; 'link': a long random token for a link. */
  secret: 'code' | 'link';
  redirectUri?: string;
  pending?: Prisma.InputJsonValue;
  /** The message carrying the secret, for a known account (or a pending sign-up). */
  message(secret: string, expiresAt: Date): { email?: EmailMessage; sms?: SmsMessage };
}

/** Stores the challenge and hands its message to the sender without waiting for it. */
export async function startChallenge(deps: Deps, spec: StartChallenge, request: RequestInfo): Promise<ChallengeAnswer> {
  await deps.ipRateLimiter.consume(spec.rateLimit, request.ip);
  const { resolved } = spec;
  const digest = deps.secrets.mac('sign-in-identifier', resolved.normalized);
  const secret = spec.secret === 'code' ? numericCode(CHALLENGE_CODE_DIGITS) : randomToken('sil_');
  const deliver = resolved.target !== null;
  const now = deps.clock.now();
  const expiresAt = addSeconds(now, spec.ttlSeconds);
  const row = await deps.prisma.$transaction(async (tx) => {
    await assertIdentifierAllowed(deps, tx, digest, spec.purpose);
    return tx.signInChallenge.create({
      data: {
        purpose: spec.purpose,
        userId: resolved.user?.id ?? null,
        channel: resolved.channel,
        target: resolved.target,
        identifierDigest: digest,
        secretHash: deliver ? secretDigest(deps, spec.purpose, secret) : null,
        redirectUri: spec.redirectUri ?? null,
        pending: spec.pending,
        createdAt: now,
        expiresAt,
        ip: request.ip,
      },
    });
  });
  if (deliver) {
    const message = spec.message(secret, expiresAt);
    const sending = message.email ? deps.email.send(message.email) : message.sms ? deps.sms.send(message.sms) : Promise.resolve();
    // Not awaited (one timing class with unknown identifiers); the cause is logged, never the secret.
    sending.catch((err: unknown) => deps.logger.error({ err, purpose: spec.purpose, channel: resolved.channel }, 'sign-in challenge delivery failed'));
  }
  return { challengeId: row.id, channel: row.channel, expiresAt };
}

/**
 * Checks a code against a pending challenge of `purpose`, counting the try. Unknown or spent:
 * VERIFICATION_NOT_FOUND; expired: CODE_EXPIRED; 5 tries used: TOO_MANY_ATTEMPTS; wrong (or a
 * challenge for an unknown identifier, which no code matches): CODE_MISMATCH.
 */
export async function checkCode(deps: Deps, purpose: SignInChallengePurpose, challengeId: string, code: string): Promise<SignInChallenge> {
  const row = await deps.prisma.signInChallenge.findUnique({ where: { id: challengeId } });
  if (!row || row.purpose !== purpose || row.consumedAt) {
    throw new AppError('VERIFICATION_NOT_FOUND', 'No such pending challenge; start again', ['challengeId']);
  }
  if (row.expiresAt <= deps.clock.now()) throw new AppError('CODE_EXPIRED', 'The code has expired; ask for a new one', ['code']);
  const claimed = await deps.prisma.signInChallenge.updateMany({
    where: { id: row.id, consumedAt: null, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) throw new AppError('TOO_MANY_ATTEMPTS', 'Too many wrong codes; ask for a new one', ['code']);
  const expected = row.secretHash;
  if (!expected || !safeEqual(secretDigest(deps, purpose, code.trim()), expected)) {
    throw new AppError('CODE_MISMATCH', 'The code is incorrect', ['code']);
  }
  return row;
}

/** Spends a checked challenge inside the change's transaction; a racing second use loses. */
export async function consumeChallenge(deps: Deps, tx: Prisma.TransactionClient, id: string): Promise<void> {
  const spent = await tx.signInChallenge.updateMany({ where: { id, consumedAt: null }, data: { consumedAt: deps.clock.now() } });
  if (spent.count !== 1) throw new AppError('VERIFICATION_NOT_FOUND', 'No such pending challenge; start again', ['challengeId']);
}

export const channelName = (channel: ChallengeChannel): 'email' | 'phone' => (channel === 'EMAIL' ? 'email' : 'phone');
