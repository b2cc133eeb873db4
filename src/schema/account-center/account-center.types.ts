// The account-center config table (docs/api.md#self-service-me): public to read, `admin:settings` to change.
import {
  ACCOUNT_FIELDS,
  type AccountCenterSettings,
  type AccountField,
  type AccountFieldMode,
  getAccountCenter,
  changeAccountCenter,
} from '../../domain/account-center/account-center.service.js';
import { builder } from '../builder.js';
import { actorOf } from '../actor.js';
import { AdminMutation, AdminQuery } from '../root.js';

const AccountFieldModeEnum = builder.enumType('AccountFieldMode', { values: ['OFF', 'READ_ONLY', 'EDIT'] as const });

const AccountCenterFields = builder.objectRef<Record<AccountField, AccountFieldMode>>('AccountCenterFields').implement({
  fields: (t) =>
    Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, t.field({ type: AccountFieldModeEnum, resolve: (m) => m[f] })])),
});

const AccountCenter = builder.objectRef<AccountCenterSettings>('AccountCenter').implement({
  description: 'Which account fields users may see and change through `me`.',
  fields: (t) => ({
    enabled: t.exposeBoolean('enabled'),
    signUpEnabled: t.boolean({
      description: 'Whether signUp accepts new accounts (SIGN_UP_ENABLED), so a sign-in page can offer it or not.',
      resolve: (_s, _args, ctx) => ctx.deps.config.signUpEnabled,
    }),
    pageEnabled: t.exposeBoolean('pageEnabled', { description: 'Whether the service serves its account page at /account.' }),
    fields: t.field({ type: AccountCenterFields, resolve: (s) => s.fields }),
  }),
});

const AccountCenterFieldsInput = builder.inputType('AccountCenterFieldsInput', {
  fields: (t) => Object.fromEntries(ACCOUNT_FIELDS.map((f) => [f, t.field({ type: AccountFieldModeEnum })])),
});

const UpdateAccountCenterInput = builder.inputType('UpdateAccountCenterInput', {
  fields: (t) => ({
    enabled: t.boolean(),
    pageEnabled: t.boolean({ description: 'Serve the account page at /account (off: /account answers 404).' }),
    fields: t.field({ type: AccountCenterFieldsInput, description: 'Merged: a field left out keeps its mode.' }),
  }),
});

builder.queryField('accountCenter', (t) =>
  t.field({ type: AccountCenter, description: 'Public, so UIs can render.', resolve: (_root, _args, ctx) => ctx.accountCenter() }),
);

builder.objectField(AdminQuery, 'accountCenter', (t) =>
  t.field({
    type: AccountCenter,
    authScopes: { admin: 'admin:settings' },
    resolve: (_root, _args, ctx) => getAccountCenter(ctx.deps.prisma),
  }),
);

builder.objectField(AdminMutation, 'updateAccountCenter', (t) =>
  t.field({
    type: AccountCenter,
    errors: {},
    authScopes: { admin: 'admin:settings' },
    args: { input: t.arg({ type: UpdateAccountCenterInput, required: true }) },
    resolve: (_root, { input }, ctx) => changeAccountCenter(ctx.deps, input as never, actorOf(ctx), ctx.request),
  }),
);
