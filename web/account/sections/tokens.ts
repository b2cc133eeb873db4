// Personal access tokens: the secret is shown once, with a copy button.
import { mutate } from '../../shared/api';
import { announce, formatDate, h, secretNotice } from '../../shared/dom';
import { actionButton, form } from '../../shared/form';
import { withProof } from '../../shared/proof';
import { type AccountCtx, apply, editable, readOnlyNote, type Section, visible } from '../context';
import { graphql } from '../gql';

const CreateToken = graphql(`
  mutation CreatePersonalAccessToken($input: CreatePersonalAccessTokenInput!) {
    me { createPersonalAccessToken(input: $input) { __typename ... on PersonalAccessTokenSecret { token personalAccessToken { id name } } ... on Error { code message } } }
  }
`);
const RevokeToken = graphql(`
  mutation RevokePersonalAccessToken($id: ID!) { me { revokePersonalAccessToken(id: $id) { __typename ... on PersonalAccessToken { id } ... on Error { code message } } } }
`);

function render(ctx: AccountCtx) {
  const edit = editable(ctx, 'personalAccessTokens');
  const tokens = ctx.me.personalAccessTokens.edges.map((e) => e.node);
  const flash = ctx.flash.token;
  ctx.flash.token = null;
  return [
    readOnlyNote(ctx, 'personalAccessTokens'),
    flash && secretNotice('new-token', `Your new token “${flash.name}”.`, flash.token),
    tokens.length
      ? h('ul', { class: 'rows' }, tokens.map((t) => h('li', null,
          h('div', null, h('strong', null, t.name), h('span', { class: 'meta' }, `Created ${formatDate(t.createdAt)} · expires ${t.expiresAt ? formatDate(t.expiresAt) : 'never'} · last used ${t.lastUsedAt ? formatDate(t.lastUsedAt) : 'never'}`)),
          edit && h('div', { class: 'row-actions' }, actionButton(`token-revoke-${t.id}`, 'Revoke',
            () => apply(ctx, () => mutate(RevokeToken, { id: t.id }, (d) => d.me.revokePersonalAccessToken), `Token “${t.name}” revoked.`), { class: 'secondary', 'aria-label': `Revoke token ${t.name}` })))))
      : h('p', null, 'No personal access tokens. A token lets a script act as you through the API.'),
    edit && form({
      id: 'token-form',
      fields: [
        { name: 'name', label: 'Token name', required: true, maxlength: 100 },
        { name: 'expiresAt', label: 'Expires on (optional)', type: 'date' },
      ],
      submit: 'Create token',
      onSubmit: async ({ name, expiresAt }) => {
        const input = { name: name!.trim(), ...(expiresAt ? { expiresAt: new Date(`${expiresAt}T23:59:59`).toISOString() } : {}) };
        const result = await withProof(ctx.me, (verificationId) => mutate(CreateToken, { input: { ...input, verificationId } }, (d) => d.me.createPersonalAccessToken));
        if ('cancelled' in result) return null;
        if (result.error) return result.error;
        ctx.flash.token = { name: input.name, token: result.value.token };
        await ctx.reload('new-token');
        announce('Token created. Copy it now.');
      },
    }),
  ];
}

export const tokensSection: Section = { id: 'tokens', title: 'Personal access tokens', show: (c) => visible(c, 'personalAccessTokens'), render };
