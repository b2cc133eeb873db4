// Per-request context (the Context type is the schema's: src/schema/context.ts), and what only the
// HTTP layer needs: authenticating a request and the validity cache. Domain services never see these.
import type { Authenticator } from './auth/authenticate.js';
import { MAX_LISTED_SESSIONS, type ValidityCache } from './auth/validity-cache.js';
import { getAccountCenter, type AccountCenterSettings } from './domain/account-center/account-center.service.js';
import type { RequestInfo } from './domain/audit/audit.service.js';
import type { Deps } from './domain/deps.js';
import type { Viewer } from './auth/viewer.js';
import { unavailableDependency } from './lib/availability/index.js';
import type { Context, LiveStream } from './schema/context.js';

export type { Context } from './schema/context.js';

export interface HttpDeps {
  authenticator: Authenticator;
  /** Session/user/account-center validity, invalidated through the database's change feed. */
  validity: ValidityCache<AccountCenterSettings>;
}

export function createContext(deps: Deps, http: HttpDeps, viewer: Viewer, request: RequestInfo, live: LiveStream): Context {
  let settings: Promise<AccountCenterSettings> | undefined;
  return {
    viewer,
    deps,
    request,
    live,
    accountCenter: () => {
      settings ??= cachedAccountCenter(deps, http.validity);
      return settings;
    },
    liveSessions: (userId) => cachedLiveSessions(deps, http.validity, userId),
  };
}

/** Warm: from the validity cache (any write of a Session row invalidates it); cold: one read, stored. */
async function cachedLiveSessions(deps: Deps, validity: HttpDeps['validity'], userId: string) {
  const cached = validity.liveSessions(userId);
  if (cached !== undefined) return cached;
  // Off (change feed down): nothing could be stored, so one query by the caller beats two.
  if (!validity.on) return null;
  const ticket = validity.ticket();
  const rows = await deps.prisma.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: deps.clock.now() } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_LISTED_SESSIONS + 1,
  });
  const list = rows.length > MAX_LISTED_SESSIONS ? null : rows;
  validity.storeLiveSessions(ticket, userId, list);
  return list;
}

/**
 * Warm: from the validity cache (changes invalidate it on every instance); cold: one read, or the
 * frozen settings while the database is unreachable within the degraded-read bound.
 */
async function cachedAccountCenter(deps: Deps, validity: HttpDeps['validity']): Promise<AccountCenterSettings> {
  const cached = validity.accountCenter();
  if (cached) return cached;
  const ticket = validity.ticket();
  let settings: AccountCenterSettings;
  try {
    settings = await getAccountCenter(deps.prisma);
  } catch (err) {
    const frozen = unavailableDependency(err) === 'database' ? validity.degradedAccountCenter() : undefined;
    if (!frozen) throw err;
    return frozen;
  }
  validity.storeAccountCenter(ticket, settings);
  return settings;
}
