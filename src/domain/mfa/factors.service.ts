// Removing MFA factors of any kind, by the user (with identity proof) or by an admin (lost device).
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { deleteFactor, emitRemoval } from '../credentials/factor-lifecycle.js';
import type { Deps } from '../deps.js';
import { withEvents } from '../events/collector.js';
import { lockUserRow } from '../users/user-lock.js';
import { mfaWasReset } from '../lifecycle/credentials-reset.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';

export { lockUserRow };

export async function removeOwnMfaFactor(
  deps: Deps,
  userId: string,
  input: { id: string; verificationId: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<void> {
  await withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
    await lockUserRow(tx, userId);
    const { factor } = await deleteFactor(deps, tx, userId, input.id, 'id');
    emitRemoval(ev, factor, 'self');
  });
}

/** An admin removes a factor of a user who lost their device; it also lifts an MFA lockout. */
export async function adminRemoveMfaFactor(
  deps: Deps,
  userId: string,
  factorId: string,
  actor: AuditActor,
  request: RequestInfo,
): Promise<void> {
  await withEvents(deps, actor, request, async (tx, ev) => {
    await lockUserRow(tx, userId);
    const { factor } = await deleteFactor(deps, tx, userId, factorId, 'factorId');
    await tx.user.update({ where: { id: userId }, data: { mfaFailures: 0, mfaLockedUntil: null } });
    // An MFA reset: devices trusted to skip the second factor are forgotten too.
    await mfaWasReset(tx, userId);
    emitRemoval(ev, factor, 'admin');
  });
}
