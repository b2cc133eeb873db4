// Sign-in and tokens (docs/api.md#signing-in): root mutations, so they run serially.
import { revokeSession, refreshTokens } from '../../domain/sessions/sessions.service.js';
import { signIn } from '../../domain/auth/sign-in.service.js';
import { signUpOrChallenge } from '../../domain/credentials/sign-up-code/sign-up-code.service.js';
import { SignUpChallengeType } from '../../domain/credentials/sign-up-code/sign-up-code.schema.js';
import { AccountPendingDeletionError, AppError, PasswordRejectedError, RateLimitedError } from '../../domain/errors.js';
import { builder } from '../builder.js';
import { SETTLES_OWN_WRITES } from '../own-writes.js';
import { unwrapError, wrapOrThrow } from '@pothos/plugin-errors';
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

// TokenSet, or SignUpChallenge when the sign-up setting asks for a code first.
const SignUpResult = builder.unionType('SignUpResult', {
  types: [TokenSetType, SignUpChallengeType, AppError, RateLimitedError, PasswordRejectedError] as never,
  resolveType: (value) => {
    (value as { [unwrapError]?: () => void })[unwrapError]?.();
    if (value instanceof PasswordRejectedError) return 'PasswordRejectedError';
    if (value instanceof RateLimitedError) return 'RateLimitedError';
    if (value instanceof AppError) return 'UserError';
    return 'challengeId' in (value as object) ? 'SignUpChallenge' : 'TokenSet';
  },
});

builder.mutationFields((t) => ({
  signUp: t.field({
    type: SignUpResult as never,
    expensive: { kind: 'hash', account: ({ input }) => input.username ?? input.email ?? input.phone },
    description:
      'Creates an account and signs it in (only when self sign-up is enabled); with signInMethods.signUpVerification CODE, ' +
      'sends a code first (SignUpChallenge) and finishSignUp creates the account.',
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return (await signUpOrChallenge(ctx.deps, input, ctx.request)) as never;
      } catch (err) {
        return wrapOrThrow(err, [PasswordRejectedError, RateLimitedError, AppError]) as never;
      }
    },
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
    // refreshTokens reports the session it changed to this instance's cache (see own-writes.ts).
    extensions: SETTLES_OWN_WRITES,
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
