// The User type, shared by `me` and `admin` (docs/api.md#self-service-me). A field whose account-center mode is OFF
// reads as null / empty through `me`; admins always see it. Admin-only fields need an admin scope.
import { readableFactorTypes } from '../auth/scopes.js';
import type { AccountField } from '../../domain/account-center/account-center.service.js';
import type { Profile } from '../../domain/users/profile.js';
import { GraphQLError } from 'graphql';
import { AppError } from '../../domain/errors.js';
import { identityAccessToken } from '../../domain/social/identities.service.js';
import { builder } from '../builder.js';
import { IdentityAccessTokenType } from '../social/social.types.js';

export const MfaFactorTypeEnum = builder.enumType('MfaFactorType', { values: ['TOTP', 'BACKUP_CODE', 'WEBAUTHN'] as const });

const Address = builder.objectRef<NonNullable<Profile['address']>>('Address').implement({
  description: 'OIDC address claim.',
  fields: (t) => ({
    formatted: t.exposeString('formatted', { nullable: true }),
    streetAddress: t.exposeString('streetAddress', { nullable: true }),
    locality: t.exposeString('locality', { nullable: true }),
    region: t.exposeString('region', { nullable: true }),
    postalCode: t.exposeString('postalCode', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
  }),
});

export const UserProfile = builder.objectRef<Profile>('UserProfile').implement({
  description: 'OIDC standard profile claims.',
  fields: (t) => ({
    givenName: t.exposeString('givenName', { nullable: true }),
    familyName: t.exposeString('familyName', { nullable: true }),
    middleName: t.exposeString('middleName', { nullable: true }),
    nickname: t.exposeString('nickname', { nullable: true }),
    preferredUsername: t.exposeString('preferredUsername', { nullable: true }),
    website: t.exposeString('website', { nullable: true }),
    gender: t.exposeString('gender', { nullable: true }),
    birthdate: t.exposeString('birthdate', { nullable: true }),
    zoneinfo: t.exposeString('zoneinfo', { nullable: true }),
    locale: t.exposeString('locale', { nullable: true }),
    address: t.field({ type: Address, nullable: true, resolve: (p) => p.address ?? null }),
  }),
});

// Users are readable with either users scope: a writer must see what it just wrote.
const ADMIN_READ = { admin: ['admin:users:read', 'admin:users:write'] } as const;

export const SessionType = builder.prismaNode('Session', {
  id: { field: 'id' },
  description: 'A signed-in session (one refresh-token family).',
  authScopes: (session) => ({ $any: { self: session.userId, ...ADMIN_READ } }),
  fields: (t) => ({
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastActiveAt: t.expose('lastActiveAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    ip: t.exposeString('ip', { nullable: true }),
    impersonated: t.boolean({ description: 'True for an admin impersonation session.', resolve: (s) => s.kind === 'IMPERSONATION' }),
    current: t.boolean({
      description: 'True for the session of the token making this request.',
      resolve: (s, _args, ctx) => ctx.viewer.kind === 'user' && ctx.viewer.sessionId === s.id,
    }),
  }),
});

export const MfaFactorType = builder.prismaNode('MfaFactor', {
  id: { field: 'id' },
  authScopes: (factor) => ({ $any: { self: factor.userId, ...ADMIN_READ } }),
  fields: (t) => ({
    type: t.field({ type: MfaFactorTypeEnum, resolve: (f) => f.type }),
    name: t.exposeString('name', { nullable: true, description: 'For passkeys: the label the user gave it.' }),
    backedUp: t.exposeBoolean('backedUp', { nullable: true, description: 'For passkeys: synced to a backup (a multi-device passkey).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
    remainingCodes: t.relationCount('backupCodes', {
      description: 'For BACKUP_CODE factors: how many unused codes remain (0 for other factors).',
      where: { usedAt: null },
    }),
  }),
});

export const PersonalAccessTokenType = builder.prismaNode('PersonalAccessToken', {
  id: { field: 'id' },
  authScopes: (pat) => ({ $any: { self: pat.userId, ...ADMIN_READ } }),
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true }),
  }),
});

/** A `me` field gated by its account-center mode (admins always pass). */
export function readable(field: AccountField) {
  return { authScopes: { accountCenterRead: field } } as const;
}


