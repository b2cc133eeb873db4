// Admin user management (API.md §4).
import { createUser } from '../../domain/users/users.service.js';
import { builder } from '../builder.js';
import { actorOf } from '../actor.js';
import { AdminMutation } from '../root.js';
import { ProfileInput } from '../users/profile.input.js';
import { UserType } from '../users/user.types.js';

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
  }),
});

builder.objectField(AdminMutation, 'createUser', (t) =>
  t.field({
    type: UserType,
    errors: {},
    authScopes: { admin: 'admin:users:write' },
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, ctx) => createUser(ctx.deps, input, actorOf(ctx), ctx.request),
  }),
);
