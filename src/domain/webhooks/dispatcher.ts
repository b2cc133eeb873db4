// The webhook dispatcher: an outbox of WebhookDelivery rows claimed with FOR UPDATE SKIP LOCKED.
// Rows are created in the transaction of the change (src/domain/events/collector.ts), so nothing
// is lost across restarts; a claim is a lease (lockedUntil), so of several instances sharing one
// PostgreSQL exactly one sends a delivery, and a crashed sender's lease lapses for another to
// retry (at-least-once). The HTTP request runs outside any transaction: a slow receiver never
// holds a database connection (the embedded database has only one).
// An unreachable database pauses the loop with backoff (the outage is logged once, by Outages)
// and loses nothing: outcomes of attempts made before it could not be saved are kept and saved
// first when it is back (while their lease holds; after that the row is sent again).
import { Counter, Gauge, type Registry } from 'prom-client';
import { Prisma } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import { unavailableDependency } from '../../lib/availability/index.js';
import type { Deps } from '../deps.js';
import { MAX_ATTEMPTS, retryDelaySeconds } from './backoff.js';
import { type AttemptResult, postWebhook } from './sender.js';
import { signPayload } from './signing.js';

const BATCH = 50;
// A lease outlives the attempt's timeout by this much, so it never lapses while a send is in flight.
const LEASE_MARGIN_SECONDS = 30;
// While the database is unreachable the loop retries after this, doubling up to the maximum.
const OUTAGE_BACKOFF_MS = 100;
const OUTAGE_BACKOFF_MAX_MS = 2_000;

interface Claimed {
  id: string;
  attempts: number;
  url: string;
  secretEncrypted: string;
  /** Null when the event row is gone. */
  eventId: string | null;
  eventType: string | null;
  eventAt: string | null;
  eventData: unknown;
}

