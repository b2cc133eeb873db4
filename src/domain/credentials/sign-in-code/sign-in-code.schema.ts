// startCodeSignIn / finishCodeSignIn: root mutations.
import { wrapOrThrow } from '@pothos/plugin-errors';
import { AppError, PasswordRejectedError, RateLimitedError } from '../../errors.js';
import type { ChallengeAnswer } from '../challenges/challenges.js';
import { builder } from '../../../schema/builder.js';
import { signInResultUnion } from '../../../schema/auth/token.types.js';
import { ChallengeChannelEnum } from '../challenges/challenges.schema.js';
import { finishCodeSignIn, startCodeSignIn } from './sign-in-code.service.js';

const SignInCodeChallenge = builder.objectRef<ChallengeAnswer>('SignInCodeChallenge').implement({
  description: 'The same answer whether or not the identifier names an account: a code went to the account\'s address if it does.',
  fields: (t) => ({
    challengeId: t.exposeString('challengeId'),
    channel: t.field({ type: ChallengeChannelEnum, resolve: (c) => c.channel }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const StartCodeSignInInput = builder.inputType('StartCodeSignInInput', {
  fields: (t) => ({ identifier: t.string({ required: true, description: 'Username, email or phone.' }) }),
});

const FinishCodeSignInInput = builder.inputType('FinishCodeSignInInput', {
  fields: (t) => ({ challengeId: t.string({ required: true }), code: t.string({ required: true }) }),
});

const FinishCodeSignInResult = signInResultUnion('FinishCodeSignInResult');

builder.mutationFields((t) => ({
  startCodeSignIn: t.field({
    expensive: { kind: 'send', account: ({ input }) => input.identifier },
    type: SignInCodeChallenge,
    errors: {},
    description: 'Sends a 6-digit sign-in code to the account\'s email (emailCode) or phone (smsCode). Never reveals whether the account exists.',
    args: { input: t.arg({ type: StartCodeSignInInput, required: true }) },
    resolve: (_root, { input }, ctx) => startCodeSignIn(ctx.deps, input, ctx.request),
  }),
  finishCodeSignIn: t.field({
    type: FinishCodeSignInResult as never,
    description: 'Signs in with the code: tokens, or an MFA challenge when a second factor is enrolled.',
    args: { input: t.arg({ type: FinishCodeSignInInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return (await finishCodeSignIn(ctx.deps, input, ctx.request)) as never;
      } catch (err) {
        return wrapOrThrow(err, [PasswordRejectedError, RateLimitedError, AppError]) as never;
      }
    },
  }),
}));
