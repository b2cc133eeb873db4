// Passkeys: list, rename, remove, and add one through the browser's WebAuthn prompt.
import { mutate } from '../../shared/api';
import { formatDate, h } from '../../shared/dom';
import { actionButton, form } from '../../shared/form';
import { withProof } from '../../shared/proof';
import { createPasskey } from '../../shared/webauthn';
import { signalRemovedPasskey } from '../../shared/webauthn-signals';
import { type AccountCtx, apply, editable, readOnlyNote, type Section, visible } from '../context';
import { graphql } from '../gql';
import { removeFactor } from './mfa';

const StartRegistration = graphql(`
  mutation StartPasskeyRegistration($verificationId: ID!) {
    me { startPasskeyRegistration(verificationId: $verificationId) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } } }
  }
`);
const FinishRegistration = graphql(`
  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
    me { finishPasskeyRegistration(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } }
  }
`);
const RenamePasskey = graphql(`
  mutation RenamePasskey($input: RenamePasskeyInput!) { me { renamePasskey(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } } }
`);

/** Removes a passkey; once it is gone, tells the passkey provider to stop offering it (Signal API). */
async function removePasskey(ctx: AccountCtx, key: { id: string; credentialId?: string | null }) {
  const error = await removeFactor(ctx, key.id, 'Passkey removed.');
  if (!ctx.me.mfaFactors.some((f) => f.id === key.id)) signalRemovedPasskey(key.credentialId);
  return error;
}

function render(ctx: AccountCtx) {
  const edit = editable(ctx, 'passkey');
  const keys = ctx.me.mfaFactors.filter((f) => f.type === 'WEBAUTHN');
  const list = keys.length
    ? h('ul', { class: 'rows' }, keys.map((k) => h('li', null,
        h('div', null, h('strong', null, k.name || 'Passkey'), h('span', { class: 'meta' }, `Added ${formatDate(k.createdAt)} · last used ${k.lastUsedAt ? formatDate(k.lastUsedAt) : 'never'}`)),
        edit && h('div', { class: 'row-actions' },
          h('details', null, h('summary', null, 'Rename'),
            form({ id: `passkey-rename-${k.id}`, fields: [{ name: 'name', label: 'New name', value: k.name, required: true }], submit: 'Rename',
              onSubmit: ({ name }) => apply(ctx, () => mutate(RenamePasskey, { input: { id: k.id, name: name!.trim() } }, (d) => d.me.renamePasskey), 'Passkey renamed.') })),
          actionButton(`passkey-remove-${k.id}`, 'Remove', () => removePasskey(ctx, k), { class: 'secondary', 'aria-label': `Remove passkey ${k.name ?? ''}`.trim() })))))
    : h('p', null, 'No passkeys yet. A passkey signs you in with your fingerprint, face or device PIN.');
  const add = edit && form({
    id: 'passkey-add',
    fields: [{ name: 'name', label: 'Name for the new passkey (optional)', value: '' }],
    submit: 'Add a passkey',
    onSubmit: ({ name }) => apply(ctx, () => withProof(ctx.me, async (verificationId) => {
      const start = await mutate(StartRegistration, { verificationId }, (d) => d.me.startPasskeyRegistration);
      if (start.error) return start;
      const credential = await createPasskey(start.value.options);
      return mutate(FinishRegistration, { input: { challengeId: start.value.challengeId, credential, name: name!.trim() || null } }, (d) => d.me.finishPasskeyRegistration);
    }), 'Passkey added.'),
  });
  return [readOnlyNote(ctx, 'passkey'), list, add];
}

export const passkeysSection: Section = { id: 'passkeys', title: 'Passkeys', show: (c) => visible(c, 'passkey'), render };
