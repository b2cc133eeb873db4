// admin.users / admin.user (docs/api.md#management-admin).
import { queryFromInfo } from '@pothos/plugin-prisma';
import { GraphQLError } from 'graphql';
import { countUsers, findUserPage, USER_COUNT_CAP, type UserCount, type UserFilter } from '../../domain/admin/user-search.js';
import { AppError } from '../../domain/errors.js';
import type { User } from '../../generated/prisma/client.js';
import { builder } from '../builder.js';
import { AdminQuery } from '../root.js';
import { UserType } from '../users/user.types.js';

const UserFilterInput = builder.inputType('UserFilter', {
  fields: (t) => ({
    isSuspended: t.boolean(),
    hasMfa: t.boolean({ description: 'Has at least one MFA factor.' }),
    role: t.string({ description: 'Holds this role.' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after (inclusive).' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Created before (exclusive).' }),
    provider: t.string({ description: 'Has an identity linked at this identity provider (its key).' }),
  }),
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });
const UserOrderFieldEnum = builder.enumType('UserOrderField', {
  values: ['CREATED_AT', 'LAST_SIGN_IN_AT', 'USERNAME', 'EMAIL'] as const,
});
const UserOrderInput = builder.inputType('UserOrder', {
  description: 'Users without a value for the field (never signed in, no username or email) come last in both directions.',
  fields: (t) => ({
    field: t.field({ type: UserOrderFieldEnum, required: true }),
    direction: t.field({ type: OrderDirectionEnum, defaultValue: 'ASC', required: true }),
  }),
});

// Queries have no error union: a bad argument is a top-level error with code INVALID_INPUT.
function asGraphQLError(err: unknown): never {
  if (err instanceof AppError) throw new GraphQLError(err.message, { extensions: { code: err.code, path: err.path } });
  throw err;
}

interface UserConnectionShape {
  edges: { cursor: string; node: User }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted once, only when totalCount or totalCountCapped is asked for. */
  count: () => Promise<UserCount>;
}

builder.objectFields(AdminQuery, (t) => ({
  users: t.connection(
    {
      type: UserType,
      authScopes: { admin: 'admin:users:read' },
      description:
        'Every user, newest first by default. `search` matches email, username, phone and name, case-insensitively. Cursors are keyset cursors: deep pages cost the same as the first.',
      args: {
        search: t.arg.string(),
        filter: t.arg({ type: UserFilterInput }),
        orderBy: t.arg({ type: UserOrderInput }),
      },
      resolve: async (_parent, args, ctx, info) => {
        const filter = args.filter as UserFilter | null | undefined;
        const page = await findUserPage(ctx.deps, { ...args, filter }).catch(asGraphQLError);
        // One query for the nodes and whatever the selection nests under them.
        const query = queryFromInfo({ context: ctx, info, path: ['edges', 'node'], typeName: 'User' });
        const ids = page.rows.map((r) => r.id);
        const users = ids.length ? await ctx.deps.prisma.user.findMany({ ...(query as object), where: { id: { in: ids } } }) : [];
        const byId = new Map(users.map((u) => [u.id, u]));
        const edges = page.rows.flatMap((r) => {
          const node = byId.get(r.id);
          return node ? [{ cursor: r.cursor, node }] : [];
        });
        let counted: Promise<UserCount> | undefined;
        const shape: UserConnectionShape = {
          edges,
          pageInfo: {
            hasNextPage: page.hasNextPage,
            hasPreviousPage: page.hasPreviousPage,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
          count: () => (counted ??= countUsers(ctx.deps, args.search, filter)),
        };
        return shape;
      },
    },
    {
      name: 'UserConnection',
      fields: (c) => ({
        totalCount: c.int({
          description: `How many users match search and filter, exact up to ${USER_COUNT_CAP.toLocaleString('en')} (counted only when asked for); see totalCountCapped.`,
          resolve: async (conn) => (await (conn as unknown as UserConnectionShape).count()).count,
        }),
        totalCountCapped: c.boolean({
          description: `True when more than ${USER_COUNT_CAP.toLocaleString('en')} users match: totalCount stopped counting there (show "${USER_COUNT_CAP.toLocaleString('en')}+").`,
          resolve: async (conn) => (await (conn as unknown as UserConnectionShape).count()).capped,
        }),
      }),
    },
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
