// me.setPrimaryEmail / removePrimaryEmail / setPrimaryPhone / removePrimaryPhone. Changing needs
// identity proof plus a verified record for exactly the new address; uniqueness is left to the
// database's unique indexes so concurrent claims of one address cannot both win.
import type { User } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import { identifierChanged } from './identifier-change.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
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
    return await withEvents(deps, actor, request, async (tx, ev) => {
      await requireVerifiedIdentity(deps, tx, userId, input.verificationId);
      await consumeNewIdentifierRecord(deps, tx, userId, input.newIdentifierVerificationId, KIND[channel], value);
      const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { primaryEmail: true, primaryPhone: true } });
      const updated = await tx.user.update({ where: { id: userId }, data: { [COLUMN[channel]]: value } });
      await identifierChanged(deps, tx, ev, {
        userId,
        channel,
        previous: before[COLUMN[channel]],
        next: value,
        audit: channel === 'email' ? 'user.email.set' : 'user.phone.set',
        keepVerificationId: input.verificationId,
        details: { [channel]: value },
      });
      return updated;
    });
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
  return withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, verificationId);
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { primaryEmail: true, primaryPhone: true } });
    // One conditional statement: Postgres re-checks the WHERE after a concurrent removal of the
    // other identifier, so two racing removals can never leave the account without one.
    const removed = await tx.user.updateMany({
      where: { id: userId, [column]: { not: null }, OR: others.map((c) => ({ [c]: { not: null } })) },
      data: { [column]: null },
    });
    const after = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (removed.count !== 1) {
      if (!after[column]) throw new AppError('NOT_FOUND', `The account has no ${channel}`, [channel]);
      throw new AppError('LAST_SIGN_IN_METHOD', `The ${channel} is the last way to sign in to the account; add another one first`, [channel]);
    }
    await identifierChanged(deps, tx, ev, {
      userId,
      channel,
      previous: before[column],
      next: null,
      audit: channel === 'email' ? 'user.email.remove' : 'user.phone.remove',
      keepVerificationId: verificationId,
      details: {},
    });
    return after;
  });
}
