// Personal access tokens: `pat_…` bearer secrets that act as their user for the `me` namespace.
// Shown once; stored as SHA-256 (256 random bits, so a fast digest suffices).
import { randomToken, sha256 } from '../../auth/crypto.js';
import type { PersonalAccessToken, Prisma } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { withEvents } from '../events/collector.js';
import { requireVerifiedIdentity } from '../verification/verification.service.js';
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

/** me.createPersonalAccessToken: needs identity proof; the owner hears of it (token.created). */
export async function createOwnPersonalAccessToken(
  deps: Deps,
  userId: string,
  input: { name: string; expiresAt?: Date | null; verificationId: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<CreatedPersonalAccessToken> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
    const secret = await createPersonalAccessToken(deps, tx, { userId, name: input.name, expiresAt: input.expiresAt, createdBy: actor.actorId });
    const { id, name, expiresAt } = secret.personalAccessToken;
    ev.emit('token.created', {
      userId,
      audit: 'user.pat.create',
      data: { user: { id: userId }, token: { id, name, expiresAt: expiresAt?.toISOString() ?? null }, via: 'self' },
      details: { id, name, expiresAt },
    });
    return secret;
  });
}

export async function revokeOwnPersonalAccessToken(deps: Deps, userId: string, id: string, actor: AuditActor, request: RequestInfo): Promise<PersonalAccessToken> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const pat = await revokePersonalAccessToken(tx, id, userId);
    ev.emit('token.revoked', {
      userId,
      audit: 'user.pat.revoke',
      data: { user: { id: userId }, token: { id: pat.id, name: pat.name }, via: 'self' },
      details: { id: pat.id, name: pat.name },
    });
    return pat;
  });
}
