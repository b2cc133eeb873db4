// me.updateProfile (docs/api.md#self-service-me): each field given must be EDIT in the account center.
import { allowImpersonation } from '../auth/scopes.js';
import type { AccountField } from '../../domain/account-center/account-center.service.js';
import { updateProfile } from '../../domain/account/profile.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { SETTLES_OWN_WRITES } from '../own-writes.js';
import { MeMutation } from '../root.js';
import { ProfileInput } from '../users/profile.input.js';
import { UserType } from '../users/user.types.js';
import { meViewer } from './me-viewer.js';

const UpdateProfileInput = builder.inputType('UpdateProfileInput', {
  description: 'Fields left out keep their value; null clears name, avatar or a profile claim.',
  fields: (t) => ({
    name: t.string(),
    avatar: t.string({ description: 'An http(s) URL.' }),
    profile: t.field({ type: ProfileInput, description: 'Merged into the current claims.' }),
    customData: t.field({ type: 'JSON', description: 'Replaces the whole object.' }),
    username: t.string({ description: 'Needs `verificationId` when it changes.' }),
    verificationId: t.id(),
  }),
});

const INPUT_FIELDS = ['name', 'avatar', 'profile', 'customData', 'username'] as const satisfies readonly AccountField[];

builder.objectFields(MeMutation, (t) => ({
  updateProfile: t.prismaField({
    type: UserType,
    errors: {},
    // Support may fix a profile while impersonating, but not the username: it is a sign-in identifier.
    ...allowImpersonation,
    authScopes: (_root, args) => ({
      $all: {
        ...(args.input.username !== undefined ? { accountHolder: true } : { user: true }),
        accountCenterWrite: INPUT_FIELDS.filter((f) => args.input[f] !== undefined),
      },
    }),
    description: 'Changes your name, avatar, profile claims, custom data or username.',
    // updateProfile reports the user it changed to this instance's cache (see own-writes.ts).
    extensions: SETTLES_OWN_WRITES,
    args: { input: t.arg({ type: UpdateProfileInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      updateProfile(
        ctx.deps,
        meViewer(ctx).userId,
        {
          ...input,
          customData: input.customData as Record<string, unknown> | null | undefined,
          verificationId: input.verificationId == null ? input.verificationId : String(input.verificationId),
        },
        actorOf(ctx),
        ctx.request,
      ),
  }),
}));
