// Passkey challenges: single use, 5 minutes on the injected clock, bound to a user (or to the MFA
// challenge of a sign-in attempt). Anything else about them answers VERIFICATION_NOT_FOUND.
import { randomBytes } from 'node:crypto';
import type { PasskeyChallenge, PasskeyChallengePurpose, Prisma } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { PASSKEY_CHALLENGE_TTL_SECONDS } from './relying-party.js';

type Db = Deps['prisma'] | Prisma.TransactionClient;

export interface NewChallenge {
  purpose: PasskeyChallengePurpose;
  userId: string | null;
  userBound: boolean;
  mfaChallengeId?: string;
}

/** Stores a fresh challenge and returns it with the options `build` made around it. */
export async function createChallenge<O extends { challenge: string }>(
  deps: Deps,
  db: Db,
  input: NewChallenge,
  build: (challenge: Uint8Array<ArrayBuffer>) => Promise<O>,
): Promise<PasskeyChallengeResult> {
  // 32 random bytes: the W3C spec asks for at least 16.
  const bytes = new Uint8Array(randomBytes(32));
  const options = await build(bytes);
  if (options.challenge !== Buffer.from(bytes).toString('base64url')) throw new Error('the options carry another challenge');
  const now = deps.clock.now();
  const row = await db.passkeyChallenge.create({
    data: { ...input, challenge: options.challenge, createdAt: now, expiresAt: addSeconds(now, PASSKEY_CHALLENGE_TTL_SECONDS) },
  });
  return { challengeId: row.id, options: options as unknown as Record<string, unknown>, expiresAt: row.expiresAt };
}

export const challengeNotFound = () =>
  new AppError('VERIFICATION_NOT_FOUND', 'No such pending passkey challenge: it is unknown, used or expired; start again', ['challengeId']);

/**
 * Spends the challenge before its answer is checked, so it can never be answered twice (a failed
 * answer spends it too). Unknown, used, expired, another purpose, another user: VERIFICATION_NOT_FOUND.
 */
export async function consumeChallenge(
  deps: Deps,
  db: Db,
  challengeId: string,
  purpose: PasskeyChallengePurpose,
  binding: { userId?: string; mfaChallengeId?: string } = {},
): Promise<PasskeyChallenge> {
  const now = deps.clock.now();
  const row = await db.passkeyChallenge.findUnique({ where: { id: challengeId } });
  if (
    !row ||
    row.purpose !== purpose ||
    (binding.userId !== undefined && row.userId !== binding.userId) ||
    (binding.mfaChallengeId !== undefined && row.mfaChallengeId !== binding.mfaChallengeId)
  ) {
    throw challengeNotFound();
  }
  const spent = await db.passkeyChallenge.updateMany({ where: { id: row.id, consumedAt: null, expiresAt: { gt: now } }, data: { consumedAt: now } });
  if (spent.count !== 1) throw challengeNotFound();
  return row;
}

/** The JSON the API returns for a challenge: `{ challengeId, options, expiresAt }`. */
export interface PasskeyChallengeResult {
  challengeId: string;
  options: Record<string, unknown>;
  expiresAt: Date;
}
