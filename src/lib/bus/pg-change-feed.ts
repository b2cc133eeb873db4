// LISTEN on a dedicated PostgreSQL connection (a pooled one would be handed to other queries).
// The connection is watched: an error, an end or a heartbeat that goes unanswered marks the feed
// not live and reconnects with backoff; it is live again only once LISTEN has succeeded anew.
import pg from 'pg';
import type { Logger } from '../../logger.js';
import { type ChangeFeed, FeedHandlers } from './change-feed.js';

const HEARTBEAT_MS = 2_000;
// A heartbeat unanswered for this long means the connection is gone even if TCP has not said so.
const HEARTBEAT_TIMEOUT_MS = 1_500;
// Short enough that the cache is back on within ~2 s of the database (docs/scale-out.md).
const MAX_BACKOFF_MS = 2_000;
const CONNECT_TIMEOUT_MS = 5_000;
const SYNC_PREFIX = 'sync:';
const SYNC_TIMEOUT_MS = 1_000;

export class PgChangeFeed implements ChangeFeed {
  private client: pg.Client | null = null;
  private isLive = false;
  private closed = false;
  private backoff = 100;
  /** The current loss has been logged: reconnect failures until it ends are not (one line per outage). */
  private lossLogged = false;
  private heartbeat?: NodeJS.Timeout;
  private syncSeq = 0;
  private readonly pendingSyncs = new Map<string, () => void>();
  private readonly handlers = new FeedHandlers();
  // node-postgres deprecates overlapping queries on one client: heartbeats and syncs take turns.
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly logger: Logger,
    private readonly instanceId: string,
  ) {}

  /** Resolves once the first LISTEN succeeded (or failed: it keeps retrying in the background). */
  static async open(connectionString: string, channel: string, logger: Logger): Promise<PgChangeFeed> {
    const feed = new PgChangeFeed(connectionString, channel, logger, Math.random().toString(36).slice(2));
    await feed.connect();
    return feed;
  }

  get live(): boolean {
    return this.isLive;
  }

  onMessage(handler: (payload: string) => void): void {
    this.handlers.addMessage(handler);
  }

  onLiveChange(handler: (live: boolean) => void): void {
    this.handlers.addLiveChange(handler);
  }

  sync(): Promise<void> {
    const client = this.client;
    if (!client || !this.isLive) return Promise.resolve(); // nothing is trusted while down, so nothing to wait for
    // Callers share a round whose NOTIFY is not sent yet: it goes out after each of their commits,
    // so its echo proves what theirs would. At 50 concurrent mutations this is a few round trips
    // instead of 50 queued ones on the feed's single connection.
    if (this.unsentRound?.client === client) return this.unsentRound.done;
    const round: { client: pg.Client; done: Promise<void> } = { client, done: Promise.resolve() };
    this.unsentRound = round;
    round.done = this.syncRound(client, () => {
      if (this.unsentRound === round) this.unsentRound = undefined;
    });
    return round.done;
  }

  private unsentRound?: { client: pg.Client; done: Promise<void> };

  private async syncRound(client: pg.Client, sending: () => void): Promise<void> {
    const token = `${SYNC_PREFIX}${this.instanceId}:${++this.syncSeq}`;
    // Notifications arrive in commit order: once our own comes back, every earlier one has too.
    const arrived = new Promise<void>((resolve) => this.pendingSyncs.set(token, resolve));
    try {
      await this.run(client, 'SELECT pg_notify($1, $2)', [this.channel, token], sending);
      // Never hold a response hostage: a feed this slow is about to be declared lost anyway.
      await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, SYNC_TIMEOUT_MS).unref())]);
    } catch {
      this.pendingSyncs.delete(token);
    } finally {
      sending();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.setLive(false);
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  private setLive(live: boolean): void {
    if (this.isLive === live) return;
    this.isLive = live;
    if (!live) {
      for (const resolve of this.pendingSyncs.values()) resolve();
      this.pendingSyncs.clear();
    }
    this.handlers.liveChange(live);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'account-service change feed',
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (msg) => {
      if (msg.channel !== this.channel || msg.payload === undefined) return;
      if (msg.payload.startsWith(SYNC_PREFIX)) {
        this.pendingSyncs.get(msg.payload)?.();
        this.pendingSyncs.delete(msg.payload);
        return;
      }
      this.handlers.message(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (err) {
      if (this.lossLogged) this.logger.debug({ err }, 'change feed: LISTEN failed again');
      else this.logger.warn({ err }, 'change feed: LISTEN failed; the validity cache stays off until it succeeds');
      this.lossLogged = true;
      client.end().catch(() => {});
      this.scheduleReconnect();
      return;
    }
    this.client = client;
    this.backoff = 100;
    if (this.lossLogged) this.logger.info('change feed: listening again; the validity cache is back on');
    this.lossLogged = false;
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => void this.beat(client), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.setLive(true);
  }

  private async beat(client: pg.Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('heartbeat timeout')), HEARTBEAT_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.run(client, 'SELECT 1'), timeout]);
    } catch {
      this.lost(client);
    } finally {
      clearTimeout(timer);
    }
  }

  /** `sending` runs just before the query goes out (after the queries queued ahead of it). */
  private run(client: pg.Client, sql: string, params?: unknown[], sending?: () => void): Promise<unknown> {
    const next = this.queue.then(() => {
      sending?.();
      return client.query(sql, params);
    });
    this.queue = next.catch(() => {});
    return next;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    clearInterval(this.heartbeat);
    this.setLive(false);
    client.end().catch(() => {});
    if (!this.closed) {
      this.logger.warn('change feed: connection lost; the validity cache is off until it reconnects');
      this.lossLogged = true;
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const delay = this.backoff;
    this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff * 2);
    setTimeout(() => void this.connect(), delay).unref();
  }
}
