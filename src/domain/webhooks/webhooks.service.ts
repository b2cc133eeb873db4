// Managing webhooks (admin:settings, docs/events.md). The signing secret is shown once (create, rotate)
// and stored sealed with SECRET_KEY; every change is an event like any other admin change.
import type { Webhook, WebhookDelivery } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { ALL_EVENT_TYPES, isEventType, type WebhookRef } from '../events/catalogue.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { invalidInput, notFound } from '../errors.js';
import { assertPublicUrl, RefusedAddressError } from './address-guard.js';
import { newSigningSecret } from './signing.js';

export const SECRET_PURPOSE = 'webhook';

export interface WebhookInput {
  url?: string | null;
  events?: string[] | null;
  name?: string | null;
  enabled?: boolean | null;
}

export interface WebhookSecret {
  webhook: Webhook;
  signingSecret: string;
}

const ref = (w: Webhook): WebhookRef => ({ id: w.id, name: w.name, url: w.url, events: w.events });

async function validateUrl(deps: Deps, raw: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidInput('url', 'The URL must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidInput('url', 'The URL must be an absolute http(s) URL');
  if (url.username || url.password) throw invalidInput('url', 'The URL must not carry credentials; the signature authenticates the sender');
  if (url.href.length > 2048) throw invalidInput('url', 'The URL is too long (2048 characters at most)');
  try {
    await assertPublicUrl(url, deps.config.webhookAllowPrivate);
  } catch (err) {
    if (err instanceof RefusedAddressError) throw invalidInput('url', `The URL resolves to ${err.address}: loopback, link-local and private addresses are refused`);
    throw invalidInput('url', `The host ${url.hostname} does not resolve`);
  }
  return url.href;
}

function validateEvents(events: string[]): string[] {
  const out = [...new Set(events.map((e) => e.trim()))];
  if (out.length === 0) throw invalidInput('events', 'Name at least one event type, or "*" for every event');
  for (const type of out) {
    if (type !== '*' && !isEventType(type)) {
      throw invalidInput('events', `Unknown event type "${type}"; known types: ${ALL_EVENT_TYPES.join(', ')}`);
    }
  }
  return out;
}

function validateName(name: string | null | undefined): string | null {
  const value = name?.trim() || null;
  if (value && value.length > 100) throw invalidInput('name', 'The name is too long (100 characters at most)');
  return value;
}

export async function createWebhook(
  deps: Deps,
  input: { url: string; events: string[]; name?: string | null; enabled?: boolean | null },
  actor: AuditActor,
  request: RequestInfo,
): Promise<WebhookSecret> {
  const url = await validateUrl(deps, input.url);
  const events = validateEvents(input.events);
  const name = validateName(input.name);
  const signingSecret = newSigningSecret();
  const webhook = await withEvents(deps, actor, request, async (tx, ev) => {
    const created = await tx.webhook.create({
      data: { url, events, name, enabled: input.enabled ?? true, secretEncrypted: deps.secrets.encrypt(SECRET_PURPOSE, signingSecret), createdAt: deps.clock.now(), updatedAt: deps.clock.now() },
    });
    ev.emit('webhook.created', { audit: 'admin.webhook.create', data: { webhook: ref(created) } });
    return created;
  });
  return { webhook, signingSecret };
}

export async function updateWebhook(deps: Deps, id: string, input: WebhookInput, actor: AuditActor, request: RequestInfo): Promise<Webhook> {
  const url = input.url != null ? await validateUrl(deps, input.url) : undefined;
  const events = input.events != null ? validateEvents(input.events) : undefined;
  const name = input.name !== undefined ? validateName(input.name) : undefined;
  return withEvents(deps, actor, request, async (tx, ev) => {
    if (!(await tx.webhook.findUnique({ where: { id }, select: { id: true } }))) throw notFound('Webhook', 'id');
    const updated = await tx.webhook.update({
      where: { id },
      data: { url, events, name, enabled: input.enabled ?? undefined, updatedAt: deps.clock.now() },
    });
    ev.emit('webhook.updated', { audit: 'admin.webhook.update', data: { webhook: ref(updated) }, details: { webhook: ref(updated), enabled: updated.enabled } });
    return updated;
  });
}

/** Deleting a webhook drops its pending deliveries (by cascade): nothing more is sent to it. */
export async function deleteWebhook(deps: Deps, id: string, actor: AuditActor, request: RequestInfo): Promise<Webhook> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const existing = await tx.webhook.findUnique({ where: { id } });
    if (!existing) throw notFound('Webhook', 'id');
    await tx.webhook.delete({ where: { id } });
    ev.emit('webhook.deleted', { audit: 'admin.webhook.delete', data: { webhook: ref(existing) } });
    return existing;
  });
}

/** A new secret at once: deliveries signed from now on use it (receivers must switch over). */
export async function rotateWebhookSecret(deps: Deps, id: string, actor: AuditActor, request: RequestInfo): Promise<WebhookSecret> {
  const signingSecret = newSigningSecret();
  const webhook = await withEvents(deps, actor, request, async (tx, ev) => {
    if (!(await tx.webhook.findUnique({ where: { id }, select: { id: true } }))) throw notFound('Webhook', 'id');
    const updated = await tx.webhook.update({
      where: { id },
      data: { secretEncrypted: deps.secrets.encrypt(SECRET_PURPOSE, signingSecret), updatedAt: deps.clock.now() },
    });
    ev.emit('webhook.secret_rotated', { audit: 'admin.webhook.rotate_secret', data: { webhook: ref(updated) } });
    return updated;
  });
  return { webhook, signingSecret };
}

/** Sends a `webhook.test` event to this webhook only (enabled or not: it is how one checks a receiver). */
export async function testWebhook(deps: Deps, id: string, actor: AuditActor, request: RequestInfo): Promise<WebhookDelivery> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const webhook = await tx.webhook.findUnique({ where: { id } });
    if (!webhook) throw notFound('Webhook', 'id');
    const eventId = ev.emit('webhook.test', { audit: 'admin.webhook.test', data: { webhook: ref(webhook) }, fanOut: false });
    ev.deliveries += 1;
    return tx.webhookDelivery.create({ data: { webhookId: id, eventId, eventType: 'webhook.test', nextAttemptAt: deps.clock.now(), createdAt: deps.clock.now() } });
  });
}

/** Sends a delivery's event again, as a new delivery (the old one keeps its history). */
export async function redeliverWebhook(deps: Deps, deliveryId: string, actor: AuditActor, request: RequestInfo): Promise<WebhookDelivery> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const previous = await tx.webhookDelivery.findUnique({ where: { id: deliveryId } });
    if (!previous) throw notFound('Webhook delivery', 'deliveryId');
    ev.emit('webhook.redelivered', {
      audit: 'admin.webhook.redeliver',
      data: { webhookId: previous.webhookId, deliveryId, eventId: previous.eventId },
      fanOut: false,
    });
    ev.deliveries += 1;
    return tx.webhookDelivery.create({
      data: { webhookId: previous.webhookId, eventId: previous.eventId, eventType: previous.eventType, nextAttemptAt: deps.clock.now(), createdAt: deps.clock.now() },
    });
  });
}
