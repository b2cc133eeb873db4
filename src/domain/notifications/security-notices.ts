// Security notices: the account's email hears about changes to how it signs in (as Keycloak's email
// event listener does), so an owner learns of a takeover. Sent after the change is committed and
// never awaited by it: a slow or failing mail server must not fail or delay the change itself.
import { type SecurityNotice, securityNoticeEmail } from '../../delivery/templates.js';
import type { RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';

export function sendSecurityNotice(deps: Deps, to: string | null | undefined, notice: SecurityNotice, request: RequestInfo): void {
  if (!to || !deps.config.securityNotices) return;
  deps.email.send(securityNoticeEmail(to, notice, { at: deps.clock.now(), ip: request.ip })).catch((err: unknown) => {
    deps.logger.warn({ err, notice }, 'security notice not delivered');
  });
}

/** The same, to the user's current email (read after the change). */
export function sendSecurityNoticeToUser(deps: Deps, userId: string, notice: SecurityNotice, request: RequestInfo): void {
  if (!deps.config.securityNotices) return;
  deps.prisma.user
    .findUnique({ where: { id: userId }, select: { primaryEmail: true } })
    .then((user) => sendSecurityNotice(deps, user?.primaryEmail, notice, request))
    .catch((err: unknown) => deps.logger.warn({ err, notice }, 'security notice not sent'));
}
