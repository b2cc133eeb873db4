// The per-transaction event collector. Services call `ev.emit(type, …)` while they change data;
// when the transaction's work is done the collector writes the events (audit row + event in one
// row of AuditEvent, and one WebhookDelivery per subscribed webhook) inside that same
// transaction, so an event exists exactly when its change committed. Subscribers (notices,
// webhooks, the live stream) hear of the events only after the commit.
import { utc } from '../../db/sql-time.js';
import { randomBytes } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client.js';
import { type AuditActor, type RequestInfo, redact } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { withoutLiveHandles } from './payload-rules.js';
import type { AuditActionOf, CommittedEvent, EventPayloads, EventType } from './catalogue.js';

type Tx = Prisma.TransactionClient;


export interface EmitInput<T extends EventType> {
  /** The user the event is about (kept after the user is deleted); omitted for settings and clients. */
  userId?: string | null;
  data: EventPayloads[T];
  /** The audit action: which door the change came through (see EVENT_TYPES). */
  audit: AuditActionOf<T>;
  /** What the audit log shows; defaults to `data` without its `user` reference. */
  details?: Record<string, unknown>;
  /** false: no webhook fan-out (testWebhook addresses one webhook itself). */
  fanOut?: boolean;
  /** Who acted, when not the transaction's actor (an MFA step: a failure is the system's, a success the user's). */
  actor?: AuditActor;
}

interface Pending {
  id: string;
  type: EventType;
  input: EmitInput<EventType>;
}

let counter = 0;
/** Time-ordered ids: events of one transaction share `at`, and the id keeps their order. */
export function newEventId(): string {
  counter = (counter + 1) & 0xffff;
  return `aud_${Date.now().toString(16).padStart(12, '0')}${counter.toString(16).padStart(4, '0')}${randomBytes(8).toString('hex')}`;
}

/** The AuditEvent row of one emitted event (statements that write their own rows use it too). */
export function auditRowOf(txActor: AuditActor, request: RequestInfo, id: string, type: EventType, input: EmitInput<EventType>) {
  const { user: _user, ...rest } = input.data as Record<string, unknown>;
  const actor = input.actor ?? txActor;
  return {
    id,
    type,
    action: input.audit as string,
    actorId: actor.actorId,
    actorType: actor.actorType,
    userId: input.userId ?? null,
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 512) ?? null,
    details: withoutLiveHandles(redact(input.details ?? rest)) as Prisma.InputJsonValue,
    data: withoutLiveHandles(redact(input.data as Record<string, unknown>)) as Prisma.InputJsonValue,
  };
}

export class EventCollector {
  private pending: Pending[] = [];
  private written: CommittedEvent[] = [];
  /** Deliveries created by the flushes so far (the dispatcher is woken when > 0). */
  deliveries = 0;
  private afterCommitWork: (() => void)[] = [];

  constructor(
    readonly actor: AuditActor,
    readonly request: RequestInfo,
  ) {}

  emit<T extends EventType>(type: T, input: EmitInput<T>): string {
    const id = newEventId();
    this.pending.push({ id, type, input: input as unknown as EmitInput<EventType> });
    return id;
  }

  /** Writes what was emitted so far, in `tx`. Called by withEvents; safe to call more than once. */
  async flush(deps: Deps, tx: Tx): Promise<void> {
    if (this.pending.length === 0) return;
    const { batch, at, ctes } = this.takePending(deps, Prisma.empty);
    const rows = await tx.$queryRaw<{ id: string; data: unknown; deliveries: number }[]>`
      WITH ${ctes}
      SELECT id, data, CAST((SELECT count(*) FROM deliveries) AS int) AS deliveries FROM written`;
    this.recordWritten(batch, at, rows, rows[0]?.deliveries ?? 0);
  }

  /**
   * One statement, no transaction: `change` (a data-modifying query with RETURNING, becoming the
   * CTE `change`) and the events emitted so far, which are written only if `change` returned a
   * row. A single statement is atomic, so the events exist exactly when the change does. Returns
   * the change's row (undefined when it matched none); its columns come back typed as $queryRaw
   * types them.
   */
  async changeWithEvents<Row extends object>(deps: Deps, db: Tx, change: Prisma.Sql): Promise<Row | undefined> {
    const { batch, at, ctes } = this.takePending(deps, Prisma.sql`WHERE EXISTS (SELECT 1 FROM change)`);
    const rows = await db.$queryRaw<(Row & { __events: { id: string; data: unknown }[] | null; __deliveries: number })[]>`
      WITH change AS (${change}), ${ctes}
      SELECT change.*, (SELECT json_agg(json_build_object('id', id, 'data', data)) FROM written) AS "__events",
        CAST((SELECT count(*) FROM deliveries) AS int) AS "__deliveries"
      FROM change`;
    const first = rows[0];
    if (!first) return undefined;
    const { __events, __deliveries, ...row } = first;
    this.recordWritten(batch, at, __events ?? [], __deliveries);
    return row as unknown as Row;
  }

