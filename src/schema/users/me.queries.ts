import { builder } from '../builder.js';
import { UserType } from './user.types.js';

builder.queryField('me', (t) =>
  t.prismaField({
    type: UserType,
    nullable: true,
    description: 'The signed-in user; null for an anonymous request (or a machine client).',
    resolve: (query, _root, _args, ctx) => {
      if (ctx.viewer.kind !== 'user') return null;
      return ctx.deps.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } });
    },
  }),
);
