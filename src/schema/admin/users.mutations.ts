// Admin user management (docs/api.md#management-admin).
import {
  adminCreatePersonalAccessToken,
  adminRevokePersonalAccessToken,
  impersonateUser,
} from '../../domain/admin/tokens-admin.service.js';
import {
  adminRevokeUserSessions,
  deleteUser,
  setUserPassword,
  setUserRoles,
  setUserSuspended,
  updateUser,
  verifyUserPassword,
} from '../../domain/admin/users-admin.service.js';
import { createUser } from '../../domain/users/users.service.js';
import { TokenSetType } from '../auth/token.types.js';
import { builder } from '../builder.js';
import { actorOf } from '../actor.js';
import { grantsAdminRole, impersonate, isAdminTokenOwner, isAdminUser, usersWrite } from '../auth/escalation.js';
import { AdminMutation } from '../root.js';
import { ProfileInput } from '../users/profile.input.js';
import { PersonalAccessTokenSecretType } from '../tokens/pat.types.js';
import { PersonalAccessTokenType, UserType } from '../users/user.types.js';

export const PasswordAlgorithmEnum = builder.enumType('PasswordAlgorithm', {
  values: ['BCRYPT', 'ARGON2ID', 'ARGON2I', 'SHA256', 'SHA1', 'MD5'] as const,
});

const CreateUserInput = builder.inputType('CreateUserInput', {
  fields: (t) => ({
    username: t.string(),
    primaryEmail: t.string(),
    primaryPhone: t.string(),
    password: t.string(),
    passwordDigest: t.string({ description: 'An imported hash: bcrypt/argon2 in encoded form, SHA*/MD5 as unsalted hex.' }),
    passwordAlgorithm: t.field({ type: PasswordAlgorithmEnum }),
    name: t.string(),
    avatar: t.string(),
    profile: t.field({ type: ProfileInput }),
    customData: t.field({ type: 'JSON' }),
    roles: t.stringList(),
    emailVerified: t.boolean({ description: 'You vouch that primaryEmail is the user\'s (default false: unproven).' }),
    phoneVerified: t.boolean({ description: 'You vouch that primaryPhone is the user\'s (default false: unproven).' }),
  }),
});

builder.objectField(AdminMutation, 'createUser', (t) =>
  t.field({
    type: UserType,
    // An imported digest (passwordDigest) is stored as given: only a plain password is hashed.
    expensive: { kind: 'hash', when: ({ input }) => input.password != null, account: ({ input }) => input.username ?? input.primaryEmail ?? input.primaryPhone },
    errors: {},
    authScopes: (_root, { input }) => usersWrite(grantsAdminRole(input.roles)),
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, ctx) => createUser(ctx.deps, input, actorOf(ctx), ctx.request),
  }),
);

const UpdateUserInput = builder.inputType('UpdateUserInput', {
  description: 'Omitted fields are left alone; null clears an optional field.',
  fields: (t) => ({
    username: t.string(),
    primaryEmail: t.string(),
    primaryPhone: t.string(),
    name: t.string(),
    avatar: t.string(),
    profile: t.field({ type: ProfileInput }),
    customData: t.field({ type: 'JSON' }),
    roles: t.stringList(),
    password: t.string(),
    emailVerified: t.boolean({ description: 'Set whether the (new or current) primaryEmail is proven. A changed primaryEmail without it is unproven.' }),
    phoneVerified: t.boolean({ description: 'Set whether the (new or current) primaryPhone is proven. A changed primaryPhone without it is unproven.' }),
  }),
});

const PasswordCheck = builder.objectRef<{ valid: boolean }>('PasswordCheck').implement({
  fields: (t) => ({ valid: t.exposeBoolean('valid') }),
});

const AdminRevokeSessionsPayload = builder.objectRef<{ revokedCount: number }>('AdminRevokeSessionsPayload').implement({
  fields: (t) => ({ revokedCount: t.exposeInt('revokedCount') }),
});

const ImpersonateUserInput = builder.inputType('ImpersonateUserInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    reason: t.string({ required: true, description: 'Why: recorded in the audit log.' }),
    ttlSeconds: t.int({ description: 'Token lifetime, 60-3600 seconds (default 900).' }),
  }),
});

