// Password policy: minimum length and the three rejection rules.
import { mutate, request } from '../../shared/api';
import { announce, h } from '../../shared/dom';
import { form } from '../../shared/form';
import type { AdminCtx, View } from '../context';
import { graphql } from '../gql';
import { card, show } from '../ui';

const Policy = graphql(`
  query ConsolePasswordPolicy { passwordPolicy { minLength maxLength rejectCommon rejectUserInfo rejectRepetitive } }
`);
const Update = graphql(`
  mutation ConsoleUpdatePasswordPolicy($input: UpdatePasswordPolicyInput!) {
    admin { updatePasswordPolicy(input: $input) { __typename ... on PasswordPolicy { minLength } ... on Error { code message } } }
  }
`);

const RULES = [
  ['rejectCommon', 'Refuse the most common passwords'],
  ['rejectUserInfo', 'Refuse passwords containing the username, email or name'],
  ['rejectRepetitive', 'Refuse mostly repeated or sequential passwords'],
] as const;

async function render(ctx: AdminCtx) {
  const p = (await request(Policy)).passwordPolicy;
  show(ctx, 'Password policy', card('policy', 'Rules', form({
    id: 'policy-form',
    fields: [{ name: 'minLength', label: 'Minimum length', type: 'number', value: String(p.minLength), required: true, hint: `At most ${p.maxLength} characters are accepted.` }],
    extra: RULES.map(([name, label]) => h('div', { class: 'check' },
      h('input', { type: 'checkbox', id: `policy-${name}`, name, checked: p[name] }), h('label', { for: `policy-${name}` }, label))),
    submit: 'Save',
    onSubmit: async (v) => {
      const minLength = Number(v.minLength);
      if (!Number.isInteger(minLength)) return { code: 'INVALID_INPUT', message: 'Minimum length must be a whole number' };
      const input = { minLength, rejectCommon: v.rejectCommon === 'on', rejectUserInfo: v.rejectUserInfo === 'on', rejectRepetitive: v.rejectRepetitive === 'on' };
      const r = await mutate(Update, { input }, (d) => d.admin.updatePasswordPolicy);
      if (r.error) return r.error;
      await render(ctx);
      announce('Password policy saved.');
    },
  })));
}

export const passwordPolicyView: View = { route: 'password-policy', label: 'Password policy', scope: 'admin:settings', render };