export const UserType = builder.prismaNode('User', {
  id: { field: 'id' },
  description: 'An account. Shared by `me` and `admin`.',
  authScopes: (user) => ({ $any: { self: user.id, ...ADMIN_READ } }),
  fields: (t) => ({
    username: t.exposeString('username', { nullable: true, ...readable('username'), unauthorizedResolver: () => null }),
    primaryEmail: t.exposeString('primaryEmail', { nullable: true, ...readable('email'), unauthorizedResolver: () => null }),
    primaryPhone: t.exposeString('primaryPhone', { nullable: true, ...readable('phone'), unauthorizedResolver: () => null }),
    emailVerified: t.exposeBoolean('emailVerified', {
      description: 'The current primaryEmail was proven to this service (a code sent to it, a trusted provider, or an admin).',
      ...readable('email'),
      unauthorizedResolver: () => false,
    }),
    phoneVerified: t.exposeBoolean('phoneVerified', {
      description: 'The current primaryPhone was proven to this service (a code sent to it, or an admin).',
      ...readable('phone'),
      unauthorizedResolver: () => false,
    }),
    name: t.exposeString('name', { nullable: true, ...readable('name'), unauthorizedResolver: () => null }),
    avatar: t.exposeString('avatar', { nullable: true, ...readable('avatar'), unauthorizedResolver: () => null }),
    profile: t.field({
      type: UserProfile,
      ...readable('profile'),
      unauthorizedResolver: () => ({}),
      resolve: (u) => (u.profile ?? {}) as Profile,
    }),
    customData: t.field({
      type: 'JSON',
      ...readable('customData'),
      unauthorizedResolver: () => ({}),
      resolve: (u) => (u.customData ?? {}) as Record<string, unknown>,
    }),
    hasPassword: t.boolean({ select: { passwordHash: true }, resolve: (u) => u.passwordHash !== null }),
    identities: t.relation('identities', {
      description: 'Linked social identities, oldest first.',
      ...readable('social'),
      unauthorizedResolver: () => [] as never,
      query: { orderBy: [{ linkedAt: 'asc' }, { id: 'asc' }] },
    }),
    identityAccessToken: t.field({
      type: IdentityAccessTokenType,
      // Refreshes at the provider when the token has expired.
      expensive: 'provider',
      nullable: true,
      description:
        "The provider's access token of your linked identity, to call the provider's API (refreshed first when expired). Only for the account holder: never for admins or impersonation tokens.",
      args: { provider: t.arg.string({ required: true }) },
      authScopes: (user) => ({ $all: { accountHolder: true, self: user.id, accountCenterRead: 'social' } }),
      // A query has no error union: a provider failure is a top-level error with its code.
      resolve: (user, { provider }, ctx) =>
        identityAccessToken(ctx.deps, user.id, provider).catch((err: unknown) => {
          if (err instanceof AppError) throw new GraphQLError(err.message, { extensions: { code: err.code } });
          throw err;
        }),
    }),
    mfaFactors: t.field({
      type: [MfaFactorType],
      description: "MFA factors and passkeys, oldest first; through `me`, each kind only while its account-center field (`mfa`, `passkey`) is not OFF.",
      select: (_args, _ctx, nestedSelection) => ({ mfaFactors: nestedSelection({ orderBy: { createdAt: 'asc' } }) }),
      resolve: async (user, _args, ctx) => {
        const visible = await readableFactorTypes(ctx);
        return user.mfaFactors.filter((factor) => visible.includes(factor.type));
      },
    }),
    sessions: t.relatedConnection(
      'sessions',
      {
        cursor: 'id',
        ...readable('sessions'),
        unauthorizedResolver: () => ({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } }),
        description: 'Live sessions, newest first.',
        totalCount: true,
        query: (_args, ctx) => ({
          where: { revokedAt: null, expiresAt: { gt: ctx.deps.clock.now() } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
      },
      { name: 'SessionConnection' },
      { name: 'SessionEdge' },
    ),
    personalAccessTokens: t.relatedConnection(
      'personalAccessTokens',
      {
        cursor: 'id',
        ...readable('personalAccessTokens'),
        unauthorizedResolver: () => ({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } }),
        totalCount: true,
        query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
      },
      { name: 'PersonalAccessTokenConnection' },
      { name: 'PersonalAccessTokenEdge' },
    ),
    isSuspended: t.exposeBoolean('isSuspended', { authScopes: ADMIN_READ }),
    roles: t.exposeStringList('roles', { authScopes: ADMIN_READ }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    lastSignInAt: t.expose('lastSignInAt', { type: 'DateTime', nullable: true }),
  }),
});
