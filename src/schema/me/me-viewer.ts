import type { Context } from '../context.js';

/** The signed-in user of a `me` mutation (its authScopes already demanded `user`). */
export function meViewer(ctx: Context): { userId: string; sessionId: string | null } {
  if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
  return { userId: ctx.viewer.userId, sessionId: ctx.viewer.sessionId };
}
