// Webhooks (admin:settings, docs/events.md): signed event deliveries to receivers (docs/webhooks.md).
import {
  createWebhook,
  deleteWebhook,
  redeliverWebhook,
  rotateWebhookSecret,
  testWebhook,
  updateWebhook,
  type WebhookSecret,
} from '../../domain/webhooks/webhooks.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { AdminMutation, AdminQuery } from '../root.js';

const SETTINGS = { admin: 'admin:settings' } as const;

const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  values: ['PENDING', 'SUCCEEDED', 'FAILED'] as const,
  description: 'PENDING: waiting for its next attempt. SUCCEEDED: a 2xx answer. FAILED: every attempt failed (redeliver to try again).',
});

export const WebhookDeliveryType = builder.prismaNode('WebhookDelivery', {
  id: { field: 'id' },
  description: 'One event sent to one webhook, with its attempts.',
  authScopes: SETTINGS,
  fields: (t) => ({
    eventId: t.exposeString('eventId', { description: 'The `webhook-id` header and the body\'s `id`: the same on every attempt.' }),
    eventType: t.exposeString('eventType'),
    status: t.field({ type: WebhookDeliveryStatusEnum, resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts'),
    lastStatusCode: t.exposeInt('lastStatusCode', { nullable: true }),
    lastError: t.exposeString('lastError', { nullable: true }),
    lastResponseBody: t.exposeString('lastResponseBody', { nullable: true, description: 'The first 4 KiB of the last answer.' }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next attempt is due; null once SUCCEEDED or FAILED.',
      resolve: (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
    }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const WebhookType = builder.prismaNode('Webhook', {
  id: { field: 'id' },
  description: 'A receiver of signed event deliveries. Its signing secret is never readable, only rotatable.',
  authScopes: SETTINGS,
  fields: (t) => ({
    name: t.exposeString('name', { nullable: true }),
    url: t.exposeString('url'),
    events: t.exposeStringList('events', { description: 'Event types it receives; "*" = every event.' }),
    enabled: t.exposeBoolean('enabled'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    deliveries: t.relatedConnection(
      'deliveries',
      {
        cursor: 'id',
        totalCount: true,
        description: 'Deliveries to this webhook, newest first.',
        query: () => ({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
      },
      { name: 'WebhookDeliveryConnection' },
      { name: 'WebhookDeliveryEdge' },
    ),
  }),
});

const WebhookSecretType = builder.objectRef<WebhookSecret>('WebhookSecret').implement({
  description: '`signingSecret` (Standard Webhooks `whsec_…`) is shown only here; store it in the receiver now.',
  fields: (t) => ({
    webhook: t.field({ type: WebhookType, resolve: (s) => s.webhook }),
    signingSecret: t.exposeString('signingSecret'),
  }),
});

const CreateWebhookInput = builder.inputType('CreateWebhookInput', {
  fields: (t) => ({
    url: t.string({ required: true, description: 'http(s); loopback, link-local and private addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true.' }),
    events: t.stringList({ required: true, description: 'Event types (e.g. "user.created"), or ["*"] for every event.' }),
    name: t.string(),
    enabled: t.boolean({ description: 'Default true.' }),
  }),
});

const UpdateWebhookInput = builder.inputType('UpdateWebhookInput', {
  description: 'Fields left out keep their value.',
  fields: (t) => ({ url: t.string(), events: t.stringList(), name: t.string(), enabled: t.boolean() }),
});

builder.objectFields(AdminQuery, (t) => ({
  webhooks: t.prismaConnection(
    {
      type: WebhookType,
      cursor: 'id',
      authScopes: SETTINGS,
      totalCount: (_parent, _args, ctx) => ctx.deps.prisma.webhook.count(),
      description: 'Webhooks, newest first.',
      resolve: (query, _parent, _args, ctx) => ctx.deps.prisma.webhook.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    },
    { name: 'WebhookConnection' },
    { name: 'WebhookEdge' },
  ),
}));

builder.objectFields(AdminMutation, (t) => ({
  createWebhook: t.field({
    type: WebhookSecretType,
    errors: {},
    authScopes: SETTINGS,
    args: { input: t.arg({ type: CreateWebhookInput, required: true }) },
    resolve: (_root, { input }, ctx) => createWebhook(ctx.deps, input, actorOf(ctx), ctx.request),
  }),
  updateWebhook: t.field({
    type: WebhookType,
    errors: {},
    authScopes: SETTINGS,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateWebhookInput, required: true }) },
    resolve: (_root, { id, input }, ctx) => updateWebhook(ctx.deps, String(id), input, actorOf(ctx), ctx.request),
  }),
  deleteWebhook: t.field({
    type: WebhookType,
    errors: {},
    authScopes: SETTINGS,
    description: 'Deletes the webhook and its pending deliveries.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => deleteWebhook(ctx.deps, String(id), actorOf(ctx), ctx.request),
  }),
  rotateWebhookSecret: t.field({
    type: WebhookSecretType,
    errors: {},
    authScopes: SETTINGS,
    description: 'A new signing secret, used from the next attempt on; the old one stops at once.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => rotateWebhookSecret(ctx.deps, String(id), actorOf(ctx), ctx.request),
  }),
  testWebhook: t.field({
    type: WebhookDeliveryType,
    errors: {},
    authScopes: SETTINGS,
    description: 'Queues a `webhook.test` event for this webhook only; follow it in `deliveries`.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => testWebhook(ctx.deps, String(id), actorOf(ctx), ctx.request),
  }),
  redeliverWebhook: t.field({
    type: WebhookDeliveryType,
    errors: {},
    authScopes: SETTINGS,
    description: "Sends a delivery's event again, as a new delivery.",
    args: { deliveryId: t.arg.id({ required: true }) },
    resolve: (_root, { deliveryId }, ctx) => redeliverWebhook(ctx.deps, String(deliveryId), actorOf(ctx), ctx.request),
  }),
}));
