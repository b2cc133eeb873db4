// Undo an email change from the old address (docs/account-lifecycle.md): the notice to the
// previous address carries a link, good for 7 days, that puts that address back and ends every
// session, personal access token and trusted device (whoever changed it is signed out). A revert
// itself offers no undo link, so the new address cannot undo the owner's undo.
import { emailChangedWithUndoEmail } from '../../delivery/lifecycle-templates.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError, isUniqueViolation } from '../errors.js';
import { type EventCollector, withEvents } from '../events/collector.js';
import { revokeUserSessions } from '../sessions/sessions.service.js';
import { expireIdentityRecords } from '../verification/verification.service.js';
import { DAY_SECONDS, issueLifecycleToken, spendLifecycleToken } from './lifecycle-tokens.js';
import { forgetTrustedDevices } from './trusted-devices.service.js';

type Tx = Prisma.TransactionClient;

export const REVERT_LINK_DAYS = 7;

/**
 * Called where an email change is recorded (identifier-change.ts): mails the previous address a
 * link that undoes it, after the commit. Returns whether it did (then no plain notice is sent).
 */
export async function offerEmailRevert(deps: Deps, tx: Tx, ev: EventCollector, change: { userId: string; previous: string; next: string | null }): Promise<boolean> {
  if (!deps.config.securityNotices) return false;
  const token = await issueLifecycleToken(deps, tx, 'REVERT_EMAIL', change.userId, REVERT_LINK_DAYS * DAY_SECONDS, {
    data: { previousEmail: change.previous, email: change.next },
  });
  const mail = emailChangedWithUndoEmail(change.previous, {
    email: change.next,
    at: deps.clock.now(),
    ip: ev.request.ip,
    revertUrl: `${deps.config.issuer}/account/revert-email?token=${encodeURIComponent(token)}`,
    lifetimeDays: REVERT_LINK_DAYS,
  });
  ev.afterCommit(() => {
    deps.email.send(mail).catch((err: unknown) => deps.logger.warn({ err }, 'email change notice not delivered'));
  });
  return true;
}

const invalidLink = () => new AppError('INVALID_CREDENTIALS', 'The link is invalid, used or expired', ['token']);

/** revertEmailChange: restores the previous address; returns it. */
export async function revertEmailChange(deps: Deps, token: string, request: RequestInfo): Promise<{ userId: string; email: string }> {
  try {
    const outcome = await withEvents(deps, { actorId: null, actorType: 'system' }, request, async (tx, ev) => {
      const row = await spendLifecycleToken(deps, tx, 'REVERT_EMAIL', token);
      if (!row) return null;
      const { previousEmail } = row.data as { previousEmail: string; email: string | null };
      const user = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { primaryEmail: true } });
      await tx.user.update({ where: { id: row.userId }, data: { primaryEmail: previousEmail } });
      const revokedSessions = await revokeUserSessions(deps, tx, row.userId, 'email_change_reverted');
      await tx.personalAccessToken.deleteMany({ where: { userId: row.userId } });
      await forgetTrustedDevices(tx, row.userId);
      await expireIdentityRecords(deps, tx, row.userId);
      ev.emit('user.email.changed', {
        userId: row.userId,
        audit: 'user.email.revert',
        actor: { actorId: row.userId, actorType: 'user' },
        data: { user: { id: row.userId }, email: previousEmail, previousEmail: user.primaryEmail, via: 'revert' },
        details: { revokedSessions },
      });
      return { userId: row.userId, email: previousEmail };
    });
    if (!outcome) throw invalidLink();
    return outcome;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('IDENTIFIER_IN_USE', 'The previous address now belongs to another account: contact support', ['token']);
    throw err;
  }
}
