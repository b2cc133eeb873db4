// Social sign-in and self-service linking (docs/social.md). The sign-in pair are root mutations, like
// signIn; linking lives under `me` (account-center field `social`, account holder only).
import { wrapOrThrow } from '@pothos/plugin-errors';
import { AppError, PasswordRejectedError, RateLimitedError } from '../../domain/errors.js';
import { finishSocialLink, removeOwnIdentity, startSocialLink } from '../../domain/social/identities.service.js';
import { finishSocialSignIn, startSocialSignIn } from '../../domain/social/social-sign-in.service.js';
import { startSocialVerification, verifySocialIdentity } from '../../domain/social/social-verification.service.js';
import { VerificationRecordType } from '../me/verification.types.js';
import { actorOf } from '../actor.js';
import { signInResultUnion } from '../auth/token.types.js';
import { builder } from '../builder.js';
import { meViewer } from '../me/me-viewer.js';
import { MeMutation } from '../root.js';
import { UserType } from '../users/user.types.js';
import { SocialAuthorizationType, UserIdentityObject } from './social.types.js';

const StartSocialSignInInput = builder.inputType('StartSocialSignInInput', {
  fields: (t) => ({
    provider: t.string({ required: true, description: 'The identity provider’s key (Query.identityProviders).' }),
    redirectUri: t.string({ required: true, description: 'Where the provider sends the browser back; registered at the provider.' }),
  }),
});

const FinishSocialSignInInput = builder.inputType('FinishSocialSignInInput', {
  fields: (t) => ({
    state: t.string({ required: true, description: 'The `state` the provider returned (and startSocialSignIn gave).' }),
    code: t.string({ required: true, description: 'The authorization `code` the provider returned.' }),
    iss: t.string({ description: 'The `iss` the provider returned, when it did (RFC 9207): checked against the provider.' }),
  }),
});

const StartSocialLinkInput = builder.inputType('StartSocialLinkInput', {
  fields: (t) => ({
    provider: t.string({ required: true }),
    redirectUri: t.string({ required: true }),
    verificationId: t.id({ required: true, description: 'Identity proof (verifyPassword, or a code to a current address).' }),
  }),
});

const FinishSocialLinkInput = builder.inputType('FinishSocialLinkInput', {
  fields: (t) => ({
    state: t.string({ required: true }),
    code: t.string({ required: true }),
    iss: t.string({ description: 'The `iss` the provider returned, when it did (RFC 9207).' }),
  }),
});

const RemoveIdentityInput = builder.inputType('RemoveIdentityInput', {
  fields: (t) => ({
    provider: t.string({ required: true }),
    verificationId: t.id({ required: true }),
  }),
});

const FinishSocialSignInResult = signInResultUnion('FinishSocialSignInResult');

builder.mutationFields((t) => ({
  startSocialSignIn: t.field({
    type: SocialAuthorizationType,
    expensive: 'provider',
    errors: {},
    description: 'Starts a sign-in with an identity provider: send the browser to `authorizationUrl`.',
    args: { input: t.arg({ type: StartSocialSignInInput, required: true }) },
    resolve: (_root, { input }, ctx) => startSocialSignIn(ctx.deps, input, ctx.request),
  }),
  finishSocialSignIn: t.field({
    type: FinishSocialSignInResult as never,
    expensive: 'provider',
    description:
      'Finishes a social sign-in with the `state` and `code` the provider returned: tokens, or an MFA challenge. Creates the account when the identity is new (if sign-up is enabled).',
    args: { input: t.arg({ type: FinishSocialSignInInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return (await finishSocialSignIn(ctx.deps, input, ctx.request)) as never;
      } catch (err) {
        return wrapOrThrow(err, [PasswordRejectedError, RateLimitedError, AppError]) as never;
      }
    },
  }),
}));

const ME_SOCIAL = { $all: { accountHolder: true, accountCenterWrite: 'social' } } as const;
// Identity proofs are not a field of their own: allowed while the account center is enabled.
const ME_VERIFY = { $all: { accountHolder: true, accountCenterWrite: '*' } } as const;

const StartSocialVerificationInput = builder.inputType('StartSocialVerificationInput', {
  fields: (t) => ({
    provider: t.string({ required: true, description: 'A provider linked to your account.' }),
    redirectUri: t.string({ required: true }),
  }),
});

const VerifySocialIdentityInput = builder.inputType('VerifySocialIdentityInput', {
  fields: (t) => ({
    state: t.string({ required: true }),
    code: t.string({ required: true }),
    iss: t.string({ description: 'The `iss` the provider returned, when it did (RFC 9207).' }),
  }),
});

builder.objectFields(MeMutation, (t) => ({
  startSocialLink: t.field({
    type: SocialAuthorizationType,
    expensive: 'provider',
    errors: {},
    authScopes: ME_SOCIAL,
    description: 'Starts linking an identity provider to your account: send the browser to `authorizationUrl`.',
    args: { input: t.arg({ type: StartSocialLinkInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      startSocialLink(ctx.deps, meViewer(ctx).userId, { ...input, verificationId: String(input.verificationId) }),
  }),
  finishSocialLink: t.prismaField({
    type: UserIdentityObject,
    expensive: 'provider',
    errors: {},
    authScopes: ME_SOCIAL,
    description: 'Finishes linking with the `state` and `code` the provider returned.',
    args: { input: t.arg({ type: FinishSocialLinkInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const identity = await finishSocialLink(ctx.deps, meViewer(ctx).userId, input, actorOf(ctx), ctx.request);
      return ctx.deps.prisma.userIdentity.findUniqueOrThrow({ ...query, where: { id: identity.id } });
    },
  }),
  startSocialVerification: t.field({
    type: SocialAuthorizationType,
    expensive: 'provider',
    errors: {},
    authScopes: ME_VERIFY,
    description: 'Starts an identity proof by signing in again at a linked provider: send the browser to `authorizationUrl`.',
    args: { input: t.arg({ type: StartSocialVerificationInput, required: true }) },
    resolve: (_root, { input }, ctx) => startSocialVerification(ctx.deps, meViewer(ctx).userId, input),
  }),
  verifySocialIdentity: t.field({
    type: VerificationRecordType,
    expensive: 'provider',
    errors: {},
    authScopes: ME_VERIFY,
    description: 'Finishes the identity proof: the provider must sign in the identity linked to your account. Returns a verified record.',
    args: { input: t.arg({ type: VerifySocialIdentityInput, required: true }) },
    resolve: (_root, { input }, ctx) => verifySocialIdentity(ctx.deps, meViewer(ctx).userId, input, actorOf(ctx), ctx.request),
  }),
  removeIdentity: t.prismaField({
    type: UserType,
    errors: {},
    authScopes: ME_SOCIAL,
    description: 'Unlinks an identity provider from your account (LAST_SIGN_IN_METHOD when it is the only way in).',
    args: { input: t.arg({ type: RemoveIdentityInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const userId = meViewer(ctx).userId;
      await removeOwnIdentity(ctx.deps, userId, { ...input, verificationId: String(input.verificationId) }, actorOf(ctx), ctx.request);
      return ctx.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
}));
