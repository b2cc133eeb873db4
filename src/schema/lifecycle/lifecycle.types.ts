// Account lifecycle types (docs/account-lifecycle.md): the pending-deletion error, trusted devices
// and the User fields that show them.
import { AccountPendingDeletionError } from '../../domain/errors.js';
import { builder } from '../builder.js';
import { ErrorInterface } from '../errors.js';
import { MfaFactorType, readable, UserType } from '../users/user.types.js';

builder.objectType(AccountPendingDeletionError, {
  name: 'AccountPendingDeletionError',
  description: 'The credential was right, but the account is scheduled for deletion: restoreAccount(restoreToken) cancels it.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    restoreToken: t.exposeString('restoreToken', { description: 'Single use, 30 minutes.' }),
    deletionScheduledAt: t.expose('deletionScheduledAt', { type: 'DateTime' }),
  }),
});

export const TrustedDeviceType = builder.prismaNode('TrustedDevice', {
  id: { field: 'id' },
  description: 'A browser or app remembered at the MFA step: a password sign-in from it skips the second factor.',
  authScopes: (device) => ({ $any: { self: device.userId, admin: ['admin:users:read', 'admin:users:write'] } }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'From the user agent, e.g. "Firefox on Linux".' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const EMPTY = { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };

builder.prismaObjectFields(UserType, (t) => ({
  deletionScheduledAt: t.expose('deletionScheduledAt', {
    type: 'DateTime',
    nullable: true,
    description: 'Set while the account waits for deletion: it is purged then, unless restored.',
  }),
  trustedDevices: t.relatedConnection(
    'trustedDevices',
    {
      cursor: 'id',
      ...readable('trustedDevices'),
      unauthorizedResolver: () => EMPTY as never,
      description: 'Devices that skip the second factor at a password sign-in, newest first.',
      totalCount: true,
      query: (_args, ctx) => ({ where: { expiresAt: { gt: ctx.deps.clock.now() } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }),
    },
    { name: 'TrustedDeviceConnection' },
    { name: 'TrustedDeviceEdge' },
  ),
}));

builder.prismaObjectFields(MfaFactorType, (t) => ({
  credentialId: t.exposeString('credentialId', {
    nullable: true,
    description: "A passkey's credential ID (base64url), for the WebAuthn Signal API (signalUnknownCredential after removal); null for other factors.",
  }),
}));
