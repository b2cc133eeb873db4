import { builder } from '../builder.js';
import { withCachedSessions } from './cached-sessions.js';
import { UserType } from './user.types.js';

/** True when the plugin asks for nothing beyond the user's own columns. */
function onlyScalars(query: object): boolean {
  return Object.keys(query).length === 0;
}

builder.queryField('me', (t) =>
  t.prismaField({
    type: UserType,
    nullable: true,
    description: 'The signed-in user; null for an anonymous request (or a machine client).',
    resolve: async (query, _root, _args, ctx) => {
      if (ctx.viewer.kind !== 'user') return null;
      // The row authentication just read (same request) answers scalar-only selections, and with
      // the live-sessions list of the validity cache the account page's sessions page; other
      // nested relations go through one query with the plugin's includes.
      if (onlyScalars(query)) return ctx.viewer.user;
      const cached = await withCachedSessions(query, ctx.viewer.user, ctx);
      if (cached) return cached;
      return ctx.deps.prisma.user.findUnique({ ...query, relationLoadStrategy: 'join', where: { id: ctx.viewer.userId } });
    },
  }),
);
