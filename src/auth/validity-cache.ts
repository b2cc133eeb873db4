// What authenticating a request needs to know (is the session live, is the user still there and
// not suspended, which roles, which account-center modes), kept in memory so a warm request reads
// nothing from the database. It is only as good as its invalidations: the database publishes one
// for every change of a cached fact (triggers -> NOTIFY `auth_invalidate`, see the migration
// `shared_rate_limits_and_auth_invalidation`), and while that feed is down the cache is off.
//
// Races: a read that started before an invalidation of the same key must not store what it read
// (it may predate the change). Each read takes a ticket (the invalidation counter) and may store
// only if no invalidation of its keys happened since.
//
// Degraded reads: when the feed drops because the database went away, what the cache holds is kept
// (frozen), never served normally, and handed out only to a request whose own database read failed
// as unreachable, within the bound the degraded-read policy sets (DEGRADED_READ_SECONDS from the
// start of the outage). Nothing can be revoked while no instance can write, which is what makes a
// frozen entry still true (docs/scale-out.md, "When the database or Redis is unreachable").
import type { MachineClient, Session, User } from '../generated/prisma/client.js';
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
  /** Who made it (admin.createPersonalAccessToken: not the owner). */
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

// Bounded memory: ~1-2 KB per cached user; the oldest entries go first.
const MAX_ENTRIES = 50_000;
// A user's live-session list (me.sessions) is kept only up to this many rows (longer lists are
// remembered as "read the database"), for at most this many users: ≤ ~10 KB a list.
export const MAX_LISTED_SESSIONS = 10;
const MAX_SESSION_LISTS = 20_000;
// A safety net, not the mechanism: even a missed invalidation cannot outlive this.
const MAX_AGE_MS = 5 * 60_000;
// Invalidations remembered for the store check; a read older than the window does not store.
const RECENT_INVALIDATIONS = 4096;
const SETTINGS = 'settings';
// A frozen snapshot serves an outage only if the outage began by this long after the feed dropped:
// a feed lost on its own while the database stayed writable may have missed changes.
const FREEZE_MATCH_MS = 5_000;

/** Whether a degraded read is allowed now: the start of the database outage (ms) if so, else null. */
export interface DegradedReadPolicy {
  allowedSince(): number | null;
}

class BoundedMap<V> {
  private readonly map = new Map<string, { value: V; at: number }>();

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

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
    if (this.map.size >= this.maxEntries) this.map.delete(this.map.keys().next().value!);
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

/** `Settings`: the account-center settings, opaque here (this module imports nothing above it). */
export class ValidityCache<Settings = unknown> {
  private readonly sessions = new BoundedMap<CachedSession>();
  private readonly users = new BoundedMap<User>();
  private readonly pats = new BoundedMap<CachedPat>();
  private readonly clients = new BoundedMap<MachineClient>();
  /** A user's unrevoked sessions, newest first; null: more than MAX_LISTED_SESSIONS. */
  private readonly sessionLists = new BoundedMap<Session[] | null>(MAX_SESSION_LISTS);
  private settings?: Settings;
  private counter = 0;
  /** Recent invalidations: [counter value after it, key]; '*' stands for everything. */
  private readonly recent: [number, string][] = [];
  private enabled: boolean;
  private wentOff = 0;
  /** When the feed dropped, while it is down (entries kept for degraded reads only). */
  private frozenAt: number | null = null;

  /** Without a feed the cache stays off (every lookup misses). */
  constructor(
    private readonly feed?: ChangeFeed,
    private readonly degraded?: DegradedReadPolicy,
  ) {
    this.enabled = feed?.live ?? false;
    feed?.onMessage((payload) => this.invalidate(payload));
    feed?.onLiveChange((live) => {
      if (live) {
        // Up again: notifications may have been missed while down.
        this.invalidate('*');
        this.frozenAt = null;
        this.enabled = true;
        return;
      }
      // Down: stop serving and storing; keep the entries, frozen, for degraded reads. A read in
      // flight must not store what it read (as after an invalidation of everything).
      this.wentOff++;
      this.enabled = false;
      this.frozenAt = Date.now();
      this.remember('*');
    });
  }

  /** The database answers again: frozen entries could go stale from now on, so they go. */
  dropFrozen(): void {
    if (this.frozenAt === null) return;
    this.frozenAt = null;
    this.invalidate('*');
  }

