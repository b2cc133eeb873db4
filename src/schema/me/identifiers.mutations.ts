// me.setPrimaryEmail / removePrimaryEmail / setPrimaryPhone / removePrimaryPhone (docs/api.md#self-service-me).
import { removePrimaryIdentifier, setPrimaryIdentifier } from '../../domain/account/identifiers.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { MeMutation } from '../root.js';
import { UserType } from '../users/user.types.js';
import { meViewer } from './me-viewer.js';

const SetPrimaryEmailInput = builder.inputType('SetPrimaryEmailInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    newIdentifierVerificationId: t.id({ required: true, description: 'A verified code record for exactly this email.' }),
    verificationId: t.id({ required: true, description: 'Identity proof (verifyPassword, or a code to a current address).' }),
  }),
});

const SetPrimaryPhoneInput = builder.inputType('SetPrimaryPhoneInput', {
  fields: (t) => ({
    phone: t.string({ required: true, description: 'International format; stored as E.164.' }),
    newIdentifierVerificationId: t.id({ required: true, description: 'A verified code record for exactly this phone.' }),
    verificationId: t.id({ required: true, description: 'Identity proof (verifyPassword, or a code to a current address).' }),
  }),
});

const ME_EMAIL = { $all: { accountHolder: true, accountCenterWrite: 'email' } } as const;
const ME_PHONE = { $all: { accountHolder: true, accountCenterWrite: 'phone' } } as const;

builder.objectFields(MeMutation, (t) => ({
  setPrimaryEmail: t.prismaField({
    type: UserType,
    errors: {},
    authScopes: ME_EMAIL,
    args: { input: t.arg({ type: SetPrimaryEmailInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      setPrimaryIdentifier(
        ctx.deps,
        meViewer(ctx).userId,
        'email',
        { value: input.email, newIdentifierVerificationId: String(input.newIdentifierVerificationId), verificationId: String(input.verificationId) },
        actorOf(ctx),
        ctx.request,
      ),
  }),
  removePrimaryEmail: t.prismaField({
    type: UserType,
    errors: {},
    authScopes: ME_EMAIL,
    args: { verificationId: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) =>
      removePrimaryIdentifier(ctx.deps, meViewer(ctx).userId, 'email', String(args.verificationId), actorOf(ctx), ctx.request),
  }),
  setPrimaryPhone: t.prismaField({
    type: UserType,
    errors: {},
    authScopes: ME_PHONE,
    args: { input: t.arg({ type: SetPrimaryPhoneInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      setPrimaryIdentifier(
        ctx.deps,
        meViewer(ctx).userId,
        'phone',
        { value: input.phone, newIdentifierVerificationId: String(input.newIdentifierVerificationId), verificationId: String(input.verificationId) },
        actorOf(ctx),
        ctx.request,
      ),
  }),
  removePrimaryPhone: t.prismaField({
    type: UserType,
    errors: {},
    authScopes: ME_PHONE,
    args: { verificationId: t.arg.id({ required: true }) },
    resolve: (_query, _root, args, ctx) =>
      removePrimaryIdentifier(ctx.deps, meViewer(ctx).userId, 'phone', String(args.verificationId), actorOf(ctx), ctx.request),
  }),
}));
