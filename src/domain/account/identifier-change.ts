// What changing a sign-in address means, whichever door it comes through (me.setPrimaryEmail,
// me.removePrimaryEmail, admin.updateUser, …): the other identity proofs end (a code sent to the
// old address must not authorize anything more) and one event says so, which tells the previous
// address (security notices subscribe to user.email.changed). The address's verified flag follows
// the proof the change carried: a change without one leaves the new address unproven.
import type { Prisma } from '../../generated/prisma/client.js';
import type { Deps } from '../deps.js';
import type { EventCollector } from '../events/collector.js';
import { setAddressProof } from '../users/address-proof.js';
import { expireIdentityRecords } from '../verification/verification.service.js';
import { offerEmailRevert } from '../lifecycle/email-revert.service.js';

export type IdentifierChannel = 'email' | 'phone';

export async function identifierChanged(
  deps: Deps,
  tx: Prisma.TransactionClient,
  ev: EventCollector,
  change: {
    userId: string;
    channel: IdentifierChannel;
    previous: string | null;
    next: string | null;
    audit: 'user.email.set' | 'user.email.remove' | 'user.phone.set' | 'user.phone.remove' | 'admin.user.update';
    /** The proof this change used stays valid (a settings flow may go on with it). */
    keepVerificationId?: string | null;
    details?: Record<string, unknown>;
    /** The new address was proven by this change (a code sent to it, or an admin vouching). */
    proven?: boolean;
  },
): Promise<void> {
  const { userId, channel, previous, next, audit } = change;
  if (previous === next) {
    // The same address again: new proof of it still counts; no proof leaves the flag as it was.
    if (change.proven && next) await setAddressProof(tx, userId, channel, next, true);
    return;
  }
  await setAddressProof(tx, userId, channel, next, change.proven ?? false);
  await expireIdentityRecords(deps, tx, userId, change.keepVerificationId);
  const user = { id: userId };
  if (channel === 'email') {
    // The previous address gets a link that undoes the change (docs/account-lifecycle.md).
    const revertLinkSent = previous ? await offerEmailRevert(deps, tx, ev, { userId, previous, next }) : false;
    ev.emit('user.email.changed', {
      userId,
      audit: audit as 'user.email.set' | 'user.email.remove' | 'admin.user.update',
      data: { user, email: next, previousEmail: previous, ...(revertLinkSent ? { revertLinkSent } : {}) },
      details: change.details,
    });
  } else {
    ev.emit('user.phone.changed', {
      userId,
      audit: audit as 'user.phone.set' | 'user.phone.remove' | 'admin.user.update',
      data: { user, phone: next, previousPhone: previous },
      details: change.details,
    });
  }
}
