// Passkey registration (me.startPasskeyRegistration / me.finishPasskeyRegistration) and naming
// (me.renamePasskey). Registration needs an identity proof at its start; the challenge it hands out
// is bound to the user and lives 5 minutes.
import type { RegistrationResponseJSON, VerifiedRegistrationResponse } from '@simplewebauthn/server';
import type { MfaFactor } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { emitEnrollment } from '../credentials/factor-lifecycle.js';
import { withEvents } from '../events/collector.js';
import { passkeyKind } from '../credentials/passkey/passkey.kind.js';
import type { Deps } from '../deps.js';
import { AppError, invalidInput, isUniqueViolation, notFound } from '../errors.js';
import { lockUserRow } from '../users/user-lock.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';
import { consumeChallenge, createChallenge, type PasskeyChallengeResult } from './challenges.js';
import { passkeyRejected, relyingParty, SUPPORTED_ALGORITHMS, userHandle } from './relying-party.js';
import { webauthn } from './webauthn.js';

// Far more than anyone carries; a bound keeps excludeCredentials (and the options) small.
export const MAX_PASSKEYS_PER_USER = 20;
const NAME_MAX = 64;

export function validatePasskeyName(name: string, path = 'name'): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > NAME_MAX || /\p{Cc}/u.test(trimmed)) {
    throw invalidInput(path, `A passkey name is 1 to ${NAME_MAX} printable characters`);
  }
  return trimmed;
}

export async function startPasskeyRegistration(deps: Deps, userId: string, verificationId: string): Promise<PasskeyChallengeResult> {
  await requireVerifiedIdentity(deps, deps.prisma, userId, verificationId);
  const user = await deps.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, username: true, primaryEmail: true, primaryPhone: true, name: true, mfaFactors: { where: { type: 'WEBAUTHN' } } },
  });
  if (user.mfaFactors.length >= MAX_PASSKEYS_PER_USER) {
    throw new AppError('CONFLICT', `An account holds at most ${MAX_PASSKEYS_PER_USER} passkeys: remove one first`);
  }
  const rp = relyingParty(deps);
  const userName = user.primaryEmail ?? user.username ?? user.primaryPhone ?? user.id;
  return createChallenge(deps, deps.prisma, { purpose: 'REGISTRATION', userId, userBound: true }, async (challenge) =>
    (await webauthn()).generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName,
      userDisplayName: user.name ?? userName,
      userID: userHandle(user.id),
      challenge,
      timeout: 300_000,
      attestationType: 'none',
      // The browser refuses an authenticator that already holds one of these for this account.
      excludeCredentials: user.mfaFactors.map((f) => ({ id: f.credentialId!, transports: f.transports })),
      // Discoverable when the authenticator can (sign-in without typing an identifier), and user
      // verification when it can; neither is demanded, so plain security keys still register.
      // Discoverable: passwordless sign-in never lists credentials (passkey-sign-in.service.ts).
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    }),
  );
}

function isRegistration(value: unknown): value is RegistrationResponseJSON {
  const v = value as RegistrationResponseJSON | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.response === 'object' &&
    v.response !== null &&
    typeof v.response.clientDataJSON === 'string' &&
    typeof v.response.attestationObject === 'string'
  );
}

export async function finishPasskeyRegistration(
  deps: Deps,
  userId: string,
  input: { challengeId: string; credential: unknown; name?: string | null },
  actor: AuditActor,
  request: RequestInfo,
): Promise<MfaFactor> {
  const name = input.name == null ? null : validatePasskeyName(input.name);
  const challenge = await consumeChallenge(deps, deps.prisma, input.challengeId, 'REGISTRATION', { userId });
  if (!isRegistration(input.credential)) throw passkeyRejected('The credential is not a RegistrationResponseJSON');
  const response = input.credential;
  const rp = relyingParty(deps);
  let verified: VerifiedRegistrationResponse;
  try {
    verified = await (await webauthn()).verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      expectedType: 'webauthn.create',
      // Preferred, not required: a security key without a PIN is still a good second factor.
      requireUserVerification: false,
      supportedAlgorithmIDs: SUPPORTED_ALGORITHMS,
    });
  } catch (err) {
    deps.logger.debug({ err }, 'passkey registration rejected');
    throw passkeyRejected();
  }
  if (!verified.verified) throw passkeyRejected();
  const info = verified.registrationInfo;
  // Transports are the browser's hint for later sign-ins (usb, nfc, ble, internal, hybrid…).
  const transports = (response.response.transports ?? []).filter((t): t is string => typeof t === 'string').slice(0, 8);
  try {
    return await withEvents(deps, actor, request, async (tx, ev) => {
      await lockUserRow(tx, userId);
      const count = await tx.mfaFactor.count({ where: { userId, type: 'WEBAUTHN' } });
      if (count >= MAX_PASSKEYS_PER_USER) throw new AppError('CONFLICT', `An account holds at most ${MAX_PASSKEYS_PER_USER} passkeys: remove one first`);
      const created = await tx.mfaFactor.create({
        data: {
          userId,
          type: 'WEBAUTHN',
          name: name ?? `Passkey ${count + 1}`,
          credentialId: info.credential.id,
          publicKey: new Uint8Array(info.credential.publicKey),
          signCount: BigInt(info.credential.counter),
          transports,
          aaguid: info.aaguid,
          backupEligible: info.credentialDeviceType === 'multiDevice',
          backedUp: info.credentialBackedUp,
          createdAt: deps.clock.now(),
        },
      });
      emitEnrollment(ev, created, { attestation: info.fmt, aaguid: info.aaguid, userVerified: info.userVerified });
      return created;
    });
  } catch (err) {
    // The same credential id on any account (a re-registration slipping past excludeCredentials).
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'This passkey is already registered', ['credential']);
    throw err;
  }
}

export async function renamePasskey(
  deps: Deps,
  userId: string,
  input: { id: string; name: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<MfaFactor> {
  const name = validatePasskeyName(input.name);
  return withEvents(deps, actor, request, async (tx, ev) => {
    const renamed = await tx.mfaFactor.updateMany({ where: { id: input.id, userId, type: 'WEBAUTHN' }, data: { name } });
    if (renamed.count !== 1) throw notFound('Passkey', 'id');
    ev.emit('user.passkey.renamed', {
      userId,
      audit: 'user.passkey.rename',
      data: { user: { id: userId }, factor: { id: input.id, type: 'WEBAUTHN' }, name },
      details: { factorId: input.id, name },
    });
    return tx.mfaFactor.findUniqueOrThrow({ where: { id: input.id } });
  });
}
