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
      /** The personal access token this request came with (null for a session's JWT). */
      personalAccessTokenId: string | null;
      /**
       * Someone other than the account holder is behind this credential: the admin (user) or
       * machine client that impersonates the user, or that minted this personal access token for
       * them (admin.createPersonalAccessToken). Such a viewer is never the account holder
       * (scopes.ts `accountHolder`) and its actions are audited with this actor.
       */
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

/**
 * Who minted a personal access token, when not its owner: `createdBy` is the creator's id, whose
 * prefix says what it is (mcl_ a machine client, else a user). Tokens the owner made (or made
 * before createdBy was recorded) have none.
 */
export function patMinter(pat: { userId: string; createdBy: string | null }): Impersonator | undefined {
  if (!pat.createdBy || pat.createdBy === pat.userId) return undefined;
  return { id: pat.createdBy, type: pat.createdBy.startsWith('mcl_') ? 'client' : 'user' };
}

export function viewerActorId(viewer: Viewer): string | null {
  if (viewer.kind === 'user') return viewer.impersonator?.id ?? viewer.userId;
  if (viewer.kind === 'client') return viewer.machineClientId;
  return null;
}
