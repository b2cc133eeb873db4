// startLinkSignIn / finishLinkSignIn: root mutations.
import { wrapOrThrow } from '@pothos/plugin-errors';
import { AppError, PasswordRejectedError, RateLimitedError } from '../../errors.js';
import { builder } from '../../../schema/builder.js';
import { signInResultUnion } from '../../../schema/auth/token.types.js';
import { finishLinkSignIn, startLinkSignIn } from './magic-link.service.js';

const SignInLinkSent = builder.objectRef<{ expiresAt: Date }>('SignInLinkSent').implement({
  description: 'The same answer whether or not the email names an account: the link went to it if it does.',
  fields: (t) => ({ expiresAt: t.expose('expiresAt', { type: 'DateTime' }) }),
});

const StartLinkSignInInput = builder.inputType('StartLinkSignInInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    redirectUri: t.string({ required: true, description: 'Where the link points (with ?token=…): on SIGN_IN_REDIRECT_ORIGINS.' }),
  }),
});

const FinishLinkSignInInput = builder.inputType('FinishLinkSignInInput', {
  fields: (t) => ({ token: t.string({ required: true }) }),
});

const FinishLinkSignInResult = signInResultUnion('FinishLinkSignInResult');

builder.mutationFields((t) => ({
  startLinkSignIn: t.field({
    expensive: { kind: 'send', account: ({ input }) => input.email },
    type: SignInLinkSent,
    errors: {},
    description: 'Emails a single-use sign-in link (15 minutes) to redirectUri?token=….',
    args: { input: t.arg({ type: StartLinkSignInInput, required: true }) },
    resolve: (_root, { input }, ctx) => startLinkSignIn(ctx.deps, input, ctx.request),
  }),
  finishLinkSignIn: t.field({
    type: FinishLinkSignInResult as never,
    description: 'Signs in with the link\'s token: tokens, or an MFA challenge when a second factor is enrolled.',
    args: { input: t.arg({ type: FinishLinkSignInInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return (await finishLinkSignIn(ctx.deps, input, ctx.request)) as never;
      } catch (err) {
        return wrapOrThrow(err, [PasswordRejectedError, RateLimitedError, AppError]) as never;
      }
    },
  }),
}));
