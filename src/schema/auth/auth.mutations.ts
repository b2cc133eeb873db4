// Sign-in and tokens (docs/api.md#signing-in): root mutations, so they run serially.
import { revokeSession, refreshTokens } from '../../domain/sessions/sessions.service.js';
import { signIn } from '../../domain/auth/sign-in.service.js';
import { signUp } from '../../domain/users/users.service.js';
import { AccountPendingDeletionError, AppError, PasswordRejectedError, RateLimitedError } from '../../domain/errors.js';
import { wrapOrThrow } from '@pothos/plugin-errors';
import { builder } from '../builder.js';
import { SignOutPayload, signInResultUnion, TokenSetType } from './token.types.js';

const SignUpInput = builder.inputType('SignUpInput', {
  fields: (t) => ({
    username: t.string(),
    email: t.string(),
    phone: t.string(),
    password: t.string({ required: true }),
    name: t.string(),
  }),
});

const SignInInput = builder.inputType('SignInInput', {
  fields: (t) => ({
    identifier: t.string({ required: true, description: 'Username, email or phone.' }),
    password: t.string({ required: true }),
    deviceToken: t.string({ description: 'From TokenSet.deviceToken of an earlier verifySignIn with trustDevice: skips the second factor.' }),
  }),
});

const SignInResult = signInResultUnion('SignInResult');

builder.mutationFields((t) => ({
  signUp: t.field({
    type: TokenSetType,
    expensive: { kind: 'hash', account: ({ input }) => input.username ?? input.email ?? input.phone },
    description: 'Creates an account and signs it in (only when self sign-up is enabled).',
    errors: {},
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: (_root, { input }, ctx) => signUp(ctx.deps, input, ctx.request),
  }),
  signIn: t.field({
    type: SignInResult as never,
    expensive: { kind: 'hash', account: ({ input }) => input.identifier },
    description: 'Signs in with a username, email or phone and a password: tokens, or an MFA challenge.',
    args: { input: t.arg({ type: SignInInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return (await signIn(ctx.deps, input, ctx.request)) as never;
      } catch (err) {
        return wrapOrThrow(err, [AccountPendingDeletionError, PasswordRejectedError, RateLimitedError, AppError]) as never;
      }
    },
  }),
  refreshTokens: t.field({
    type: TokenSetType,
    errors: {},
    description: 'Rotates the refresh token. Presenting an already-rotated token revokes the whole session.',
    args: { refreshToken: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => refreshTokens(ctx.deps, args.refreshToken, ctx.request),
  }),
  signOut: t.field({
    type: SignOutPayload,
    errors: {},
    description: 'Ends the session of the presented access token.',
    authScopes: { user: true },
    resolve: async (_root, _args, ctx) => {
      if (ctx.viewer.kind === 'user' && ctx.viewer.sessionId) await revokeSession(ctx.deps, ctx.viewer.sessionId, 'sign_out');
      return { success: true };
    },
  }),
}));
