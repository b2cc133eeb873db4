// Webhooks: `Create webhook` (URL, Name, one checkbox per event type from the catalogue), the
// signing secret shown once, and per webhook its deliveries with `Redeliver`, `Send test event`,
// `Rotate secret` and `Delete`.
import { mutate, request } from '../../shared/api';
import { announce, h, secretNotice } from '../../shared/dom';
import { form } from '../../shared/form';
import type { AdminCtx, View } from '../context';
import { graphql } from '../gql';
import { show } from '../ui';
import { webhookCard } from './webhook-card';
import { flashSecret, takeFlashedSecret } from './webhook-flash';

const Webhooks = graphql(`
  query ConsoleWebhooks {
    eventTypes { type label }
    admin {
      webhooks(first: 10) {
        edges {
          node {
            id name url events enabled createdAt
            deliveries(first: 5) { totalCount edges { node { id eventType status attempts lastStatusCode lastError createdAt } } }
          }
        }
      }
    }
  }
`);
const CreateWebhook = graphql(`
  mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {
    admin { createWebhook(input: $input) { __typename ... on WebhookSecret { signingSecret webhook { id } } ... on Error { code message } } }
  }
`);

const loadWebhooks = () => request(Webhooks);

async function render(ctx: AdminCtx) {
  const data = await loadWebhooks();
  const shown = takeFlashedSecret();
  const create = form({
    id: 'create-webhook',
    fields: [
      { name: 'url', label: 'URL', type: 'url', required: true, hint: 'https: the receiver gets a signed POST per event (Standard Webhooks).' },
      { name: 'name', label: 'Name' },
    ],
    extra: h('fieldset', { class: 'events' }, h('legend', null, 'Events'),
      data.eventTypes.map((e) => h('div', { class: 'check' },
        h('input', { type: 'checkbox', name: 'events', value: e.type, id: `event-${e.type}` }),
        h('label', { for: `event-${e.type}` }, e.type), h('span', { class: 'hint' }, e.label)))),
    submit: 'Create webhook',
    onSubmit: async (v, el) => {
      const events = [...el.querySelectorAll<HTMLInputElement>('input[name=events]:checked')].map((i) => i.value);
      if (!events.length) return { code: 'INVALID_INPUT', message: 'Pick at least one event' };
      const r = await mutate(CreateWebhook, { input: { url: v.url!.trim(), name: v.name?.trim() || null, events } }, (d) => d.admin.createWebhook);
      if (r.error) return r.error;
      flashSecret(r.value.webhook.id, r.value.signingSecret);
      await render(ctx);
      document.getElementById('webhook-secret')?.focus();
      announce('Webhook created. Copy its signing secret now.');
    },
  });
  const hooks = data.admin.webhooks.edges.map((e) => e.node);
  show(ctx, 'Webhooks',
    shown && secretNotice('webhook-secret', 'The signing secret of this webhook.', shown.secret),
    hooks.length ? h('div', { id: 'webhook-list' }, hooks.map((w) => webhookCard(ctx, w, () => render(ctx)))) : h('p', null, 'No webhooks yet.'),
    h('details', { class: 'card', id: 'create-webhook-box', open: hooks.length === 0 }, h('summary', null, 'Create webhook'), create));
}

export const webhooksView: View = { route: 'webhooks', label: 'Webhooks', scope: 'admin:settings', render };
