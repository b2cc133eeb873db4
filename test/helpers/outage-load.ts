// Clients that read `me` and write their profile name in a loop through HTTP while a dependency
// is taken away, and what they saw: answers by kind (ok, cached = a read answered while the
// database was down, 503 SERVICE_UNAVAILABLE, 500 or any other), how long after the database was
// back the first write succeeded, and whether every acknowledged write is in the database.
import { codeOf, ME, type OutageInstance, UPDATE_NAME } from './outage-instance.js';

export interface LoadCounts {
  ok: number;
  cached: number;
  unavailable: number;
  internal: number;
  other: number;
}

interface Client {
  username: string;
  id: string;
  token: string;
  sent: number;
  acked: number;
}

export class OutageLoad {
  readonly counts: LoadCounts = { ok: 0, cached: 0, unavailable: 0, internal: 0, other: 0 };
  /** A few of the answers counted as internal/other, for the failure message. */
  readonly samples: unknown[] = [];
  private running = false;
  private loops: Promise<void>[] = [];
  private down = false;
  private upAt: number | null = null;
  private firstWriteAfterUp: number | null = null;

  private constructor(
    private readonly instance: OutageInstance,
    private readonly clients: Client[],
    private readonly intervalMs: number,
  ) {}

  static async create(instance: OutageInstance, prefix: string, clients: number, intervalMs = 20): Promise<OutageLoad> {
    const list: Client[] = [];
    for (let n = 0; n < clients; n++) {
      const username = `${prefix}-${n}`;
      const { id, token } = await instance.createUser(username);
      list.push({ username, id, token, sent: 0, acked: 0 });
    }
    return new OutageLoad(instance, list, intervalMs);
  }

  start(): void {
    this.running = true;
    this.loops = this.clients.map((c) => this.loop(c));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** The dependency is away from now on (while the database is, ok reads count as cached). */
  markDown(dependency: 'database' | 'redis' = 'database'): void {
    this.down = dependency === 'database';
  }

  /** The database accepts connections again from now on. */
  markUp(): void {
    this.down = false;
    this.upAt = Date.now();
    this.firstWriteAfterUp = null;
  }

  /** Milliseconds from markUp to the first acknowledged write after it (null: none yet). */
  get recoveryMs(): number | null {
    return this.upAt !== null && this.firstWriteAfterUp !== null ? this.firstWriteAfterUp - this.upAt : null;
  }

  /** Resolves once every client has had a write acknowledged after markUp. */
  async recovered(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const marks = this.clients.map((c) => c.acked);
    while (this.clients.some((c, n) => c.acked === marks[n])) {
      if (Date.now() > deadline) throw new Error('writes did not resume');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Each client's name in the database is its last acknowledged write or a later one (sent, its answer lost). */
  async checkWrites(): Promise<{ checked: number; lost: number }> {
    const users = await this.instance.db.prisma.user.findMany({ where: { id: { in: this.clients.map((c) => c.id) } }, select: { id: true, name: true } });
    const names = new Map(users.map((u) => [u.id, u.name]));
    let lost = 0;
    let checked = 0;
    for (const c of this.clients) {
      checked += c.acked;
      const seq = Number(/-w(\d+)$/.exec(names.get(c.id) ?? '')?.[1] ?? 0);
      if (seq < c.acked || seq > c.sent) lost++;
    }
    return { checked, lost };
  }

  private count(kind: keyof LoadCounts, sample?: unknown): void {
    this.counts[kind]++;
    if (sample !== undefined && this.samples.length < 5) this.samples.push(sample);
  }

  private async loop(c: Client): Promise<void> {
    while (this.running) {
      await this.request(c, 'read');
      await this.request(c, 'write');
      await new Promise((r) => setTimeout(r, this.intervalMs));
    }
  }

  private async request(c: Client, kind: 'read' | 'write'): Promise<void> {
    const seq = kind === 'write' ? ++c.sent : 0;
    const wasDown = this.down;
    try {
      const answer = kind === 'read' ? await this.instance.gql(ME, {}, c.token) : await this.instance.gql(UPDATE_NAME, { name: `${c.username}-w${seq}` }, c.token);
      const code = codeOf(answer);
      if (answer.status === 200 && code === 'OK' && !answer.body.data?.me?.updateProfile?.code) {
        if (kind === 'write') {
          c.acked = seq;
          if (this.upAt !== null && this.firstWriteAfterUp === null) this.firstWriteAfterUp = Date.now();
        }
        this.count(kind === 'read' && wasDown && this.down ? 'cached' : 'ok');
      } else if (answer.status === 503 && code === 'SERVICE_UNAVAILABLE' && answer.retryAfter) {
        this.count('unavailable');
      } else if (answer.status >= 500 || code === 'INTERNAL_SERVER_ERROR') {
        this.count('internal', { kind, status: answer.status, body: answer.body });
      } else {
        this.count('other', { kind, status: answer.status, body: answer.body });
      }
    } catch (err) {
      this.count('other', { kind, error: String(err) });
    }
  }
}
