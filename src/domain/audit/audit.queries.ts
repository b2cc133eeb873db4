// Reading the audit log (admin:audit:read), newest first.
import type { Prisma } from '../../generated/prisma/client.js';

export interface AuditFilter {
  userId?: string | null;
  actorId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function auditWhere(filter: AuditFilter | null | undefined): Prisma.AuditEventWhereInput {
  if (!filter) return {};
  const at: Prisma.DateTimeFilter = {};
  if (filter.from) at.gte = filter.from;
  if (filter.to) at.lt = filter.to;
  return {
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    // A trailing "*" matches a prefix: "admin.user.*".
    ...(filter.action ? { action: filter.action.endsWith('*') ? { startsWith: filter.action.slice(0, -1) } : filter.action } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

export const AUDIT_ORDER: Prisma.AuditEventOrderByWithRelationInput[] = [{ at: 'desc' }, { id: 'desc' }];
