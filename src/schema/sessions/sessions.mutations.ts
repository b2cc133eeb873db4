// Self-service session management (docs/api.md#self-service-me, field `sessions`).
import { allowImpersonation } from '../auth/scopes.js';
import { revokeOwnOtherSessions, revokeOwnSession } from '../../domain/sessions/sessions.service.js';
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
      const revokedCount = await revokeOwnSession(ctx.deps, ctx.viewer.userId, String(args.id), actorOf(ctx), ctx.request);
      return { revokedCount };
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
      const revokedCount = await revokeOwnOtherSessions(ctx.deps, userId, sessionId, actorOf(ctx), ctx.request);
      return { revokedCount };
    },
  }),
}));
