// Receiving a code or link proves the address it went to (docs/api.md: verified addresses).
import type { ChallengeChannel, Prisma } from '../../../generated/prisma/client.js';

/** Marks the account's address on `channel` verified, if it is still the one the code went to. */
export async function markAddressVerified(tx: Prisma.TransactionClient, userId: string, channel: ChallengeChannel, target: string | null): Promise<void> {
  if (!target) return;
  // The verified flags (User.emailVerified / phoneVerified) arrive with the verified-addresses
  // change; until then there is nothing to mark.
  void tx;
  void userId;
  void channel;
}
