// Outages of the database and Redis as the service lives them: one begins with the first request
// (or worker) that meets an unreachable dependency and ends when a probe reaches it again. It is
// logged once at each end (not once per refused request) and counted on /metrics; while one lasts,
// refusals only bump a counter. The probe is what notices the end: requests keep trying the
// dependency themselves, so they recover as soon as it answers, whatever the probe's rhythm.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../../logger.js';
import type { Dependency } from './unavailable.js';

/** What a client is told to wait before retrying a request refused with 503. */
export const RETRY_AFTER_SECONDS = 2;
// How often an ongoing outage is probed: its end is noticed within this (plus the probe's own time).
const PROBE_INTERVAL_MS = 200;

interface Outage {
  startedAt: number;
  refused: number;
  degraded: number;
  reason: string;
}

export interface OutageMetrics {
  refused: Counter<'dependency'>;
  outages: Counter<'dependency'>;
  degradedReads: Counter;
}

export function registerOutageMetrics(registry: Registry): OutageMetrics {
  const metrics: OutageMetrics = {
    refused: new Counter({
      name: 'service_unavailable_refusals_total',
      help: 'Requests answered 503 SERVICE_UNAVAILABLE because a dependency was unreachable, by dependency',
      labelNames: ['dependency'] as const,
      registers: [registry],
    }),
    outages: new Counter({
      name: 'service_outages_total',
      help: 'Outages of a dependency (database, redis) this instance lived through',
      labelNames: ['dependency'] as const,
      registers: [registry],
    }),
    degradedReads: new Counter({
      name: 'service_degraded_reads_total',
      help: 'Requests authenticated from the validity cache while the database was unreachable (DEGRADED_READ_SECONDS)',
      registers: [registry],
    }),
  };
  return metrics;
}

export class Outages {
  private readonly current = new Map<Dependency, Outage>();
  private readonly probes = new Map<Dependency, () => Promise<boolean>>();
  private readonly endListeners: ((dependency: Dependency) => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly logger: Logger,
    private readonly metrics: OutageMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  /** How an outage of `dependency` is seen to end; without a probe only `recovered` ends it. */
  setProbe(dependency: Dependency, probe: () => Promise<boolean>): void {
    this.probes.set(dependency, probe);
  }

  onRecovered(listener: (dependency: Dependency) => void): void {
    this.endListeners.push(listener);
  }

  /** A request or worker met the dependency unreachable: begins an outage unless one is on. */
  failed(dependency: Dependency, error?: unknown): void {
    if (this.current.has(dependency) || this.closed) return;
    const reason = describe(error);
    this.current.set(dependency, { startedAt: this.now(), refused: 0, degraded: 0, reason });
    this.metrics.outages.inc({ dependency });
    this.logger.warn({ dependency, reason }, `${dependency} unreachable: refusing what needs it with 503 until it answers`);
    if (this.probes.has(dependency)) this.scheduleProbe(dependency);
  }

  /** The dependency answers again (a probe, or a client that reconnected). */
  recovered(dependency: Dependency): void {
    const outage = this.current.get(dependency);
    if (!outage) return;
    this.current.delete(dependency);
    const durationMs = this.now() - outage.startedAt;
    this.logger.warn(
      { dependency, durationMs, refused: outage.refused, degradedReads: outage.degraded },
      `${dependency} reachable again after ${(durationMs / 1000).toFixed(1)} s; ${outage.refused} requests were refused`,
    );
    for (const listener of this.endListeners) listener(dependency);
  }

  /** One request answered 503 because of `dependency` (or of whichever outage is on). */
  refused(dependency?: Dependency): void {
    const dep = dependency ?? (this.current.has('database') ? 'database' : this.current.has('redis') ? 'redis' : 'database');
    this.metrics.refused.inc({ dependency: dep });
    const outage = this.current.get(dep);
    if (outage) outage.refused++;
  }

  /** One request answered from the validity cache during a database outage. */
  servedDegraded(): void {
    this.metrics.degradedReads.inc();
    const outage = this.current.get('database');
    if (outage) outage.degraded++;
  }

  /** When the ongoing outage of `dependency` began (ms since the epoch), or null. */
  since(dependency: Dependency): number | null {
    return this.current.get(dependency)?.startedAt ?? null;
  }

  isDown(dependency: Dependency): boolean {
    return this.current.has(dependency);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private scheduleProbe(dependency: Dependency): void {
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      if (this.closed || !this.current.has(dependency)) return;
      const ok = await this.probes.get(dependency)!().catch(() => false);
      if (ok) this.recovered(dependency);
      else this.scheduleProbe(dependency);
    }, PROBE_INTERVAL_MS);
    timer.unref();
    this.timers.add(timer);
  }
}

/** A short, safe reason for the log line: the error's code (Prisma, SQLSTATE, errno) or its class. */
function describe(error: unknown): string {
  if (!error || typeof error !== 'object') return 'unknown';
  const err = error as { code?: unknown; name?: unknown; originalError?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  const adapter = err.meta?.driverAdapterError?.cause;
  if (adapter) return [err.code, adapter.kind, adapter.originalCode].filter(Boolean).join(' ');
  if (typeof err.code === 'string') return err.code;
  if (err.originalError) return describe(err.originalError);
  if (err.cause) return describe(err.cause);
  return typeof err.name === 'string' ? err.name : 'unknown';
}
