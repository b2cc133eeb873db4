// The audit log (docs/api.md#management-admin): admin.auditEvents and User.auditEvents, both under admin:audit:read.
import { AUDIT_ORDER, type AuditFilter, auditWhere } from '../../domain/audit/audit.queries.js';
import { builder } from '../builder.js';
import { AdminQuery } from '../root.js';
import { UserType } from '../users/user.types.js';

const AUDIT = { admin: 'admin:audit:read' } as const;

export const AuditEventType = builder.prismaNode('AuditEvent', {
  id: { field: 'id' },
  description: 'One admin mutation or sensitive self-service change. Holds no secrets.',
  authScopes: AUDIT,
  fields: (t) => ({
    action: t.exposeString('action', { description: 'e.g. admin.user.suspend, user.password.change.' }),
    actorId: t.exposeString('actorId', { nullable: true, description: 'The user (usr_…) or machine client (mcl_…) who acted; null for the system.' }),
    actorType: t.exposeString('actorType', { description: 'user, client or system.' }),
    userId: t.exposeString('userId', { nullable: true, description: 'The user the change was about (kept after the user is deleted).' }),
    at: t.expose('at', { type: 'DateTime' }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    details: t.field({ type: 'JSON', resolve: (e) => (e.details ?? {}) as Record<string, unknown> }),
  }),
});

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  fields: (t) => ({
    userId: t.id(),
    actorId: t.id(),
    action: t.string({ description: 'Exact action, or a prefix ending in "*" (e.g. "admin.user.*").' }),
    from: t.field({ type: 'DateTime', description: 'At or after (inclusive).' }),
    to: t.field({ type: 'DateTime', description: 'Before (exclusive).' }),
  }),
});

const AuditEventConnection = builder.connectionObject({ type: AuditEventType, name: 'AuditEventConnection' }, { name: 'AuditEventEdge' });

builder.objectFields(AdminQuery, (t) => ({
  auditEvents: t.prismaConnection(
    {
      type: AuditEventType,
      cursor: 'id',
      authScopes: AUDIT,
      description: 'The audit log, newest first.',
      args: { filter: t.arg({ type: AuditEventFilter }) },
      resolve: (query, _parent, args, ctx) =>
        ctx.deps.prisma.auditEvent.findMany({ ...query, where: auditWhere(args.filter as AuditFilter | null), orderBy: AUDIT_ORDER }),
    },
    AuditEventConnection,
  ),
}));

builder.objectFields(UserType, (t) => ({
  auditEvents: t.prismaConnection(
    {
      type: AuditEventType,
      cursor: 'id',
      authScopes: AUDIT,
      description: 'Audit events about this user, newest first (admin only).',
      resolve: (query, user, _args, ctx) => ctx.deps.prisma.auditEvent.findMany({ ...query, where: { userId: user.id }, orderBy: AUDIT_ORDER }),
    },
    AuditEventConnection,
  ),
}));
