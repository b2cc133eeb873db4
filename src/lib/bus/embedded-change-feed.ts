// The embedded database is one PGlite backend behind a socket multiplexer: a notification comes
// back on whichever connection ran the committing statement, before that statement's result. So
// every pool connection is watched, delivery is synchronous with the write (sync() has nothing to
// wait for) and, in one process, the feed is always live.
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { type ChangeFeed, FeedHandlers } from './change-feed.js';

export class EmbeddedChangeFeed implements ChangeFeed {
  private readonly handlers = new FeedHandlers();
  private unlisten?: () => Promise<void>;
  readonly live = true;

  private constructor(private readonly channel: string) {}

  /** `notifications` registers a listener for the notifications of every pool connection. */
  static async open(pglite: PGlite, notifications: (listener: (msg: pg.Notification) => void) => void, channel: string): Promise<EmbeddedChangeFeed> {
    const feed = new EmbeddedChangeFeed(channel);
    notifications((msg) => {
      if (msg.channel === channel && msg.payload !== undefined) feed.handlers.message(msg.payload);
    });
    // LISTEN on the backend itself also covers statements run on PGlite directly (migrations, CLI).
    feed.unlisten = await pglite.listen(channel, (payload) => feed.handlers.message(payload));
    return feed;
  }

  onMessage(handler: (payload: string) => void): void {
    this.handlers.addMessage(handler);
  }

  onLiveChange(_handler: (live: boolean) => void): void {}

  async sync(): Promise<void> {}

  async close(): Promise<void> {
    await this.unlisten?.().catch(() => {});
  }
}
