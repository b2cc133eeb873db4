// The single-use tokens of the account-lifecycle links (restore, "was this you?", undo an email
// change). 256-bit random, shown once (in an answer or a mail); only the SHA-256 is stored.
import { randomToken, sha256 } from '../../auth/crypto.js';
import type { LifecycleToken, LifecycleTokenPurpose, Prisma } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { Deps } from '../deps.js';

type Tx = Prisma.TransactionClient;

const PREFIX: Record<LifecycleTokenPurpose, string> = {
  RESTORE_ACCOUNT: 'rst_',
  REPORT_SIGN_IN: 'rpt_',
  REVERT_EMAIL: 'rev_',
};

export const DAY_SECONDS = 24 * 3600;

export async function issueLifecycleToken(
  deps: Deps,
  tx: Tx,
  purpose: LifecycleTokenPurpose,
  userId: string,
  ttlSeconds: number,
  extra: { sessionId?: string | null; data?: Prisma.InputJsonValue } = {},
): Promise<string> {
  const now = deps.clock.now();
  const token = randomToken(PREFIX[purpose]);
  await tx.lifecycleToken.create({
    data: { purpose, userId, tokenHash: sha256(token), sessionId: extra.sessionId ?? null, data: extra.data ?? {}, createdAt: now, expiresAt: addSeconds(now, ttlSeconds) },
  });
  return token;
}

/**
 * Spends a token: the row when it is of this purpose, unused and unexpired (exactly one of
 * concurrent spenders gets it), else null. Unknown, used and expired tokens look alike.
 */
export async function spendLifecycleToken(deps: Deps, tx: Tx, purpose: LifecycleTokenPurpose, token: string): Promise<LifecycleToken | null> {
  if (typeof token !== 'string' || !token.startsWith(PREFIX[purpose]) || token.length > 200) return null;
  const now = deps.clock.now();
  const row = await tx.lifecycleToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  const claimed = await tx.lifecycleToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  return claimed.count === 1 ? row : null;
}

/** Link tokens of one kind that are still open die (a newer one replaces them, or their subject ended). */
export async function retireLifecycleTokens(deps: Deps, tx: Tx, userId: string, purpose: LifecycleTokenPurpose): Promise<void> {
  await tx.lifecycleToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: deps.clock.now() } });
}
