// A personal access token minted by an admin (or machine client) for a user acts for that user
// without being them (docs/security.md). Its use is audited with the minter as the actor: one
// token.used event per token per minute of use, not one per request. Per request would write an
// audit row (and a webhook delivery per subscriber) for every call of a scripted client; a
// minute bounds the log while still saying when, from where and by whom the token was used. What
// the token changes is audited anyway, each change on its own, with the minter as actor.
import type { Viewer } from '../../auth/viewer.js';
import { addSeconds } from '../../lib/clock.js';
import type { RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { emitEvent } from '../events/collector.js';

export const MINTED_TOKEN_USE_AUDIT_INTERVAL_SECONDS = 60;
const MAX_REMEMBERED = 10_000;

// Per app (not per module): when this instance last knew the token's use to be audited (its own
// claim, or another instance's that made its claim fail). Within the interval there is nothing to
// claim, so a scripted client's requests cost no write each (measured: a write per request took a
// minted token's `me` from 0.8x to 0.2x of the floor).
const checkedAt = new WeakMap<Deps, Map<string, number>>();

export async function auditMintedTokenUse(deps: Deps, viewer: Viewer, request: RequestInfo): Promise<void> {
  if (viewer.kind !== 'user' || !viewer.personalAccessTokenId || !viewer.impersonator) return;
  const now = deps.clock.now();
  let seen = checkedAt.get(deps);
  if (!seen) checkedAt.set(deps, (seen = new Map()));
  const last = seen.get(viewer.personalAccessTokenId);
  if (last !== undefined && now.getTime() - last < MINTED_TOKEN_USE_AUDIT_INTERVAL_SECONDS * 1000) return;
  if (seen.size >= MAX_REMEMBERED) seen.clear();
  seen.set(viewer.personalAccessTokenId, now.getTime());
  // Claimed with a conditional write, so concurrent requests on any instance audit one use.
  const claimed = await deps.prisma.personalAccessToken.updateManyAndReturn({
    where: {
      id: viewer.personalAccessTokenId,
      OR: [{ useAuditedAt: null }, { useAuditedAt: { lte: addSeconds(now, -MINTED_TOKEN_USE_AUDIT_INTERVAL_SECONDS) } }],
    },
    data: { useAuditedAt: now },
    select: { id: true, name: true },
  });
  const token = claimed[0];
  if (!token) return;
  const minter = viewer.impersonator;
  await emitEvent(deps, { actorId: minter.id, actorType: minter.type }, request, 'token.used', {
    userId: viewer.userId,
    audit: 'admin.pat.use',
    data: { user: { id: viewer.userId }, token, mintedBy: minter },
    details: { personalAccessTokenId: token.id, name: token.name, mintedBy: minter.id },
  });
}
