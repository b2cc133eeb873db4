// Identity verification (API.md §3): me.verifyPassword.
import { writeAudit } from '../../domain/audit/audit.service.js';
import { verifyPasswordRecord } from '../../domain/verification/verification.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { MeMutation } from '../root.js';
import { VerificationRecordType } from './verification.types.js';

builder.objectFields(MeMutation, (t) => ({
  verifyPassword: t.field({
    type: VerificationRecordType,
    errors: {},
    authScopes: { $all: { user: true, accountCenterWrite: '*' } },
    description: 'Proves identity with the current password; returns a verified record for sensitive changes.',
    args: { password: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      if (ctx.viewer.kind !== 'user') throw new Error('unreachable: guarded by authScopes');
      const userId = ctx.viewer.userId;
      try {
        return await verifyPasswordRecord(ctx.deps, userId, args.password);
      } catch (err) {
        await writeAudit(ctx.deps.prisma, actorOf(ctx), ctx.request, { action: 'user.verification.password_failed', userId });
        throw err;
      }
    },
  }),
}));
