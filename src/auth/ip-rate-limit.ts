// Per-client-address limits on the unauthenticated, expensive entry points (sign-in, sign-up, the
// MFA step, the OAuth token endpoint). The per-account lockouts stop guessing one account; this
// stops one address from trying many accounts (credential stuffing) or burning CPU on argon2.
// Counters live in this process's memory (rate-limiter-flexible): with several instances, each
// allows the limit on its own. The machine itself (loopback) is never limited: local tools, test
// suites and a same-host proxy without TRUST_PROXY would otherwise all share one bucket.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../domain/errors.js';

export type RateLimitedAction = 'sign-in' | 'sign-up' | 'mfa' | 'oauth-token' | 'passkey-challenge';

export class IpRateLimiter {
  private readonly limiter: RateLimiterMemory | null;

  /** `perMinute` attempts per action per address; 0 turns the limit off. */
  constructor(
    perMinute: number,
    private readonly refused?: { inc(labels: { action: RateLimitedAction }): void },
  ) {
    this.limiter = perMinute > 0 ? new RateLimiterMemory({ points: perMinute, duration: 60 }) : null;
  }

  /** Counts one attempt; throws RATE_LIMITED (with retryAfterSeconds) past the limit. */
  async consume(action: RateLimitedAction, ip: string | null): Promise<void> {
    if (!this.limiter || (ip && isLoopback(ip))) return;
    try {
      // Requests whose address is unknown share one bucket rather than escaping the limit.
      await this.limiter.consume(`${action}:${ip ?? 'unknown'}`);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.refused?.inc({ action });
      throw new RateLimitedError('Too many attempts from this address; try again later', Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }
}

function isLoopback(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return v4.startsWith('127.') || ip === '::1';
}
