// Deleting the account: typed confirmation, then an identity proof.
import { mutate } from '../../shared/api';
import { h } from '../../shared/dom';
import { form } from '../../shared/form';
import { withProof } from '../../shared/proof';
import type { AccountCtx, Section } from '../context';
import { graphql } from '../gql';

const DeleteAccount = graphql(`
  mutation DeleteAccount($verificationId: ID!) {
    me { deleteAccount(verificationId: $verificationId) { __typename ... on DeleteAccountPayload { deletedUserId } ... on Error { code message } } }
  }
`);

function render(ctx: AccountCtx) {
  return [
    h('p', null, 'Deleting your account removes your profile, sign-in methods, sessions and tokens. This cannot be undone.'),
    form({
      id: 'delete-form',
      fields: [{ name: 'confirm', label: 'Type DELETE to confirm', required: true, autocomplete: 'off' }],
      submit: 'Delete my account',
      onSubmit: async ({ confirm }) => {
        if (confirm!.trim() !== 'DELETE') return { code: 'INVALID_INPUT', message: 'Type DELETE in capitals to confirm' };
        const result = await withProof(ctx.me, (verificationId) => mutate(DeleteAccount, { verificationId }, (d) => d.me.deleteAccount));
        if ('cancelled' in result) return null;
        if (result.error) return result.error;
        await ctx.deleted();
      },
    }),
  ];
}

export const deleteSection: Section = { id: 'delete', title: 'Delete account', show: (c) => c.center.enabled, render };
