// Password: set or change; a weak one is explained rule by rule.
import { mutate } from '../../shared/api';
import { h } from '../../shared/dom';
import { form } from '../../shared/form';
import { clearProof, withProof } from '../../shared/proof';
import { apply, editable, passwordHint, readOnlyNote, type Section, visible } from '../context';
import { graphql } from '../gql';

const SetPassword = graphql(`
  mutation SetPassword($input: SetPasswordInput!) {
    me { setPassword(input: $input) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }
  }
`);

export const passwordSection: Section = {
  id: 'password',
  title: 'Password',
  show: (c) => visible(c, 'password'),
  render: (ctx) => {
    const { me } = ctx;
    const parts: (Node | false)[] = [h('p', null, me.hasPassword ? 'You have a password.' : 'You have no password yet.'), readOnlyNote(ctx, 'password')];
    if (!editable(ctx, 'password')) return parts;
    // The API asks for a proof when the account has a password, email or phone (docs/api.md).
    const needsProof = me.hasPassword || !!me.primaryEmail || !!me.primaryPhone;
    parts.push(form({
      id: 'password-form',
      fields: [
        { name: 'newPassword', label: 'New password', type: 'password', autocomplete: 'new-password', required: true, hint: `${passwordHint(ctx)} Your other sessions will be signed out.` },
        { name: 'confirm', label: 'Repeat the new password', type: 'password', autocomplete: 'new-password', required: true },
      ],
      submit: me.hasPassword ? 'Change password' : 'Set password',
      onSubmit: async ({ newPassword, confirm }) => {
        if (newPassword !== confirm) return { code: 'INVALID_INPUT', message: 'The two passwords do not match' };
        const set = (verificationId?: string) => mutate(SetPassword, { input: { newPassword: newPassword!, verificationId } }, (d) => d.me.setPassword);
        const error = await apply(ctx, needsProof ? () => withProof(me, set) : () => set(), 'Password saved. Your other sessions were signed out.');
        // A password change ends the other identity proofs: start fresh next time.
        if (!error) clearProof();
        return error;
      },
    }));
    return parts;
  },
};
