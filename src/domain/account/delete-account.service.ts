// me.deleteAccount: removes the user; sessions, refresh tokens, PATs, MFA factors and verification
// records go with it by cascade, so every token of theirs fails authentication at once. The audit
// event stays (AuditEvent.userId is a plain string).
import { type AuditActor, type RequestInfo, writeAudit } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';

export async function deleteOwnAccount(deps: Deps, userId: string, verificationId: string, actor: AuditActor, request: RequestInfo): Promise<string> {
  return deps.prisma.$transaction(async (tx) => {
    await requireVerifiedIdentity(deps, tx, userId, verificationId);
    const user = await tx.user.delete({ where: { id: userId } });
    await writeAudit(tx, actor, request, {
      action: 'user.delete_self',
      userId,
      details: { username: user.username, primaryEmail: user.primaryEmail, primaryPhone: user.primaryPhone },
    });
    return user.id;
  });
}
