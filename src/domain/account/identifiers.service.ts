// me.setPrimaryEmail / removePrimaryEmail / setPrimaryPhone / removePrimaryPhone. Changing needs
// identity proof plus a verified record for exactly the new address; uniqueness is left to the
// database's unique indexes so concurrent claims of one address cannot both win.
import type { User } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import { identifierChanged } from './identifier-change.js';
import type { Deps } from '../deps.js';
import { credentialState } from '../credentials/factor-lifecycle.js';
import { AppError } from '../errors.js';
import { normalizeEmail, normalizePhone } from '../users/identifiers.js';
import { lockUserRow } from '../users/user-lock.js';
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
      await tx.user.update({ where: { id: userId }, data: { [COLUMN[channel]]: value } });
      await identifierChanged(deps, tx, ev, {
        userId,
        channel,
        previous: before[COLUMN[channel]],
        next: value,
        audit: channel === 'email' ? 'user.email.set' : 'user.phone.set',
        keepVerificationId: input.verificationId,
        details: { [channel]: value },
        // The consumed record is a code that reached exactly this address.
        proven: true,
      });
      // Read after identifierChanged, which set the address's verified flag.
      return tx.user.findUniqueOrThrow({ where: { id: userId } });
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
  return withEvents(deps, actor, request, async (tx, ev) => {
    await requireVerifiedIdentity(deps, tx, userId, verificationId);
    // Row lock: two racing removals (of the email and the phone, or of an identifier and the last
    // passkey) each see the other's result, so together they can never leave no way to sign in.
    await lockUserRow(tx, userId);
    const before = await credentialState(tx, userId);
    if (!before.user[column]) throw new AppError('NOT_FOUND', `The account has no ${channel}`, [channel]);
    deps.credentials.assertKeepsSignInMethod({ ...before, user: { ...before.user, [column]: null } }, channel);
    await tx.user.update({ where: { id: userId }, data: { [column]: null } });
    await identifierChanged(deps, tx, ev, {
      userId,
      channel,
      previous: before.user[column],
      next: null,
      audit: channel === 'email' ? 'user.email.remove' : 'user.phone.remove',
      keepVerificationId: verificationId,
      details: {},
    });
    return tx.user.findUniqueOrThrow({ where: { id: userId } });
  });
}