/** A timestamp parameter for the `timestamp(3)` (UTC) columns, whatever the session's time zone. */
function utc(date: Date): Prisma.Sql {
  return Prisma.sql`(CAST(${date.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
}

export interface WebhookMetrics {
  deliveries: Counter<'outcome'>;
}

export function registerWebhookMetrics(registry: Registry, deps: Pick<Deps, 'prisma' | 'clock'>): WebhookMetrics {
  const deliveries = new Counter({
    name: 'webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome: succeeded, retrying (failed, will retry) or failed (gave up)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'webhook_queue_depth',
    help: 'Webhook deliveries waiting to be sent (PENDING)',
    registers: [registry],
    // While the database is unreachable the last value stands: /metrics must keep answering then.
    async collect() {
      const depth = await deps.prisma.webhookDelivery.count({ where: { status: 'PENDING' } }).catch(() => null);
      if (depth !== null) this.set(depth);
    },
  });
  new Gauge({
    name: 'webhook_oldest_pending_seconds',
    help: 'Age of the oldest pending webhook delivery (0 when none)',
    registers: [registry],
    async collect() {
      const oldest = await deps.prisma.webhookDelivery
        .findFirst({ where: { status: 'PENDING' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } })
        .catch(() => undefined);
      if (oldest === undefined) return;
      this.set(oldest ? Math.max(0, (deps.clock.now().getTime() - oldest.createdAt.getTime()) / 1000) : 0);
    },
  });
  return { deliveries };
}

export class WebhookDispatcher {
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private inFlight = new Set<Promise<unknown>>();
  /** Batches sent whose outcomes the database could not take yet. */
  private unrecorded: { outcomes: { delivery: Claimed; result: AttemptResult }[]; lease: Date }[] = [];

  constructor(
    private deps: Deps,
    private metrics: WebhookMetrics,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming and waits for the attempts in flight (their results are recorded). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Something is due now (a change committed with deliveries, or a test moved the clock). */
  poke(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    const { logger, config } = this.deps;
    let backoff = 0;
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
        backoff = 0;
      } catch (err) {
        if (unavailableDependency(err) === 'database') {
          this.deps.outages.failed('database', err);
          backoff = Math.min(OUTAGE_BACKOFF_MAX_MS, backoff ? backoff * 2 : OUTAGE_BACKOFF_MS);
        } else {
          logger.warn({ err }, 'webhook dispatch failed');
        }
      }
      if (!this.running) break;
      // A full batch means more is due: go on at once. Otherwise sleep until poked or the next poll
      // (during an outage: the backoff, which a poke does not cut short).
      if (claimed < BATCH) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, backoff || config.webhookPollIntervalMs);
          timer.unref();
          this.wake = () => {
            if (backoff && this.running) return;
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
  }

  /**
   * Claims what is due and sends it; resolves once those attempts are recorded. Returns how many.
   * Two statements per batch (claim with everything the sends need, then every outcome at once):
   * on the embedded database each statement waits for the one connection, behind the requests.
   */
  async runOnce(): Promise<number> {
    const { prisma, clock, config } = this.deps;
    // Outcomes an outage kept from being saved go first; this throws while the database is still away.
    while (this.unrecorded.length) {
      const batch = this.unrecorded[0]!;
      await this.record(batch.outcomes, batch.lease, false);
      this.unrecorded.shift();
    }
    const now = clock.now();
    const lease = addSeconds(now, config.webhookTimeoutMs / 1000 + LEASE_MARGIN_SECONDS);
    const claimed = await prisma.$queryRaw<Claimed[]>`
      WITH claimed AS (
        UPDATE "WebhookDelivery" SET "lockedUntil" = ${utc(lease)}, attempts = attempts + 1
        WHERE id IN (
          SELECT d.id FROM "WebhookDelivery" d JOIN "Webhook" w ON w.id = d."webhookId"
          WHERE d.status = 'PENDING' AND w.enabled
            AND d."nextAttemptAt" <= ${utc(now)}
            AND (d."lockedUntil" IS NULL OR d."lockedUntil" <= ${utc(now)})
          ORDER BY d."nextAttemptAt"
          LIMIT ${BATCH}
          FOR UPDATE OF d SKIP LOCKED)
        RETURNING id, "webhookId", "eventId", attempts)
      SELECT c.id, c.attempts, w.url, w."secretEncrypted", e.id AS "eventId", e.type AS "eventType",
        to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "eventAt", e.data AS "eventData"
      FROM claimed c JOIN "Webhook" w ON w.id = c."webhookId" LEFT JOIN "AuditEvent" e ON e.id = c."eventId"`;
    if (claimed.length === 0) return 0;
    const attempts = claimed.map(async (delivery) => ({ delivery, result: await this.attempt(delivery) }));
    const tracked = Promise.all(attempts);
    this.inFlight.add(tracked);
    try {
      const outcomes = await tracked;
      try {
        await this.record(outcomes, lease);
      } catch (err) {
        if (unavailableDependency(err) !== 'database') throw err;
        this.unrecorded.push({ outcomes, lease });
        throw err;
      }
    } finally {
      this.inFlight.delete(tracked);
    }
    return claimed.length;
  }

  private async attempt(delivery: Claimed): Promise<AttemptResult> {
    const { deps } = this;
    if (!delivery.eventType || !delivery.eventAt) {
      return { ok: false, statusCode: null, error: 'the event no longer exists', responseBody: null };
    }
    const body = JSON.stringify({ id: delivery.eventId, type: delivery.eventType, timestamp: delivery.eventAt, data: delivery.eventData ?? {} });
    // Wall-clock time, not the injected clock: receivers compare it with their own clock to refuse replays.
    const timestamp = Math.floor(Date.now() / 1000);
    const secret = deps.secrets.decrypt('webhook', delivery.secretEncrypted);
    return postWebhook(
      delivery.url,
      {
        'content-type': 'application/json',
        'user-agent': 'account-service-webhooks/1',
        'webhook-id': delivery.eventId!,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signPayload(secret, delivery.eventId!, timestamp, body),
      },
      body,
      { timeoutMs: deps.config.webhookTimeoutMs, allowPrivate: deps.config.webhookAllowPrivate },
    );
  }

  /** Every outcome of a batch in one statement, only where the lease is still ours (else another instance owns the row). */
  private async record(outcomes: { delivery: Claimed; result: AttemptResult }[], lease: Date, firstTime = true): Promise<void> {
    const { deps } = this;
    const now = deps.clock.now();
    const rows = outcomes.map(({ delivery, result }) => {
      const delay = result.ok ? null : retryDelaySeconds(delivery.attempts);
      const status = result.ok ? 'SUCCEEDED' : delay === null || delivery.attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING';
      if (!firstTime) return { id: delivery.id, status, result, next: status === 'PENDING' ? addSeconds(now, delay!).toISOString() : null };
      this.metrics.deliveries.inc({ outcome: status === 'SUCCEEDED' ? 'succeeded' : status === 'FAILED' ? 'failed' : 'retrying' });
      if (!result.ok) deps.logger.info({ deliveryId: delivery.id, attempts: delivery.attempts, status, error: result.error }, 'webhook delivery failed');
      return { id: delivery.id, status, result, next: status === 'PENDING' ? addSeconds(now, delay!).toISOString() : null };
    });
    await deps.prisma.$executeRaw`
      UPDATE "WebhookDelivery" d SET
        status = v.status::"WebhookDeliveryStatus",
        "lockedUntil" = NULL,
        "lastStatusCode" = v.code,
        "lastError" = v.error,
        "lastResponseBody" = v.body,
        "deliveredAt" = CASE WHEN v.status = 'SUCCEEDED' THEN ${utc(now)} ELSE d."deliveredAt" END,
        "nextAttemptAt" = COALESCE(v.next::timestamptz AT TIME ZONE 'UTC', d."nextAttemptAt")
      FROM unnest(
        ${rows.map((r) => r.id)}::text[],
        ${rows.map((r) => r.status)}::text[],
        ${rows.map((r) => r.result.statusCode)}::int[],
        ${rows.map((r) => r.result.error?.slice(0, 500) ?? null)}::text[],
        ${rows.map((r) => r.result.responseBody)}::text[],
        ${rows.map((r) => r.next)}::text[]
      ) AS v(id, status, code, error, body, next)
      WHERE d.id = v.id AND d."lockedUntil" = ${utc(lease)}`;
  }
}
