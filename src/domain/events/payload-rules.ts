// What an event payload may carry. Payloads reach webhook receivers, the user's activity list, the
// live stream and the audit log: nothing in them may authorize anything. Secrets and hashes are
// redacted by name (audit.service.ts `redact`); live handles are removed here by what they are,
// whatever the field is called: the id of a verification record (a proof of identity the user
// spends on a sensitive change), an MFA or passkey challenge, or a social sign-in state. A new
// field holding one is covered without a change here.

/** Id prefixes of rows that act as a credential for as long as they live (see prisma/schema.prisma). */
const LIVE_HANDLE = /^(ver|mfc|pkc|sas)_[0-9a-f]/;

export const isLiveHandle = (value: unknown): boolean => typeof value === 'string' && LIVE_HANDLE.test(value);

/** `data` without any value that is a live handle (objects and arrays walked; the key goes too). */
export function withoutLiveHandles<T>(data: T): T {
  if (Array.isArray(data)) return data.filter((item) => !isLiveHandle(item)).map(withoutLiveHandles) as T;
  if (!data || typeof data !== 'object' || data instanceof Date) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!isLiveHandle(value)) out[key] = withoutLiveHandles(value);
  }
  return out as T;
}
