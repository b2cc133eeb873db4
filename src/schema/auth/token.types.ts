import { unwrapError } from '@pothos/plugin-errors';
import { AccountPendingDeletionError, AppError, PasswordRejectedError, RateLimitedError } from '../../domain/errors.js';
import type { MfaChallengeResult, TokenSet } from '../../domain/auth/token-set.js';
import { builder } from '../builder.js';
import { MfaFactorTypeEnum } from '../users/user.types.js';

export const TokenSetType = builder.objectRef<TokenSet>('TokenSet').implement({
  description: 'OAuth-style tokens. `refreshToken` is null for impersonation and machine tokens.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    refreshToken: t.exposeString('refreshToken', { nullable: true }),
    tokenType: t.exposeString('tokenType'),
    expiresIn: t.exposeInt('expiresIn', { description: 'Seconds until the access token expires.' }),
    scope: t.exposeString('scope'),
    deviceToken: t.string({
      nullable: true,
      description: 'Only after verifySignIn with trustDevice: send it as signIn deviceToken to skip the second factor on this device. Keep it secret.',
      resolve: (s) => s.deviceToken ?? null,
    }),
  }),
});

export const MfaChallengeType = builder.objectRef<MfaChallengeResult>('MfaChallenge').implement({
  description: 'Second step of sign-in: pass `mfaToken` and a code to `verifySignIn`.',
  fields: (t) => ({
    mfaToken: t.exposeString('mfaToken'),
    factors: t.field({ type: [MfaFactorTypeEnum], resolve: (c) => c.factors }),
  }),
});

export const SignOutPayload = builder.objectRef<{ success: boolean }>('SignOutPayload').implement({
  fields: (t) => ({ success: t.exposeBoolean('success') }),
});

/**
 * A sign-in that either finishes (TokenSet) or asks for a second factor (MfaChallenge): two success
 * types, so the union is declared by hand rather than by the errors plugin.
 */
export function signInResultUnion(name: string) {
  return builder.unionType(name, {
    types: [TokenSetType, MfaChallengeType, AppError, RateLimitedError, PasswordRejectedError, AccountPendingDeletionError] as never,
    resolveType: (value) => {
      // Errors arrive wrapped by wrapOrThrow (so graphql-js does not treat them as thrown): unwrap first.
      (value as { [unwrapError]?: () => void })[unwrapError]?.();
      if (value instanceof AccountPendingDeletionError) return 'AccountPendingDeletionError';
      if (value instanceof PasswordRejectedError) return 'PasswordRejectedError';
      if (value instanceof RateLimitedError) return 'RateLimitedError';
      if (value instanceof AppError) return 'UserError';
      return 'mfaToken' in (value as object) ? 'MfaChallenge' : 'TokenSet';
    },
  });
}
