// Personal access tokens: `pat_…` bearer secrets that act as their user for the `me` namespace.
// Shown once; stored as SHA-256 (256 random bits, so a fast digest suffices).
import { randomToken, sha256 } from '../../auth/crypto.js';
import type { PersonalAccessToken, Prisma } from '../../generated/prisma/client.js';
import type { Deps } from '../deps.js';
import { invalidInput, notFound } from '../errors.js';

export interface CreatedPersonalAccessToken {
  token: string;
  personalAccessToken: PersonalAccessToken;
}

export async function createPersonalAccessToken(
  deps: Deps,
  tx: Prisma.TransactionClient,
  input: { userId: string; name: string; expiresAt?: Date | null; createdBy: string | null },
): Promise<CreatedPersonalAccessToken> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw invalidInput('name', 'The name must be 1-100 characters');
  if (input.expiresAt && input.expiresAt <= deps.clock.now()) throw invalidInput('expiresAt', 'expiresAt must be in the future');
  const token = randomToken('pat_');
  const personalAccessToken = await tx.personalAccessToken.create({
    data: {
      userId: input.userId,
      name,
      tokenHash: sha256(token),
      expiresAt: input.expiresAt ?? null,
      createdBy: input.createdBy,
      createdAt: deps.clock.now(),
    },
  });
  return { token, personalAccessToken };
}

/** Deletes a token; when `userId` is given, only that user's token (self-service). */
export async function revokePersonalAccessToken(tx: Prisma.TransactionClient, id: string, userId?: string): Promise<PersonalAccessToken> {
  const row = await tx.personalAccessToken.findUnique({ where: { id } });
  if (!row || (userId && row.userId !== userId)) throw notFound('Personal access token', 'id');
  await tx.personalAccessToken.delete({ where: { id } });
  return row;
}
