// me.setPassword (docs/api.md#self-service-me).
import { setOwnPassword } from '../../domain/account/password.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { MeMutation } from '../root.js';
import { UserType } from '../users/user.types.js';
import { meViewer } from './me-viewer.js';

const SetPasswordInput = builder.inputType('SetPasswordInput', {
  fields: (t) => ({
    newPassword: t.string({ required: true }),
    verificationId: t.id({ description: 'Needed when the account already has a password, email or phone.' }),
  }),
});

builder.objectFields(MeMutation, (t) => ({
  setPassword: t.prismaField({
    type: UserType,
    expensive: 'hash',
    errors: {},
    authScopes: { $all: { accountHolder: true, accountCenterWrite: 'password' } },
    description: 'Sets or changes your password; every other session is ended.',
    args: { input: t.arg({ type: SetPasswordInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      setOwnPassword(
        ctx.deps,
        meViewer(ctx),
        { newPassword: input.newPassword, verificationId: input.verificationId == null ? null : String(input.verificationId) },
        actorOf(ctx),
        ctx.request,
      ),
  }),
}));
