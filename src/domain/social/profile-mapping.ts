// Maps a provider's profile (ID token claims + userinfo, or a plain OAuth 2.0 userinfo JSON) to
// what we keep: subject, email, email_verified, name, avatar. An admin may name the claim for each
// (a dotted path reaches nested JSON, e.g. "data.id"); otherwise the OIDC standard claim is read,
// then the GitHub-style one.
import type { IdentityProvider } from '../../generated/prisma/client.js';
import { invalidInput } from '../errors.js';
import { normalizeEmail } from '../users/identifiers.js';

export interface ProviderProfile {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  avatar: string | null;
}

export const PROFILE_FIELDS = ['subject', 'email', 'emailVerified', 'name', 'avatar'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileMapping = Partial<Record<ProfileField, string>>;

const DEFAULTS: Record<ProfileField, string[]> = {
  subject: ['sub', 'id'],
  email: ['email'],
  emailVerified: ['email_verified'],
  name: ['name', 'login'],
  avatar: ['picture', 'avatar_url'],
};

export function validateProfileMapping(input: Record<string, unknown> | null | undefined, path = 'profileMapping'): ProfileMapping {
  const out: ProfileMapping = {};
  for (const [field, claim] of Object.entries(input ?? {})) {
    if (claim === null || claim === undefined || claim === '') continue;
    if (!(PROFILE_FIELDS as readonly string[]).includes(field)) throw invalidInput(path, `Unknown profile field "${field}"`);
    if (typeof claim !== 'string' || !/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/.test(claim) || claim.length > 128) {
      throw invalidInput(path, `The claim for ${field} must be a claim name or a dotted path`);
    }
    out[field as ProfileField] = claim;
  }
  return out;
}

function read(claims: Record<string, unknown>, path: string): unknown {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function pick(claims: Record<string, unknown>, mapping: ProfileMapping, field: ProfileField): unknown {
  const paths = mapping[field] ? [mapping[field]] : DEFAULTS[field];
  for (const path of paths) {
    const value = read(claims, path);
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

function text(value: unknown, max: number): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

function httpUrl(value: unknown): string | null {
  const raw = text(value, 2048);
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? raw : null;
  } catch {
    return null;
  }
}

function email(value: unknown): string | null {
  const raw = text(value, 320);
  if (!raw) return null;
  try {
    return normalizeEmail(raw, 'email');
  } catch {
    // A malformed address from a provider is dropped, not trusted.
    return null;
  }
}

export function mapProfile(provider: Pick<IdentityProvider, 'profileMapping'>, claims: Record<string, unknown>): ProviderProfile {
  const mapping = (provider.profileMapping ?? {}) as ProfileMapping;
  const subject = text(pick(claims, mapping, 'subject'), 255);
  // Without a stable subject there is nothing to link: the profile is refused.
  if (!subject) throw new Error('provider profile has no subject');
  const verified = pick(claims, mapping, 'emailVerified');
  const address = email(pick(claims, mapping, 'email'));
  return {
    subject,
    email: address,
    // Only an explicit true counts (some providers send the string "true").
    emailVerified: Boolean(address) && (verified === true || verified === 'true'),
    name: text(pick(claims, mapping, 'name'), 128),
    avatar: httpUrl(pick(claims, mapping, 'avatar')),
  };
}
