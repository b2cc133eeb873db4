// The account owner hears of a scheduled, cancelled or completed deletion (event subscribers: after
// the commit, never awaited by the change). A deleted account's address comes from the event,
// since the row is gone by then.
import { accountDeletedEmail, deletionCancelledEmail, deletionScheduledEmail } from '../../delivery/lifecycle-templates.js';
import type { EmailMessage } from '../../delivery/types.js';
import type { Deps } from '../deps.js';
import type { CommittedEvent } from '../events/catalogue.js';

function deliver(deps: Deps, mail: EmailMessage | null): void {
  if (!mail) return;
  deps.email.send(mail).catch((err: unknown) => deps.logger.warn({ err, subject: mail.subject }, 'lifecycle notice not delivered'));
}

function toOwner(deps: Deps, event: CommittedEvent, build: (to: string) => EmailMessage): void {
  if (!event.userId) return;
  deps.prisma.user
    .findUnique({ where: { id: event.userId }, select: { primaryEmail: true } })
    .then((user) => deliver(deps, user?.primaryEmail ? build(user.primaryEmail) : null))
    .catch((err: unknown) => deps.logger.warn({ err }, 'lifecycle notice not sent'));
}

export function subscribeLifecycleNotices(deps: Deps): void {
  if (!deps.config.securityNotices) return;
  deps.events.subscribe('lifecycle-notices', (events) => {
    for (const event of events) {
      const context = { at: event.at, ip: event.ip };
      if (event.type === 'user.deletion_scheduled') {
        const { deletionScheduledAt } = (event as CommittedEvent<'user.deletion_scheduled'>).data;
        toOwner(deps, event, (to) => deletionScheduledEmail(to, new Date(deletionScheduledAt), context));
      } else if (event.type === 'user.deletion_cancelled') {
        toOwner(deps, event, (to) => deletionCancelledEmail(to, context));
      } else if (event.type === 'user.deleted') {
        const { primaryEmail } = (event as CommittedEvent<'user.deleted'>).data;
        deliver(deps, primaryEmail ? accountDeletedEmail(primaryEmail, context) : null);
      }
    }
  });
}
