// Identity providers: the social sign-in providers (OIDC or GitHub-style OAuth 2.0). Create,
// edit (a new client secret replaces the old; it is never shown) and delete.
import { mutate, request } from '../../shared/api';
import { announce, h } from '../../shared/dom';
import { actionButton, form, select } from '../../shared/form';
import type { AdminCtx, View } from '../context';
import { graphql } from '../gql';
import type { CreateIdentityProviderInput, IdentityProviderType, UpdateIdentityProviderInput } from '../gql/graphql';
import { show, table } from '../ui';
import { splitList } from './user-create';
import { confirmed } from './user-actions';

const Providers = graphql(`
  query ConsoleIdentityProviders {
    admin { identityProviders { key name type issuer clientId authorizationEndpoint tokenEndpoint userinfoEndpoint scopes trustEmail } }
  }
`);
const Create = graphql(`
  mutation ConsoleCreateIdentityProvider($input: CreateIdentityProviderInput!) {
    admin { createIdentityProvider(input: $input) { __typename ... on IdentityProvider { key } ... on Error { code message } } }
  }
`);
const Update = graphql(`
  mutation ConsoleUpdateIdentityProvider($key: String!, $input: UpdateIdentityProviderInput!) {
    admin { updateIdentityProvider(key: $key, input: $input) { __typename ... on IdentityProvider { key } ... on Error { code message } } }
  }
`);
const Delete = graphql(`
  mutation ConsoleDeleteIdentityProvider($key: String!) { admin { deleteIdentityProvider(key: $key) { __typename ... on Error { code message } } } }
`);

type Provider = Awaited<ReturnType<typeof load>>[number];
const load = async () => (await request(Providers)).admin.identityProviders;

const ENDPOINTS = [
  ['issuer', 'Issuer (OIDC)'], ['authorizationEndpoint', 'Authorization endpoint (OAuth 2.0)'],
  ['tokenEndpoint', 'Token endpoint (OAuth 2.0)'], ['userinfoEndpoint', 'Userinfo endpoint (OAuth 2.0)'],
] as const;

function providerForm(ctx: AdminCtx, p: Provider | null): HTMLFormElement {
  const id = p ? `provider-edit-${p.key}` : 'provider-create';
  return form({
    id,
    fields: [
      ...(p ? [] : [{ name: 'key', label: 'Key', required: true, hint: 'Stable name, e.g. github or google.' }]),
      { name: 'name', label: 'Name', value: p?.name, required: true },
      { name: 'clientId', label: 'Client ID', value: p?.clientId, required: true },
      { name: 'clientSecret', label: p ? 'New client secret (leave empty to keep)' : 'Client secret', type: 'password', required: !p },
      ...ENDPOINTS.map(([name, label]) => ({ name, label, type: 'url', value: p?.[name] })),
      { name: 'scopes', label: 'Scopes', value: p?.scopes.join(' '), hint: 'Space-separated.' },
    ],
    extra: [
      !p && select(id, 'type', 'Type', [['OIDC', 'OpenID Connect'], ['OAUTH2', 'OAuth 2.0 (GitHub-style)']]),
      h('div', { class: 'check' }, h('input', { type: 'checkbox', id: `${id}-trustEmail`, name: 'trustEmail', checked: p?.trustEmail }),
        h('label', { for: `${id}-trustEmail` }, 'Trust its verified emails (link to the account holding them)')),
    ],
    submit: p ? 'Save' : 'Create provider',
    onSubmit: async (v) => {
      const endpoints = Object.fromEntries(ENDPOINTS.map(([n]) => [n, v[n]?.trim() || null]));
      const common = { name: v.name!.trim(), clientId: v.clientId!.trim(), scopes: splitList(v.scopes), trustEmail: v.trustEmail === 'on', ...endpoints };
      const r = p
        ? await mutate(Update, { key: p.key, input: { ...common, ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}) } as UpdateIdentityProviderInput }, (d) => d.admin.updateIdentityProvider)
        : await mutate(Create, { input: { ...common, key: v.key!.trim(), type: v.type as IdentityProviderType, clientSecret: v.clientSecret! } as CreateIdentityProviderInput }, (d) => d.admin.createIdentityProvider);
      if (r.error) return r.error;
      await render(ctx);
      announce(p ? 'Provider saved.' : 'Provider created.');
    },
  });
}

async function render(ctx: AdminCtx) {
  const providers = await load();
  const rows = providers.map((p) => [p.name, h('code', null, p.key), p.type === 'OIDC' ? 'OpenID Connect' : 'OAuth 2.0', p.issuer ?? p.authorizationEndpoint ?? '—',
    h('div', { class: 'row-actions' },
      h('details', null, h('summary', null, 'Edit'), providerForm(ctx, p)),
      actionButton(`provider-delete-${p.key}`, 'Delete', () => confirmed(`Delete ${p.name}?`, 'Its linked identities are removed; accounts that sign in only with it must be handled first.', async () => {
        const r = await mutate(Delete, { key: p.key }, (d) => d.admin.deleteIdentityProvider);
        if (r.error) return r.error;
        await render(ctx);
        announce('Provider deleted.');
      }), { class: 'danger', 'aria-label': `Delete ${p.name}` }))]);
  show(ctx, 'Identity providers',
    rows.length ? table('Identity providers', ['Name', 'Key', 'Type', 'Issuer or endpoint', ''], rows) : h('p', null, 'No identity providers.'),
    h('details', { class: 'card' }, h('summary', null, 'Add an identity provider'), providerForm(ctx, null)));
}

export const identityProvidersView: View = { route: 'identity-providers', label: 'Identity providers', scope: 'admin:settings', render };
