// Step-up with a passkey (me.startPasskeyVerification + me.verifyPasskey): a user-verified assertion
// of one of the caller's passkeys gives an identity-proof VerificationRecord, like verifyPassword.
import type { VerificationRecord } from '../../generated/prisma/client.js';
import type { RequestInfo } from '../audit/audit.service.js';
import { passkeyKind } from '../credentials/passkey/passkey.kind.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { createIdentityRecord } from '../verification/verification.service.js';
import { assertedPasskey, verifyPasskeyAssertion } from './assertion.js';
import { consumeChallenge, createChallenge, type PasskeyChallengeResult } from './challenges.js';
import { relyingParty } from './relying-party.js';
import { webauthn } from './webauthn.js';

export async function startPasskeyVerification(deps: Deps, userId: string): Promise<PasskeyChallengeResult> {
  const factors = await deps.prisma.mfaFactor.findMany({ where: { userId, type: 'WEBAUTHN' }, orderBy: { createdAt: 'asc' } });
  if (factors.length === 0) throw new AppError('NOT_FOUND', 'You have no passkey: verify another way');
  const rp = relyingParty(deps);
  return createChallenge(deps, deps.prisma, { purpose: 'STEP_UP', userId, userBound: true }, async (challenge) =>
    (await webauthn()).generateAuthenticationOptions({
      rpID: rp.id,
      challenge,
      timeout: 300_000,
      allowCredentials: factors.map((f) => ({ id: f.credentialId!, transports: f.transports })),
      userVerification: 'required',
    }),
  );
}

export async function verifyPasskey(
  deps: Deps,
  userId: string,
  input: { challengeId: string; credential: unknown },
  request: RequestInfo,
): Promise<VerificationRecord> {
  const challenge = await consumeChallenge(deps, deps.prisma, input.challengeId, 'STEP_UP', { userId });
  const { factor, response } = await assertedPasskey(deps.prisma, challenge, input.credential);
  // A proof on its own, standing in for the password: the authenticator must verify the user.
  await verifyPasskeyAssertion(deps, deps.prisma, challenge, factor, response, { requireUserVerification: true, request });
  return createIdentityRecord(deps, deps.prisma, userId, passkeyKind.stepUp!.recordKind);
}
