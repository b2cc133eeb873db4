// A GraphQL-over-SSE client on a real socket (graphql-yoga's "distinct connections" mode): POST the
// subscription with `Accept: text/event-stream`, collect `next` events, notice `complete`/close.
export interface SseSubscription {
  events: any[];
  /** Resolves when the server ends the stream. */
  closed: Promise<void>;
  isClosed(): boolean;
  cancel(): void;
}

export async function subscribe(url: string, query: string, token: string, headers: Record<string, string> = {}): Promise<SseSubscription> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  if (!response.ok || !response.headers.get('content-type')?.includes('text/event-stream')) {
    throw new Error(`not an event stream: ${response.status} ${await response.text()}`);
  }
  const events: any[] = [];
  let closed = false;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        buffer += decoder.decode(value, { stream: true });
        let split: number;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (event === 'complete') return;
          if (data) events.push(JSON.parse(data));
        }
      }
    } catch {
      // aborted
    } finally {
      closed = true;
    }
  })();
  return { events, closed: done, isClosed: () => closed, cancel: () => controller.abort() };
}