  // The CTEs `batch`, `written` and `deliveries` for the pending events (`guard` filters `batch`):
  // the audit rows and one delivery per subscribed, enabled webhook in one round trip, and no query
  // for Prisma to compile (the createManyAndReturn it replaces was compiled anew for every batch).
  private takePending(deps: Deps, guard: Prisma.Sql) {
    const batch = this.pending;
    this.pending = [];
    const at = new Date();
    const records = batch.map(({ id, type, input }) => ({
      ...auditRowOf(this.actor, this.request, id, type, input),
      fanOut: input.fanOut !== false,
    }));
    const ctes = Prisma.sql`batch AS (
        SELECT * FROM jsonb_to_recordset(CAST(${JSON.stringify(records)} AS jsonb)) AS r(
          id text, type text, action text, "actorId" text, "actorType" text, "userId" text, ip text, "userAgent" text,
          details jsonb, data jsonb, "fanOut" boolean)
        ${guard}
      ), written AS (
        INSERT INTO "AuditEvent" (id, type, action, "actorId", "actorType", "userId", at, ip, "userAgent", details, data)
        SELECT id, type, action, "actorId", "actorType", "userId", ${utc(at)}, ip, "userAgent", details, data FROM batch
        RETURNING id, data
      ), deliveries AS (
        INSERT INTO "WebhookDelivery" ("webhookId", "eventId", "eventType", "nextAttemptAt")
        SELECT w.id, e.id, e.type, ${utc(deps.clock.now())}
        FROM "Webhook" w
        JOIN batch e ON e."fanOut" AND (e.type = ANY(w.events) OR '*' = ANY(w.events))
        WHERE w.enabled
        RETURNING 1
      )`;
    return { batch, at, ctes };
  }

  private recordWritten(batch: Pending[], at: Date, rows: { id: string; data: unknown }[], deliveries: number): void {
    const { request } = this;
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const { id, type, input } of batch) {
      const row = byId.get(id)!;
      const actor = input.actor ?? this.actor;
      this.written.push({
        id,
        type,
        at,
        userId: input.userId ?? null,
        actorId: actor.actorId,
        actorType: actor.actorType,
        ip: request.ip,
        userAgent: request.userAgent?.slice(0, 512) ?? null,
        data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as never,
      });
    }
    this.deliveries += deliveries;
  }

  /** How many events this transaction has emitted so far. */
  emitted(): number {
    return this.pending.length + this.written.length;
  }

  committed(): CommittedEvent[] {
    return this.written;
  }

  /**
   * Runs `work` once the transaction committed (never after a rollback): for what must not go in
   * an event, such as a mail carrying a one-time link. It must not throw; it is not awaited.
   */
  afterCommit(work: () => void): void {
    this.afterCommitWork.push(work);
  }

  runAfterCommit(): void {
    for (const work of this.afterCommitWork.splice(0)) work();
  }
}

/**
 * Runs `work` in a transaction with a collector bound to it; the events commit with the change
 * and are published to subscribers after the commit (never when the transaction rolls back).
 */
export async function withEvents<T>(
  deps: Deps,
  actor: AuditActor,
  request: RequestInfo,
  work: (tx: Tx, ev: EventCollector) => Promise<T>,
): Promise<T> {
  const ev = new EventCollector(actor, request);
  const result = await deps.prisma.$transaction(async (tx) => {
    const value = await work(tx, ev);
    await ev.flush(deps, tx);
    return value;
  });
  deps.events.publish(ev.committed(), ev.deliveries);
  ev.runAfterCommit();
  return result;
}

/** One event outside any other change (a failed sign-in, a code sent): its own small transaction. */
export async function emitEvent<T extends EventType>(
  deps: Deps,
  actor: AuditActor,
  request: RequestInfo,
  type: T,
  input: EmitInput<T>,
): Promise<void> {
  await withEvents(deps, actor, request, async (_tx, ev) => {
    ev.emit(type, input);
  });
}

/**
 * Writes one event through a connection or transaction the caller owns (code that must record an
 * event inside a transaction it does not control). Webhooks and the activity list get it; the
 * after-commit subscribers (notices, live stream) do not, since the commit is not known here.
 * Prefer withEvents.
 */
export async function recordEvent<T extends EventType>(
  deps: Deps,
  db: Tx,
  actor: AuditActor,
  request: RequestInfo,
  type: T,
  input: EmitInput<T>,
): Promise<void> {
  const ev = new EventCollector(actor, request);
  ev.emit(type, input);
  await ev.flush(deps, db);
}

/**
 * withEvents for a change that is one statement (EventCollector.changeWithEvents): no interactive
 * transaction (no BEGIN/COMMIT round trips, no pool connection held between them). `emit` records
 * the events; they are written, and published after the commit, only if the change matched a row.
 */
export async function changeWithEvents<Row extends object>(
  deps: Deps,
  actor: AuditActor,
  request: RequestInfo,
  change: Prisma.Sql,
  emit: (ev: EventCollector) => void,
): Promise<Row | undefined> {
  const ev = new EventCollector(actor, request);
  emit(ev);
  const row = await ev.changeWithEvents<Row>(deps, deps.prisma, change);
  deps.events.publish(ev.committed(), ev.deliveries);
  ev.runAfterCommit();
  return row;
}
