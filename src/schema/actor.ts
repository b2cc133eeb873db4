import type { AuditActor } from '../domain/audit/audit.service.js';
import type { Context } from './context.js';

/** Who the audit log names for this request: the impersonating admin, not the impersonated user. */
export function actorOf(ctx: Context): AuditActor {
  const { viewer } = ctx;
  if (viewer.kind === 'user') {
    return viewer.impersonator ? { actorId: viewer.impersonator.id, actorType: viewer.impersonator.type } : { actorId: viewer.userId, actorType: 'user' };
  }
  if (viewer.kind === 'client') return { actorId: viewer.machineClientId, actorType: 'client' };
  return { actorId: null, actorType: 'system' };
}
