// The maintenance job: purges accounts whose deletion grace ended and deletes what expired
// (challenges, verification records, link tokens, trusted devices, long-ended sessions, finished
// webhook deliveries), so no table grows without bound. It runs on one instance at a time: a
// lease row in JobLease (claimed by a conditional upsert) says who holds it and when the job is
// next due, so the schedule survives restarts and a crashed holder's lease lapses for another
// instance. The purge itself also claims its rows with SKIP LOCKED (purge.ts): even two runs at
// once never delete an account, or emit its event, twice.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { unavailableDependency } from '../../lib/availability/index.js';
import { addSeconds } from '../../lib/clock.js';
import type { Deps } from '../deps.js';
import { DAY_SECONDS } from './lifecycle-tokens.js';
import { utc } from '../../db/sql-time.js';
import { purgeDueAccounts } from './purge.js';

const JOB = 'maintenance';
// Longer than a run can take; a holder that dies mid-run blocks the job this long at most.
const LEASE_SECONDS = 10 * 60;
// Expired challenges and tokens are kept a day, so an answer "expired" (not "unknown") stays
// accurate for a while after their end.
const EXPIRED_KEPT_SECONDS = DAY_SECONDS;
// Ended sessions stay listed in exports and investigations for a month.
const ENDED_SESSION_KEPT_SECONDS = 30 * DAY_SECONDS;
const FINISHED_DELIVERY_KEPT_SECONDS = 30 * DAY_SECONDS;
const SIGN_IN_CONTEXT_KEPT_SECONDS = 365 * DAY_SECONDS;

export interface MaintenanceReport {
  purgedUsers: string[];
  deleted: Record<string, number>;
}

export class MaintenanceJob {
  private readonly holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(private readonly deps: Deps) {}

  /** Polls for the lease; the first try comes soon after start, so a restarted instance catches up. */
  start(): void {
    if (this.timer) return;
    const pollMs = Math.min(this.deps.config.maintenanceIntervalSeconds, 60) * 1000;
    const tick = () => {
      this.running ??= this.runOnce()
        // An unreachable database is one outage line (Outages), not a warning per tick; the next
        // tick tries again. A run cut mid-way deleted nothing half-way (each step is a statement or
        // a transaction) and runs again once its lease lapses.
        .catch((err: unknown) => {
          if (unavailableDependency(err) === 'database') this.deps.outages.failed('database', err);
          else this.deps.logger.warn({ err }, 'maintenance job failed');
        })
        .finally(() => {
          this.running = null;
        });
      this.timer = setTimeout(tick, pollMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, Math.min(pollMs, 5000));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs the job if it is due and this instance gets the lease; null when not. */
  async runOnce(): Promise<MaintenanceReport | null> {
    if (!(await this.claim())) return null;
    try {
      const report = await this.work();
      this.deps.logger.info({ purged: report.purgedUsers.length, deleted: report.deleted }, 'maintenance job ran');
      return report;
    } finally {
      await this.release();
    }
  }

  private async claim(): Promise<boolean> {
    const now = this.deps.clock.now();
    const rows = await this.deps.prisma.$queryRaw<{ name: string }[]>`
      INSERT INTO "JobLease" (name, holder, "leasedUntil") VALUES (${JOB}, ${this.holder}, ${utc(addSeconds(now, LEASE_SECONDS))})
      ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, "leasedUntil" = EXCLUDED."leasedUntil"
      WHERE ("JobLease"."leasedUntil" IS NULL OR "JobLease"."leasedUntil" <= ${utc(now)})
        AND ("JobLease"."nextRunAt" IS NULL OR "JobLease"."nextRunAt" <= ${utc(now)})
      RETURNING name`;
    return rows.length === 1;
  }

  private async release(): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.prisma.jobLease.updateMany({
      where: { name: JOB, holder: this.holder },
      data: { holder: null, leasedUntil: null, lastRunAt: now, nextRunAt: addSeconds(now, this.deps.config.maintenanceIntervalSeconds) },
    });
  }

  private async work(): Promise<MaintenanceReport> {
    const { prisma, clock } = this.deps;
    const purgedUsers: string[] = [];
    for (;;) {
      const batch = await purgeDueAccounts(this.deps);
      purgedUsers.push(...batch);
      if (batch.length < 100) break;
    }
    const now = clock.now();
    const expired = addSeconds(now, -EXPIRED_KEPT_SECONDS);
    const sessionsEnded = addSeconds(now, -ENDED_SESSION_KEPT_SECONDS);
    const deleted: Record<string, number> = {};
    const count = async (table: string, run: Promise<{ count: number }>) => {
      deleted[table] = (await run).count;
    };
    await count('MfaChallenge', prisma.mfaChallenge.deleteMany({ where: { expiresAt: { lt: expired } } }));
    await count('PasskeyChallenge', prisma.passkeyChallenge.deleteMany({ where: { expiresAt: { lt: expired } } }));
    await count('VerificationRecord', prisma.verificationRecord.deleteMany({ where: { expiresAt: { lt: expired } } }));
    await count('SocialAuthState', prisma.socialAuthState.deleteMany({ where: { expiresAt: { lt: expired } } }));
    await count('LifecycleToken', prisma.lifecycleToken.deleteMany({ where: { OR: [{ expiresAt: { lt: expired } }, { usedAt: { lt: expired } }] } }));
    await count('TrustedDevice', prisma.trustedDevice.deleteMany({ where: { expiresAt: { lt: now } } }));
    // Refresh tokens go with their session (cascade).
    await count('Session', prisma.session.deleteMany({ where: { OR: [{ revokedAt: { lt: sessionsEnded } }, { expiresAt: { lt: sessionsEnded } }] } }));
    await count(
      'WebhookDelivery',
      prisma.webhookDelivery.deleteMany({ where: { status: { in: ['SUCCEEDED', 'FAILED'] }, createdAt: { lt: addSeconds(now, -FINISHED_DELIVERY_KEPT_SECONDS) } } }),
    );
    await count('SignInContext', prisma.signInContext.deleteMany({ where: { lastSeenAt: { lt: addSeconds(now, -SIGN_IN_CONTEXT_KEPT_SECONDS) } } }));
    // The rate limiter's rows expire by wall-clock time (its library's own clock).
    await count('auth_rate_limit', prisma.authRateLimit.deleteMany({ where: { expire: { lt: BigInt(Date.now()) } } }));
    return { purgedUsers, deleted };
  }
}
