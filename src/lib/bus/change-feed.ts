// A change feed: payloads the database publishes with NOTIFY on one channel, delivered to this
// process. `live` is false while the connection that receives them is down, so consumers that
// rely on hearing about every change (the validity cache) can stop trusting what they hold.
export interface ChangeFeed {
  readonly live: boolean;
  /** Called with each payload, in commit order. */
  onMessage(handler: (payload: string) => void): void;
  /** Called whenever `live` flips (false: messages may have been missed). */
  onLiveChange(handler: (live: boolean) => void): void;
  /**
   * Resolves once every change committed before the call has been delivered. Lets an instance
   * read its own writes: a mutation waits for it before answering.
   */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Shared bookkeeping of handlers for the implementations. */
export class FeedHandlers {
  private readonly messages: ((payload: string) => void)[] = [];
  private readonly liveChanges: ((live: boolean) => void)[] = [];

  addMessage(handler: (payload: string) => void): void {
    this.messages.push(handler);
  }

  addLiveChange(handler: (live: boolean) => void): void {
    this.liveChanges.push(handler);
  }

  message(payload: string): void {
    for (const handler of this.messages) handler(payload);
  }

  liveChange(live: boolean): void {
    for (const handler of this.liveChanges) handler(live);
  }
}
