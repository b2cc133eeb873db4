// What a resolver gets: who is calling, the services' dependencies and where the request came
// from. The type lives with the schema (resolvers are typed by it); the app layer builds it per
// request (src/context.ts) and provides the live stream.
import type { AccountCenterSettings } from '../domain/account-center/account-center.service.js';
import type { RequestInfo } from '../domain/audit/audit.service.js';
import type { Deps } from '../domain/deps.js';
import type { Viewer } from '../auth/viewer.js';
import type { Session } from '../generated/prisma/client.js';

/** What the stream carries: the same fields as a stored security event. */
export interface LiveSecurityEvent {
  id: string;
  type: string;
  action: string;
  at: Date | string;
  userId: string;
  actorId: string | null;
  actorType: string;
  ip: string | null;
  userAgent: string | null;
  data: unknown;
}

/** Subscription.securityEvents' source: the user's events until the session behind the stream ends. */
export interface LiveStream {
  /** Ends when the credential that opened it ends: its session, or its personal access token. */
  stream(deps: Deps, viewer: { userId: string; sessionId: string | null; personalAccessTokenId: string | null }): AsyncIterable<LiveSecurityEvent>;
}

export interface Context {
  viewer: Viewer;
  deps: Deps;
  request: RequestInfo;
  /** The live stream of security events (Subscription.securityEvents). */
  live: LiveStream;
  /** Account-center settings, read at most once per request. */
  accountCenter(): Promise<AccountCenterSettings>;
  /**
   * A user's unrevoked, unexpired-when-read sessions, newest first (createdAt, id), from the validity
   * cache when warm; null when the cache is off or the user has more than it keeps: query instead.
   */
  liveSessions(userId: string): Promise<readonly Readonly<Session>[] | null>;
}
