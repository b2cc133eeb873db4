// Listing and removing MFA factors, by the user (with identity proof) or by an admin (lost device).
import type { MfaFactor, Prisma } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';

type Tx = Prisma.TransactionClient;

/** Row lock on the user until the transaction ends: serializes MFA changes of one user. */
export async function lockUserRow(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
}

async function deleteFactor(tx: Tx, userId: string, factorId: string, path: string): Promise<MfaFactor> {
  const factor = await tx.mfaFactor.findFirst({ where: { id: factorId, userId } });
  if (!factor) throw notFound('MFA factor', path);
  await tx.mfaFactor.delete({ where: { id: factor.id } });
  return factor;
}

export async function removeOwnMfaFactor(
  deps: Deps,
  userId: string,
  input: { id: string; verificationId: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<void> {
  await withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
    const factor = await deleteFactor(tx, userId, input.id, 'id');
    ev.emit('user.mfa.removed', {
      userId,
      audit: 'user.mfa.remove',
      data: { user: { id: userId }, factor: { id: factor.id, type: factor.type }, via: 'self' },
      details: { factorId: factor.id, type: factor.type },
    });
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
    const factor = await deleteFactor(tx, userId, factorId, 'factorId');
    await tx.user.update({ where: { id: userId }, data: { mfaFailures: 0, mfaLockedUntil: null } });
    ev.emit('user.mfa.removed', {
      userId,
      audit: 'admin.user.mfa.remove',
      data: { user: { id: userId }, factor: { id: factor.id, type: factor.type }, via: 'admin' },
      details: { factorId: factor.id, type: factor.type },
    });
  });
}
