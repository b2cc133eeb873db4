// me.deleteAccount: removes the user; sessions, refresh tokens, PATs, MFA factors and verification
// records go with it by cascade, so every token of theirs fails authentication at once. The audit
// event stays (AuditEvent.userId is a plain string).
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';

export async function deleteOwnAccount(deps: Deps, userId: string, verificationId: string, actor: AuditActor, request: RequestInfo): Promise<string> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, verificationId);
    const user = await tx.user.delete({ where: { id: userId } });
    ev.emit('user.deleted', {
      userId,
      audit: 'user.delete_self',
      data: { user: { id: userId }, username: user.username, primaryEmail: user.primaryEmail, primaryPhone: user.primaryPhone, via: 'self' },
      details: { username: user.username, primaryEmail: user.primaryEmail, primaryPhone: user.primaryPhone },
    });
    return user.id;
  });
}
