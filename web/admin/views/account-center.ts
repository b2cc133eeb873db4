// Account center: one control per field (`Off`, `Read only`, `Edit`), the switches for account
// changes and for the account page, and whether sign-up is open; saved with `Save`.
import { mutate, request } from '../../shared/api';
import { announce, facts, h } from '../../shared/dom';
import { form, select } from '../../shared/form';
import type { AdminCtx, View } from '../context';
import { graphql } from '../gql';
import type { AccountCenterFieldsInput, AccountFieldMode } from '../gql/graphql';
import { card, show } from '../ui';

const Center = graphql(`
  query ConsoleAccountCenter {
    admin { accountCenter { enabled pageEnabled signUpEnabled fields { name avatar profile username email phone password customData social mfa passkey sessions personalAccessTokens securityActivity trustedDevices } } }
  }
`);
const Update = graphql(`
  mutation ConsoleUpdateAccountCenter($input: UpdateAccountCenterInput!) {
    admin { updateAccountCenter(input: $input) { __typename ... on AccountCenter { enabled } ... on Error { code message } } }
  }
`);

// Each field in words; the typed record fails the typecheck when the schema gains a field.
const FIELD_LABELS: Record<keyof AccountCenterFieldsInput, string> = {
  name: 'Name', avatar: 'Avatar', profile: 'Profile details', username: 'Username', email: 'Email', phone: 'Phone',
  password: 'Password', customData: 'Custom data', social: 'Linked accounts', mfa: 'Two-step sign-in', passkey: 'Passkeys',
  sessions: 'Sessions', personalAccessTokens: 'Personal access tokens', securityActivity: 'Security activity', trustedDevices: 'Trusted devices',
};
const MODES: [AccountFieldMode, string][] = [['OFF', 'Off'], ['READ_ONLY', 'Read only'], ['EDIT', 'Edit']];

async function render(ctx: AdminCtx) {
  const c = (await request(Center)).admin.accountCenter;
  const names = Object.keys(FIELD_LABELS) as (keyof AccountCenterFieldsInput)[];
  const switches = [
    ['enabled', 'Account changes allowed', c.enabled],
    ['pageEnabled', 'Account page at /account', c.pageEnabled],
  ] as const;
  show(ctx, 'Account center', card('center', 'Fields and switches', form({
    id: 'center-form',
    extra: [
      h('div', { class: 'modes' }, names.map((n) => select('center-form', n, FIELD_LABELS[n], MODES, c.fields[n]))),
      switches.map(([name, label, on]) => h('div', { class: 'check' }, h('input', { type: 'checkbox', id: `center-${name}`, name, checked: on }), h('label', { for: `center-${name}` }, label))),
      facts([['Sign-up', c.signUpEnabled ? 'Open (SIGN_UP_ENABLED)' : 'Closed (SIGN_UP_ENABLED=false)']]),
    ],
    submit: 'Save',
    onSubmit: async (v) => {
      const fields: AccountCenterFieldsInput = {};
      for (const n of names) fields[n] = v[n] as AccountFieldMode;
      const r = await mutate(Update, { input: { fields, enabled: v.enabled === 'on', pageEnabled: v.pageEnabled === 'on' } }, (d) => d.admin.updateAccountCenter);
      if (r.error) return r.error;
      await render(ctx);
      announce('Account center saved.');
    },
  })));
}

export const accountCenterView: View = { route: 'account-center', label: 'Account center', scope: 'admin:settings', render };
