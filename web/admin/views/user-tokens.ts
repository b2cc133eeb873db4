// A user's personal access tokens: the list with `Revoke`, and `Create token`, whose secret is
// shown once (after the page reloads, then never again) with a copy button.
import { mutate } from '../../shared/api';
import { announce, formatDate, h, secretNotice } from '../../shared/dom';
import { form } from '../../shared/form';
import { type AdminCtx, can } from '../context';
import { graphql } from '../gql';
import { card, table } from '../ui';
import type { ConsoleUser } from './user-types';
import { rowActions } from './user-edit';

const CreateToken = graphql(`
  mutation ConsoleCreateToken($userId: ID!, $name: String!, $expiresAt: DateTime) {
    admin {
      createPersonalAccessToken(userId: $userId, name: $name, expiresAt: $expiresAt) {
        __typename ... on PersonalAccessTokenSecret { token personalAccessToken { id name } } ... on Error { code message }
      }
    }
  }
`);

// The secret of the token just created, for the next render of that user's page only.
let flash: { userId: string; name: string; token: string } | null = null;

export function tokensCard(ctx: AdminCtx, user: ConsoleUser, reload: () => Promise<void>): HTMLElement {
  const write = can(ctx, 'admin:users:write');
  const shown = flash?.userId === user.id ? flash : null;
  flash = null;
  const rows = user.personalAccessTokens.edges.map(({ node: t }) => [t.name, formatDate(t.createdAt), t.expiresAt ? formatDate(t.expiresAt) : 'never', formatDate(t.lastUsedAt),
    write ? rowActions.revokeToken(ctx, t, reload) : '']);
  const create = write && form({
    id: 'create-token',
    fields: [
      { name: 'name', label: 'Token name', required: true },
      { name: 'expires', label: 'Expires on', type: 'date', hint: 'Leave empty for a token that does not expire.' },
    ],
    submit: 'Create token',
    onSubmit: async ({ name, expires }) => {
      const expiresAt = expires ? new Date(`${expires}T23:59:59Z`).toISOString() : null;
      const r = await mutate(CreateToken, { userId: user.id, name: name!.trim(), expiresAt }, (d) => d.admin.createPersonalAccessToken);
      if (r.error) return r.error;
      flash = { userId: user.id, name: r.value.personalAccessToken.name, token: r.value.token };
      await reload();
      announce('Token created. Copy it now.');
    },
  });
  return card('user-tokens', `Personal access tokens (${user.personalAccessTokens.totalCount})`,
    shown && secretNotice('token-secret', `The token ${shown.name} acts as this user (send it as a Bearer token).`, shown.token),
    rows.length ? table('Personal access tokens', ['Name', 'Created', 'Expires', 'Last used', ''], rows, 'user-token-list') : h('p', { id: 'user-tokens-none' }, 'None.'),
    create && h('details', null, h('summary', { id: 'create-token-open' }, 'Create token'), create));
}
