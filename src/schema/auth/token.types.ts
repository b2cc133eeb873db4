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
