// startAccountRecovery / resetPassword: root mutations (they run before anyone is signed in).
import { wrapOrThrow } from '@pothos/plugin-errors';
import { AppError, PasswordRejectedError, RateLimitedError } from '../../errors.js';
import type { ChallengeAnswer } from '../challenges/challenges.js';
import { builder } from '../../../schema/builder.js';
import { signInResultUnion } from '../../../schema/auth/token.types.js';
import { ChallengeChannelEnum } from '../challenges/challenges.schema.js';
import { resetPassword, startAccountRecovery } from './recovery.service.js';

const RecoveryChallenge = builder.objectRef<ChallengeAnswer>('RecoveryChallenge').implement({
  description: 'The same answer whether or not the identifier names an account: a code went to the account\'s address if it does.',
  fields: (t) => ({
    challengeId: t.exposeString('challengeId'),
    channel: t.field({ type: ChallengeChannelEnum, resolve: (c) => c.channel }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const StartAccountRecoveryInput = builder.inputType('StartAccountRecoveryInput', {
  fields: (t) => ({ identifier: t.string({ required: true, description: 'Username, email or phone.' }) }),
});

const ResetPasswordInput = builder.inputType('ResetPasswordInput', {
  fields: (t) => ({
    challengeId: t.string({ required: true }),
    code: t.string({ required: true }),
    newPassword: t.string({ required: true }),
  }),
});

const ResetPasswordResult = signInResultUnion('ResetPasswordResult');

builder.mutationFields((t) => ({
  startAccountRecovery: t.field({
    expensive: { kind: 'send', account: ({ input }) => input.identifier },
    type: RecoveryChallenge,
    errors: {},
    description: 'Sends a 6-digit code to the account\'s email or phone for resetPassword. Never reveals whether the account exists.',
    args: { input: t.arg({ type: StartAccountRecoveryInput, required: true }) },
    resolve: (_root, { input }, ctx) => startAccountRecovery(ctx.deps, input, ctx.request),
  }),
  resetPassword: t.field({
    expensive: 'hash',
    type: ResetPasswordResult as never,
    description:
      'Sets a new password with the recovery code and signs in (an enrolled second factor is still asked: MfaChallenge). ' +
      'Revokes every session, marks the address verified and notifies every address of the account.',
    args: { input: t.arg({ type: ResetPasswordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return (await resetPassword(ctx.deps, input, ctx.request)) as never;
      } catch (err) {
        return wrapOrThrow(err, [PasswordRejectedError, RateLimitedError, AppError]) as never;
      }
    },
  }),
}));
