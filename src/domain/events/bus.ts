// After-commit subscribers: security notices, the webhook dispatcher's wake-up and the live stream.
// A subscriber never blocks or fails the change that caused the event: it runs after the commit,
// is not awaited, and its errors are logged.
import type { Logger } from '../../logger.js';
import type { CommittedEvent } from './catalogue.js';

export type EventSubscriber = (events: CommittedEvent[], context: { deliveries: number }) => void | Promise<void>;

export class EventBus {
  private subscribers: { name: string; fn: EventSubscriber }[] = [];

  constructor(private logger: Logger) {}

  subscribe(name: string, fn: EventSubscriber): void {
    this.subscribers.push({ name, fn });
  }

  publish(events: CommittedEvent[], deliveries = 0): void {
    if (events.length === 0) return;
    for (const { name, fn } of this.subscribers) {
      try {
        Promise.resolve(fn(events, { deliveries })).catch((err: unknown) => this.logger.warn({ err, subscriber: name }, 'event subscriber failed'));
      } catch (err) {
        this.logger.warn({ err, subscriber: name }, 'event subscriber failed');
      }
    }
  }
}
