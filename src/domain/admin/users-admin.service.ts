// Admin user management beyond createUser (docs/api.md#management-admin). Every change and its audit event share one
// transaction, so the log never names a change that did not happen (or misses one that did).
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { Prisma, User } from '../../generated/prisma/client.js';
import { identifierChanged } from '../account/identifier-change.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { emitEvent, withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { revokeUserSessions } from '../sessions/sessions.service.js';
import { normalizeEmail, normalizePhone, normalizeUsername } from '../users/identifiers.js';
import type { PasswordContext } from '../users/password-policy.js';
import { normalizeProfile, type Profile, type ProfileInput } from '../users/profile.js';
import { assertProofHasAddress, setAddressProof } from '../users/address-proof.js';
import { expireIdentityRecords } from '../verification/verification.service.js';
import { passwordWasChanged } from '../lifecycle/credentials-reset.js';
import { deletionHasGrace, scheduleDeletion } from '../lifecycle/deletion.service.js';
import {
  assertPasswordPolicy,
  identifierInUse,
  validateAvatar,
  validateCustomData,
  validateName,
  validateRoles,
} from '../users/users.service.js';

type Tx = Prisma.TransactionClient;

export interface UpdateUserInput {
  username?: string | null;
  primaryEmail?: string | null;
  primaryPhone?: string | null;
  name?: string | null;
  avatar?: string | null;
  profile?: ProfileInput | null;
  customData?: Record<string, unknown> | null;
  roles?: string[] | null;
  password?: string | null;
  /** The admin vouches for the (new or current) address; omitted: a changed address is unproven. */
  emailVerified?: boolean | null;
  phoneVerified?: boolean | null;
}

const PROOF_INPUT = { email: 'emailVerified', phone: 'phoneVerified' } as const;

async function loadUser(tx: Tx, id: string): Promise<User> {
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw notFound('User', 'id');
  return user;
}

/** `undefined` leaves a field alone; `null` (or "") clears it. */
function optional<T>(value: T | null | undefined, normalize: (v: T) => T): T | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  return normalize(value);
}

// The columns user.updated reports; identifiers, password and roles have their own events, the
// same ones the self-service doors emit.
const PROFILE_FIELDS = ['username', 'name', 'avatar', 'profile', 'customData'] as const;

/**
 * What an admin-set password writes: policy-checked, hashed, and lifting a sign-in lockout. Called
 * before the transaction: argon2 takes tens of milliseconds, too long to hold a connection (the
 * embedded database has only one).
 */
async function adminPasswordColumns(deps: Deps, password: string, identity: PasswordContext) {
  await assertPasswordPolicy(deps, password, identity);
  return { passwordHash: await hashPassword(password, deps.config.passwordHashing), passwordAlgorithm: 'ARGON2ID' as const, failedSignIns: 0, lockedUntil: null };
}

export async function updateUser(deps: Deps, id: string, input: UpdateUserInput, actor: AuditActor, request: RequestInfo): Promise<User> {
  const data: Prisma.UserUpdateInput = {
    username: optional(input.username, (v) => normalizeUsername(v, 'username')),
    primaryEmail: optional(input.primaryEmail, (v) => normalizeEmail(v, 'primaryEmail')),
    primaryPhone: optional(input.primaryPhone, (v) => normalizePhone(v, 'primaryPhone')),
    name: optional(input.name, (v) => validateName(v)),
    avatar: optional(input.avatar, (v) => validateAvatar(v)),
  };
  if (input.customData !== undefined) data.customData = validateCustomData(input.customData ?? {}) as Prisma.InputJsonValue;
  if (input.roles !== undefined && input.roles !== null) data.roles = { set: validateRoles(input.roles) };
  if (input.password) {
    const current = await loadUser(deps.prisma, id);
    Object.assign(
      data,
      await adminPasswordColumns(deps, input.password, {
        username: (data.username as string | undefined) ?? current.username,
        email: (data.primaryEmail as string | undefined) ?? current.primaryEmail,
        name: (data.name as string | undefined) ?? current.name,
      }),
    );
  }
  try {
    return await withEvents(deps, actor, request, async (tx, ev) => {
      const current = await loadUser(tx, id);
      if (input.profile) data.profile = normalizeProfile((current.profile ?? {}) as Profile, input.profile) as Prisma.InputJsonValue;
      const user = await tx.user.update({ where: { id }, data });
      const ref = { id };
      const audit = 'admin.user.update' as const;
      const given = (k: string) => (data as Record<string, unknown>)[k] !== undefined;
      const proofFields: string[] = [];
      const proofValues: Record<string, boolean> = {};
      for (const [channel, column] of [['email', 'primaryEmail'], ['phone', 'primaryPhone']] as const) {
        const vouched = input[PROOF_INPUT[channel]];
        if (given(column)) {
          // A changed address is proven only when the admin says so in the same call.
          await identifierChanged(deps, tx, ev, { userId: id, channel, previous: current[column], next: user[column], audit, details: { fields: [column] }, proven: vouched === true });
        }
        if (vouched === undefined || vouched === null) continue;
        assertProofHasAddress(channel, user[column], vouched);
        if (!given(column) || current[column] === user[column]) await setAddressProof(tx, id, channel, user[column], vouched);
        proofFields.push(PROOF_INPUT[channel]);
        proofValues[PROOF_INPUT[channel]] = vouched;
      }
      if (input.password) {
        await expireIdentityRecords(deps, tx, id);
        await passwordWasChanged(tx, id);
        ev.emit('user.password.changed', { userId: id, audit, data: { user: ref, via: 'admin' }, details: { fields: ['password'] } });
      }
      if (given('roles')) {
        ev.emit('user.roles.changed', { userId: id, audit, data: { user: ref, before: current.roles, after: user.roles }, details: { fields: ['roles'] } });
      }
      const fields = [...PROFILE_FIELDS.filter(given), ...proofFields];
      // Every admin mutation is audited, even one that changed nothing.
      if (fields.length || ev.emitted() === 0) {
        ev.emit('user.updated', { userId: id, audit, data: { user: ref, fields: [...fields] }, details: { fields: [...fields], ...proofValues } });
      }
      // Read again: identifierChanged and the admin's vouching set the verified flags.
      return proofFields.length || given('primaryEmail') || given('primaryPhone') ? loadUser(tx, id) : user;
    });
  } catch (err) {
    identifierInUse(err);
  }
}

