// A real webhook receiver on loopback. Every request is verified with the `standardwebhooks`
// package (the library receivers use); the behaviour can be switched: answer 2xx, fail with 500
// a number of times, hang, answer with given bytes (a NUL, invalid UTF-8, a huge body), or be down
// (the port closed).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  timestamp: string;
  body: string;
  payload: { id: string; type: string; timestamp: string; data: Record<string, any> };
  headers: Record<string, string>;
}

export type Mode = 'ok' | 'hang';

/** A fixed answer to every verified request (instead of the default 204). */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export class WebhookReceiver {
  /** Verified deliveries, in arrival order (answered or not). */
  readonly received: Received[] = [];
  /** Requests whose signature did not verify. */
  readonly rejected: { error: string; headers: Record<string, string> }[] = [];
  mode: Mode = 'ok';
  /** The next N verified requests get a 500. */
  failNext = 0;
  answer: Answer | null = null;
  /** Requests of any kind (verified or not), by path: shows whether a redirect was followed. */
  readonly paths: string[] = [];
  secret: string | null = null;
  private server: Server | null = null;
  private hanging: ServerResponse[] = [];
  port = 0;

  static async start(port = 0): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await receiver.listen(port);
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async listen(port = this.port): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Closes the port (the receiver is down). */
  async close(): Promise<void> {
    for (const res of this.hanging.splice(0)) res.destroy();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  ofType(type: string): Received[] {
    return this.received.filter((r) => r.payload.type === type);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    this.paths.push(req.url ?? '');
    try {
      if (!this.secret) throw new Error('no secret configured');
      const payload = new Webhook(this.secret).verify(body, headers) as Received['payload'];
      this.received.push({ id: headers['webhook-id']!, timestamp: headers['webhook-timestamp']!, body, payload, headers });
    } catch (err) {
      this.rejected.push({ error: (err as Error).message, headers });
      res.writeHead(400).end('bad signature');
      return;
    }
    if (this.mode === 'hang') {
      this.hanging.push(res);
      return;
    }
    if (this.failNext > 0) {
      this.failNext -= 1;
      res.writeHead(500, { 'content-type': 'text/plain' }).end('receiver broke');
      return;
    }
    if (this.answer) {
      res.writeHead(this.answer.status, this.answer.headers ?? {}).end(this.answer.body ?? '');
      return;
    }
    res.writeHead(204).end();
  }
}
