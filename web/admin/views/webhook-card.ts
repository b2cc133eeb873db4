// One webhook: its events, recent deliveries (status, attempts, last answer) with `Redeliver`,
// and `Send test event`, `Rotate secret`, `Delete`.
import { mutate } from '../../shared/api';
import { announce, formatDate, h } from '../../shared/dom';
import { actionButton } from '../../shared/form';
import type { AdminCtx } from '../context';
import { graphql } from '../gql';
import { table } from '../ui';
import { confirmed } from './user-actions';
import { type ConsoleWebhook, flashSecret } from './webhook-flash';

const Redeliver = graphql(`
  mutation ConsoleRedeliver($id: ID!) { admin { redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id } ... on Error { code message } } } }
`);
const TestWebhook = graphql(`
  mutation ConsoleTestWebhook($id: ID!) { admin { testWebhook(id: $id) { __typename ... on WebhookDelivery { id } ... on Error { code message } } } }
`);
const Rotate = graphql(`
  mutation ConsoleRotateWebhook($id: ID!) { admin { rotateWebhookSecret(id: $id) { __typename ... on WebhookSecret { signingSecret } ... on Error { code message } } } }
`);
const DeleteWebhook = graphql(`
  mutation ConsoleDeleteWebhook($id: ID!) { admin { deleteWebhook(id: $id) { __typename ... on Error { code message } } } }
`);

const STATUS: Record<string, string> = { PENDING: 'Pending', SUCCEEDED: 'Delivered', FAILED: 'Failed' };

export function webhookCard(_ctx: AdminCtx, w: ConsoleWebhook, rerender: () => Promise<void>): HTMLElement {
  const name = w.name ?? w.url;
  const after = async (text: string) => {
    await rerender();
    announce(text);
  };
  const deliveries = w.deliveries.edges.map(({ node: d }) => [
    d.eventType, h('span', { class: `delivery-${d.status.toLowerCase()}` }, STATUS[d.status] ?? d.status), String(d.attempts),
    d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '—'), formatDate(d.createdAt),
    actionButton(`redeliver-${d.id}`, 'Redeliver', async () => {
      const r = await mutate(Redeliver, { id: d.id }, (x) => x.admin.redeliverWebhook);
      return r.error ?? after('Delivery queued again.');
    }, { class: 'secondary', 'aria-label': `Redeliver ${d.eventType} of ${formatDate(d.createdAt)}` }),
  ]);
  return h('section', { class: 'card webhook', id: `webhook-${w.id}`, 'aria-labelledby': `webhook-${w.id}-title` },
    h('h2', { id: `webhook-${w.id}-title` }, name),
    h('p', { class: 'meta' }, `${w.url} · ${w.enabled ? 'enabled' : 'disabled'} · events: ${w.events.join(', ')}`),
    h('div', { class: 'actions' },
      actionButton(`webhook-test-${w.id}`, 'Send test event', async () => {
        const r = await mutate(TestWebhook, { id: w.id }, (x) => x.admin.testWebhook);
        return r.error ?? after('Test event queued.');
      }, { class: 'secondary' }),
      actionButton(`webhook-rotate-${w.id}`, 'Rotate secret', () => confirmed(`Rotate the secret of ${name}?`, 'The old secret stops working at once: update the receiver.', async () => {
        const r = await mutate(Rotate, { id: w.id }, (x) => x.admin.rotateWebhookSecret);
        if (r.error) return r.error;
        flashSecret(w.id, r.value.signingSecret);
        return after('New signing secret issued. Copy it now.');
      }), { class: 'secondary' }),
      actionButton(`webhook-delete-${w.id}`, 'Delete', () => confirmed(`Delete ${name}?`, 'Its pending deliveries are dropped.', async () => {
        const r = await mutate(DeleteWebhook, { id: w.id }, (x) => x.admin.deleteWebhook);
        return r.error ?? after('Webhook deleted.');
      }), { class: 'danger' })),
    h('h3', null, `Deliveries (${w.deliveries.totalCount})`),
    deliveries.length ? table(`Deliveries of ${name}`, ['Event', 'Status', 'Attempts', 'Last answer', 'Created', ''], deliveries, `deliveries-${w.id}`) : h('p', null, 'No deliveries yet.'),
    h('button', { type: 'button', class: 'link', onclick: () => void rerender() }, 'Refresh deliveries'));
}
