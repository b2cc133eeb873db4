// The live stream of the user's security events (Subscription.securityEvents over SSE). A bus
// subscriber publishes each committed security event to the user's topic; across instances the
// topic goes through Redis (REDIS_URL), otherwise it stays in this process.
// Redis down: a new stream is refused (SERVICE_UNAVAILABLE), open streams stay open and hear again
// once ioredis has reconnected and re-subscribed; events published meanwhile reach no live stream
// (they are stored all the same: `me.securityEvents`). The outage is logged once, not per retry.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, Repeater } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Deps } from '../domain/deps.js';
import { EVENT_TYPES } from '../domain/events/catalogue.js';
import { isCredentialLive } from '../domain/sessions/sessions.service.js';
import { DependencyUnavailableError, type Outages, unavailableDependency } from '../lib/availability/index.js';
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
  private subscribeClient?: Redis;

  constructor(config: Config, logger: Logger, outages?: Outages) {
    this.topic = `${config.redisKeyPrefix}security-events`;
    if (config.redisUrl) {
      const publishClient = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
      const subscribeClient = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
      const failed = (err: unknown) => {
        if (outages && unavailableDependency(err) === 'redis') outages.failed('redis', err);
        else logger.warn({ err }, 'redis (subscriptions) error');
      };
      for (const client of [publishClient, subscribeClient]) {
        // ioredis reports every reconnect attempt: one outage line instead (Outages), until 'ready'.
        client.on('error', (err) => outages ? outages.failed('redis', err) : logger.warn({ err }, 'redis (subscriptions) error'));
        client.on('ready', () => {
          if (publishClient.status === 'ready' && subscribeClient.status === 'ready') outages?.recovered('redis');
        });
        this.redis.push(client);
      }
      this.subscribeClient = subscribeClient;
      this.pubsub = createPubSub<Topics>({
        eventTarget: createRedisEventTarget({ publishClient: settled(publishClient, failed), subscribeClient: settled(subscribeClient, failed) }),
      });
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
    // Across instances a stream needs Redis: refused while it is down rather than silently local.
    if (this.subscribeClient && this.subscribeClient.status !== 'ready') throw new DependencyUnavailableError('redis');
    const source = this.pubsub.subscribe(this.topic, viewer.userId);
    return new Repeater<LiveSecurityEvent>(async (push, stop) => {
      const end = () => stop();
      this.open.add(end);
      // An unreachable database ends no stream: nothing can be revoked meanwhile; the next check decides.
      const check = async () => {
        const live = await isCredentialLive(deps, viewer.userId, viewer).catch((err: unknown) => unavailableDependency(err) === 'database');
        if (!live) stop();
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

/**
 * The client as createRedisEventTarget uses it, with each command's rejection handled: that
 * library drops the promises of publish/subscribe/unsubscribe, and a rejected one (Redis down)
 * would otherwise be an unhandled rejection.
 */
function settled(client: Redis, failed: (err: unknown) => void): Redis {
  const target = {
    publish: (channel: string, message: string) => client.publish(channel, message).catch(failed),
    subscribe: (channel: string) => client.subscribe(channel).catch(failed),
    unsubscribe: (channel: string) => client.unsubscribe(channel).catch(failed),
    on: (event: string, listener: (...args: unknown[]) => void) => client.on(event, listener),
  };
  return target as unknown as Redis;
}
