// Security notices: the account's email hears about changes to how it signs in (as Keycloak's email
// event listener does), so an owner learns of a takeover. A subscriber of the event bus: it runs
// after the change committed and is never awaited by it, so a slow or failing mail server cannot
// fail or delay the change. Every door of one change emits the same event, so an admin's change
// is reported exactly like the user's own.
import { type SecurityNotice, securityNoticeEmail } from '../../delivery/templates.js';
import { socialIdentityKind } from '../credentials/kinds/social-identity.kind.js';
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

function notify(deps: Deps, event: CommittedEvent): void {
  switch (event.type) {
    case 'user.password.changed':
      return sendToUser(deps, event, 'password_changed');
    case 'user.email.changed': {
      // The previous address hears of it: whoever took the account cannot silence its owner this way.
      const { email, previousEmail, revertLinkSent } = (event as CommittedEvent<'user.email.changed'>).data;
      // Then it got the notice with the undo link instead (src/domain/lifecycle/email-revert.service.ts).
      if (revertLinkSent) return;
      if (previousEmail && previousEmail !== email) send(deps, previousEmail, email ? 'email_changed' : 'email_removed', event);
      return;
    }
    case 'user.mfa.added':
    case 'user.mfa.removed': {
      // Each credential kind names its notice (TOTP, backup codes, passkeys: src/domain/credentials/kinds).
      const { factor } = (event as CommittedEvent<'user.mfa.added'>).data;
      const notice = deps.credentials.kindOfFactor(factor.type).notices[event.type === 'user.mfa.added' ? 'added' : 'removed'];
      if (notice) sendToUser(deps, event, notice);
      return;
    }
    case 'token.created':
      return sendToUser(deps, event, 'token_created');
    case 'identity.linked':
    case 'identity.unlinked': {
      const notice = socialIdentityKind.notices[event.type === 'identity.linked' ? 'added' : 'removed'];
      if (notice) sendToUser(deps, event, notice);
      return;
    }
    default:
      return;
  }
}

export function subscribeSecurityNotices(deps: Deps): void {
  if (!deps.config.securityNotices) return;
  deps.events.subscribe('security-notices', (events) => {
    for (const event of events) notify(deps, event);
  });
}
