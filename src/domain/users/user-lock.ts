import type { Prisma } from '../../generated/prisma/client.js';

/** Row lock on the user until the transaction ends: serializes credential changes of one user. */
export async function lockUserRow(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
}
