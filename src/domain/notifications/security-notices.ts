// Security notices: the account's email hears about changes to how it signs in (as Keycloak's email
// event listener does), so an owner learns of a takeover. A subscriber of the event bus: it runs
// after the change committed and is never awaited by it, so a slow or failing mail server cannot
// fail or delay the change. Every door of one change emits the same event, so an admin's change
// is reported exactly like the user's own.
import { type SecurityNotice, securityNoticeEmail, securityNoticeSms } from '../../delivery/templates.js';
import type { Deps } from '../deps.js';
import type { CommittedEvent } from '../events/catalogue.js';

function send(deps: Deps, to: string | null | undefined, notice: SecurityNotice, event: CommittedEvent): void {
  if (!to) return;
  deps.email.send(securityNoticeEmail(to, notice, { at: deps.clock.now(), ip: event.ip })).catch((err: unknown) => {
    deps.logger.warn({ err, notice }, 'security notice not delivered');
  });
}

/** To the user's current email (read after the change). */
function sendToUser(deps: Deps, event: CommittedEvent, notice: SecurityNotice): void {
  if (!event.userId) return;
  deps.prisma.user
    .findUnique({ where: { id: event.userId }, select: { primaryEmail: true } })
    .then((user) => send(deps, user?.primaryEmail, notice, event))
    .catch((err: unknown) => deps.logger.warn({ err, notice }, 'security notice not sent'));
}

/** To every address of the user: email and phone (a reset must reach the owner however it was done). */
function sendToEveryAddress(deps: Deps, event: CommittedEvent, notice: SecurityNotice): void {
  if (!event.userId) return;
  deps.prisma.user
    .findUnique({ where: { id: event.userId }, select: { primaryEmail: true, primaryPhone: true } })
    .then((user) => {
      send(deps, user?.primaryEmail, notice, event);
      if (user?.primaryPhone && deps.sms.available) {
        deps.sms.send(securityNoticeSms(user.primaryPhone, notice)).catch((err: unknown) => deps.logger.warn({ err, notice }, 'security notice not delivered'));
      }
    })
    .catch((err: unknown) => deps.logger.warn({ err, notice }, 'security notice not sent'));
}

function notify(deps: Deps, event: CommittedEvent): void {
  switch (event.type) {
    case 'user.mfa.added':
    case 'user.mfa.removed': {
      // Each factor's credential kind names its notice (TOTP, backup codes, passkeys).
      const { factor } = (event as CommittedEvent<'user.mfa.added'>).data;
      const notice = deps.credentials.kindOfFactor(factor.type).notices[event.type === 'user.mfa.added' ? 'added' : 'removed'];
      if (notice) sendToUser(deps, event, notice);
      return;
    }
    case 'token.created':
      return sendToUser(deps, event, 'token_created');
    default:
      return notifyKinds(deps, event);
  }
}

/** The notices the registered kinds ask for on this event (CredentialKind.noticeOn). */
function notifyKinds(deps: Deps, event: CommittedEvent): void {
  for (const kind of deps.credentials.kinds) {
    for (const trigger of kind.noticeOn ?? []) {
      if (trigger.event !== event.type) continue;
      if (trigger.when && !(trigger.when as (data: unknown) => boolean)(event.data)) continue;
      const notice = kind.notices[trigger.notice];
      if (!notice) continue;
      if (trigger.to === 'account-email') sendToUser(deps, event, notice);
      else if (trigger.to === 'every-address') sendToEveryAddress(deps, event, notice);
      else {
        const { email, previousEmail } = event.data as { email?: string | null; previousEmail?: string | null };
        if (previousEmail && previousEmail !== email) send(deps, previousEmail, notice, event);
      }
    }
  }
}

export function subscribeSecurityNotices(deps: Deps): void {
  if (!deps.config.securityNotices) return;
  deps.events.subscribe('security-notices', (events) => {
    for (const event of events) notify(deps, event);
  });
}
