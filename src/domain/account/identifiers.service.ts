// me.setPrimaryEmail / removePrimaryEmail / setPrimaryPhone / removePrimaryPhone. Changing needs
// identity proof plus a verified record for exactly the new address; uniqueness is left to the
// database's unique indexes so concurrent claims of one address cannot both win.
import type { User } from '../../generated/prisma/client.js';
import { type AuditActor, type RequestInfo, writeAudit } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { lockUserRow } from '../mfa/factors.service.js';
import { sendSecurityNotice } from '../notifications/security-notices.js';
import { normalizeEmail, normalizePhone } from '../users/identifiers.js';
import { identifierInUse } from '../users/users.service.js';
import { consumeNewIdentifierRecord, requireVerifiedIdentity } from '../verification/verification.service.js';

type Channel = 'email' | 'phone';

const COLUMN = { email: 'primaryEmail', phone: 'primaryPhone' } as const;
const KIND = { email: 'EMAIL_CODE', phone: 'PHONE_CODE' } as const;

export async function setPrimaryIdentifier(
  deps: Deps,
  userId: string,
  channel: Channel,
  input: { value: string; newIdentifierVerificationId: string; verificationId: string },
  actor: AuditActor,
  request: RequestInfo,
): Promise<User> {
  const value = channel === 'email' ? normalizeEmail(input.value, 'email') : normalizePhone(input.value, 'phone');
  try {
    const { user, previous } = await deps.prisma.$transaction(async (tx) => {
      await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
      await consumeNewIdentifierRecord(deps, tx, userId, input.newIdentifierVerificationId, KIND[channel], value);
      const before = channel === 'email' ? await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { primaryEmail: true } }) : null;
      const updated = await tx.user.update({ where: { id: userId }, data: { [COLUMN[channel]]: value } });
      await writeAudit(tx, actor, request, { action: `user.${channel}.set`, userId, details: { [channel]: value } });
      return { user: updated, previous: before?.primaryEmail ?? null };
    });
    // The previous address hears of it: whoever took the account cannot silence its owner this way.
    if (channel === 'email' && previous !== user.primaryEmail) sendSecurityNotice(deps, previous, 'email_changed', request);
    return user;
  } catch (err) {
    identifierInUse(err, { primaryEmail: 'email', primaryPhone: 'phone' });
  }
}

export async function removePrimaryIdentifier(
  deps: Deps,
  userId: string,
  channel: Channel,
  verificationId: string,
  actor: AuditActor,
  request: RequestInfo,
): Promise<User> {
  const column = COLUMN[channel];
  const others = (['username', 'primaryEmail', 'primaryPhone'] as const).filter((c) => c !== column);
  const { user, removedEmail } = await deps.prisma.$transaction(async (tx) => {
    await requireVerifiedIdentity(deps, tx, userId, verificationId);
    // Serializes with an identity unlink, which the condition below counts as another way in.
    await lockUserRow(tx, userId);
    const before = channel === 'email' ? await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { primaryEmail: true } }) : null;
    // One conditional statement: Postgres re-checks the WHERE after a concurrent removal of the
    // other identifier, so two racing removals can never leave the account without one.
    const removed = await tx.user.updateMany({
      where: { id: userId, [column]: { not: null }, OR: [...others.map((c) => ({ [c]: { not: null } })), { identities: { some: {} } }] },
      data: { [column]: null },
    });
    const after = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (removed.count !== 1) {
      if (!after[column]) throw new AppError('NOT_FOUND', `The account has no ${channel}`, [channel]);
      throw new AppError('LAST_SIGN_IN_METHOD', `The ${channel} is the last way to sign in to the account; add another one first`, [channel]);
    }
    await writeAudit(tx, actor, request, { action: `user.${channel}.remove`, userId });
    return { user: after, removedEmail: before?.primaryEmail ?? null };
  });
  sendSecurityNotice(deps, removedEmail, 'email_removed', request);
  return user;
}
