// me.deleteAccount (docs/api.md#self-service-me): always allowed while the account center is enabled.
import { deleteOwnAccount } from '../../domain/account/delete-account.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { MeMutation } from '../root.js';
import { meViewer } from './me-viewer.js';

const DeleteAccountPayload = builder.objectRef<{ deletedUserId: string }>('DeleteAccountPayload').implement({
  fields: (t) => ({ deletedUserId: t.exposeID('deletedUserId') }),
});

builder.objectFields(MeMutation, (t) => ({
  deleteAccount: t.field({
    type: DeleteAccountPayload,
    errors: {},
    authScopes: { $all: { accountHolder: true, accountCenterWrite: '*' } },
    description: 'Deletes your account and all its data; every token of yours stops working at once.',
    args: { verificationId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => ({
      deletedUserId: await deleteOwnAccount(ctx.deps, meViewer(ctx).userId, String(args.verificationId), actorOf(ctx), ctx.request),
    }),
  }),
}));
