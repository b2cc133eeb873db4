// The live stream of the user's security events (Subscription.securityEvents over SSE). A bus
// subscriber publishes each committed security event to the user's topic; across instances the
// topic goes through Redis (REDIS_URL), otherwise it stays in this process.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, Repeater } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Deps } from '../domain/deps.js';
import { EVENT_TYPES } from '../domain/events/catalogue.js';
import { isCredentialLive } from '../domain/sessions/sessions.service.js';
import type { Logger } from '../logger.js';
import type { LiveSecurityEvent, LiveStream } from '../schema/context.js';


// One topic, named at construction: under REDIS_KEY_PREFIX, so deployments (or test runs) sharing
// one Redis never hear each other's events. Its per-user channels are "<topic>:<userId>".
type Topics = Record<string, [userId: string, event: LiveSecurityEvent]>;

// A stream re-checks its credential this often even when nothing happens (sign-out, expiry, suspension).
const SESSION_CHECK_MS = 5000;

export class SecurityStream implements LiveStream {
  private readonly pubsub;
  private readonly redis: Redis[] = [];
  private readonly open = new Set<() => void>();
  private readonly topic: string;

  constructor(config: Config, logger: Logger) {
    this.topic = `${config.redisKeyPrefix}security-events`;
    if (config.redisUrl) {
      const publishClient = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
      const subscribeClient = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
      for (const client of [publishClient, subscribeClient]) {
        client.on('error', (err) => logger.warn({ err }, 'redis (subscriptions) error'));
        this.redis.push(client);
      }
      this.pubsub = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
    } else {
      this.pubsub = createPubSub<Topics>();
    }
  }

  /** Publishes committed security events to their users' topics (an event bus subscriber). */
  attach(deps: Deps): void {
    deps.events.subscribe('live-stream', (events) => {
      for (const e of events) {
        if (!e.userId || !EVENT_TYPES[e.type].security) continue;
        this.pubsub.publish(this.topic, e.userId, { ...e, userId: e.userId, action: e.type });
      }
    });
  }

  /**
   * The user's events until the credential behind the stream ends (its session or personal access
   * token is revoked or expires, or the user is suspended): checked on each of the user's events (a
   * revocation is one) and every few seconds.
   */
  stream(deps: Deps, viewer: { userId: string; sessionId: string | null; personalAccessTokenId: string | null }): AsyncIterable<LiveSecurityEvent> {
    const source = this.pubsub.subscribe(this.topic, viewer.userId);
    return new Repeater<LiveSecurityEvent>(async (push, stop) => {
      const end = () => stop();
      this.open.add(end);
      const check = async () => {
        if (!(await isCredentialLive(deps, viewer.userId, viewer).catch(() => false))) stop();
      };
      const timer = setInterval(() => void check(), SESSION_CHECK_MS);
      timer.unref();
      const iterator = source[Symbol.asyncIterator]();
      void (async () => {
        try {
          for (;;) {
            const next = await Promise.race([iterator.next(), stop.then(() => ({ done: true as const, value: undefined }))]);
            if (next.done) break;
            await push(next.value);
            // A revocation is delivered, then ends the stream it revoked.
            await check();
          }
        } finally {
          stop();
        }
      })();
      await stop;
      clearInterval(timer);
      this.open.delete(end);
      await iterator.return?.();
    });
  }

  async close(): Promise<void> {
    for (const end of [...this.open]) end();
    await Promise.all(this.redis.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