  /** A session/user pair for a request whose own database read found the database unreachable. */
  degradedSession(id: string): { session: CachedSession; user: User } | undefined {
    if (!this.mayServeDegraded()) return undefined;
    const session = this.sessions.get(id);
    const user = session && this.users.get(session.userId);
    return session && user ? { session, user: { ...user } } : undefined;
  }

  degradedUser(id: string): User | undefined {
    const user = this.mayServeDegraded() ? this.users.get(id) : undefined;
    return user && { ...user };
  }

  degradedPat(tokenHash: string): { pat: CachedPat; user: User } | undefined {
    if (!this.mayServeDegraded()) return undefined;
    const pat = this.pats.get(tokenHash);
    const user = pat && this.users.get(pat.userId);
    return pat && user ? { pat, user: { ...user } } : undefined;
  }

  degradedAccountCenter(): Settings | undefined {
    return this.mayServeDegraded() ? this.settings : undefined;
  }

  private mayServeDegraded(): boolean {
    if (this.frozenAt === null || this.enabled) return false;
    const since = this.degraded?.allowedSince() ?? null;
    return since !== null && since <= this.frozenAt + FREEZE_MATCH_MS;
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

  /** A machine client by its client id (a copy, like user()). */
  client(clientId: string): MachineClient | undefined {
    const client = this.enabled ? this.clients.get(clientId) : undefined;
    return client && { ...client };
  }

  accountCenter(): Settings | undefined {
    return this.enabled ? this.settings : undefined;
  }

  /** A user's unrevoked sessions as last read (null: too many to keep), or undefined when not cached. */
  liveSessions(userId: string): readonly Readonly<Session>[] | null | undefined {
    return this.enabled ? this.sessionLists.get(userId) : undefined;
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

  storeClient(ticket: number, client: MachineClient): void {
    if (this.mayStore(ticket, `client:${client.clientId}`)) this.clients.set(client.clientId, client);
  }

  storeLiveSessions(ticket: number, userId: string, sessions: Session[] | null): void {
    if (this.mayStore(ticket, `sessions:${userId}`)) this.sessionLists.set(userId, sessions);
  }

  storeAccountCenter(ticket: number, settings: Settings): void {
    if (this.mayStore(ticket, SETTINGS)) this.settings = settings;
  }

  /** Activity timestamps are not invalidations; the touch throttle just needs the latest one. */
  touchedSession(id: string, at: Date): void {
    const cached = this.sessions.get(id);
    if (!cached) return;
    cached.lastActiveAt = at;
    // The user's list shows it too (other instances drop theirs when the write commits).
    const listed = this.sessionLists.get(cached.userId)?.find((s) => s.id === id);
    if (listed) listed.lastActiveAt = at;
  }

  touchedClient(clientId: string, at: Date): void {
    const cached = this.clients.get(clientId);
    if (cached) cached.lastUsedAt = at;
  }

  touchedPat(tokenHash: string, at: Date): void {
    const cached = this.pats.get(tokenHash);
    if (cached) cached.lastUsedAt = at;
  }

  /** `user:<id>`, `session:<id>`, `sessions:<userId>`, `pat:<sha256>`, `client:<clientId>`, `settings` or `*`. */
  invalidate(key: string): void {
    this.remember(key);
    const colon = key.indexOf(':');
    const kind = colon === -1 ? key : key.slice(0, colon);
    const id = key.slice(colon + 1);
    if (kind === 'session') this.sessions.delete(id);
    else if (kind === 'user') this.users.delete(id);
    else if (kind === 'sessions') this.sessionLists.delete(id);
    else if (kind === 'pat') this.pats.delete(id);
    else if (kind === 'client') this.clients.delete(id);
    else if (kind === SETTINGS) this.settings = undefined;
    else {
      this.sessions.clear();
      this.users.clear();
      this.pats.clear();
      this.clients.clear();
      this.sessionLists.clear();
      this.settings = undefined;
    }
  }

  get size(): { sessions: number; users: number; pats: number } {
    return { sessions: this.sessions.size, users: this.users.size, pats: this.pats.size };
  }

  private remember(key: string): void {
    this.counter++;
    this.recent.push([this.counter, key]);
    if (this.recent.length > 2 * RECENT_INVALIDATIONS) this.recent.splice(0, this.recent.length - RECENT_INVALIDATIONS);
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
