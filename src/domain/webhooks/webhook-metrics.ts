// Webhook metrics. A scrape of /metrics runs no database query (scrapes must stay cheap and must
// not reach the database for whoever can call them): the counter is kept in memory, and the queue
// gauges are refreshed by a timer on the instances that send webhooks (WEBHOOK_WORKER), one
// statement each time.
import { Counter, Gauge, type Registry } from 'prom-client';
import { unavailableDependency } from '../../lib/availability/index.js';
import type { Deps } from '../deps.js';

/** How often the queue gauges are read from the database (a scrape sees values at most this old). */
export const QUEUE_GAUGES_REFRESH_MS = 15_000;

export interface WebhookMetrics {
  deliveries: Counter<'outcome'>;
  /** Reads the queue's depth and oldest pending delivery into the gauges (one query). */
  refreshQueueGauges(): Promise<void>;
  /** Refreshes now and every QUEUE_GAUGES_REFRESH_MS until stopped. */
  startRefreshing(): void;
  stopRefreshing(): void;
}

export function registerWebhookMetrics(registry: Registry, deps: Pick<Deps, 'prisma' | 'clock' | 'logger' | 'outages'>): WebhookMetrics {
  const deliveries = new Counter({
    name: 'webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome: succeeded, retrying (failed, will retry) or failed (gave up)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const depth = new Gauge({
    name: 'webhook_queue_depth',
    help: `Webhook deliveries waiting to be sent (PENDING), read every ${QUEUE_GAUGES_REFRESH_MS / 1000} s by instances that send webhooks`,
    registers: [registry],
  });
  const oldest = new Gauge({
    name: 'webhook_oldest_pending_seconds',
    help: `Age of the oldest pending webhook delivery (0 when none), read every ${QUEUE_GAUGES_REFRESH_MS / 1000} s by instances that send webhooks`,
    registers: [registry],
  });
  let timer: NodeJS.Timeout | null = null;
  const refreshQueueGauges = async () => {
    const [row] = await deps.prisma.$queryRaw<{ depth: number; oldest: string | null }[]>`
      SELECT count(*)::int AS depth, to_char(min("createdAt"), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS oldest
      FROM "WebhookDelivery" WHERE status = 'PENDING'`;
    depth.set(row?.depth ?? 0);
    oldest.set(row?.oldest ? Math.max(0, (deps.clock.now().getTime() - new Date(row.oldest).getTime()) / 1000) : 0);
  };
  // During an outage the last values stand and the outage is logged once (by Outages), not per refresh.
  const refreshLogged = () =>
    refreshQueueGauges().catch((err: unknown) => {
      if (unavailableDependency(err) === 'database') deps.outages.failed('database', err);
      else deps.logger.warn({ err }, 'could not read the webhook queue for /metrics');
    });
  return {
    deliveries,
    refreshQueueGauges,
    startRefreshing() {
      if (timer) return;
      void refreshLogged();
      timer = setInterval(() => void refreshLogged(), QUEUE_GAUGES_REFRESH_MS);
      timer.unref();
    },
    stopRefreshing() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
