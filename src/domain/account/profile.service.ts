// me.updateProfile: name, avatar, OIDC claims (merged), customData and username. Which fields may
// change is the account center's business (src/auth/scopes.ts); this only validates and writes.
import { userColumns } from '../../db/user-columns.js';
import { Prisma, type User } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { utc } from '../../db/sql-time.js';
import { type EventCollector, changeWithEvents, withEvents } from '../events/collector.js';
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
    // A plain set is one statement with its audit row and deliveries (no interactive transaction,
    // nothing for Prisma to compile); a row it did not find takes the path below, which fails as before.
    const set = readsCurrent ? undefined : await setPlainFields(deps, userId, data, actor, request);
    const user = set ?? await withEvents(deps, actor, request, async (tx, ev) => {
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
      emitUpdated(ev, userId, data, user.username);
      return user;
    });
    // This instance's cache sees the change now; a `me` right after needs no wait for the feed.
    deps.ownWrites.committed([`user:${userId}`]);
    return user;
  } catch (err) {
    identifierInUse(err);
  }
}

function emitUpdated(ev: EventCollector, userId: string, data: Prisma.UserUpdateInput, newUsername: string | null): void {
  ev.emit('user.updated', {
    userId,
    audit: 'user.profile.update',
    data: { user: { id: userId }, fields: Object.keys(data), ...(data.username !== undefined ? { username: newUsername } : {}) },
  });
}

/** name, avatar and customData (validated in `data`) set in one UPDATE with the event; undefined: no such user. */
async function setPlainFields(deps: Deps, userId: string, data: Prisma.UserUpdateInput, actor: AuditActor, request: RequestInfo): Promise<User | undefined> {
  // Prisma's @updatedAt is the client's clock at the write; so is this.
  const sets = [Prisma.sql`"updatedAt" = ${utc(new Date())}`];
  if (data.name !== undefined) sets.push(Prisma.sql`"name" = ${data.name}`);
  if (data.avatar !== undefined) sets.push(Prisma.sql`"avatar" = ${data.avatar}`);
  if (data.customData !== undefined) sets.push(Prisma.sql`"customData" = CAST(${JSON.stringify(data.customData)} AS jsonb)`);
  const change = Prisma.sql`UPDATE "User" SET ${Prisma.join(sets, ', ')} WHERE id = ${userId} RETURNING ${userColumns()}`;
  // The event names the fields given, as the transactional path does; it is written only with the row.
  return changeWithEvents<User>(deps, actor, request, change, (ev) => emitUpdated(ev, userId, data, null));
}
