// What authenticating a request needs to know (is the session live, is the user still there and
// not suspended, which roles, which account-center modes), kept in memory so a warm request reads
// nothing from the database. It is only as good as its invalidations: the database publishes one
// for every change of a cached fact (triggers -> NOTIFY `auth_invalidate`, see the migration
// `shared_rate_limits_and_auth_invalidation`), and while that feed is down the cache is off.
//
// Races: a read that started before an invalidation of the same key must not store what it read
// (it may predate the change). Each read takes a ticket (the invalidation counter) and may store
// only if no invalidation of its keys happened since.
import type { AccountCenterSettings } from '../domain/account-center/account-center.service.js';
import type { User } from '../generated/prisma/client.js';
import type { ChangeFeed } from '../lib/bus/index.js';

export const INVALIDATION_CHANNEL = 'auth_invalidate';

export interface CachedSession {
  userId: string;
  revokedAt: Date | null;
  expiresAt: Date;
  lastActiveAt: Date;
}

export interface CachedPat {
  id: string;
  userId: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

// Bounded memory: ~1-2 KB per cached user; the oldest entries go first.
const MAX_ENTRIES = 50_000;
// A safety net, not the mechanism: even a missed invalidation cannot outlive this.
const MAX_AGE_MS = 5 * 60_000;
// Invalidations remembered for the store check; a read older than the window does not store.
const RECENT_INVALIDATIONS = 4096;
const SETTINGS = 'settings';

class BoundedMap<V> {
  private readonly map = new Map<string, { value: V; at: number }>();

  get(key: string): V | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    if (Date.now() - entry.at > MAX_AGE_MS) {
      this.map.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    if (this.map.size >= MAX_ENTRIES) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, { value, at: Date.now() });
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

export class ValidityCache {
  private readonly sessions = new BoundedMap<CachedSession>();
  private readonly users = new BoundedMap<User>();
  private readonly pats = new BoundedMap<CachedPat>();
  private settings?: AccountCenterSettings;
  private counter = 0;
  /** Recent invalidations: [counter value after it, key]; '*' stands for everything. */
  private readonly recent: [number, string][] = [];
  private enabled: boolean;
  private wentOff = 0;

  /** Without a feed the cache stays off (every lookup misses). */
  constructor(private readonly feed?: ChangeFeed) {
    this.enabled = feed?.live ?? false;
    feed?.onMessage((payload) => this.invalidate(payload));
    feed?.onLiveChange((live) => {
      // Down: what we hold may already be stale. Up again: notifications may have been missed.
      this.invalidate('*');
      if (!live) this.wentOff++;
      this.enabled = live;
    });
  }

  /** Resolves once every change committed so far has reached this cache (see ChangeFeed.sync). */
  async settle(): Promise<void> {
    await this.feed?.sync();
  }

  get on(): boolean {
    return this.enabled;
  }

  /**
   * How many times the feed went down and took the cache off (it comes back empty). Every request
   * meanwhile reads the database: a measurement of cached requests is only valid if this did not move.
   */
  get timesOff(): number {
    return this.wentOff;
  }

  /** Take before reading the database; pass to the store calls. */
  ticket(): number {
    return this.counter;
  }

  session(id: string): CachedSession | undefined {
    return this.enabled ? this.sessions.get(id) : undefined;
  }

  /** A copy: the request may hand it to resolvers; the cached row stays as the database sent it. */
  user(id: string): User | undefined {
    const user = this.enabled ? this.users.get(id) : undefined;
    return user && { ...user };
  }

  pat(tokenHash: string): CachedPat | undefined {
    return this.enabled ? this.pats.get(tokenHash) : undefined;
  }

  accountCenter(): AccountCenterSettings | undefined {
    return this.enabled ? this.settings : undefined;
  }

  storeSession(ticket: number, id: string, session: CachedSession, user: User): void {
    if (!this.mayStore(ticket, `session:${id}`, `user:${user.id}`)) return;
    this.sessions.set(id, session);
    this.users.set(user.id, user);
  }

  storeUser(ticket: number, user: User): void {
    if (this.mayStore(ticket, `user:${user.id}`)) this.users.set(user.id, user);
  }

  storePat(ticket: number, tokenHash: string, pat: CachedPat, user: User): void {
    if (!this.mayStore(ticket, `pat:${tokenHash}`, `user:${user.id}`)) return;
    this.pats.set(tokenHash, pat);
    this.users.set(user.id, user);
  }

  storeAccountCenter(ticket: number, settings: AccountCenterSettings): void {
    if (this.mayStore(ticket, SETTINGS)) this.settings = settings;
  }

  /** Activity timestamps are not invalidations; the touch throttle just needs the latest one. */
  touchedSession(id: string, at: Date): void {
    const cached = this.sessions.get(id);
    if (cached) cached.lastActiveAt = at;
  }

  touchedPat(tokenHash: string, at: Date): void {
    const cached = this.pats.get(tokenHash);
    if (cached) cached.lastUsedAt = at;
  }

  /** `user:<id>`, `session:<id>`, `pat:<sha256>`, `settings` or `*`. */
  invalidate(key: string): void {
    this.counter++;
    this.recent.push([this.counter, key]);
    if (this.recent.length > 2 * RECENT_INVALIDATIONS) this.recent.splice(0, this.recent.length - RECENT_INVALIDATIONS);
    const colon = key.indexOf(':');
    const kind = colon === -1 ? key : key.slice(0, colon);
    const id = key.slice(colon + 1);
    if (kind === 'session') this.sessions.delete(id);
    else if (kind === 'user') this.users.delete(id);
    else if (kind === 'pat') this.pats.delete(id);
    else if (kind === SETTINGS) this.settings = undefined;
    else {
      this.sessions.clear();
      this.users.clear();
      this.pats.clear();
      this.settings = undefined;
    }
  }

  get size(): { sessions: number; users: number; pats: number } {
    return { sessions: this.sessions.size, users: this.users.size, pats: this.pats.size };
  }

  private mayStore(ticket: number, ...keys: string[]): boolean {
    if (!this.enabled) return false;
    if (ticket === this.counter) return true;
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const [at, key] = this.recent[i]!;
      if (at <= ticket) return true;
      if (key === '*' || keys.includes(key)) return false;
    }
    // The window does not reach back to the ticket: cannot tell, so do not store.
    return false;
  }
}
