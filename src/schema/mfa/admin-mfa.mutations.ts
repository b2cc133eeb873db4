// admin.removeUserMfaFactor (docs/api.md#management-admin): for a user who lost their device.
import { isAdminUser, usersWrite } from '../auth/escalation.js';
import { adminRemoveMfaFactor } from '../../domain/mfa/factors.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { AdminMutation } from '../root.js';
import { UserType } from '../users/user.types.js';

builder.objectField(AdminMutation, 'removeUserMfaFactor', (t) =>
  t.field({
    type: UserType,
    errors: {},
    authScopes: async (_root, { userId }, ctx) => usersWrite(await isAdminUser(ctx, String(userId))),
    description: "Removes one of a user's MFA factors (and lifts an MFA lockout); returns the user.",
    args: { userId: t.arg.id({ required: true }), factorId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const userId = String(args.userId);
      await adminRemoveMfaFactor(ctx.deps, userId, String(args.factorId), actorOf(ctx), ctx.request);
      return ctx.deps.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    },
  }),
);
