// The `expensive` field option: a field that hashes a password, sends a message or calls an
// identity provider declares it, and this plugin enforces both work limits (domain/auth/expensive-work.ts)
// before the resolver runs, so no resolver counts anything itself. The kind is published in the
// field's extensions (`expensive`), which test/expensive-fields.security.test.ts reads from the
// served schema. Registered after scope-auth (an unauthorized call spends nothing) and inside the
// errors plugin (RATE_LIMITED becomes the field's union member).
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { wrapOrThrow } from '@pothos/plugin-errors';
import { getNamedType, GraphQLError, type GraphQLFieldResolver, isUnionType } from 'graphql';
import { RequestWorkBudget, type WorkKind } from '../domain/auth/expensive-work.js';
import { viewerActorId } from '../auth/viewer.js';
import type { Context } from './context.js';
import { RateLimitedError } from '../domain/errors.js';

export interface ExpensiveFieldOptions {
  kind: WorkKind;
  /** Only these calls do the work (e.g. createUser with a password, not with an imported digest). */
  when?: (args: Record<string, any>) => boolean;
  /**
   * The account the call is about, by identifier or id (sign-in and sign-up: the identifier; admin
   * password fields: the target user): the per-account limit counts for that account then, whoever
   * calls. Without it, it counts for the signed-in caller (user or machine client); anonymous calls
   * without one are left to the per-address limit.
   */
  account?: (args: Record<string, any>) => unknown;
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      expensiveFields: ExpensiveFieldsPlugin<Types>;
    }
    export interface FieldOptions<Types extends SchemaTypes, ParentShape, Type, Nullable, Args, ResolveShape, ResolveReturnShape> {
      /** This field hashes, sends or calls a provider: limited per request and per subject (docs/security.md). */
      expensive?: WorkKind | ExpensiveFieldOptions;
    }
  }
}

const budgets = new WeakMap<object, RequestWorkBudget>();

function budgetOf(ctx: object): RequestWorkBudget {
  let budget = budgets.get(ctx);
  if (!budget) budgets.set(ctx, (budget = new RequestWorkBudget()));
  return budget;
}

function subjectOf(ctx: Context, options: ExpensiveFieldOptions, args: Record<string, any>): string | null {
  const account = options.account?.(args);
  if (typeof account === 'string' && account.trim()) return `acct:${account.trim().toLowerCase()}`;
  const actor = viewerActorId(ctx.viewer);
  return actor ? `actor:${actor}` : null;
}

function normalize(option: WorkKind | ExpensiveFieldOptions): ExpensiveFieldOptions {
  return typeof option === 'string' ? { kind: option } : option;
}

export class ExpensiveFieldsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const option = (fieldConfig.pothosOptions as { expensive?: WorkKind | ExpensiveFieldOptions }).expensive;
    if (!option) return fieldConfig;
    return { ...fieldConfig, extensions: { ...fieldConfig.extensions, expensive: normalize(option).kind } };
  }

  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    const option = (fieldConfig.pothosOptions as { expensive?: WorkKind | ExpensiveFieldOptions }).expensive;
    if (!option) return resolver;
    const options = normalize(option);
    const errorsPluginWraps = Boolean(fieldConfig.extensions?.pothosErrors);
    const wrapped: GraphQLFieldResolver<unknown, Types['Context'], Record<string, any>> = async (parent, args, context, info) => {
      const ctx = context as Context;
      if (!options.when || options.when(args)) {
        try {
          budgetOf(ctx).take();
          const subject = subjectOf(ctx, options, args);
          if (subject) await ctx.deps.workLimiter.consume(options.kind, subject);
        } catch (err) {
          if (!(err instanceof RateLimitedError) || errorsPluginWraps) throw err;
          // A hand-written result union (signIn, finishSocialSignIn) with a RateLimitedError member.
          const returned = getNamedType(info.returnType);
          if (isUnionType(returned) && returned.getTypes().some((t) => t.name === 'RateLimitedError')) return wrapOrThrow(err, [RateLimitedError]);
          throw new GraphQLError(err.message, { extensions: { code: err.code, retryAfterSeconds: err.retryAfterSeconds } });
        }
      }
      return resolver(parent, args, context, info);
    };
    return wrapped as GraphQLFieldResolver<unknown, Types['Context'], object>;
  }
}

const pluginName = 'expensiveFields' as const;
SchemaBuilder.registerPlugin(pluginName, ExpensiveFieldsPlugin);
export default pluginName;
