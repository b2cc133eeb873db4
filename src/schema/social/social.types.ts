// Types of social sign-in (docs/social.md). IdentityProvider is public for key, name and type (sign-in
// pages render buttons from it); its configuration needs admin:settings; the client secret has no
// field at all.
import type { IdentityAccessToken } from '../../domain/social/identities.service.js';
import type { SocialAuthorization } from '../../domain/social/auth-state.js';
import { builder } from '../builder.js';

const SETTINGS = { admin: 'admin:settings' } as const;
// Identities are readable by their user and with either users scope, as the User they belong to.
const ADMIN_READ = { admin: ['admin:users:read', 'admin:users:write'] } as const;

export const IdentityProviderTypeEnum = builder.enumType('IdentityProviderType', {
  values: {
    OIDC: { description: 'OpenID Connect: endpoints from the issuer’s discovery document, ID token verified against its JWKS.' },
    OAUTH2: { description: 'Plain OAuth 2.0 (GitHub-style): authorization, token and userinfo endpoints.' },
  } as const,
});

export const IdentityProfileMapping = builder.objectRef<Record<string, string>>('IdentityProfileMapping').implement({
  description: 'Claim names (or dotted paths) read from the provider’s profile; null = the default.',
  fields: (t) => ({
    subject: t.string({ nullable: true, resolve: (m) => m.subject ?? null }),
    email: t.string({ nullable: true, resolve: (m) => m.email ?? null }),
    emailVerified: t.string({ nullable: true, resolve: (m) => m.emailVerified ?? null }),
    name: t.string({ nullable: true, resolve: (m) => m.name ?? null }),
    avatar: t.string({ nullable: true, resolve: (m) => m.avatar ?? null }),
  }),
});

export const IdentityProviderObject = builder.prismaObject('IdentityProvider', {
  description: 'A social sign-in provider. `key`, `name` and `type` are public; the rest needs admin:settings. The client secret is never readable.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    type: t.field({ type: IdentityProviderTypeEnum, resolve: (p) => p.type }),
    issuer: t.exposeString('issuer', { nullable: true, authScopes: SETTINGS }),
    clientId: t.exposeString('clientId', { authScopes: SETTINGS }),
    authorizationEndpoint: t.exposeString('authorizationEndpoint', { nullable: true, authScopes: SETTINGS }),
    tokenEndpoint: t.exposeString('tokenEndpoint', { nullable: true, authScopes: SETTINGS }),
    userinfoEndpoint: t.exposeString('userinfoEndpoint', { nullable: true, authScopes: SETTINGS }),
    scopes: t.exposeStringList('scopes', { authScopes: SETTINGS }),
    trustEmail: t.exposeBoolean('trustEmail', {
      authScopes: SETTINGS,
      description: 'A verified email from this provider links to the existing account holding it.',
    }),
    profileMapping: t.field({ type: IdentityProfileMapping, authScopes: SETTINGS, resolve: (p) => (p.profileMapping ?? {}) as Record<string, string> }),
    createdAt: t.expose('createdAt', { type: 'DateTime', authScopes: SETTINGS }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', authScopes: SETTINGS }),
  }),
});

export const UserIdentityObject = builder.prismaObject('UserIdentity', {
  description: 'A social identity linked to the account.',
  authScopes: (identity) => ({ $any: { self: identity.userId, ...ADMIN_READ } }),
  fields: (t) => ({
    provider: t.string({
      description: 'The provider’s key.',
      select: { provider: { select: { key: true } } },
      resolve: (i) => i.provider.key,
    }),
    providerName: t.string({ select: { provider: { select: { name: true } } }, resolve: (i) => i.provider.name }),
    subject: t.exposeString('subject', { description: 'The account’s ID at the provider (OIDC `sub`).' }),
    email: t.exposeString('email', { nullable: true }),
    emailVerified: t.exposeBoolean('emailVerified'),
    name: t.exposeString('name', { nullable: true }),
    avatar: t.exposeString('avatar', { nullable: true }),
    linkedAt: t.expose('linkedAt', { type: 'DateTime' }),
    lastSignInAt: t.expose('lastSignInAt', { type: 'DateTime', nullable: true }),
  }),
});

export const SocialAuthorizationType = builder.objectRef<SocialAuthorization>('SocialAuthorization').implement({
  description: 'Send the browser to `authorizationUrl`; the provider redirects back with `code` and this `state` (single use, 10 minutes).',
  fields: (t) => ({
    authorizationUrl: t.exposeString('authorizationUrl'),
    state: t.exposeString('state'),
  }),
});

export const IdentityAccessTokenType = builder.objectRef<IdentityAccessToken>('IdentityAccessToken').implement({
  description: 'The provider’s access token, to call the provider’s API for the account holder.',
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    tokenType: t.exposeString('tokenType'),
    scope: t.exposeString('scope', { nullable: true }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
  }),
});
