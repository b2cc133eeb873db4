// A real HTTP endpoint for SMS_WEBHOOK_URL: records what the service POSTs, and can be told to
// answer with an error so undelivered codes can be tested.
import { createServer, type Server } from 'node:http';
import type { SmsMessage } from '../../src/delivery/types.js';

export class SmsSink {
  readonly messages: SmsMessage[] = [];
  /** Status to answer the next requests with instead of 204 (null: accept). */
  failWith: number | null = null;
  private waiters: (() => void)[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<SmsSink> {
    let sink: SmsSink | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (sink?.failWith) {
          res.writeHead(sink.failWith, { 'content-type': 'application/json' }).end('{"error":"provider unavailable"}');
          return;
        }
        sink?.messages.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SmsMessage);
        for (const wake of sink?.waiters.splice(0) ?? []) wake();
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    sink = new SmsSink(server, `http://127.0.0.1:${port}/sms`);
    return sink;
  }

  /** The newest message to `phone` (containing `text`, when given), waiting up to 5 s for it (sends that are not awaited). */
  async latestTo(phone: string, text?: string, timeoutMs = 5000): Promise<SmsMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter((m) => m.to === phone && (!text || m.text.includes(text))).at(-1);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no text message to ${phone}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
