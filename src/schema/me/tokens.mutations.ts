// Self-service personal access tokens (API.md §3, field `personalAccessTokens`).
import { writeAudit } from '../../domain/audit/audit.service.js';
import { createPersonalAccessToken, revokePersonalAccessToken } from '../../domain/tokens/personal-access-tokens.service.js';
import { requireVerifiedIdentity } from '../../domain/verification/verification.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { MeMutation } from '../root.js';
import { PersonalAccessTokenSecretType } from '../tokens/pat.types.js';
import { PersonalAccessTokenType } from '../users/user.types.js';
import { meViewer } from './me-viewer.js';
import { sendSecurityNoticeToUser } from '../../domain/notifications/security-notices.js';

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
    resolve: async (_root, { input }, ctx) => {
      const { userId } = meViewer(ctx);
      const actor = actorOf(ctx);
      const created = await ctx.deps.prisma.$transaction(async (tx) => {
        await requireVerifiedIdentity(ctx.deps, tx, userId, String(input.verificationId));
        const secret = await createPersonalAccessToken(ctx.deps, tx, { userId, name: input.name, expiresAt: input.expiresAt, createdBy: actor.actorId });
        const pat = secret.personalAccessToken;
        await writeAudit(tx, actor, ctx.request, { action: 'user.pat.create', userId, details: { id: pat.id, name: pat.name, expiresAt: pat.expiresAt } });
        return secret;
      });
      sendSecurityNoticeToUser(ctx.deps, userId, 'token_created', ctx.request);
      return created;
    },
  }),
  revokePersonalAccessToken: t.prismaField({
    type: PersonalAccessTokenType,
    errors: {},
    authScopes: ME_PATS,
    description: 'Deletes one of your personal access tokens; it stops working at once.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) => {
      const { userId } = meViewer(ctx);
      return ctx.deps.prisma.$transaction(async (tx) => {
        const pat = await revokePersonalAccessToken(tx, String(args.id), userId);
        await writeAudit(tx, actorOf(ctx), ctx.request, { action: 'user.pat.revoke', userId, details: { id: pat.id, name: pat.name } });
        return pat;
      });
    },
  }),
}));
