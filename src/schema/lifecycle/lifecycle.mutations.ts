// Account lifecycle operations (docs/account-lifecycle.md). The link mutations are anonymous: the
// single-use token in the link is the credential.
import { adminCancelDeletion, restoreAccount } from '../../domain/lifecycle/deletion.service.js';
import { revertEmailChange } from '../../domain/lifecycle/email-revert.service.js';
import { reportSignIn } from '../../domain/lifecycle/new-sign-in.service.js';
import { revokeOwnTrustedDevice, revokeOwnTrustedDevices } from '../../domain/lifecycle/trusted-devices.service.js';
import { isAdminUser, usersWrite } from '../auth/escalation.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { meViewer } from '../me/me-viewer.js';
import { AdminMutation, MeMutation } from '../root.js';
import { UserType } from '../users/user.types.js';
import { TrustedDeviceType } from './lifecycle.types.js';

const linkTokenInput = (name: string, description: string) =>
  builder.inputType(name, { fields: (t) => ({ token: t.string({ required: true, description }) }) });

const RestoreAccountInput = builder.inputType('RestoreAccountInput', {
  fields: (t) => ({ restoreToken: t.string({ required: true, description: 'From AccountPendingDeletionError.' }) }),
});
const ReportSignInInput = linkTokenInput('ReportSignInInput', 'The token of the "This was not me" link (/account/report?token=…).');
const RevertEmailChangeInput = linkTokenInput('RevertEmailChangeInput', 'The token of the undo link (/account/revert-email?token=…).');

const AccountRestoredPayload = builder.objectRef<{ userId: string }>('AccountRestoredPayload').implement({
  description: 'The deletion was cancelled; sign in as usual (sessions ended at scheduling stay ended).',
  fields: (t) => ({ userId: t.exposeID('userId') }),
});

const ReportSignInPayload = builder.objectRef<{ revokedSessions: number; forgottenDevices: number }>('ReportSignInPayload').implement({
  description: 'The reported session ended and trusted devices were forgotten; the next password sign-in asks for a new password.',
  fields: (t) => ({
    revokedSessions: t.exposeInt('revokedSessions'),
    forgottenDevices: t.exposeInt('forgottenDevices'),
    passwordChangeRequired: t.boolean({ resolve: () => true }),
  }),
});

const EmailChangeRevertedPayload = builder.objectRef<{ userId: string; email: string }>('EmailChangeRevertedPayload').implement({
  description: 'The previous address is back and every session ended.',
  fields: (t) => ({ email: t.exposeString('email') }),
});

const RevokeTrustedDevicesPayload = builder.objectRef<{ revokedCount: number }>('RevokeTrustedDevicesPayload').implement({
  fields: (t) => ({ revokedCount: t.exposeInt('revokedCount') }),
});

builder.mutationFields((t) => ({
  restoreAccount: t.field({
    type: AccountRestoredPayload,
    errors: {},
    description: 'Cancels the scheduled deletion of an account (the restoreToken comes with ACCOUNT_PENDING_DELETION at sign-in).',
    args: { input: t.arg({ type: RestoreAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) => restoreAccount(ctx.deps, input.restoreToken, ctx.request),
  }),
  reportSignIn: t.field({
    type: ReportSignInPayload,
    errors: {},
    description: '"This was not me": ends the reported session, forgets trusted devices and requires a new password.',
    args: { input: t.arg({ type: ReportSignInInput, required: true }) },
    resolve: (_root, { input }, ctx) => reportSignIn(ctx.deps, input.token, ctx.request),
  }),
  revertEmailChange: t.field({
    type: EmailChangeRevertedPayload,
    errors: {},
    description: 'Undoes an email change from the previous address (within 7 days): restores it and ends every session.',
    args: { input: t.arg({ type: RevertEmailChangeInput, required: true }) },
    resolve: (_root, { input }, ctx) => revertEmailChange(ctx.deps, input.token, ctx.request),
  }),
}));

const ME_TRUSTED_DEVICES = { $all: { accountHolder: true, accountCenterWrite: 'trustedDevices' } } as const;

builder.objectFields(MeMutation, (t) => ({
  revokeTrustedDevice: t.field({
    type: TrustedDeviceType,
    errors: {},
    authScopes: ME_TRUSTED_DEVICES,
    description: 'Forgets one trusted device: its next password sign-in asks for the second factor again.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => revokeOwnTrustedDevice(ctx.deps, meViewer(ctx).userId, String(args.id), actorOf(ctx), ctx.request),
  }),
  revokeTrustedDevices: t.field({
    type: RevokeTrustedDevicesPayload,
    errors: {},
    authScopes: ME_TRUSTED_DEVICES,
    description: 'Forgets every trusted device.',
    resolve: async (_root, _args, ctx) => ({ revokedCount: await revokeOwnTrustedDevices(ctx.deps, meViewer(ctx).userId, actorOf(ctx), ctx.request) }),
  }),
}));

builder.objectField(AdminMutation, 'cancelUserDeletion', (t) =>
  t.field({
    type: UserType,
    errors: {},
    authScopes: async (_root, { id }, ctx) => usersWrite(await isAdminUser(ctx, String(id))),
    description: "Cancels a user's scheduled deletion.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => adminCancelDeletion(ctx.deps, String(id), actorOf(ctx), ctx.request),
  }),
);
