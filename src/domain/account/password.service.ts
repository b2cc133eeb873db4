// me.setPassword: policy-checked, needs identity proof once the account has anything to prove it
// with, and ends every other session (a changed password must lock out whoever knew the old one).
import { hashPassword, verifyPassword } from '../../auth/passwords.js';
import type { User } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { revokeUserSessions } from '../sessions/sessions.service.js';
import { assertPasswordPolicy } from '../users/users.service.js';
import { passwordWasChanged } from '../lifecycle/credentials-reset.js';
import { expireIdentityRecords, requireVerifiedIdentity } from '../verification/verification.service.js';

export async function setOwnPassword(
  deps: Deps,
  viewer: { userId: string; sessionId: string | null },
  input: { newPassword: string; verificationId?: string | null },
  actor: AuditActor,
  request: RequestInfo,
): Promise<User> {
  const { userId } = viewer;
  const current = await deps.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  if (current.passwordHash || current.primaryEmail || current.primaryPhone) {
    await requireVerifiedIdentity(deps, deps.prisma, userId, input.verificationId);
  }
  await assertPasswordPolicy(deps, input.newPassword, { username: current.username, email: current.primaryEmail, name: current.name }, 'newPassword');
  if (current.passwordHash && current.passwordAlgorithm && (await verifyPassword(current.passwordAlgorithm, current.passwordHash, input.newPassword))) {
    throw new AppError('SAME_PASSWORD', 'The new password is the current one', ['newPassword']);
  }
  const passwordHash = await hashPassword(input.newPassword, deps.config.passwordHashing);
  return withEvents(deps, actor, request, async (tx, ev) => {
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordAlgorithm: 'ARGON2ID' } });
    const revokedSessions = await revokeUserSessions(deps, tx, userId, 'password_changed', viewer.sessionId);
    await passwordWasChanged(tx, userId);
    // The proof this change used stays valid (a settings flow may go on with it); others die.
    await expireIdentityRecords(deps, tx, userId, input.verificationId);
    ev.emit('user.password.changed', {
      userId,
      audit: 'user.password.set',
      data: { user: { id: userId }, revokedSessions, via: 'self' },
      details: { revokedSessions },
    });
    return user;
  });
}
