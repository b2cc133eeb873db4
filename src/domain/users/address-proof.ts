// Verified addresses (User.emailVerified / phoneVerified, docs/security.md "Verified addresses"):
// a flag says the *current* address was proven to this service. Three things prove one: a code
// sent to it, a provider trusted for email that says it verified it, or an admin. Every change of
// the address goes through identifierChanged (account/identifier-change.ts), which sets the flag
// from the proof that change carried, so a new address is never proven by an old address's flag.
import type { Prisma } from '../../generated/prisma/client.js';
import type { Deps } from '../deps.js';
import { invalidInput } from '../errors.js';

export type AddressChannel = 'email' | 'phone';

export const ADDRESS_COLUMN = { email: 'primaryEmail', phone: 'primaryPhone' } as const;
export const PROOF_COLUMN = { email: 'emailVerified', phone: 'phoneVerified' } as const;

type Db = Deps['prisma'] | Prisma.TransactionClient;

/**
 * Marks `address` proven when it is still the user's current one (a code checked after the address
 * changed proves the old address, not the new one). True when the flag was set by this call.
 */
export async function markAddressProven(db: Db, userId: string, channel: AddressChannel, address: string): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, [ADDRESS_COLUMN[channel]]: address, [PROOF_COLUMN[channel]]: false },
    data: { [PROOF_COLUMN[channel]]: true },
  });
  return count === 1;
}

/** The flag's value after the address became `next`: proven only with proof, never without an address. */
export async function setAddressProof(db: Db, userId: string, channel: AddressChannel, next: string | null, proven: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { [PROOF_COLUMN[channel]]: Boolean(next) && proven } });
}

/** An admin can vouch only for an address the account has. */
export function assertProofHasAddress(channel: AddressChannel, address: string | null | undefined, proven: boolean | null | undefined): void {
  if (proven && !address) {
    throw invalidInput(PROOF_COLUMN[channel], `The account has no ${channel} to mark verified`);
  }
}
