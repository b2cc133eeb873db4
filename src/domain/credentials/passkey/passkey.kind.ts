// Passkeys (WebAuthn), in src/domain/passkeys/: registered by me.startPasskeyRegistration +
// finishPasskeyRegistration; a sign-in of their own (startPasskeySignIn + finishPasskeySignIn,
// multi-factor by itself: possession plus user verification); the second step of a password sign-in
// (startMfaPasskey + verifySignIn { passkey }); step-up (startPasskeyVerification + verifyPasskey).
import { assertedPasskey, verifyPasskeyAssertion } from '../../passkeys/assertion.js';
import { consumeChallenge } from '../../passkeys/challenges.js';
import { AppError } from '../../errors.js';
import type { CredentialKind } from '../credential-kind.js';

export interface PasskeyAnswer {
  challengeId: string;
  credential: unknown;
}

function parseAnswer(raw: unknown): PasskeyAnswer | null {
  const v = raw as Partial<PasskeyAnswer> | null | undefined;
  return v && typeof v === 'object' && typeof v.challengeId === 'string' ? { challengeId: v.challengeId, credential: v.credential } : null;
}

export const passkeyKind: CredentialKind = {
  key: 'passkey',
  label: 'a passkey',
  accountField: 'passkey',
  factorType: 'WEBAUTHN',
  notices: { added: 'passkey_added', removed: 'passkey_removed' },
  signIn: { operation: 'startPasskeySignIn + finishPasskeySignIn', amr: ['hwk', 'user'], satisfiesMfa: true },
  mfa: {
    inputField: 'passkey',
    parse: parseAnswer,
    amr: 'hwk',
    verify: async ({ deps, tx, challenge, request }, answer) => {
      const { challengeId, credential } = answer as PasskeyAnswer;
      try {
        const row = await consumeChallenge(deps, tx, challengeId, 'MFA', { mfaChallengeId: challenge.id });
        const { factor, response } = await assertedPasskey(tx, row, credential);
        // A second factor after the password: possession is what it adds, so no PIN is demanded.
        const used = await verifyPasskeyAssertion(deps, tx, row, factor, response, { requireUserVerification: false, request });
        return { ok: true, details: { factorId: used.id } };
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // A challenge that is unknown or spent was never a guess; a wrong passkey or assertion is.
        return { ok: false, counts: err.code !== 'VERIFICATION_NOT_FOUND', error: err };
      }
    },
  },
  stepUp: { recordKind: 'PASSKEY', operation: 'startPasskeyVerification + verifyPasskey' },
  // A discoverable passkey signs in without any identifier.
  isSignInMethod: ({ factorTypes }) => factorTypes.includes('WEBAUTHN'),
};
