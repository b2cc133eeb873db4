// Limits on expensive work started by one API field: hashing a password (argon2: ~20 MiB and tens
// of milliseconds each), sending a message (mail, SMS) or calling an outside identity provider.
// Two limits, both checked before the work starts (docs/security.md):
// - per request: at most REQUEST_WORK_BUDGET such fields run in one request, whatever its aliases
//   (graphql-armor allows 30, and `me` fields run in parallel);
// - per subject and kind: EXPENSIVE_FIELD_LIMIT_PER_MINUTE runs per minute per account (the signed-in
//   caller) or, for anonymous sign-in and sign-up, per identifier, shared by every instance like
//   the per-address limit (ip-rate-limit.ts).
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors.js';
import { createLimiter, type RateLimitStore } from './ip-rate-limit.js';

export type WorkKind = 'hash' | 'send' | 'provider';

/** Expensive fields one request may run (all kinds together). */
export const REQUEST_WORK_BUDGET = 3;

/** Counts one request's expensive fields; synchronous, so parallel `me` fields cannot both pass. */
export class RequestWorkBudget {
  private spent = 0;

  take(): void {
    if (this.spent >= REQUEST_WORK_BUDGET) {
      throw new RateLimitedError(`At most ${REQUEST_WORK_BUDGET} password, message or provider operations per request; send the rest in another request`, 1);
    }
    this.spent += 1;
  }
}

export class WorkLimiter {
  private readonly limiter: RateLimiterAbstract | null;

  /** `perMinute` runs per kind per subject; 0 turns the limit off. */
  constructor(
    perMinute: number,
    private readonly refused?: { inc(labels: { kind: WorkKind }): void },
    store: RateLimitStore = { kind: 'memory' },
  ) {
    this.limiter = perMinute > 0 ? createLimiter(perMinute, store) : null;
  }

  /** Counts one run for `subject` (an account id or a normalized identifier); throws RATE_LIMITED past the limit. */
  async consume(kind: WorkKind, subject: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(`work:${kind}:${subject}`);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.refused?.inc({ kind });
      throw new RateLimitedError('Too many attempts for this account; try again later', Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }
}
