// The live session a refresh token belongs to, for the account page's cookie endpoints: the page may
// only store a refresh token of the session its access token proves, and sign-out ends that session.
import { sha256 } from '../../auth/crypto.js';
import type { Deps } from '../deps.js';
import { revokeSession } from './sessions.service.js';

/** The session id of a current (not rotated) refresh token of a live session, else null. */
export async function liveSessionOfRefreshToken(deps: Deps, refreshToken: string): Promise<string | null> {
  const row = await deps.prisma.refreshToken.findUnique({
    where: { tokenHash: sha256(refreshToken) },
    select: { rotatedAt: true, session: { select: { id: true, revokedAt: true, expiresAt: true } } },
  });
  if (!row || row.rotatedAt || row.session.revokedAt || row.session.expiresAt <= deps.clock.now()) return null;
  return row.session.id;
}

/** Ends the session of a refresh token (sign-out from the account page). False when there was none. */
export async function revokeSessionOfRefreshToken(deps: Deps, refreshToken: string): Promise<boolean> {
  const sessionId = await liveSessionOfRefreshToken(deps, refreshToken);
  if (!sessionId) return false;
  await revokeSession(deps, sessionId, 'sign_out');
  return true;
}
