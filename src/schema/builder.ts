// The only SchemaBuilder. Plugin order matters: errors wraps scope-auth, so an AppError thrown by
// a scope (FIELD_NOT_EDITABLE, ACCOUNT_CENTER_DISABLED) becomes a union member, while
// UNAUTHENTICATED / FORBIDDEN (GraphQLErrors) pass through as top-level errors. expensiveFields runs
// after authorization and inside errors, so its RATE_LIMITED is a union member too.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin, { ForbiddenError } from '@pothos/plugin-scope-auth';
import { GraphQLError, type GraphQLObjectType, type GraphQLResolveInfo, isObjectType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { JSON_MAX_BYTES, JSON_MAX_DEPTH, LimitedJSONObject } from '../lib/json-limits.js';
import { authScopes, type AuthScopes, unauthorizedError } from './auth/scopes.js';
import type { Context } from './context.js';
import { AppError, PasswordRejectedError, RateLimitedError } from '../domain/errors.js';
import { getDatamodel } from '../generated/pothos-prisma-types.js';
import type PrismaTypes from '../generated/pothos-prisma-types.js';
import ExpensiveFieldsPlugin from './expensive-fields.js';
import { typenameForId } from './ids.js';

/** `nodes(ids:)` takes at most this many ids. */
export const MAX_NODE_IDS = 100;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: Record<string, unknown>; Output: unknown };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, ExpensiveFieldsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes,
    treatErrorsAsUnauthorized: true,
    // Subscriptions are authorized when they start, not only per event.
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx, _info, result) => unauthorizedError(ctx, result.failure as never),
  },
  prisma: {
    client: (ctx) => ctx.deps.prisma,
    dmmf: getDatamodel(),
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
    filterConnectionTotalCount: true,
  },
  relay: {
    // IDs carry a type prefix (usr_…, ses_…), so the database id is the global id.
    encodeGlobalID: (_typename, id) => String(id),
    decodeGlobalID: (globalID) => ({ typename: typenameForId(globalID) ?? '', id: globalID }),
    nodeQueryOptions: { resolve: async (_root, { id }, ctx, info) => (await resolveExistingNodes(ctx, info, [id]))[0] },
    nodesQueryOptions: {
      description: `Several nodes by id (at most ${MAX_NODE_IDS}), in order; null for an id that names nothing you may read`,
      resolve: (_root, { ids }, ctx, info) => {
        // Each id is one lookup: the list is capped like a page of a connection.
        if (ids.length > MAX_NODE_IDS) {
          throw new GraphQLError(`nodes takes at most ${MAX_NODE_IDS} ids, got ${ids.length}`, { extensions: { code: 'INVALID_INPUT' } });
        }
        return resolveExistingNodes(ctx, info, ids);
      },
    },
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  errors: {
    // Every field that declares `errors: {}` returns a union of its success type and these.
    defaultTypes: [AppError, RateLimitedError, PasswordRejectedError],
    directResult: true,
    defaultUnionOptions: {
      name: ({ parentTypeName, fieldName }) => `${parentTypeName === 'AdminMutation' ? 'Admin' : ''}${fieldName[0]?.toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
});

// Relay: `node(id:)` answers null for an id that names nothing, whether it is malformed, has an
// unknown prefix or is well-formed but absent (Pothos would throw "not implemented" / Prisma's
// P2025). Each id resolves on its own, so one absent id does not fail a whole `nodes` list.
// Typed loosely: the builder's type depends on these options, which reference this function.
type RelayBuilder = Parameters<typeof resolveNodes>[0];
const nodeBuilder = (): RelayBuilder => builder as unknown as RelayBuilder;
async function resolveExistingNodes(ctx: Context, info: GraphQLResolveInfo, ids: readonly { typename: string; id: string }[]): Promise<unknown[]> {
  return Promise.all(
    ids.map(async (id): Promise<unknown> => {
      const type = id.typename ? info.schema.getType(id.typename) : undefined;
      if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) return null;
      try {
        const node = (await resolveNodes(nodeBuilder(), ctx, info, [id]))[0] ?? null;
        return node !== null && (await mayReadNode(ctx, type, node)) ? node : null;
      } catch (err) {
        if ((err as { code?: string }).code === 'P2025') return null;
        throw err;
      }
    }),
  );
}

// A Node type's own authScopes run per field, and `__typename` has no resolver: without this,
// `node(id) { __typename }` would confirm that a record the caller may not read exists. A record
// the caller may not read answers null, like an absent id (test/node-access.security.test.ts).
async function mayReadNode(ctx: Context, type: GraphQLObjectType, node: unknown): Promise<boolean> {
  const scopes = (type.extensions.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes;
  if (!scopes) return true;
  const map = typeof scopes === 'function' ? await (scopes as (parent: unknown, ctx: Context) => unknown)(node, ctx) : scopes;
  try {
    await builder.runAuthScopes(ctx, map as never);
    return true;
  } catch (err) {
    // Refusals (UNAUTHENTICATED, FORBIDDEN, a scope's AppError) mean "not yours"; anything else is a real failure.
    if (err instanceof GraphQLError || err instanceof ForbiddenError || err instanceof AppError) return false;
    throw err;
  }
}

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSON', LimitedJSONObject, { description: `A JSON object (as input: at most ${JSON_MAX_DEPTH} levels deep and ${JSON_MAX_BYTES / 1024} KiB)` });
