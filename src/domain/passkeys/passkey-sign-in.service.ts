// Signing in with a passkey (docs/passkeys.md): passwordless (startPasskeySignIn + finishPasskeySignIn,
// with or without an identifier) and as the second step of an MFA challenge (startMfaPasskey; the
// answer goes to verifySignIn { passkey }). Same rate limits, lockout and suspension as signIn.
import { sha256 } from '../../auth/crypto.js';
import type { RequestInfo } from '../audit/audit.service.js';
import { claimPasswordAttempt, findUserByIdentifier, recordFailedSignIn, releasePasswordAttempt } from '../auth/sign-in.service.js';
import type { MfaChallengeResult, TokenSet } from '../auth/token-set.js';
import { passkeyKind } from '../credentials/passkey/passkey.kind.js';
import { completeFirstStep } from '../credentials/sign-in-completion.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { assertedPasskey, verifyPasskeyAssertion } from './assertion.js';
import { consumeChallenge, createChallenge, type PasskeyChallengeResult } from './challenges.js';
import { relyingParty } from './relying-party.js';
import { webauthn } from './webauthn.js';
import { assertSignInMethod } from '../credentials/sign-in-methods/sign-in-methods.service.js';

async function allowCredentials(deps: Deps, userId: string) {
  const factors = await deps.prisma.mfaFactor.findMany({ where: { userId, type: 'WEBAUTHN' }, orderBy: { createdAt: 'asc' } });
  return factors.map((f) => ({ id: f.credentialId!, transports: f.transports }));
}

/**
 * A passwordless start lists no credentials, with or without an identifier, for every account and
 * for none: the answer is the same whatever the identifier, so it reveals neither whether an
 * account exists nor how many passkeys it has (a made-up list per identifier can only imitate real
 * ones, and differs from them over time). The browser offers the user's discoverable passkeys
 * (registration asks for one, residentKey: required); with an identifier the challenge is bound to
 * that account, so only its passkey can finish. A non-discoverable credential registered earlier
 * still serves as the second step after a password (startMfaPasskey lists it).
 */
export async function startPasskeySignIn(deps: Deps, input: { identifier?: string | null }, request: RequestInfo): Promise<PasskeyChallengeResult> {
  await deps.ipRateLimiter.consume('passkey-challenge', request.ip);
  await assertSignInMethod(deps, 'passkey');
  const rp = relyingParty(deps);
  const identifier = input.identifier?.trim() || null;
  const user = identifier ? await findUserByIdentifier(deps, identifier) : null;
  // Without an identifier any account's discoverable passkey may answer; with one, only that account's.
  const binding = identifier ? { userId: user?.id ?? null, userBound: true } : { userId: null, userBound: false };
  return createChallenge(deps, deps.prisma, { purpose: 'SIGN_IN', ...binding }, async (challenge) =>
    (await webauthn()).generateAuthenticationOptions({
      rpID: rp.id,
      challenge,
      timeout: 300_000,
      allowCredentials: [],
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
  await assertSignInMethod(deps, 'passkey');
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
  return createChallenge(deps, deps.prisma, { purpose: 'MFA', userId: mfa.userId, userBound: true, mfaChallengeId: mfa.id }, async (challenge) =>
    (await webauthn()).generateAuthenticationOptions({ rpID: rp.id, challenge, timeout: 300_000, allowCredentials: allow, userVerification: 'preferred' }),
  );
}
