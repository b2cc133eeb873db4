// Per-client-address limits on the unauthenticated, expensive entry points (sign-in, sign-up, the
// MFA step, the OAuth token endpoint). The per-account lockouts stop guessing one account; this
// stops one address from trying many accounts (credential stuffing) or burning CPU on argon2.
// Counters are shared by every instance (rate-limiter-flexible): in Redis when REDIS_URL is set,
// else in PostgreSQL (table auth_rate_limit); only the embedded database, which is one process by
// construction, counts in memory. If the shared store fails, each instance falls back to counting
// in its own memory rather than letting attempts through unlimited. The machine itself (loopback)
// is never limited: local tools, test suites and a same-host proxy without TRUST_PROXY would
// otherwise all share one bucket. That also means a reverse proxy on this host without
// TRUST_PROXY turns every limit off: createApp warns at start in production (README: TRUST_PROXY).
// IPv6 callers are counted per /64: one end site gets a /64 (or more) and picks addresses in it
// freely, so a /128 bucket would give each caller 2^64 of them.
import { isIP } from 'node:net';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors.js';

export type RateLimitedAction = 'sign-in' | 'sign-up' | 'mfa' | 'oauth-token' | 'passkey-challenge' | 'recovery' | 'code-sign-in' | 'link-sign-in';

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
      await this.limiter.consume(`${action}:${ip ? rateLimitBucket(ip) : 'unknown'}`);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.refused?.inc({ action });
      throw new RateLimitedError('Too many attempts from this address; try again later', Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }
}

/** The address an attempt counts against: IPv4 as is, IPv6 by its /64 ("2001:db8:1:2::/64"). */
export function rateLimitBucket(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIP(ip) !== 6) return ip;
  const groups = expandIpv6(ip.replace(/%.*$/, ''));
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address ("::" expanded, a dotted IPv4 tail converted). */
function expandIpv6(ip: string): number[] {
  let text = ip;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  return tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function isLoopback(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return v4.startsWith('127.') || ip === '::1';
}