/**
 * With a grace period (DELETION_GRACE_DAYS > 0) and not `immediately`, the deletion is scheduled
 * (docs/account-lifecycle.md): every session and token ends now, the purge comes later. Otherwise
 * deleting cascades to sessions, refresh tokens and personal access tokens: every token stops at once.
 * `read` is what the caller wants back (a Prisma select/include): it is loaded before the row and
 * its relations are gone, since nothing can be read about the user afterwards.
 */
export async function deleteUser(
  deps: Deps,
  id: string,
  actor: AuditActor,
  request: RequestInfo,
  read: { include?: Prisma.UserInclude; select?: Prisma.UserSelect } = {},
  options: { immediately?: boolean } = {},
): Promise<User> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    if (!options.immediately && deletionHasGrace(deps)) {
      await loadUser(tx, id);
      await scheduleDeletion(deps, tx, ev, id, 'admin');
      return (await tx.user.findUniqueOrThrow({ ...(read as object), where: { id } })) as User;
    }
    const user = (await tx.user.findUnique({ ...(read as object), where: { id } })) as User | null;
    if (!user) throw notFound('User', 'id');
    await tx.user.delete({ where: { id } });
    ev.emit('user.deleted', {
      userId: id,
      audit: 'admin.user.delete',
      data: { user: { id }, username: user.username, primaryEmail: user.primaryEmail, primaryPhone: user.primaryPhone, via: 'admin' },
    });
    return user;
  });
}

export async function setUserSuspended(deps: Deps, id: string, suspended: boolean, actor: AuditActor, request: RequestInfo): Promise<User> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    await loadUser(tx, id);
    const user = await tx.user.update({ where: { id }, data: { isSuspended: suspended } });
    // Access tokens and personal access tokens are re-checked against the user on every request,
    // so they stop too (and PATs work again after unsuspension).
    const revokedSessions = suspended ? await revokeUserSessions(deps, tx, id, 'suspended') : 0;
    if (suspended) ev.emit('user.suspended', { userId: id, audit: 'admin.user.suspend', data: { user: { id }, revokedSessions } });
    else ev.emit('user.unsuspended', { userId: id, audit: 'admin.user.unsuspend', data: { user: { id } }, details: { revokedSessions } });
    return user;
  });
}

export async function setUserPassword(deps: Deps, id: string, password: string, actor: AuditActor, request: RequestInfo): Promise<User> {
  const current = await loadUser(deps.prisma, id);
  const columns = await adminPasswordColumns(deps, password, { username: current.username, email: current.primaryEmail, name: current.name });
  return withEvents(deps, actor, request, async (tx, ev) => {
    const user = await tx.user.update({ where: { id: (await loadUser(tx, id)).id }, data: columns });
    await expireIdentityRecords(deps, tx, id);
    await passwordWasChanged(tx, id);
    ev.emit('user.password.changed', { userId: id, audit: 'admin.user.set_password', data: { user: { id }, via: 'admin' }, details: {} });
    return user;
  });
}

export async function verifyUserPassword(deps: Deps, id: string, password: string, actor: AuditActor, request: RequestInfo): Promise<boolean> {
  const user = await loadUser(deps.prisma, id);
  const valid = user.passwordHash && user.passwordAlgorithm ? await verifyPassword(user.passwordAlgorithm, user.passwordHash, password) : false;
  await emitEvent(deps, actor, request, 'user.password.checked', { userId: id, audit: 'admin.user.verify_password', data: { user: { id }, valid } });
  return valid;
}

/** New roles take effect at the next sign-in; a removed `admin` role takes effect on the next request. */
export async function setUserRoles(deps: Deps, id: string, roles: string[], actor: AuditActor, request: RequestInfo): Promise<User> {
  const next = validateRoles(roles);
  return withEvents(deps, actor, request, async (tx, ev) => {
    const before = await loadUser(tx, id);
    const user = await tx.user.update({ where: { id }, data: { roles: { set: next } } });
    ev.emit('user.roles.changed', { userId: id, audit: 'admin.user.set_roles', data: { user: { id }, before: before.roles, after: next } });
    return user;
  });
}

export async function adminRevokeUserSessions(deps: Deps, id: string, actor: AuditActor, request: RequestInfo): Promise<number> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    await loadUser(tx, id);
    const revokedCount = await revokeUserSessions(deps, tx, id, 'revoked_by_admin');
    ev.emit('session.revoked', {
      userId: id,
      audit: 'admin.user.revoke_sessions',
      data: { user: { id }, count: revokedCount, reason: 'revoked_by_admin' },
      details: { revokedCount },
    });
    return revokedCount;
  });
}
