// The user's own security activity (docs/events.md): me.securityEvents (newest first), me.exportData,
// and the SecurityEvent type that Subscription.securityEvents streams.
import { exportUserData } from '../../domain/account/export.service.js';
import { AUDIT_ORDER } from '../../domain/audit/audit.queries.js';
import { SECURITY_EVENT_TYPES } from '../../domain/events/catalogue.js';
import { builder } from '../builder.js';
import { UserType } from './user.types.js';

const SecurityEventActor = builder.enumType('SecurityEventActor', {
  values: { SELF: { description: 'You.' }, ADMIN: { description: 'An administrator or a back-office client.' }, SYSTEM: { description: 'The service (a lockout, a leaked refresh token).' } } as const,
});

/** The row shape (an AuditEvent row, or an event just committed). */
export interface SecurityEventShape {
  id: string;
  type: string | null;
  action: string;
  at: Date;
  userId: string | null;
  actorId: string | null;
  actorType: string;
  ip: string | null;
  userAgent: string | null;
  data: unknown;
}

export const SecurityEventType = builder.prismaObject('AuditEvent', {
  variant: 'SecurityEvent',
  description: 'A sign-in, failure or change to how your account signs in, with when and where it came from.',
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.string({ description: 'The event type, e.g. user.signed_in, user.password.changed, session.revoked.', resolve: (e) => e.type ?? e.action }),
    at: t.expose('at', { type: 'DateTime' }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    actor: t.field({
      type: SecurityEventActor,
      resolve: (e) => (e.actorType === 'system' ? 'SYSTEM' : e.actorType === 'user' && e.actorId === e.userId ? 'SELF' : 'ADMIN'),
    }),
    data: t.field({ type: 'JSON', description: 'The event payload (never a secret).', resolve: (e) => (e.data ?? {}) as Record<string, unknown> }),
  }),
});

builder.objectFields(UserType, (t) => ({
  securityEvents: t.prismaConnection(
    {
      type: SecurityEventType,
      cursor: 'id',
      authScopes: (user) => ({ self: user.id }),
      totalCount: async (user, _args, ctx) =>
        (await ctx.accountCenter()).fields.securityActivity === 'OFF'
          ? 0
          : ctx.deps.prisma.auditEvent.count({ where: { userId: user.id, type: { in: SECURITY_EVENT_TYPES } } }),
      description: 'Your own security activity, newest first: sign-ins and failures, password, email, phone, MFA, passkey, session and token changes (account-center field `securityActivity`).',
      resolve: async (query, user, _args, ctx) => {
        if ((await ctx.accountCenter()).fields.securityActivity === 'OFF') return [];
        return ctx.deps.prisma.auditEvent.findMany({ ...query, where: { userId: user.id, type: { in: SECURITY_EVENT_TYPES } }, orderBy: AUDIT_ORDER });
      },
    },
    { name: 'SecurityEventConnection' },
    { name: 'SecurityEventEdge' },
  ),
  exportData: t.field({
    type: 'JSON',
    authScopes: (user) => ({ $all: { self: user.id, accountHolder: true } }),
    description: 'Everything held about you (GDPR Art. 20): profile, identities, factors, sessions, tokens and security events; never a secret or hash.',
    resolve: (user, _args, ctx) => exportUserData(ctx.deps, user.id),
  }),
}));
