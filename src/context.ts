// Per-request context: who is calling, what the services need, and where the request came from.
import type { RequestInfo } from './domain/audit/audit.service.js';
import { getAccountCenter, type AccountCenterSettings } from './domain/account-center/account-center.service.js';
import type { Deps } from './domain/deps.js';
import type { Viewer } from './auth/viewer.js';
import { unavailableDependency } from './lib/availability/index.js';
import type { SecurityStream } from './live/security-stream.js';

export interface Context {
  viewer: Viewer;
  deps: Deps;
  request: RequestInfo;
  /** The live stream of security events (Subscription.securityEvents). */
  live: SecurityStream;
  /** Account-center settings, read at most once per request. */
  accountCenter(): Promise<AccountCenterSettings>;
}

export function createContext(deps: Deps, viewer: Viewer, request: RequestInfo, live: SecurityStream): Context {
  let settings: Promise<AccountCenterSettings> | undefined;
  return {
    viewer,
    deps,
    request,
    live,
    accountCenter: () => {
      settings ??= cachedAccountCenter(deps);
      return settings;
    },
  };
}

/**
 * Warm: from the validity cache (changes invalidate it on every instance); cold: one read, or the
 * frozen settings while the database is unreachable within the degraded-read bound.
 */
async function cachedAccountCenter(deps: Deps): Promise<AccountCenterSettings> {
  const cached = deps.validity.accountCenter();
  if (cached) return cached;
  const ticket = deps.validity.ticket();
  let settings: AccountCenterSettings;
  try {
    settings = await getAccountCenter(deps.prisma);
  } catch (err) {
    const frozen = unavailableDependency(err) === 'database' ? deps.validity.degradedAccountCenter() : undefined;
    if (!frozen) throw err;
    return frozen;
  }
  deps.validity.storeAccountCenter(ticket, settings);
  return settings;
}
