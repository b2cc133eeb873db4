// Signing in with a passkey (docs/passkeys.md): passwordless (startPasskeySignIn + finishPasskeySignIn,
// with or without an identifier) and as the second step of an MFA challenge (startMfaPasskey; the
// answer goes to verifySignIn { passkey }). Same rate limits, lockout and suspension as signIn.
import { generateAuthenticationOptions } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { sha256 } from '../../auth/crypto.js';
import type { RequestInfo } from '../audit/audit.service.js';
import { claimPasswordAttempt, findUserByIdentifier, recordFailedSignIn, releasePasswordAttempt } from '../auth/sign-in.service.js';
import type { MfaChallengeResult, TokenSet } from '../auth/token-set.js';
import { passkeyKind } from '../credentials/kinds/passkey.kind.js';
import { completeFirstStep } from '../credentials/sign-in-completion.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { assertedPasskey, verifyPasskeyAssertion } from './assertion.js';
import { consumeChallenge, createChallenge, type PasskeyChallengeResult } from './challenges.js';
import { relyingParty } from './relying-party.js';

async function allowCredentials(deps: Deps, userId: string) {
  const factors = await deps.prisma.mfaFactor.findMany({ where: { userId, type: 'WEBAUTHN' }, orderBy: { createdAt: 'asc' } });
  return factors.map((f) => ({ id: f.credentialId!, transports: f.transports }));
}

/**
 * For an identifier without passkeys (or without an account): one stable made-up credential id,
 * so the options look like those of an account with one passkey and reveal nothing.
 */
function decoyCredential(deps: Deps, identifier: string) {
  const id = Buffer.from(deps.secrets.mac('passkey-decoy', identifier.trim().toLowerCase()), 'hex');
  return [{ id: isoBase64URL.fromBuffer(new Uint8Array(id)), transports: ['internal', 'hybrid'] }];
}

export async function startPasskeySignIn(deps: Deps, input: { identifier?: string | null }, request: RequestInfo): Promise<PasskeyChallengeResult> {
  await deps.ipRateLimiter.consume('passkey-challenge', request.ip);
  const rp = relyingParty(deps);
  const identifier = input.identifier?.trim() || null;
  const user = identifier ? await findUserByIdentifier(deps, identifier) : null;
  let allow = user ? await allowCredentials(deps, user.id) : [];
  if (identifier && allow.length === 0) allow = decoyCredential(deps, identifier);
  // Without an identifier any account's discoverable passkey may answer; with one, only that account's.
  const binding = identifier ? { userId: user?.id ?? null, userBound: true } : { userId: null, userBound: false };
  return createChallenge(deps, deps.prisma, { purpose: 'SIGN_IN', ...binding }, (challenge) =>
    generateAuthenticationOptions({
      rpID: rp.id,
      challenge,
      timeout: 300_000,
      ...(identifier ? { allowCredentials: allow } : {}),
      // Passwordless: the passkey stands for both factors, so the authenticator must verify the user.
      userVerification: 'required',
    }),
  );
}

export async function finishPasskeySignIn(
  deps: Deps,
  input: { challengeId: string; credential: unknown },
  request: RequestInfo,
): Promise<TokenSet | MfaChallengeResult> {
  await deps.ipRateLimiter.consume('sign-in', request.ip);
  const challenge = await consumeChallenge(deps, deps.prisma, input.challengeId, 'SIGN_IN');
  const { factor, response } = await assertedPasskey(deps.prisma, challenge, input.credential);
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: factor.userId } });
  const now = deps.clock.now();
  if ((user.lockedUntil && user.lockedUntil > now) || !(await claimPasswordAttempt(deps, user.id, request))) {
    throw new AppError('ACCOUNT_LOCKED', 'Too many failed sign-in attempts: try again later');
  }
  let used;
  try {
    used = await verifyPasskeyAssertion(deps, deps.prisma, challenge, factor, response, { requireUserVerification: true, request });
  } catch (err) {
    await recordFailedSignIn(deps, user.id, request);
    throw err;
  }
  await releasePasswordAttempt(deps, user.id);
  return completeFirstStep(deps, user, passkeyKind, request, { factorId: used.id });
}

const invalidMfaToken = () => new AppError('INVALID_CREDENTIALS', 'The MFA token is invalid or expired: sign in again', ['mfaToken']);

/** A passkey challenge for the second step of this MFA challenge, listing the user's passkeys. */
export async function startMfaPasskey(deps: Deps, mfaToken: string, request: RequestInfo): Promise<PasskeyChallengeResult> {
  await deps.ipRateLimiter.consume('passkey-challenge', request.ip);
  const now = deps.clock.now();
  const mfa = await deps.prisma.mfaChallenge.findUnique({ where: { tokenHash: sha256(mfaToken) } });
  if (!mfa || mfa.consumedAt || mfa.expiresAt <= now) throw invalidMfaToken();
  const allow = await allowCredentials(deps, mfa.userId);
  if (allow.length === 0) throw new AppError('NOT_FOUND', 'This account has no passkey: use another factor', ['mfaToken']);
  const rp = relyingParty(deps);
  return createChallenge(deps, deps.prisma, { purpose: 'MFA', userId: mfa.userId, userBound: true, mfaChallengeId: mfa.id }, (challenge) =>
    generateAuthenticationOptions({ rpID: rp.id, challenge, timeout: 300_000, allowCredentials: allow, userVerification: 'preferred' }),
  );
}
