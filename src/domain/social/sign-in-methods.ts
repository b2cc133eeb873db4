// Whether an account keeps a way in: a password with an identifier to type it with, or a linked
// social identity. Read inside the caller's transaction, after it locked the user row, so two
// concurrent removals cannot each see the other's method as still there.
import type { Prisma } from '../../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

export async function hasSignInMethodBesides(tx: Tx, userId: string, without: { providerId?: string; password?: boolean }): Promise<boolean> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { username: true, primaryEmail: true, primaryPhone: true, passwordHash: true },
  });
  if (!user) return false;
  const password = !without.password && user.passwordHash !== null && Boolean(user.username || user.primaryEmail || user.primaryPhone);
  if (password) return true;
  const identities = await tx.userIdentity.count({ where: { userId, ...(without.providerId ? { providerId: { not: without.providerId } } : {}) } });
  return identities > 0;
}
