// Removing MFA factors of any kind, by the user (with identity proof) or by an admin (lost device).
import { type AuditActor, type RequestInfo, writeAudit } from '../audit/audit.service.js';
import { deleteFactor, sendCredentialNotice } from '../credentials/factor-lifecycle.js';
import type { Deps } from '../deps.js';
import { lockUserRow } from '../users/user-lock.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';

export { lockUserRow };

export async function removeOwnMfaFactor(
  deps: Deps,
  userId: string,
  input: { id: string; verificationId: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<void> {
  const kind = await deps.prisma.$transaction(async (tx) => {
    await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
    await lockUserRow(tx, userId);
    const { factor, kind } = await deleteFactor(tx, userId, input.id, 'id');
    await writeAudit(tx, actor, request, { action: 'user.mfa.remove', userId, details: { factorId: factor.id, type: factor.type } });
    return kind;
  });
  sendCredentialNotice(deps, userId, kind, 'removed', request);
}

/** An admin removes a factor of a user who lost their device; it also lifts an MFA lockout. */
export async function adminRemoveMfaFactor(
  deps: Deps,
  userId: string,
  factorId: string,
  actor: AuditActor,
  request: RequestInfo,
): Promise<void> {
  const kind = await deps.prisma.$transaction(async (tx) => {
    await lockUserRow(tx, userId);
    const { factor, kind } = await deleteFactor(tx, userId, factorId, 'factorId');
    await tx.user.update({ where: { id: userId }, data: { mfaFailures: 0, mfaLockedUntil: null } });
    await writeAudit(tx, actor, request, { action: 'admin.user.mfa.remove', userId, details: { factorId: factor.id, type: factor.type } });
    return kind;
  });
  sendCredentialNotice(deps, userId, kind, 'removed', request);
}
