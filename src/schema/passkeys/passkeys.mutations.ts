// Passkeys (docs/passkeys.md). Self-service registration, naming and step-up under `me` (field `passkey`
// for changes; step-up like verifyPassword); sign-in with a passkey and the MFA passkey step at the root.
import type { Context } from '../context.js';
import { finishPasskeySignIn, startMfaPasskey, startPasskeySignIn } from '../../domain/passkeys/passkey-sign-in.service.js';
import { finishPasskeyRegistration, renamePasskey, startPasskeyRegistration } from '../../domain/passkeys/registration.service.js';
import { startPasskeyVerification, verifyPasskey } from '../../domain/passkeys/step-up.service.js';
import { emitEvent } from '../../domain/events/collector.js';
import { actorOf } from '../actor.js';
import { TokenSetType } from '../auth/token.types.js';
import { builder } from '../builder.js';
import { VerificationRecordType } from '../me/verification.types.js';
import { MeMutation } from '../root.js';
import { MfaFactorType } from '../users/user.types.js';
import { PasskeyAssertionInput, PasskeyChallengeType } from './passkeys.types.js';

const ME_PASSKEY = { $all: { accountHolder: true, accountCenterWrite: 'passkey' } } as const;
const ME_STEP_UP = { $all: { accountHolder: true, accountCenterWrite: '*' } } as const;

function viewerId(ctx: Context): string {
  if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
  return ctx.viewer.userId;
}

const FinishPasskeyRegistrationInput = builder.inputType('FinishPasskeyRegistrationInput', {
  fields: (t) => ({
    challengeId: t.id({ required: true }),
    credential: t.field({ type: 'JSON', required: true, description: 'The RegistrationResponseJSON from navigator.credentials.create.' }),
    name: t.string({ description: 'A label such as "MacBook Touch ID" (1–64 characters); default "Passkey N".' }),
  }),
});

const RenamePasskeyInput = builder.inputType('RenamePasskeyInput', {
  fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true }) }),
});

const StartPasskeySignInInput = builder.inputType('StartPasskeySignInInput', {
  fields: (t) => ({
    identifier: t.string({ description: 'Username, email or phone; leave out for a discoverable passkey (the browser lists them).' }),
  }),
});

builder.objectFields(MeMutation, (t) => ({
  startPasskeyRegistration: t.field({
    type: PasskeyChallengeType,
    errors: {},
    authScopes: ME_PASSKEY,
    description: 'Creation options for navigator.credentials.create; your existing passkeys are excluded.',
    args: { verificationId: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => startPasskeyRegistration(ctx.deps, viewerId(ctx), String(args.verificationId)),
  }),
  finishPasskeyRegistration: t.field({
    type: MfaFactorType,
    errors: {},
    authScopes: ME_PASSKEY,
    description: 'Stores the passkey the browser created for the challenge (attestation none or packed; origin and RP ID checked).',
    args: { input: t.arg({ type: FinishPasskeyRegistrationInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      finishPasskeyRegistration(
        ctx.deps,
        viewerId(ctx),
        { challengeId: String(input.challengeId), credential: input.credential, name: input.name },
        actorOf(ctx),
        ctx.request,
      ),
  }),
  renamePasskey: t.field({
    type: MfaFactorType,
    errors: {},
    authScopes: ME_PASSKEY,
    args: { input: t.arg({ type: RenamePasskeyInput, required: true }) },
    resolve: (_root, { input }, ctx) => renamePasskey(ctx.deps, viewerId(ctx), { id: String(input.id), name: input.name }, actorOf(ctx), ctx.request),
  }),
  startPasskeyVerification: t.field({
    type: PasskeyChallengeType,
    errors: {},
    authScopes: ME_STEP_UP,
    description: 'Request options for navigator.credentials.get over your passkeys, to prove identity with verifyPasskey.',
    resolve: (_root, _args, ctx) => startPasskeyVerification(ctx.deps, viewerId(ctx)),
  }),
  verifyPasskey: t.field({
    type: VerificationRecordType,
    errors: {},
    authScopes: ME_STEP_UP,
    description: 'Proves identity with a user-verified passkey assertion; returns a verified record for sensitive changes.',
    args: { input: t.arg({ type: PasskeyAssertionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = viewerId(ctx);
      try {
        return await verifyPasskey(ctx.deps, userId, { challengeId: String(input.challengeId), credential: input.credential }, ctx.request);
      } catch (err) {
        await emitEvent(ctx.deps, actorOf(ctx), ctx.request, 'verification.passkey_failed', {
          userId,
          audit: 'user.verification.passkey_failed',
          data: { user: { id: userId } },
        });
        throw err;
      }
    },
  }),
}));

builder.mutationFields((t) => ({
  startPasskeySignIn: t.field({
    type: PasskeyChallengeType,
    errors: {},
    description: 'Request options for navigator.credentials.get: with an identifier, that account\'s passkeys; without, any discoverable one.',
    args: { input: t.arg({ type: StartPasskeySignInInput }) },
    resolve: (_root, { input }, ctx) => startPasskeySignIn(ctx.deps, { identifier: input?.identifier }, ctx.request),
  }),
  finishPasskeySignIn: t.field({
    type: TokenSetType,
    errors: {},
    description: 'Signs in with the assertion the browser returned. A passkey is phishing-resistant and user-verified: no second factor is asked.',
    args: { input: t.arg({ type: PasskeyAssertionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await finishPasskeySignIn(ctx.deps, { challengeId: String(input.challengeId), credential: input.credential }, ctx.request);
      if (!('accessToken' in result)) throw new Error('unreachable: a passkey sign-in satisfies MFA');
      return result;
    },
  }),
  startMfaPasskey: t.field({
    type: PasskeyChallengeType,
    errors: {},
    description: 'Request options for the passkey step of an MfaChallenge whose factors hold WEBAUTHN; answer with verifySignIn { passkey }.',
    args: { mfaToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => startMfaPasskey(ctx.deps, args.mfaToken, ctx.request),
  }),
}));
