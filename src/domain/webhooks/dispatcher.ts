// The webhook dispatcher: an outbox of WebhookDelivery rows claimed with FOR UPDATE SKIP LOCKED.
// Rows are created in the transaction of the change (src/domain/events/collector.ts), so nothing
// is lost across restarts; a claim is a lease (lockedUntil), so of several instances sharing one
// PostgreSQL exactly one sends a delivery, and a crashed sender's lease lapses for another to
// retry (at-least-once). The HTTP request runs outside any transaction: a slow receiver never
// holds a database connection (the embedded database has only one).
// An unreachable database pauses the loop with backoff (the outage is logged once, by Outages)
// and loses nothing: outcomes of attempts made before it could not be saved are kept and saved
// first when it is back (while their lease holds; after that the row is sent again).
import { utc } from '../../db/sql-time.js';
import { Prisma } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import { unavailableDependency } from '../../lib/availability/index.js';
import type { Deps } from '../deps.js';
import { MAX_ATTEMPTS, retryDelaySeconds } from './backoff.js';
import { toStorableText } from '../../lib/unstorable-strings.js';
import { type AttemptResult, postWebhook, RESPONSE_BODY_CAP_BYTES } from './sender.js';
import { signPayload } from './signing.js';
import type { WebhookMetrics } from './webhook-metrics.js';

const BATCH = 50;
const ERROR_CAP_BYTES = 500;
/** Stored instead of the answer when the outcome with it could not be written. */
const UNSTORED_OUTCOME = 'the outcome could not be stored in full; see the service log';
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


export class WebhookDispatcher {
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private inFlight = new Set<Promise<unknown>>();
  /** Outcomes the database could not take yet (it was unreachable), saved first when it is back. */
  private unrecorded: { delivery: Claimed; result: AttemptResult; lease: Date }[] = [];

  constructor(
    private deps: Deps,
    /** The queue gauges are refreshed while this dispatcher runs (tests refresh them on demand). */
    readonly metrics: WebhookMetrics,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    this.metrics.startRefreshing();
  }

  /** Stops claiming and waits for the attempts in flight (their results are recorded). */
  async stop(): Promise<void> {
    this.running = false;
    this.metrics.stopRefreshing();
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
   * One statement claims the batch with everything the sends need; each outcome is then written on
   * its own as soon as its answer is in, so neither a slow receiver nor an outcome that cannot be
   * written holds the others.
   */
  async runOnce(): Promise<number> {
    const { prisma, clock, config } = this.deps;
    // Outcomes an outage kept from being saved go first; this throws while the database is still away.
    while (this.unrecorded.length) {
      const { delivery, result, lease } = this.unrecorded[0]!;
      await this.record(delivery, result, lease, false);
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
    const tracked = Promise.all(claimed.map((delivery) => this.deliver(delivery, lease)));
    this.inFlight.add(tracked);
    try {
      const outages = (await tracked).filter((err) => err !== undefined);
      // The loop backs off while the database is away; what was sent waits in `unrecorded`.
      if (outages.length) throw outages[0];
    } finally {
      this.inFlight.delete(tracked);
    }
    return claimed.length;
  }

  /**
   * Sends one claimed delivery and records its outcome; never throws (a failure is logged). When the
   * database is unreachable the outcome is kept for later and the outage error is returned.
   */
  private async deliver(delivery: Claimed, lease: Date): Promise<unknown> {
    // Claimed once more after MAX_ATTEMPTS sends: the outcome of the last one was never recorded
    // (its write failed, or the sender died), so its lease lapsed. Give up without sending again.
    if (delivery.attempts > MAX_ATTEMPTS) {
      // During an outage the lease lapses and the row is claimed (and given up) again later.
      return this.giveUp(delivery, lease).then(() => undefined, (err: unknown) => err);
    }
    let result: AttemptResult;
    try {
      result = await this.attempt(delivery);
    } catch (err) {
      result = { ok: false, statusCode: null, error: `could not send: ${(err as Error).message}`, responseBody: null };
    }
    try {
      await this.record(delivery, result, lease);
      return undefined;
    } catch (err) {
      this.unrecorded.push({ delivery, result, lease });
      return err;
    }
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

  /**
   * One delivery's outcome, only where the lease is still ours (else another instance owns the row).
   * What the receiver said is cleaned and capped first (PostgreSQL text refuses NUL). Should the
   * write fail all the same, the outcome is written again without anything the receiver sent, so
   * the schedule (status, next attempt) moves on; if that fails too, the lease lapses and the
   * delivery is claimed again, counted as an attempt, so MAX_ATTEMPTS still ends it. An unreachable
   * database is no reason to drop what the receiver said: that error goes up (see `deliver`).
   */
  private async record(delivery: Claimed, result: AttemptResult, lease: Date, firstTime = true): Promise<void> {
    const { deps } = this;
    const now = deps.clock.now();
    const delay = result.ok ? null : retryDelaySeconds(delivery.attempts);
    const status = result.ok ? 'SUCCEEDED' : delay === null || delivery.attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING';
    const error = result.error === null ? null : toStorableText(result.error, ERROR_CAP_BYTES);
    if (!result.ok && firstTime) deps.logger.info({ deliveryId: delivery.id, attempts: delivery.attempts, status, error }, 'webhook delivery failed');
    const outcome = {
      status,
      lockedUntil: null,
      lastStatusCode: result.statusCode,
      nextAttemptAt: status === 'PENDING' ? addSeconds(now, delay!) : undefined,
      deliveredAt: status === 'SUCCEEDED' ? now : undefined,
    } as const;
    const responseBody = result.responseBody === null ? null : toStorableText(result.responseBody, RESPONSE_BODY_CAP_BYTES);
    const saved =
      (await this.write(delivery, lease, { ...outcome, lastError: error, lastResponseBody: responseBody || null })) ||
      (await this.write(delivery, lease, { ...outcome, lastError: UNSTORED_OUTCOME, lastResponseBody: null }));
    if (saved) this.metrics.deliveries.inc({ outcome: status === 'SUCCEEDED' ? 'succeeded' : status === 'FAILED' ? 'failed' : 'retrying' });
  }

  private async giveUp(delivery: Claimed, lease: Date): Promise<void> {
    const lastError = `gave up after ${MAX_ATTEMPTS} attempts: the outcome of the last one could not be recorded`;
    this.deps.logger.warn({ deliveryId: delivery.id }, 'webhook delivery given up');
    if (await this.write(delivery, lease, { status: 'FAILED', lockedUntil: null, attempts: MAX_ATTEMPTS, lastError })) {
      this.metrics.deliveries.inc({ outcome: 'failed' });
    }
  }

  /** One statement for one delivery; false (and logged) when it fails, thrown when the database is away. */
  private async write(delivery: Claimed, lease: Date, data: Prisma.WebhookDeliveryUpdateManyMutationInput): Promise<boolean> {
    try {
      await this.deps.prisma.webhookDelivery.updateMany({ where: { id: delivery.id, lockedUntil: lease }, data });
      return true;
    } catch (err) {
      if (unavailableDependency(err) === 'database') throw err;
      this.deps.logger.warn({ err, deliveryId: delivery.id }, 'could not record a webhook outcome');
      return false;
    }
  }
}
