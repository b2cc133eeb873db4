// Receiving a code or link proves the address it went to (User.emailVerified / phoneVerified).
import type { ChallengeChannel, Prisma } from '../../../generated/prisma/client.js';
import { markAddressProven } from '../../users/address-proof.js';

/** Marks the account's address on `channel` verified, if it is still the one the code went to. */
export async function markAddressVerified(tx: Prisma.TransactionClient, userId: string, channel: ChallengeChannel, target: string | null): Promise<void> {
  if (target) await markAddressProven(tx, userId, channel === 'EMAIL' ? 'email' : 'phone', target);
}