builder.objectFields(AdminMutation, (t) => ({
  updateUser: t.field({
    type: UserType,
    errors: {},
    authScopes: async (_root, { id, input }, ctx) => usersWrite(grantsAdminRole(input.roles) || (await isAdminUser(ctx, id))),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateUser(ctx.deps, id, input, actorOf(ctx), ctx.request),
  }),
  deleteUser: t.prismaField({
    type: UserType,
    errors: {},
    authScopes: async (_root, { id }, ctx) => usersWrite(await isAdminUser(ctx, id)),
    description:
      'Deletes the user; every session and token stops at once. With a grace period (DELETION_GRACE_DAYS) the deletion is scheduled ' +
      '(deletionScheduledAt) unless `immediately`. The audit history is kept.',
    args: { id: t.arg.id({ required: true }), immediately: t.arg.boolean({ description: 'Purge now, without the grace period.' }) },
    // The selection is read inside the deleting transaction: afterwards there is nothing to load.
    resolve: (query, _root, { id, immediately }, ctx) => deleteUser(ctx.deps, id, actorOf(ctx), ctx.request, query, { immediately: immediately === true }),
  }),
  setUserSuspended: t.field({
    type: UserType,
    errors: {},
    authScopes: async (_root, { id }, ctx) => usersWrite(await isAdminUser(ctx, id)),
    description: 'Suspending ends every session; live access tokens are refused on their next request.',
    args: { id: t.arg.id({ required: true }), suspended: t.arg.boolean({ required: true }) },
    resolve: (_root, { id, suspended }, ctx) => setUserSuspended(ctx.deps, id, suspended, actorOf(ctx), ctx.request),
  }),
  setUserPassword: t.field({
    type: UserType,
    expensive: 'hash',
    errors: {},
    authScopes: async (_root, { id }, ctx) => usersWrite(await isAdminUser(ctx, id)),
    args: { id: t.arg.id({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (_root, { id, password }, ctx) => setUserPassword(ctx.deps, id, password, actorOf(ctx), ctx.request),
  }),
  verifyUserPassword: t.field({
    type: PasswordCheck,
    expensive: 'hash',
    errors: {},
    // No sign-in lockout applies here: an unlimited oracle on an admin's password.
    authScopes: async (_root, { id }, ctx) => usersWrite(await isAdminUser(ctx, id)),
    description: 'Checks a password against the stored hash without signing in (for migrations and support).',
    args: { id: t.arg.id({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, { id, password }, ctx) => ({ valid: await verifyUserPassword(ctx.deps, id, password, actorOf(ctx), ctx.request) }),
  }),
  setUserRoles: t.field({
    type: UserType,
    errors: {},
    authScopes: async (_root, { id, roles }, ctx) => usersWrite(grantsAdminRole(roles) || (await isAdminUser(ctx, id))),
    description: 'Replaces the roles. Role `admin` grants every admin scope at the next sign-in (so granting it needs every admin scope).',
    args: { id: t.arg.id({ required: true }), roles: t.arg.stringList({ required: true }) },
    resolve: (_root, { id, roles }, ctx) => setUserRoles(ctx.deps, id, roles, actorOf(ctx), ctx.request),
  }),
  revokeUserSessions: t.field({
    type: AdminRevokeSessionsPayload,
    errors: {},
    authScopes: async (_root, { id }, ctx) => usersWrite(await isAdminUser(ctx, id)),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => ({ revokedCount: await adminRevokeUserSessions(ctx.deps, id, actorOf(ctx), ctx.request) }),
  }),
  createPersonalAccessToken: t.field({
    type: PersonalAccessTokenSecretType,
    errors: {},
    authScopes: async (_root, { userId }, ctx) => usersWrite(await isAdminUser(ctx, userId)),
    args: {
      userId: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      expiresAt: t.arg({ type: 'DateTime' }),
    },
    resolve: (_root, args, ctx) =>
      adminCreatePersonalAccessToken(ctx.deps, { userId: args.userId, name: args.name, expiresAt: args.expiresAt }, actorOf(ctx), ctx.request),
  }),
  revokePersonalAccessToken: t.field({
    type: PersonalAccessTokenType,
    errors: {},
    authScopes: async (_root, { id }, ctx) => usersWrite(await isAdminTokenOwner(ctx, id)),
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => adminRevokePersonalAccessToken(ctx.deps, id, actorOf(ctx), ctx.request),
  }),
  impersonateUser: t.field({
    type: TokenSetType,
    errors: {},
    authScopes: async (_root, { input }, ctx) => impersonate(await isAdminUser(ctx, input.userId)),
    description:
      'An access token (no refresh token) acting as the user, with `act.sub` = you. At most one hour; audited. An admin target also needs the right to change them (admin:users:write and every admin scope).',
    args: { input: t.arg({ type: ImpersonateUserInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const { viewer } = ctx;
      const actorSub = viewer.kind === 'user' ? viewer.userId : viewer.kind === 'client' ? viewer.clientId : '';
      return impersonateUser(ctx.deps, input, actorSub, actorOf(ctx), ctx.request);
    },
  }),
}));
