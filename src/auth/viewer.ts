// Who is calling. Built once per request by authenticate(); scopes.ts reads it.
import type { User } from '../generated/prisma/client.js';
import type { AdminScope } from './scope-names.js';

export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      /** Null for a personal access token. */
      sessionId: string | null;
      via: 'jwt' | 'pat';
      /** Admin scopes this request holds: token scopes still backed by the user's current roles. */
      scopes: ReadonlySet<AdminScope>;
      /** Set on impersonation tokens: the admin (user) or machine client acting as this user. */
      impersonator?: Impersonator;
      /** The user's row, read with the session in the same query: `me` answers from it without another read. */
      user: User;
    }
  | { kind: 'client'; clientId: string; machineClientId: string; scopes: ReadonlySet<AdminScope> };

export interface Impersonator {
  /** usr_… for an admin, mcl_… for a machine client (the audit log's actorId). */
  id: string;
  type: 'user' | 'client';
}

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

export function viewerActorId(viewer: Viewer): string | null {
  if (viewer.kind === 'user') return viewer.impersonator?.id ?? viewer.userId;
  if (viewer.kind === 'client') return viewer.machineClientId;
  return null;
}
