// Machine clients: back-office services signing in with client_credentials. The secret is shown
// once, at creation and at each rotation.
import { mutate, request } from '../../shared/api';
import { announce, formatDate, h, secretNotice } from '../../shared/dom';
import { actionButton, form } from '../../shared/form';
import type { AdminCtx, View } from '../context';
import { graphql } from '../gql';
import { show, table } from '../ui';
import { confirmed } from './user-actions';

const Clients = graphql(`
  query ConsoleMachineClients { admin { machineClients(first: 100) { edges { node { id clientId name scopes createdAt rotatedAt lastUsedAt } } } } }
`);
const Create = graphql(`
  mutation ConsoleCreateMachineClient($input: CreateMachineClientInput!) {
    admin { createMachineClient(input: $input) { __typename ... on MachineClientSecret { clientId clientSecret } ... on Error { code message } } }
  }
`);
const Rotate = graphql(`
  mutation ConsoleRotateMachineClient($id: ID!) { admin { rotateMachineClientSecret(id: $id) { __typename ... on MachineClientSecret { clientId clientSecret } ... on Error { code message } } } }
`);
const Delete = graphql(`
  mutation ConsoleDeleteMachineClient($id: ID!) { admin { deleteMachineClient(id: $id) { __typename ... on Error { code message } } } }
`);

const SCOPES = ['admin:users:read', 'admin:users:write', 'admin:users:impersonate', 'admin:settings', 'admin:audit:read'];
let flash: { clientId: string; clientSecret: string } | null = null;

async function render(ctx: AdminCtx) {
  const clients = (await request(Clients)).admin.machineClients.edges.map((e) => e.node);
  const shown = flash;
  flash = null;
  const rerender = async (text: string) => {
    await render(ctx);
    announce(text);
  };
  const rows = clients.map((c) => [c.name, h('code', null, c.clientId), c.scopes.join(' '), formatDate(c.createdAt), formatDate(c.lastUsedAt),
    h('div', { class: 'row-actions' },
      actionButton(`client-rotate-${c.id}`, 'Rotate secret', () => confirmed(`Rotate the secret of ${c.name}?`, 'The old secret stops working at once.', async () => {
        const r = await mutate(Rotate, { id: c.id }, (d) => d.admin.rotateMachineClientSecret);
        if (r.error) return r.error;
        flash = r.value;
        return rerender('New secret issued. Copy it now.');
      }), { class: 'secondary', 'aria-label': `Rotate secret of ${c.name}` }),
      actionButton(`client-delete-${c.id}`, 'Delete', () => confirmed(`Delete ${c.name}?`, 'Its tokens are refused from the next request.', async () => {
        const r = await mutate(Delete, { id: c.id }, (d) => d.admin.deleteMachineClient);
        return r.error ?? rerender('Machine client deleted.');
      }), { class: 'danger', 'aria-label': `Delete ${c.name}` }))]);
  const create = form({
    id: 'create-client',
    fields: [{ name: 'name', label: 'Name', required: true }],
    extra: h('fieldset', { class: 'events' }, h('legend', null, 'Scopes'), SCOPES.map((s) => h('div', { class: 'check' },
      h('input', { type: 'checkbox', name: 'scopes', value: s, id: `client-scope-${s}` }), h('label', { for: `client-scope-${s}` }, s)))),
    submit: 'Create machine client',
    onSubmit: async (v, el) => {
      const scopes = [...el.querySelectorAll<HTMLInputElement>('input[name=scopes]:checked')].map((i) => i.value);
      const r = await mutate(Create, { input: { name: v.name!.trim(), scopes } }, (d) => d.admin.createMachineClient);
      if (r.error) return r.error;
      flash = r.value;
      return rerender('Machine client created. Copy its secret now.');
    },
  });
  show(ctx, 'Machine clients',
    shown && secretNotice('client-secret', `The secret of ${shown.clientId} (use it at POST /oauth/token).`, shown.clientSecret),
    rows.length ? table('Machine clients', ['Name', 'Client ID', 'Scopes', 'Created', 'Last used', ''], rows) : h('p', null, 'No machine clients.'),
    h('details', { class: 'card' }, h('summary', null, 'Create machine client'), create));
}

export const machineClientsView: View = { route: 'machine-clients', label: 'Machine clients', scope: 'admin:settings', render };
