// OIDC standard profile claims (docs/api.md#self-service-me). Updates merge: a claim left out keeps its value,
// an explicit null clears it.
import { invalidInput } from '../errors.js';

export const PROFILE_CLAIMS = [
  'givenName',
  'familyName',
  'middleName',
  'nickname',
  'preferredUsername',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
] as const;

export const ADDRESS_CLAIMS = ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country'] as const;

export type ProfileInput = Partial<Record<(typeof PROFILE_CLAIMS)[number], string | null>> & {
  address?: Partial<Record<(typeof ADDRESS_CLAIMS)[number], string | null>> | null;
};

export type Profile = Partial<Record<(typeof PROFILE_CLAIMS)[number], string>> & {
  address?: Partial<Record<(typeof ADDRESS_CLAIMS)[number], string>>;
};

function checkClaim(key: string, value: string): string {
  const v = value.trim();
  if (v.length > 256) throw invalidInput(`profile.${key}`, `${key} is too long (256 characters at most)`);
  if (key === 'website' && !/^https?:\/\/\S+$/.test(v)) throw invalidInput('profile.website', 'website must be an http(s) URL');
  if (key === 'birthdate' && !/^(\d{4})(-\d{2}-\d{2})?$|^0000-\d{2}-\d{2}$/.test(v)) {
    throw invalidInput('profile.birthdate', 'birthdate must be YYYY-MM-DD (or YYYY, or 0000-MM-DD)');
  }
  if (key === 'locale' && !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(v)) {
    throw invalidInput('profile.locale', 'locale must be a BCP 47 language tag, e.g. en-US');
  }
  if (key === 'zoneinfo') {
    try {
      new Intl.DateTimeFormat('en', { timeZone: v });
    } catch {
      throw invalidInput('profile.zoneinfo', 'zoneinfo must be an IANA time zone, e.g. Europe/Paris');
    }
  }
  return v;
}

export function normalizeProfile(current: Profile, input: ProfileInput): Profile {
  const next: Profile = { ...current };
  for (const key of PROFILE_CLAIMS) {
    if (!(key in input)) continue;
    const value = input[key];
    if (value === null || value === undefined || value === '') delete next[key];
    else next[key] = checkClaim(key, value);
  }
  if ('address' in input) {
    if (!input.address) delete next.address;
    else {
      const address = { ...(current.address ?? {}) };
      for (const key of ADDRESS_CLAIMS) {
        if (!(key in input.address)) continue;
        const value = input.address[key];
        if (value === null || value === undefined || value === '') delete address[key];
        else address[key] = checkClaim(`address.${key}`, value);
      }
      next.address = address;
    }
  }
  return next;
}
