// Deletion with a grace period (docs/account-lifecycle.md). me.deleteAccount and admin.deleteUser
// schedule the deletion DELETION_GRACE_DAYS ahead (0: delete at once, as before): every session,
// personal access token and trusted device ends at scheduling, and the row stays, so its
// identifiers stay reserved. A right credential then answers ACCOUNT_PENDING_DELETION with a
// restore token; restoreAccount cancels. The maintenance job purges what is due.
import type { Prisma, User } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AccountPendingDeletionError, AppError, notFound } from '../errors.js';
import { type EventCollector, withEvents } from '../events/collector.js';
import { revokeUserSessions } from '../sessions/sessions.service.js';
import { DAY_SECONDS, issueLifecycleToken, retireLifecycleTokens, spendLifecycleToken } from './lifecycle-tokens.js';
import { forgetTrustedDevices } from './trusted-devices.service.js';

type Tx = Prisma.TransactionClient;

// A restore token is handed out at each right sign-in: short-lived, it only has to reach the next request.
const RESTORE_TOKEN_TTL_SECONDS = 30 * 60;

/** True when deletions wait (DELETION_GRACE_DAYS > 0). */
export function deletionHasGrace(deps: Deps): boolean {
  return deps.config.deletionGraceDays > 0;
}

/** Ends every way in (sessions, personal access tokens, trusted devices); returns the sessions ended. */
async function endAllAccess(deps: Deps, tx: Tx, userId: string, reason: string): Promise<number> {
  const revoked = await revokeUserSessions(deps, tx, userId, reason);
  await tx.personalAccessToken.deleteMany({ where: { userId } });
  await forgetTrustedDevices(tx, userId);
  return revoked;
}

export async function scheduleDeletion(deps: Deps, tx: Tx, ev: EventCollector, userId: string, via: 'self' | 'admin'): Promise<Date> {
  const at = addSeconds(deps.clock.now(), deps.config.deletionGraceDays * DAY_SECONDS);
  const scheduled = await tx.user.updateMany({ where: { id: userId, deletionScheduledAt: null }, data: { deletionScheduledAt: at } });
  if (scheduled.count !== 1) throw new AppError('CONFLICT', 'The deletion of this account is already scheduled');
  const revokedSessions = await endAllAccess(deps, tx, userId, 'deletion_scheduled');
  ev.emit('user.deletion_scheduled', {
    userId,
    audit: via === 'self' ? 'user.deletion.schedule' : 'admin.user.deletion.schedule',
    data: { user: { id: userId }, deletionScheduledAt: at.toISOString(), revokedSessions, via },
  });
  return at;
}

/**
 * The answer to a right credential of an account awaiting deletion (call only after the
 * credential checked out: it reveals the schedule). Issues a fresh restore token.
 */
export async function accountPendingDeletion(deps: Deps, db: Tx, user: Pick<User, 'id' | 'deletionScheduledAt'>): Promise<AccountPendingDeletionError> {
  // Inside the caller's transaction when it has one (the embedded database has one connection).
  await retireLifecycleTokens(deps, db, user.id, 'RESTORE_ACCOUNT');
  const token = await issueLifecycleToken(deps, db, 'RESTORE_ACCOUNT', user.id, RESTORE_TOKEN_TTL_SECONDS);
  return new AccountPendingDeletionError(token, user.deletionScheduledAt!);
}

/** The sign-in hook: throws ACCOUNT_PENDING_DELETION for a scheduled account. */
export async function refusePendingDeletion(deps: Deps, db: Tx, user: Pick<User, 'id' | 'deletionScheduledAt'>): Promise<void> {
  if (user.deletionScheduledAt) throw await accountPendingDeletion(deps, db, user);
}

const invalidRestoreToken = () => new AppError('INVALID_CREDENTIALS', 'The restore token is invalid, used or expired: sign in again for a new one', ['restoreToken']);

/** restoreAccount: cancels the scheduled deletion. The account signs in as before (its ended sessions stay ended). */
export async function restoreAccount(deps: Deps, restoreToken: string, request: RequestInfo): Promise<{ userId: string }> {
  const outcome = await withEvents(deps, { actorId: null, actorType: 'system' }, request, async (tx, ev) => {
    const row = await spendLifecycleToken(deps, tx, 'RESTORE_ACCOUNT', restoreToken);
    if (!row) return null;
    const cancelled = await tx.user.updateMany({ where: { id: row.userId, deletionScheduledAt: { not: null } }, data: { deletionScheduledAt: null } });
    if (cancelled.count !== 1) return null;
    ev.emit('user.deletion_cancelled', {
      userId: row.userId,
      audit: 'user.deletion.cancel',
      actor: { actorId: row.userId, actorType: 'user' },
      data: { user: { id: row.userId }, via: 'restore_token' },
    });
    return { userId: row.userId };
  });
  if (!outcome) throw invalidRestoreToken();
  return outcome;
}

/** admin.cancelUserDeletion. */
export async function adminCancelDeletion(deps: Deps, userId: string, actor: AuditActor, request: RequestInfo): Promise<User> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFound('User', 'id');
    if (!user.deletionScheduledAt) throw new AppError('CONFLICT', 'No deletion is scheduled for this account');
    const restored = await tx.user.update({ where: { id: userId }, data: { deletionScheduledAt: null } });
    ev.emit('user.deletion_cancelled', { userId, audit: 'admin.user.deletion.cancel', data: { user: { id: userId }, via: 'admin' } });
    return restored;
  });
}
