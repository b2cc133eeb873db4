// What every enrollment and removal of a credential shares, whatever its kind: its event
// (user.mfa.added / user.mfa.removed, whose subscribers send the kind's security notice after
// commit), and the LAST_SIGN_IN_METHOD rule on removal.
import type { Deps } from '../deps.js';
import type { MfaFactor } from '../../generated/prisma/client.js';
import { notFound } from '../errors.js';
import type { EventCollector } from '../events/collector.js';
import type { CredentialKind, CredentialState, Tx } from './credential-kind.js';

export async function credentialState(tx: Tx, userId: string): Promise<CredentialState> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      username: true,
      primaryEmail: true,
      primaryPhone: true,
      passwordHash: true,
      mfaFactors: { select: { type: true } },
      identities: { select: { providerId: true } },
    },
  });
  return { user, factorTypes: user.mfaFactors.map((f) => f.type), identityProviderIds: user.identities.map((i) => i.providerId) };
}

/** The event of a new factor (inside the enrolling transaction). */
export function emitEnrollment(ev: EventCollector, factor: Pick<MfaFactor, 'id' | 'type' | 'userId'>, extra: Record<string, unknown> = {}): void {
  ev.emit('user.mfa.added', {
    userId: factor.userId,
    audit: 'user.mfa.enroll',
    data: { user: { id: factor.userId }, factor: { id: factor.id, type: factor.type }, ...extra },
    details: { factorId: factor.id, type: factor.type, ...extra },
  });
}

/** The event of a removed factor (inside the removing transaction). */
export function emitRemoval(ev: EventCollector, factor: Pick<MfaFactor, 'id' | 'type' | 'userId'>, via: 'self' | 'admin'): void {
  ev.emit('user.mfa.removed', {
    userId: factor.userId,
    audit: via === 'self' ? 'user.mfa.remove' : 'admin.user.mfa.remove',
    data: { user: { id: factor.userId }, factor: { id: factor.id, type: factor.type }, via },
    details: { factorId: factor.id, type: factor.type },
  });
}

/**
 * Deletes one factor of the user (caller holds the user's row lock). A factor whose kind is a way
 * into the account (a passkey) cannot go when it is the last such way: LAST_SIGN_IN_METHOD.
 */
export async function deleteFactor(deps: Deps, tx: Tx, userId: string, factorId: string, path: string): Promise<{ factor: MfaFactor; kind: CredentialKind }> {
  const factor = await tx.mfaFactor.findFirst({ where: { id: factorId, userId } });
  if (!factor) throw notFound('MFA factor', path);
  const kind = deps.credentials.kindOfFactor(factor.type);
  if (kind.isSignInMethod) {
    const before = await credentialState(tx, userId);
    const remaining = [...before.factorTypes];
    remaining.splice(remaining.indexOf(factor.type), 1);
    deps.credentials.assertKeepsSignInMethod({ ...before, factorTypes: remaining }, path);
  }
  await tx.mfaFactor.delete({ where: { id: factor.id } });
  return { factor, kind };
}
