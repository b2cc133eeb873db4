// Identity verification (docs/api.md#self-service-me): me.verifyPassword, me.sendVerificationCode + me.verifyCode.
import { emitEvent } from '../../domain/events/collector.js';
import { verifyTotpRecord } from '../../domain/mfa/totp-step-up.service.js';
import { sendVerificationCode, verifyCode, verifyPasswordRecord } from '../../domain/verification/verification.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { MeMutation } from '../root.js';
import { VerificationRecordType } from './verification.types.js';

const SendVerificationCodeInput = builder.inputType('SendVerificationCodeInput', {
  description: 'Exactly one of email or phone.',
  fields: (t) => ({ email: t.string(), phone: t.string() }),
});

const VerifyCodeInput = builder.inputType('VerifyCodeInput', {
  fields: (t) => ({ verificationId: t.id({ required: true }), code: t.string({ required: true }) }),
});

builder.objectFields(MeMutation, (t) => ({
  verifyPassword: t.field({
    type: VerificationRecordType,
    expensive: 'hash',
    errors: {},
    authScopes: { $all: { accountHolder: true, accountCenterWrite: '*' } },
    description: 'Proves identity with the current password; returns a verified record for sensitive changes.',
    args: { password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
      const userId = ctx.viewer.userId;
      try {
        return await verifyPasswordRecord(ctx.deps, userId, args.password, ctx.request);
      } catch (err) {
        await emitEvent(ctx.deps, actorOf(ctx), ctx.request, 'verification.password_failed', {
          userId,
          audit: 'user.verification.password_failed',
          data: { user: { id: userId } },
        });
        throw err;
      }
    },
  }),
  sendVerificationCode: t.field({
    type: VerificationRecordType,
    expensive: 'send',
    errors: {},
    authScopes: { $all: { accountHolder: true, accountCenterWrite: '*' } },
    description:
      'Sends a 6-digit code (valid 10 minutes) to an email or phone. To your current address it proves identity; ' +
      'to a new address it only proves owning that address.',
    args: { input: t.arg({ type: SendVerificationCodeInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
      return sendVerificationCode(ctx.deps, ctx.viewer.userId, input, actorOf(ctx), ctx.request);
    },
  }),
  verifyTotp: t.field({
    type: VerificationRecordType,
    errors: {},
    authScopes: { $all: { accountHolder: true, accountCenterWrite: '*' } },
    description: 'Proves identity with the current code of your authenticator app; returns a verified record for sensitive changes.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
      const userId = ctx.viewer.userId;
      try {
        return await verifyTotpRecord(ctx.deps, userId, args.code, ctx.request);
      } catch (err) {
        await emitEvent(ctx.deps, actorOf(ctx), ctx.request, 'verification.totp_failed', {
          userId,
          audit: 'user.verification.totp_failed',
          data: { user: { id: userId } },
        });
        throw err;
      }
    },
  }),
  verifyCode: t.field({
    type: VerificationRecordType,
    errors: {},
    authScopes: { $all: { accountHolder: true, accountCenterWrite: '*' } },
    description: 'Checks the code sent by sendVerificationCode; returns the verified record.',
    args: { input: t.arg({ type: VerifyCodeInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
      return verifyCode(ctx.deps, ctx.viewer.userId, { verificationId: String(input.verificationId), code: input.code });
    },
  }),
}));
