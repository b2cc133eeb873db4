// Self-service session management (API.md §3, field `sessions`).
import { allowImpersonation } from '../../auth/scopes.js';
import { writeAudit } from '../../domain/audit/audit.service.js';
import { notFound } from '../../domain/errors.js';
import { revokeUserSessions } from '../../domain/sessions/sessions.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { MeMutation } from '../root.js';

const RevokeSessionsPayload = builder.objectRef<{ revokedCount: number }>('RevokeSessionsPayload').implement({
  fields: (t) => ({ revokedCount: t.exposeInt('revokedCount') }),
});

const ME_SESSIONS = { $all: { user: true, accountCenterWrite: 'sessions' } } as const;

builder.objectFields(MeMutation, (t) => ({
  revokeSession: t.field({
    type: RevokeSessionsPayload,
    errors: {},
    // Support may end a user's sessions (e.g. a stolen device) while impersonating.
    ...allowImpersonation,
    authScopes: ME_SESSIONS,
    description: 'Ends one of your sessions (its refresh token and access tokens stop working).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
      const userId = ctx.viewer.userId;
      const now = ctx.deps.clock.now();
      return ctx.deps.prisma.$transaction(async (tx) => {
        const result = await tx.session.updateMany({
          where: { id: String(args.id), userId, revokedAt: null },
          data: { revokedAt: now, revokeReason: 'revoked_by_user' },
        });
        if (result.count === 0) throw notFound('Session', 'id');
        await writeAudit(tx, actorOf(ctx), ctx.request, { action: 'user.session.revoke', userId, details: { sessionId: String(args.id) } });
        return { revokedCount: result.count };
      });
    },
  }),
  revokeOtherSessions: t.field({
    type: RevokeSessionsPayload,
    errors: {},
    // Support may end a user's sessions (e.g. a stolen device) while impersonating.
    ...allowImpersonation,
    authScopes: ME_SESSIONS,
    description: 'Ends every session except the one making this request.',
    resolve: async (_root, _args, ctx) => {
      if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
      const { userId, sessionId } = ctx.viewer;
      return ctx.deps.prisma.$transaction(async (tx) => {
        const revokedCount = await revokeUserSessions(ctx.deps, tx, userId, 'revoked_by_user', sessionId);
        await writeAudit(tx, actorOf(ctx), ctx.request, { action: 'user.session.revoke_others', userId, details: { revokedCount } });
        return { revokedCount };
      });
    },
  }),
}));
