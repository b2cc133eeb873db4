// me.updateProfile: name, avatar, OIDC claims (merged), customData and username. Which fields may
// change is the account center's business (src/auth/scopes.ts); this only validates and writes.
import type { Prisma, User } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { credentialState } from '../credentials/factor-lifecycle.js';
import { lockUserRow } from '../users/user-lock.js';
import { normalizeUsername } from '../users/identifiers.js';
import { type Profile, type ProfileInput, normalizeProfile } from '../users/profile.js';
import { identifierInUse, validateAvatar, validateCustomData, validateName } from '../users/users.service.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';

export interface UpdateProfileInput {
  /** undefined = unchanged, null = cleared (except username, which needs a value to change to). */
  name?: string | null;
  avatar?: string | null;
  profile?: ProfileInput | null;
  customData?: Record<string, unknown> | null;
  username?: string | null;
  verificationId?: string | null;
}

export async function updateProfile(deps: Deps, userId: string, input: UpdateProfileInput, actor: AuditActor, request: RequestInfo): Promise<User> {
  const data: Prisma.UserUpdateInput = {};
  if (input.name !== undefined) data.name = input.name ? validateName(input.name) || null : null;
  if (input.avatar !== undefined) data.avatar = input.avatar ? validateAvatar(input.avatar) : null;
  if (input.customData !== undefined) data.customData = validateCustomData(input.customData ?? {}) as Prisma.InputJsonValue;
  const username = input.username === undefined ? undefined : input.username === null ? null : normalizeUsername(input.username);
  // Only a profile merge and a username change depend on the current row; a plain set of name,
  // avatar or customData is one UPDATE, which takes the row lock itself.
  const readsCurrent = Boolean(input.profile) || username !== undefined;
  try {
    const user = await withEvents(deps, actor, request, async (tx, ev) => {
      if (readsCurrent) {
        // Row lock first: concurrent profile merges, and a username removal racing the removal of
        // another identifier, must each see the other's committed result.
        await lockUserRow(tx, userId);
        const current = await tx.user.findUniqueOrThrow({ where: { id: userId } });
        if (input.profile) data.profile = normalizeProfile((current.profile ?? {}) as Profile, input.profile) as Prisma.InputJsonValue;
        if (username !== undefined && username !== current.username) {
          // A username is a sign-in identifier: changing it is as sensitive as changing an email.
          await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
          if (username === null) {
            const state = await credentialState(tx, userId);
            deps.credentials.assertKeepsSignInMethod({ ...state, user: { ...state.user, username: null } }, 'username');
          }
          data.username = username;
        }
      }
      const user = await tx.user.update({ where: { id: userId }, data });
      ev.emit('user.updated', {
        userId,
        audit: 'user.profile.update',
        data: { user: { id: userId }, fields: Object.keys(data), ...(data.username !== undefined ? { username: user.username } : {}) },
      });
      return user;
    });
    // This instance's cache sees the change now; a `me` right after needs no wait for the feed.
    deps.ownWrites.committed([`user:${userId}`]);
    return user;
  } catch (err) {
    identifierInUse(err);
  }
}
