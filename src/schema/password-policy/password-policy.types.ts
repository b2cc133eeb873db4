// The password policy (a database setting): public to read so sign-up and password forms can show
// the rules, `admin:settings` to change (merging, audited).
import { withEvents } from '../../domain/events/collector.js';
import { getPasswordPolicy, updatePasswordPolicy } from '../../domain/password-policy/password-policy.service.js';
import type { PasswordPolicy } from '../../domain/users/password-policy.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { AdminMutation } from '../root.js';

const PasswordPolicyType = builder.objectRef<PasswordPolicy>('PasswordPolicy').implement({
  description:
    'The rules a new password must pass. A failed rule is named in PasswordRejectedError.rules: MIN_LENGTH_<n>, MAX_LENGTH_<n>, ' +
    'COMMON_PASSWORD, CONTAINS_USERNAME, CONTAINS_EMAIL, CONTAINS_NAME, REPEATED_OR_SEQUENTIAL_CHARACTERS, BREACHED_PASSWORD.',
  fields: (t) => ({
    minLength: t.exposeInt('minLength', { description: 'Fewest characters (at least 8).' }),
    maxLength: t.exposeInt('maxLength', { description: 'Most characters accepted.' }),
    rejectCommon: t.exposeBoolean('rejectCommon', { description: 'Refuses the 10,000 most common passwords (COMMON_PASSWORD).' }),
    rejectUserInfo: t.exposeBoolean('rejectUserInfo', {
      description: 'Refuses passwords containing the username, the email address before "@", or a part of the name of four letters or more.',
    }),
    rejectRepetitive: t.exposeBoolean('rejectRepetitive', {
      description:
        'Refuses passwords that are mostly one repeated or sequential run ("aaaaaaaa", "12345678", "abcdefgh": the longest run is at least ' +
        'half the password) or one block of up to 4 characters repeated 3 times or more ("abababab"). Words and passphrases pass.',
    }),
    checkBreached: t.exposeBoolean('checkBreached', {
      description:
        'Refuses passwords known from data breaches (BREACHED_PASSWORD), asked of a k-anonymity range API (only 5 hex characters of the SHA-1 leave the service; ' +
        'an unreachable API accepts the password). Default: BREACHED_PASSWORD_CHECK.',
    }),
  }),
});

const UpdatePasswordPolicyInput = builder.inputType('UpdatePasswordPolicyInput', {
  description: 'Merged: a rule left out keeps its setting.',
  fields: (t) => ({
    minLength: t.int({ description: '8 to 128.' }),
    rejectCommon: t.boolean(),
    rejectUserInfo: t.boolean(),
    rejectRepetitive: t.boolean(),
    checkBreached: t.boolean(),
  }),
});

builder.queryField('passwordPolicy', (t) =>
  t.field({
    type: PasswordPolicyType,
    description: 'Public, so UIs can show the rules before a password is typed.',
    resolve: (_root, _args, ctx) => getPasswordPolicy(ctx.deps.prisma, ctx.deps.config),
  }),
);

builder.objectField(AdminMutation, 'updatePasswordPolicy', (t) =>
  t.field({
    type: PasswordPolicyType,
    errors: {},
    authScopes: { admin: 'admin:settings' },
    description: 'Changes the password policy for new passwords (existing ones keep working).',
    args: { input: t.arg({ type: UpdatePasswordPolicyInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      withEvents(ctx.deps, actorOf(ctx), ctx.request, async (tx, ev) => {
        const policy = await updatePasswordPolicy(tx, ctx.deps.config, input);
        ev.emit('password_policy.updated', {
          audit: 'admin.password_policy.update',
          data: { changed: Object.fromEntries(Object.entries(input).filter(([, v]) => v != null)), policy: policy as unknown as Record<string, unknown> },
        });
        return policy;
      }),
  }),
);
