// "Was this you?" (docs/account-lifecycle.md): a sign-in from a user-agent family and network the
// user has never signed in from before sends a notice with a one-click link. Following it
// (reportSignIn) ends that session, forgets trusted devices and makes the next password sign-in
// answer PASSWORD_CHANGE_REQUIRED until the password is changed or reset.
// The first sign-in an account ever records (after sign-up, an admin's createUser or this
// feature's rollout) counts as seen: there is nothing to compare it with, and a notice on every
// new account's first sign-in would teach owners to ignore these notices.
import { newSignInEmail } from '../../delivery/lifecycle-templates.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { type EventCollector, withEvents } from '../events/collector.js';
import { DAY_SECONDS, issueLifecycleToken, spendLifecycleToken } from './lifecycle-tokens.js';
import { utc } from '../../db/sql-time.js';
import { forgetTrustedDevices } from './trusted-devices.service.js';
import { deviceName, networkOf, userAgentFamily } from './user-agent.js';

type Tx = Prisma.TransactionClient;

export const REPORT_LINK_DAYS = 7;

/**
 * The sign-in hook, inside the sign-in's transaction (after its session opened): records where
 * this sign-in came from and, when that is new for a user who has signed in before, mails the
 * owner once the sign-in committed.
 */
export async function noteSuccessfulSignIn(deps: Deps, tx: Tx, ev: EventCollector, userId: string, sessionId: string, request: RequestInfo): Promise<void> {
  const now = deps.clock.now();
  const key = { userId, uaFamily: userAgentFamily(request.userAgent), network: networkOf(request.ip) };
  const seen = await tx.signInContext.updateMany({ where: key, data: { lastSeenAt: now } });
  if (seen.count === 1) return;
  const earlier = await tx.signInContext.count({ where: { userId } });
  // ON CONFLICT: a concurrent first sign-in from the same place inserted it meanwhile.
  const inserted = await tx.$executeRaw`
    INSERT INTO "SignInContext" ("userId", "uaFamily", network, "firstSeenAt", "lastSeenAt")
    VALUES (${key.userId}, ${key.uaFamily}, ${key.network}, ${utc(now)}, ${utc(now)}) ON CONFLICT DO NOTHING`;
  if (earlier === 0 || inserted === 0 || !deps.config.securityNotices) return;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { primaryEmail: true } });
  if (!user?.primaryEmail) return;
  const token = await issueLifecycleToken(deps, tx, 'REPORT_SIGN_IN', userId, REPORT_LINK_DAYS * DAY_SECONDS, { sessionId });
  const mail = newSignInEmail(user.primaryEmail, {
    device: deviceName(request.userAgent),
    ip: request.ip,
    at: now,
    reportUrl: `${deps.config.issuer}/account/report?token=${encodeURIComponent(token)}`,
    lifetimeDays: REPORT_LINK_DAYS,
  });
  ev.afterCommit(() => {
    deps.email.send(mail).catch((err: unknown) => deps.logger.warn({ err }, 'new sign-in notice not delivered'));
  });
}

export interface ReportSignInResult {
  revokedSessions: number;
  forgottenDevices: number;
}

/** reportSignIn: the owner says the sign-in was not them. */
export async function reportSignIn(deps: Deps, token: string, request: RequestInfo): Promise<ReportSignInResult> {
  const outcome = await withEvents(deps, { actorId: null, actorType: 'system' }, request, async (tx, ev) => {
    const row = await spendLifecycleToken(deps, tx, 'REPORT_SIGN_IN', token);
    if (!row) return null;
    const { userId, sessionId } = row;
    const revoked = sessionId
      ? await tx.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: deps.clock.now(), revokeReason: 'reported_by_user' } })
      : { count: 0 };
    const forgottenDevices = await forgetTrustedDevices(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordChangeRequired: true } });
    ev.emit('user.sign_in_reported', {
      userId,
      audit: 'user.sign_in.report',
      actor: { actorId: userId, actorType: 'user' },
      data: { user: { id: userId }, sessionId, revokedSessions: revoked.count, forgottenDevices },
    });
    return { revokedSessions: revoked.count, forgottenDevices };
  });
  if (!outcome) throw new AppError('INVALID_CREDENTIALS', 'The link is invalid, used or expired', ['token']);
  return outcome;
}

/** The password sign-in hook: a right password after a report asks for a new password first. */
export function refuseUntilPasswordChanged(user: { passwordChangeRequired: boolean }): void {
  if (user.passwordChangeRequired) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'A sign-in to this account was reported as not yours: reset your password to sign in again');
  }
}
