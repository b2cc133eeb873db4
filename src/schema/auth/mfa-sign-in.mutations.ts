// verifySignIn (docs/api.md#signing-in): the second step of sign-in for users with MFA.
import { verifySignIn } from '../../domain/mfa/mfa-sign-in.service.js';
import { builder } from '../builder.js';
import { PasskeyAssertionInput } from '../passkeys/passkeys.types.js';
import { TokenSetType } from './token.types.js';

const VerifySignInInput = builder.inputType('VerifySignInInput', {
  fields: (t) => ({
    mfaToken: t.string({ required: true, description: 'From the MfaChallenge that signIn returned.' }),
    totpCode: t.string({ description: 'The 6-digit code of the authenticator app.' }),
    backupCode: t.string({ description: 'One of the backup codes (each works once).' }),
    passkey: t.field({ type: PasskeyAssertionInput, description: 'The assertion for a startMfaPasskey challenge.' }),
    trustDevice: t.boolean({ description: 'Remember this device (TRUSTED_DEVICE_DAYS): the TokenSet carries a deviceToken for later sign-ins.' }),
  }),
});

builder.mutationField('verifySignIn', (t) =>
  t.field({
    type: TokenSetType,
    errors: {},
    description: 'Completes a sign-in that returned an MfaChallenge: give exactly one of totpCode, backupCode or passkey.',
    args: { input: t.arg({ type: VerifySignInInput, required: true }) },
    resolve: (_root, { input }, ctx) => verifySignIn(ctx.deps, input, ctx.request),
  }),
);
