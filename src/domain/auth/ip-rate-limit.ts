// Per-client-address limits on the unauthenticated, expensive entry points (sign-in, sign-up, the
// MFA step, the OAuth token endpoint). The per-account lockouts stop guessing one account; this
// stops one address from trying many accounts (credential stuffing) or burning CPU on argon2.
// Counters are shared by every instance (rate-limiter-flexible): in Redis when REDIS_URL is set,
// else in PostgreSQL (table auth_rate_limit); only the embedded database, which is one process by
// construction, counts in memory. If the shared store fails, each instance falls back to counting
// in its own memory rather than letting attempts through unlimited. The machine itself (loopback)
// is never limited: local tools, test suites and a same-host proxy without TRUST_PROXY would
// otherwise all share one bucket.
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors.js';

export type RateLimitedAction = 'sign-in' | 'sign-up' | 'mfa' | 'oauth-token' | 'passkey-challenge';

export type RateLimitStore =
  | { kind: 'memory' }
  | { kind: 'redis'; client: Redis; keyPrefix: string }
  | { kind: 'postgres'; pool: pg.Pool };

const DURATION_SECONDS = 60;

/** A per-minute limiter in the shared store (also used by expensive-work.ts, with its own keys). */
export function createLimiter(points: number, store: RateLimitStore): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration: DURATION_SECONDS });
  switch (store.kind) {
    case 'memory':
      return memory;
    case 'redis':
      return new RateLimiterRedis({
        storeClient: store.client,
        keyPrefix: `${store.keyPrefix}rl`,
        points,
        duration: DURATION_SECONDS,
        // A down Redis must not stall sign-in: refuse to wait and count locally meanwhile.
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      });
    case 'postgres':
      return new RateLimiterPostgres({
        storeClient: store.pool,
        storeType: 'pool',
        tableName: 'auth_rate_limit',
        // Created by a migration: concurrent starts must not race on CREATE TABLE.
        tableCreated: true,
        keyPrefix: 'rl',
        points,
        duration: DURATION_SECONDS,
        insuranceLimiter: memory,
      });
  }
}

export class IpRateLimiter {
  private readonly limiter: RateLimiterAbstract | null;

  /** `perMinute` attempts per action per address; 0 turns the limit off. */
  constructor(
    perMinute: number,
    private readonly refused?: { inc(labels: { action: RateLimitedAction }): void },
    store: RateLimitStore = { kind: 'memory' },
  ) {
    this.limiter = perMinute > 0 ? createLimiter(perMinute, store) : null;
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
