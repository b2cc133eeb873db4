// admin.users / admin.user (API.md §4).
import type { Prisma } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { AdminQuery } from '../root.js';
import { UserType } from '../users/user.types.js';

export function userSearchWhere(search: string | null | undefined): Prisma.UserWhereInput {
  const term = search?.trim();
  if (!term) return {};
  // ILIKE '%term%' on each identifier; pg_trgm GIN indexes keep it fast on large tables.
  return {
    OR: [
      { primaryEmail: { contains: term, mode: 'insensitive' } },
      { username: { contains: term, mode: 'insensitive' } },
      { primaryPhone: { contains: term, mode: 'insensitive' } },
      { name: { contains: term, mode: 'insensitive' } },
    ],
  };
}

builder.objectFields(AdminQuery, (t) => ({
  users: t.prismaConnection(
    {
      type: UserType,
      cursor: 'id',
      authScopes: { admin: 'admin:users:read' },
      description: 'Every user, newest first. `search` matches email, username, phone and name, case-insensitively.',
      args: { search: t.arg.string() },
      totalCount: (_parent, args, ctx) => ctx.deps.prisma.user.count({ where: userSearchWhere(args.search) }),
      resolve: (query, _parent, args, ctx) =>
        ctx.deps.prisma.user.findMany({ ...query, where: userSearchWhere(args.search), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    },
    { name: 'UserConnection' },
    { name: 'UserEdge' },
  ),
  user: t.prismaField({
    type: UserType,
    nullable: true,
    authScopes: { admin: 'admin:users:read' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _parent, args, ctx) => ctx.deps.prisma.user.findUnique({ ...query, where: { id: String(args.id) } }),
  }),
}));
