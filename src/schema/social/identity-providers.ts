// Identity providers: the public list (key, name, type) for sign-in buttons, and their management
// under `admin` (admin:settings); admin link/unlink of a user's identity (admin:users:write).
import { adminLinkIdentity, adminUnlinkIdentity } from '../../domain/social/identities.service.js';
import {
  createIdentityProvider,
  deleteIdentityProvider,
  updateIdentityProvider,
} from '../../domain/social/providers.service.js';
import { actorOf } from '../actor.js';
import { builder } from '../builder.js';
import { AdminMutation, AdminQuery } from '../root.js';
import { UserType } from '../users/user.types.js';
import { IdentityProviderObject, IdentityProviderTypeEnum, UserIdentityObject } from './social.types.js';

const SETTINGS = { admin: 'admin:settings' } as const;
const USERS_WRITE = { admin: 'admin:users:write' } as const;

const ProfileMappingInput = builder.inputType('IdentityProfileMappingInput', {
  description:
    'Which claim of the provider’s profile gives each value (a dotted path reaches nested JSON). Defaults: subject `sub` then `id`; email `email`; emailVerified `email_verified`; name `name` then `login`; avatar `picture` then `avatar_url`.',
  fields: (t) => ({
    subject: t.string(),
    email: t.string(),
    emailVerified: t.string(),
    name: t.string(),
    avatar: t.string(),
  }),
});

const CreateIdentityProviderInput = builder.inputType('CreateIdentityProviderInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Stable lower-case name used by clients and identities, e.g. "google".' }),
    name: t.string({ required: true, description: 'Shown on sign-in buttons.' }),
    type: t.field({ type: IdentityProviderTypeEnum, required: true }),
    issuer: t.string({ description: 'OIDC: the issuer URL (its discovery document gives the endpoints).' }),
    clientId: t.string({ required: true }),
    clientSecret: t.string({ required: true, description: 'Stored encrypted; never readable back.' }),
    authorizationEndpoint: t.string({ description: 'OAUTH2 only.' }),
    tokenEndpoint: t.string({ description: 'OAUTH2 only.' }),
    userinfoEndpoint: t.string({ description: 'OAUTH2 only: the profile endpoint (GitHub: https://api.github.com/user).' }),
    scopes: t.stringList({ description: 'Default for OIDC: openid email profile (openid is always added).' }),
    trustEmail: t.boolean({ description: 'Link a verified email from this provider to the existing account holding it (default false).' }),
    profileMapping: t.field({ type: ProfileMappingInput }),
  }),
});

const UpdateIdentityProviderInput = builder.inputType('UpdateIdentityProviderInput', {
  description: 'A field left out keeps its value.',
  fields: (t) => ({
    name: t.string(),
    issuer: t.string(),
    clientId: t.string(),
    clientSecret: t.string({ description: 'Replaces the stored secret.' }),
    authorizationEndpoint: t.string(),
    tokenEndpoint: t.string(),
    userinfoEndpoint: t.string(),
    scopes: t.stringList(),
    trustEmail: t.boolean(),
    profileMapping: t.field({ type: ProfileMappingInput }),
  }),
});

const LinkUserIdentityInput = builder.inputType('LinkUserIdentityInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    provider: t.string({ required: true }),
    subject: t.string({ required: true, description: 'The account’s ID at the provider (OIDC `sub`, GitHub `id`).' }),
  }),
});

const UnlinkUserIdentityInput = builder.inputType('UnlinkUserIdentityInput', {
  fields: (t) => ({
    userId: t.id({ required: true }),
    provider: t.string({ required: true }),
  }),
});

builder.queryField('identityProviders', (t) =>
  t.prismaField({
    type: [IdentityProviderObject],
    description: 'The configured identity providers, for "Sign in with …" buttons (public: key, name and type).',
    resolve: (query, _root, _args, ctx) => ctx.deps.prisma.identityProvider.findMany({ ...query, orderBy: [{ name: 'asc' }, { key: 'asc' }] }),
  }),
);

builder.objectFields(AdminQuery, (t) => ({
  identityProviders: t.prismaField({
    type: [IdentityProviderObject],
    authScopes: SETTINGS,
    description: 'The configured identity providers with their settings (never the client secret).',
    resolve: (query, _root, _args, ctx) => ctx.deps.prisma.identityProvider.findMany({ ...query, orderBy: [{ name: 'asc' }, { key: 'asc' }] }),
  }),
}));

builder.objectFields(AdminMutation, (t) => ({
  createIdentityProvider: t.prismaField({
    type: IdentityProviderObject,
    expensive: 'provider',
    errors: {},
    authScopes: SETTINGS,
    description: 'Adds an identity provider. OIDC: the issuer’s discovery document is read now (http: issuers only outside production).',
    args: { input: t.arg({ type: CreateIdentityProviderInput, required: true }) },
    resolve: (_query, _root, { input }, ctx) =>
      createIdentityProvider(ctx.deps, { ...input, profileMapping: input.profileMapping as Record<string, unknown> | null }, actorOf(ctx), ctx.request),
  }),
  updateIdentityProvider: t.prismaField({
    type: IdentityProviderObject,
    expensive: 'provider',
    errors: {},
    authScopes: SETTINGS,
    args: { key: t.arg.string({ required: true }), input: t.arg({ type: UpdateIdentityProviderInput, required: true }) },
    resolve: (_query, _root, { key, input }, ctx) =>
      updateIdentityProvider(ctx.deps, key, { ...input, profileMapping: input.profileMapping as Record<string, unknown> | null | undefined }, actorOf(ctx), ctx.request),
  }),
  deleteIdentityProvider: t.prismaField({
    type: IdentityProviderObject,
    errors: {},
    authScopes: SETTINGS,
    description: 'Deletes the provider and unlinks its identities (CONFLICT while some account signs in only with it).',
    args: { key: t.arg.string({ required: true }) },
    resolve: (_query, _root, { key }, ctx) => deleteIdentityProvider(ctx.deps, key, actorOf(ctx), ctx.request),
  }),
  linkUserIdentity: t.prismaField({
    type: UserIdentityObject,
    errors: {},
    authScopes: USERS_WRITE,
    description: 'Links a provider identity (by subject) to a user.',
    args: { input: t.arg({ type: LinkUserIdentityInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const identity = await adminLinkIdentity(ctx.deps, { ...input, userId: String(input.userId) }, actorOf(ctx), ctx.request);
      return ctx.deps.prisma.userIdentity.findUniqueOrThrow({ ...query, where: { id: identity.id } });
    },
  }),
  unlinkUserIdentity: t.prismaField({
    type: UserType,
    errors: {},
    authScopes: USERS_WRITE,
    description: 'Unlinks a provider identity from a user (even the last way in: set a password with setUserPassword).',
    args: { input: t.arg({ type: UnlinkUserIdentityInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const user = await adminUnlinkIdentity(ctx.deps, { ...input, userId: String(input.userId) }, actorOf(ctx), ctx.request);
      return ctx.deps.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
}));
