// Self-service personal access tokens (docs/api.md#self-service-me, field `personalAccessTokens`).
import { createOwnPersonalAccessToken, revokeOwnPersonalAccessToken } from '../../domain/tokens/personal-access-tokens.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { MeMutation } from '../root.js';
import { PersonalAccessTokenSecretType } from '../tokens/pat.types.js';
import { PersonalAccessTokenType } from '../users/user.types.js';
import { meViewer } from './me-viewer.js';

const CreatePersonalAccessTokenInput = builder.inputType('CreatePersonalAccessTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    expiresAt: t.field({ type: 'DateTime', description: 'Never expires when left out.' }),
    verificationId: t.id({ required: true }),
  }),
});

const ME_PATS = { $all: { user: true, accountCenterWrite: 'personalAccessTokens' } } as const;
// Minting a token is a credential change; neither it nor revoking accepts an impersonation token
// (MeMutation's default): admins have admin.revokePersonalAccessToken.
const ME_PATS_CREATE = { $all: { accountHolder: true, accountCenterWrite: 'personalAccessTokens' } } as const;

builder.objectFields(MeMutation, (t) => ({
  createPersonalAccessToken: t.field({
    type: PersonalAccessTokenSecretType,
    errors: {},
    authScopes: ME_PATS_CREATE,
    description: 'A `pat_…` token that acts as you for `me` (never for `admin`). The secret is shown only in this answer.',
    args: { input: t.arg({ type: CreatePersonalAccessTokenInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createOwnPersonalAccessToken(
        ctx.deps,
        meViewer(ctx).userId,
        { name: input.name, expiresAt: input.expiresAt, verificationId: String(input.verificationId) },
        actorOf(ctx),
        ctx.request,
      ),
  }),
  revokePersonalAccessToken: t.prismaField({
    type: PersonalAccessTokenType,
    errors: {},
    authScopes: ME_PATS,
    description: 'Deletes one of your personal access tokens; it stops working at once.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) => revokeOwnPersonalAccessToken(ctx.deps, meViewer(ctx).userId, String(args.id), actorOf(ctx), ctx.request),
  }),
}));
