// me.deleteAccount (docs/api.md#self-service-me): always allowed while the account center is enabled.
import { deleteOwnAccount } from '../../domain/account/delete-account.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { MeMutation } from '../root.js';
import { meViewer } from './me-viewer.js';

const DeleteAccountPayload = builder.objectRef<{ deletedUserId: string; deletionScheduledAt: Date | null }>('DeleteAccountPayload').implement({
  fields: (t) => ({
    deletedUserId: t.exposeID('deletedUserId'),
    deletionScheduledAt: t.expose('deletionScheduledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the account will be purged (null: deleted at once). Until then, signing in offers to restore it.',
    }),
  }),
});

builder.objectFields(MeMutation, (t) => ({
  deleteAccount: t.field({
    type: DeleteAccountPayload,
    errors: {},
    authScopes: { $all: { accountHolder: true, accountCenterWrite: '*' } },
    description:
      'Deletes your account: every token of yours stops working at once. With a grace period (DELETION_GRACE_DAYS) the data is purged when it ends, ' +
      'and until then signing in offers to restore the account.',
    args: { verificationId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const done = await deleteOwnAccount(ctx.deps, meViewer(ctx).userId, String(args.verificationId), actorOf(ctx), ctx.request);
      return { deletedUserId: done.userId, deletionScheduledAt: done.deletionScheduledAt };
    },
  }),
}));
