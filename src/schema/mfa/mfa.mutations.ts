// Self-service MFA (docs/api.md#self-service-me, field `mfa`): TOTP enrollment, backup codes, removal.
import { generateBackupCodes } from '../../domain/mfa/backup-codes.js';
import { removeOwnMfaFactor } from '../../domain/mfa/factors.service.js';
import { enrollTotp, generateTotpSecret } from '../../domain/mfa/totp.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { MeMutation } from '../root.js';
import { MfaFactorType, UserType } from '../users/user.types.js';
import { BackupCodesType, TotpSecretType } from './mfa.types.js';

const ME_MFA = { $all: { accountHolder: true, accountCenterWrite: 'mfa' } } as const;

function viewerId(ctx: Context): string {
  if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
  return ctx.viewer.userId;
}

const EnrollTotpInput = builder.inputType('EnrollTotpInput', {
  fields: (t) => ({
    secret: t.string({ required: true, description: 'The secret from generateTotpSecret.' }),
    code: t.string({ required: true, description: 'The current 6-digit code from the authenticator app.' }),
    verificationId: t.id({ required: true }),
  }),
});

const RemoveMfaFactorInput = builder.inputType('RemoveMfaFactorInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    verificationId: t.id({ required: true }),
  }),
});

builder.objectFields(MeMutation, (t) => ({
  generateTotpSecret: t.field({
    type: TotpSecretType,
    errors: {},
    authScopes: ME_MFA,
    description: 'A new authenticator-app secret (not stored until enrollTotp confirms it with a code).',
    resolve: (_root, _args, ctx) => generateTotpSecret(ctx.deps, viewerId(ctx)),
  }),
  enrollTotp: t.field({
    type: MfaFactorType,
    errors: {},
    authScopes: ME_MFA,
    description: 'Enrolls an authenticator app: the secret from generateTotpSecret and its current code.',
    args: { input: t.arg({ type: EnrollTotpInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      enrollTotp(ctx.deps, viewerId(ctx), { ...input, verificationId: String(input.verificationId) }, actorOf(ctx), ctx.request),
  }),
  generateBackupCodes: t.field({
    type: BackupCodesType,
    errors: {},
    authScopes: ME_MFA,
    description: 'Ten single-use recovery codes, shown once. Replaces any previous set.',
    args: { verificationId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => ({
      codes: await generateBackupCodes(ctx.deps, viewerId(ctx), String(args.verificationId), actorOf(ctx), ctx.request),
    }),
  }),
  removeMfaFactor: t.field({
    type: UserType,
    errors: {},
    // The field that governs it is the factor's kind's: `mfa` for TOTP and backup codes, `passkey` for passkeys.
    authScopes: (_root, { input }) => ({ $all: { accountHolder: true, accountCenterWriteFactor: String(input.id) } }),
    description: 'Removes one of your MFA factors (a passkey too); returns your account.',
    args: { input: t.arg({ type: RemoveMfaFactorInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = viewerId(ctx);
      await removeOwnMfaFactor(ctx.deps, userId, { id: String(input.id), verificationId: String(input.verificationId) }, actorOf(ctx), ctx.request);
      return ctx.deps.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    },
  }),
}));
