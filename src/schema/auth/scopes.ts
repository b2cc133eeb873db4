// Every authorization rule lives here, as scope-auth scopes; resolvers only declare `authScopes`.
// A failing scope throws the precise error: UNAUTHENTICATED / FORBIDDEN as top-level GraphQL
// errors, ACCOUNT_CENTER_DISABLED / FIELD_NOT_EDITABLE as AppErrors that the errors plugin turns
// into union members of the mutation's result.
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import type { AccountField } from '../../domain/account-center/account-center.service.js';
import { AppError } from '../../domain/errors.js';
import type { MfaFactorType } from '../../generated/prisma/client.js';
import { unauthenticated } from '../../auth/authenticate.js';
import type { AdminScope } from '../../auth/scope-names.js';

export interface AuthScopes {
  /** A signed-in end user (JWT or personal access token), not a machine client. */
  user: boolean;
  /**
   * A signed-in end user acting for themselves: `user`, and not an impersonation token nor a
   * personal access token someone else minted for them. Changes to
   * how an account signs in or proves identity (password, email, phone, MFA, tokens, deletion) need
   * it: an admin helping a user must not be able to take the account over, and has the audited
   * admin API (setUserPassword, removeUserMfaFactor, …) for those changes.
   */
  accountHolder: boolean;
  /** The caller holds this admin scope (or, given a list, any of them). */
  admin: AdminScope | readonly AdminScope[];
  /** The caller is this user. */
  self: string;
  /** `me` writes: the account center is enabled and this field (every listed field) is EDIT ('*' = enabled only). */
  accountCenterWrite: AccountField | '*' | readonly AccountField[];
  /**
   * `me` writes on one of the caller's MFA factors (by id): like accountCenterWrite, for the field
   * of the factor's credential kind (`mfa` for TOTP and backup codes, `passkey` for passkeys).
   */
  accountCenterWriteFactor: string;
  /** `me` reads: this field is not OFF. Used with unauthorizedResolver, never thrown. */
  accountCenterRead: AccountField;
}

/**
 * The default of every `me` mutation, set on the MeMutation type (schema/root.ts): Pothos runs a
 * type's authScopes before each of its fields' own, so a field added by anyone refuses machine
 * clients and impersonation tokens without declaring anything. Impersonation is inverted from
 * "allowed unless forbidden" to "refused unless the field opts in" (docs/security.md).
 */
export const ME_MUTATION_SCOPES = { accountHolder: true } as const;

/**
 * Field options that opt one `me` mutation into impersonation tokens (support work: profile and
 * sessions only). It skips ME_MUTATION_SCOPES, so the field's own authScopes must demand `user`;
 * test/me-impersonation-default.security.test.ts fails for any field that opts in unlisted or
 * forgets `user`.
 */
export const allowImpersonation = { skipTypeScopes: true } as const;

/** Whether the caller may read an account-center field: admins always, users unless it is OFF. */
async function canReadField(ctx: Context, field: AccountField): Promise<boolean> {
  const { viewer } = ctx;
  if (viewer.kind === 'anonymous') return false;
  // Admins (users or machine clients) always see every field, with either users scope.
  if (viewer.scopes.has('admin:users:read') || viewer.scopes.has('admin:users:write')) return true;
  if (viewer.kind !== 'user') return false;
  return (await ctx.accountCenter()).fields[field] !== 'OFF';
}

/** The MFA factor types the caller may list: those whose credential kind's field is readable. */
export async function readableFactorTypes(ctx: Context): Promise<MfaFactorType[]> {
  const fields = new Map<AccountField, boolean>();
  for (const type of ctx.deps.credentials.factorTypesWhere(() => true)) {
    const field = ctx.deps.credentials.kindOfFactor(type).accountField;
    if (!fields.has(field)) fields.set(field, await canReadField(ctx, field));
  }
  return ctx.deps.credentials.factorTypesWhere((field) => fields.get(field) === true);
}

export function forbidden(message = 'The token lacks the scope this operation needs'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

export function authScopes(ctx: Context) {
  const { viewer } = ctx;
  return {
    user: () => {
      if (viewer.kind === 'anonymous') throw unauthenticated();
      if (viewer.kind !== 'user') throw forbidden('This operation is for end users, not machine clients');
      return true;
    },
    accountHolder: () => {
      if (viewer.kind === 'anonymous') throw unauthenticated();
      if (viewer.kind !== 'user') throw forbidden('This operation is for end users, not machine clients');
      // Impersonation tokens and personal access tokens minted by an admin alike: whoever holds
      // one is not the account holder (authenticate.ts sets `impersonator` for both).
      if (viewer.impersonator) {
        throw forbidden(
          viewer.via === 'pat'
            ? 'Not allowed with a personal access token made by an admin: only its owner\'s own tokens may do this'
            : 'Not allowed while impersonating: use the admin API for credential changes',
        );
      }
      return true;
    },
    admin: (scope: AdminScope | readonly AdminScope[]) => {
      if (viewer.kind === 'anonymous') throw unauthenticated();
      const wanted: readonly AdminScope[] = typeof scope === 'string' ? [scope] : scope;
      if (wanted.some((s) => viewer.scopes.has(s))) return true;
      throw forbidden(`This operation needs the scope ${wanted.join(' or ')}`);
    },
    self: (userId: string) => viewer.kind === 'user' && viewer.userId === userId,
    accountCenterWrite: (wanted: AccountField | '*' | readonly AccountField[]) => checkWritable(wanted),
    accountCenterWriteFactor: async (factorId: string) => {
      const factor =
        viewer.kind === 'user' ? await ctx.deps.prisma.mfaFactor.findFirst({ where: { id: factorId, userId: viewer.userId }, select: { type: true } }) : null;
      // An id that is not one of the caller's still needs `mfa` (the service then answers NOT_FOUND).
      return checkWritable(factor ? ctx.deps.credentials.kindOfFactor(factor.type).accountField : 'mfa');
    },
    accountCenterRead: (field: AccountField) => canReadField(ctx, field),
  };

  async function checkWritable(wanted: AccountField | '*' | readonly AccountField[]): Promise<true> {
    const settings = await ctx.accountCenter();
    if (!settings.enabled) throw new AppError('ACCOUNT_CENTER_DISABLED', 'The account center is disabled');
    const fields: readonly AccountField[] = wanted === '*' ? [] : typeof wanted === 'string' ? [wanted] : wanted;
    for (const field of fields) {
      if (settings.fields[field] !== 'EDIT') {
        throw new AppError('FIELD_NOT_EDITABLE', `The field "${field}" cannot be changed here`, [field]);
      }
    }
    return true;
  }
}

type Failure = { kind: string; error?: Error | null; failures?: Failure[] };

function firstError(failure: Failure): Error | null {
  if (failure.error) return failure.error;
  for (const child of failure.failures ?? []) {
    const found = firstError(child);
    if (found) return found;
  }
  return null;
}

/** Rethrows the error a scope threw; a plain `false` becomes FORBIDDEN (or UNAUTHENTICATED when anonymous). */
export function unauthorizedError(ctx: Context, failure: Failure): Error {
  const error = firstError(failure);
  if (error) return error;
  return ctx.viewer.kind === 'anonymous' ? unauthenticated() : forbidden('Not allowed');
}
