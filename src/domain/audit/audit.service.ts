// Audit trail types: every admin mutation and every sensitive self-service change is an event
// (src/domain/events), and its audit row is written by the event collector. Details are built by
// the caller from non-secret fields only; `redact` is a last line of defence.
import type { Prisma } from '../../generated/prisma/client.js';

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditActor {
  actorId: string | null;
  actorType: 'user' | 'client' | 'system';
}

export interface AuditEntry {
  action: string;
  userId?: string | null;
  details?: Record<string, unknown>;
}

type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventUncheckedCreateInput }): Promise<unknown> } };

const SECRET_KEYS = /pass(word)?|secret|token|code|digest|hash|otp|key/i;
// Row ids (personalAccessTokenId, …) name a record, not a secret: redacting them hides what changed.
const ID_KEY = /Ids?$/;

export function redact(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (SECRET_KEYS.test(key) && !ID_KEY.test(key) && typeof value === 'string') out[key] = '[redacted]';
    else if (value && typeof value === 'object' && !Array.isArray(value)) out[key] = redact(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

/**
 * @deprecated Emit a typed event instead (docs/events.md): `withEvents(deps, actor, request, (tx, ev) => …)`
 * and `ev.emit('user.…', { userId, data, audit })`. Kept only so that branches written before the
 * event seam still compile after a merge; the row it writes has no event type and reaches no
 * webhook, activity list or live stream.
 */
export async function writeAudit(db: AuditWriter, actor: AuditActor, request: RequestInfo, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: entry.action,
      actorId: actor.actorId,
      actorType: actor.actorType,
      userId: entry.userId ?? null,
      ip: request.ip,
      userAgent: request.userAgent?.slice(0, 512) ?? null,
      details: redact(entry.details ?? {}) as Prisma.InputJsonValue,
    },
  });
}
