// Checking a passkey assertion (navigator.credentials.get's answer) against a stored passkey, with
// @simplewebauthn/server: signature, challenge, origin, RP ID, type, user presence/verification,
// then the signature counter.
import type { AuthenticationResponseJSON, VerifiedAuthenticationResponse } from '@simplewebauthn/server';
import type { MfaFactor, PasskeyChallenge, Prisma } from '../../generated/prisma/client.js';
import type { RequestInfo } from '../audit/audit.service.js';
import { recordEvent } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { passkeyRejected, relyingParty, userIdFromHandle } from './relying-party.js';
import { webauthn } from './webauthn.js';

type Db = Deps['prisma'] | Prisma.TransactionClient;

const SYSTEM = { actorId: null, actorType: 'system' } as const;

// Sign-in never reveals an account: an unknown credential and another account's look alike.
export const unknownPasskey = () => new AppError('INVALID_CREDENTIALS', 'This passkey is not registered for this sign-in', ['credential']);

function isAssertion(value: unknown): value is AuthenticationResponseJSON {
  const v = value as AuthenticationResponseJSON | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.response === 'object' &&
    v.response !== null &&
    typeof v.response.clientDataJSON === 'string' &&
    typeof v.response.authenticatorData === 'string' &&
    typeof v.response.signature === 'string'
  );
}

/**
 * The stored passkey the assertion names, if the challenge allows it: the challenge's user's
 * (when bound), and the one its userHandle names. Otherwise INVALID_CREDENTIALS.
 */
export async function assertedPasskey(db: Db, challenge: PasskeyChallenge, response: unknown): Promise<{ factor: MfaFactor; response: AuthenticationResponseJSON }> {
  if (!isAssertion(response)) throw passkeyRejected('The credential is not an AuthenticationResponseJSON');
  const factor = await db.mfaFactor.findUnique({ where: { credentialId: response.id } });
  if (!factor || factor.type !== 'WEBAUTHN' || !factor.publicKey) throw unknownPasskey();
  if (challenge.userBound && factor.userId !== challenge.userId) throw unknownPasskey();
  const handle = response.response.userHandle;
  if (handle && userIdFromHandle(handle) !== factor.userId) throw unknownPasskey();
  return { factor, response };
}

/**
 * Verifies the assertion and advances the stored counter; PASSKEY_REJECTED when anything fails. A
 * counter that does not move forward (while either side counts) means a cloned authenticator: it
 * is refused and audited. The audit row is written through `db`: callers inside a transaction must
 * commit it (return the error instead of throwing out of the transaction).
 */
export async function verifyPasskeyAssertion(
  deps: Deps,
  db: Db,
  challenge: PasskeyChallenge,
  factor: MfaFactor,
  response: AuthenticationResponseJSON,
  options: { requireUserVerification: boolean; request: RequestInfo },
): Promise<MfaFactor> {
  const rp = relyingParty(deps);
  let verified: VerifiedAuthenticationResponse;
  try {
    verified = await (await webauthn()).verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      expectedType: 'webauthn.get',
      // The library compares counters before it checks the signature; with 0 it skips that, so the
      // comparison below runs only on a genuinely signed counter and its audit names real clones.
      credential: { id: factor.credentialId!, publicKey: new Uint8Array(factor.publicKey!), counter: 0, transports: factor.transports },
      requireUserVerification: options.requireUserVerification,
    });
  } catch (err) {
    deps.logger.debug({ err, factorId: factor.id }, 'passkey assertion rejected');
    throw passkeyRejected();
  }
  if (!verified.verified) throw passkeyRejected();
  const { newCounter, credentialBackedUp } = verified.authenticationInfo;
  const stored = Number(factor.signCount ?? 0n);
  if ((newCounter > 0 || stored > 0) && newCounter <= stored) {
    await recordEvent(deps, db as never, SYSTEM, options.request, 'user.passkey.counter_regressed', {
      userId: factor.userId,
      audit: 'user.passkey.counter_regression',
      data: { user: { id: factor.userId }, factor: { id: factor.id, type: factor.type }, storedCounter: stored, presentedCounter: newCounter },
      details: { factorId: factor.id, storedCounter: stored, presentedCounter: newCounter },
    });
    throw passkeyRejected('The passkey signature counter went backwards: the authenticator may have been cloned');
  }
  // Conditional on the counter read above: of two racing assertions one advances it, the other is refused.
  const now = deps.clock.now();
  const advanced = await db.mfaFactor.updateMany({
    where: { id: factor.id, signCount: factor.signCount },
    data: { signCount: BigInt(newCounter), lastUsedAt: now, backedUp: credentialBackedUp },
  });
  if (advanced.count !== 1) throw passkeyRejected();
  return { ...factor, signCount: BigInt(newCounter), lastUsedAt: now, backedUp: credentialBackedUp };
}
