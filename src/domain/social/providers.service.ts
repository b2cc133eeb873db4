// Identity providers configured by admins (admin:settings, docs/social.md). The client secret is sealed
// with SECRET_KEY and never readable back; an OIDC issuer's discovery document is read at create
// and update, so a wrong issuer is refused then, not at a user's first sign-in.
import type { IdentityProvider, IdentityProviderType, Prisma } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { AppError, invalidInput, isUniqueViolation, notFound } from '../errors.js';
import { credentialState } from '../credentials/factor-lifecycle.js';
import { lockUserRow } from '../users/user-lock.js';
import { classifyProviderError } from './provider-client.js';
import { validateProfileMapping } from './profile-mapping.js';

export const CLIENT_SECRET_PURPOSE = 'identity-provider-secret';

export interface IdentityProviderInput {
  name?: string | null;
  issuer?: string | null;
  clientId?: string | null;
  clientSecret?: string | null;
  authorizationEndpoint?: string | null;
  tokenEndpoint?: string | null;
  userinfoEndpoint?: string | null;
  scopes?: readonly string[] | null;
  trustEmail?: boolean | null;
  profileMapping?: Record<string, unknown> | null;
}

export interface CreateIdentityProviderInput extends IdentityProviderInput {
  key: string;
  name: string;
  type: IdentityProviderType;
  clientId: string;
  clientSecret: string;
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const DEFAULT_OIDC_SCOPES = ['openid', 'email', 'profile'];

export async function findProvider(deps: Deps, key: string, path = 'provider'): Promise<IdentityProvider> {
  const provider = await deps.prisma.identityProvider.findUnique({ where: { key: key.trim().toLowerCase() } });
  if (!provider) throw notFound('Identity provider', path);
  return provider;
}

function endpoint(deps: Deps, value: string | null | undefined, path: string): string | null {
  if (!value?.trim()) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalidInput(path, 'Must be an absolute URL');
  }
  // Plain http only for local and test providers: in production every call carries secrets.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !deps.config.production)) {
    throw invalidInput(path, deps.config.production ? 'Must be an https: URL' : 'Must be an http(s): URL');
  }
  if (url.hash || url.username || url.password) throw invalidInput(path, 'Must not carry a fragment or credentials');
  return url.href;
}

function scopesOf(type: IdentityProviderType, scopes: readonly string[] | null | undefined): string[] {
  const list = [...new Set((scopes ?? (type === 'OIDC' ? DEFAULT_OIDC_SCOPES : [])).map((s) => s.trim()).filter(Boolean))];
  for (const scope of list) {
    if (!/^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/.test(scope)) throw invalidInput('scopes', `Invalid scope "${scope}"`);
  }
  // An OIDC sign-in without `openid` gets no ID token.
  if (type === 'OIDC' && !list.includes('openid')) list.unshift('openid');
  return list;
}

type Resolved = Omit<Prisma.IdentityProviderUncheckedCreateInput, 'key' | 'type' | 'clientSecretEncrypted'>;

/** Validates a complete configuration (create, or update merged over the stored row). */
async function resolveConfig(deps: Deps, type: IdentityProviderType, input: IdentityProviderInput): Promise<Resolved> {
  const name = input.name?.trim() ?? '';
  if (!name || name.length > 64) throw invalidInput('name', 'The name must be 1-64 characters');
  const clientId = input.clientId?.trim() ?? '';
  if (!clientId || clientId.length > 512) throw invalidInput('clientId', 'The client ID must be 1-512 characters');
  const common = {
    name,
    clientId,
    scopes: scopesOf(type, input.scopes),
    trustEmail: input.trustEmail ?? false,
    profileMapping: validateProfileMapping(input.profileMapping) as Prisma.InputJsonValue,
  };
  if (type === 'OIDC') {
    const issuer = endpoint(deps, input.issuer, 'issuer');
    if (!issuer) throw invalidInput('issuer', 'An OIDC provider needs its issuer URL');
    for (const field of ['authorizationEndpoint', 'tokenEndpoint', 'userinfoEndpoint'] as const) {
      if (input[field]) throw invalidInput(field, "An OIDC provider's endpoints come from its issuer's discovery document");
    }
    // Keep the issuer exactly as its discovery document spells it: ID tokens carry that string.
    const discovered = await deps.identityProviders.discover(issuer).catch((err: unknown) => {
      const error = classifyProviderError('issuer', err);
      if (error.code === 'PROVIDER_UNAVAILABLE') throw new AppError('PROVIDER_UNAVAILABLE', 'The issuer could not be reached to read its discovery document', ['issuer']);
      throw invalidInput('issuer', 'The issuer has no valid OpenID Connect discovery document for this URL');
    });
    if (!discovered.authorization_endpoint || !discovered.token_endpoint || !discovered.jwks_uri) {
      throw invalidInput('issuer', 'The discovery document lacks an authorization, token or JWKS endpoint');
    }
    return { ...common, issuer: discovered.issuer, authorizationEndpoint: null, tokenEndpoint: null, userinfoEndpoint: null };
  }
  if (input.issuer) throw invalidInput('issuer', 'A plain OAuth 2.0 provider has no issuer: give its endpoints');
  const authorizationEndpoint = endpoint(deps, input.authorizationEndpoint, 'authorizationEndpoint');
  const tokenEndpoint = endpoint(deps, input.tokenEndpoint, 'tokenEndpoint');
  const userinfoEndpoint = endpoint(deps, input.userinfoEndpoint, 'userinfoEndpoint');
  if (!authorizationEndpoint) throw invalidInput('authorizationEndpoint', 'An OAuth 2.0 provider needs its authorization endpoint');
  if (!tokenEndpoint) throw invalidInput('tokenEndpoint', 'An OAuth 2.0 provider needs its token endpoint');
  if (!userinfoEndpoint) throw invalidInput('userinfoEndpoint', 'An OAuth 2.0 provider needs its userinfo (profile) endpoint');
  return { ...common, issuer: null, authorizationEndpoint, tokenEndpoint, userinfoEndpoint };
}

