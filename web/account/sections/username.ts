// Username: a change needs an identity proof (docs/api.md).
import { announce, facts } from '../../shared/dom';
import { form } from '../../shared/form';
import { mutate } from '../../shared/api';
import { withProof } from '../../shared/proof';
import { apply, editable, readOnlyNote, type Section, visible } from '../context';
import { UpdateProfile } from './profile';

export const usernameSection: Section = {
  id: 'username',
  title: 'Username',
  show: (c) => visible(c, 'username'),
  render: (ctx) => [
    facts([['Username', ctx.me.username]]),
    readOnlyNote(ctx, 'username'),
    editable(ctx, 'username') && form({
      id: 'username-form',
      fields: [{ name: 'username', label: 'New username', value: ctx.me.username, autocomplete: 'username', required: true }],
      submit: 'Change username',
      onSubmit: async ({ username }) => {
        const next = username!.trim();
        if (next === ctx.me.username) return announce('Nothing to save: no changes.');
        return apply(ctx, () => withProof(ctx.me, (verificationId) => mutate(UpdateProfile, { input: { username: next, verificationId } }, (d) => d.me.updateProfile)), 'Username changed.');
      },
    }),
  ],
};
