// me.deleteAccount. With a grace period (DELETION_GRACE_DAYS > 0, the default) the deletion is
// scheduled (docs/account-lifecycle.md): every session and token ends now and the maintenance job
// purges the account when the grace ends, unless it is restored. With 0 the user is removed at
// once: sessions, refresh tokens, PATs, MFA factors and verification records go with it by
// cascade. The audit event stays (AuditEvent.userId is a plain string).
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { deletionHasGrace, scheduleDeletion } from '../lifecycle/deletion.service.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';

export async function deleteOwnAccount(
  deps: Deps,
  userId: string,
  verificationId: string,
  actor: AuditActor,
  request: RequestInfo,
): Promise<{ userId: string; deletionScheduledAt: Date | null }> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, verificationId);
    if (deletionHasGrace(deps)) return { userId, deletionScheduledAt: await scheduleDeletion(deps, tx, ev, userId, 'self') };
    const user = await tx.user.delete({ where: { id: userId } });
    ev.emit('user.deleted', {
      userId,
      audit: 'user.delete_self',
      data: { user: { id: userId }, username: user.username, primaryEmail: user.primaryEmail, primaryPhone: user.primaryPhone, via: 'self' },
      details: { username: user.username, primaryEmail: user.primaryEmail, primaryPhone: user.primaryPhone },
    });
    return { userId: user.id, deletionScheduledAt: null };
  });
}
