// Audit trail types: every admin mutation and every sensitive self-service change is an event
// (src/domain/events), and its audit row is written by the event collector. Details are built by
// the caller from non-secret fields only; `redact` is a last line of defence.

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  /** The account page's trusted-device cookie (docs/account-lifecycle.md), when the page sent it. */
  deviceToken?: string | null;
}

export interface AuditActor {
  actorId: string | null;
  actorType: 'user' | 'client' | 'system';
}

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