function sealSecret(deps: Deps, secret: string): string {
  const value = secret.trim();
  if (!value || value.length > 2048) throw invalidInput('clientSecret', 'The client secret must be 1-2048 characters');
  return deps.secrets.encrypt(CLIENT_SECRET_PURPOSE, value);
}

/** What the audit log keeps of a configuration: everything but the secret. */
function auditView(p: IdentityProvider) {
  return {
    key: p.key,
    type: p.type,
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    authorizationEndpoint: p.authorizationEndpoint,
    tokenEndpoint: p.tokenEndpoint,
    userinfoEndpoint: p.userinfoEndpoint,
    scopes: p.scopes,
    trustEmail: p.trustEmail,
    profileMapping: p.profileMapping,
  };
}

/** What the provider's events carry (webhook receivers see them): never the client secret. */
function providerRef(p: IdentityProvider) {
  return { id: p.id, type: p.type, name: p.name };
}

export async function createIdentityProvider(
  deps: Deps,
  input: CreateIdentityProviderInput,
  actor: AuditActor,
  request: RequestInfo,
): Promise<IdentityProvider> {
  const key = input.key.trim().toLowerCase();
  if (!KEY.test(key)) throw invalidInput('key', 'The key is 1-32 characters: lower-case letters, digits, "_" or "-"');
  const resolved = await resolveConfig(deps, input.type, input);
  const clientSecretEncrypted = sealSecret(deps, input.clientSecret);
  try {
    return await withEvents(deps, actor, request, async (tx, ev) => {
      const provider = await tx.identityProvider.create({ data: { ...resolved, key, type: input.type, clientSecretEncrypted } });
      ev.emit('identity_provider.created', {
        audit: 'admin.identity_provider.create',
        data: { provider: provider.key, identityProvider: providerRef(provider) },
        details: auditView(provider),
      });
      return provider;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `An identity provider with the key "${key}" exists`, ['key']);
    throw err;
  }
}

export async function updateIdentityProvider(
  deps: Deps,
  key: string,
  input: IdentityProviderInput,
  actor: AuditActor,
  request: RequestInfo,
): Promise<IdentityProvider> {
  const current = await findProvider(deps, key, 'key');
  // A field left out keeps its value; `null` clears an optional one.
  const pick = <K extends keyof IdentityProviderInput>(field: K, stored: IdentityProviderInput[K]) =>
    input[field] === undefined ? stored : input[field];
  const merged: IdentityProviderInput = {
    name: pick('name', current.name),
    issuer: pick('issuer', current.issuer),
    clientId: pick('clientId', current.clientId),
    authorizationEndpoint: pick('authorizationEndpoint', current.authorizationEndpoint),
    tokenEndpoint: pick('tokenEndpoint', current.tokenEndpoint),
    userinfoEndpoint: pick('userinfoEndpoint', current.userinfoEndpoint),
    scopes: pick('scopes', current.scopes),
    trustEmail: pick('trustEmail', current.trustEmail),
    profileMapping: pick('profileMapping', current.profileMapping as Record<string, unknown>),
  };
  const resolved = await resolveConfig(deps, current.type, merged);
  const clientSecretEncrypted = input.clientSecret ? sealSecret(deps, input.clientSecret) : undefined;
  return withEvents(deps, actor, request, async (tx, ev) => {
    const provider = await tx.identityProvider.update({ where: { id: current.id }, data: { ...resolved, clientSecretEncrypted } });
    ev.emit('identity_provider.updated', {
      audit: 'admin.identity_provider.update',
      data: { provider: provider.key, identityProvider: providerRef(provider), clientSecretChanged: Boolean(clientSecretEncrypted) },
      details: { ...auditView(provider), clientSecretChanged: Boolean(clientSecretEncrypted) },
    });
    return provider;
  });
}

/**
 * Deletes the provider and the identities linked through it. Refused (CONFLICT) while some account
 * would be left with no way to sign in: unlink or give those users another method first.
 */
export async function deleteIdentityProvider(deps: Deps, key: string, actor: AuditActor, request: RequestInfo): Promise<IdentityProvider> {
  const provider = await findProvider(deps, key, 'key');
  return withEvents(deps, actor, request, async (tx, ev) => {
    const linked = await tx.userIdentity.findMany({ where: { providerId: provider.id }, select: { userId: true } });
    for (const { userId } of linked) {
      await lockUserRow(tx, userId);
      const state = await credentialState(tx, userId);
      const after = { ...state, identityProviderIds: state.identityProviderIds.filter((id) => id !== provider.id) };
      if (deps.credentials.signInMethods(after).length === 0) {
        throw new AppError(
          'CONFLICT',
          `Some accounts sign in only with "${provider.key}" (e.g. ${userId}): give them another way to sign in or delete them first`,
          ['key'],
        );
      }
    }
    await tx.identityProvider.delete({ where: { id: provider.id } });
    ev.emit('identity_provider.deleted', {
      audit: 'admin.identity_provider.delete',
      data: { provider: provider.key, identityProvider: providerRef(provider), unlinkedIdentities: linked.length },
      details: { key: provider.key, type: provider.type, unlinkedIdentities: linked.length },
    });
    return provider;
  });
}
