// Normalisation of sign-in identifiers. Stored forms are canonical (lower-case username and
// email, E.164 phone), so plain unique indexes give case-insensitive uniqueness.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { invalidInput } from '../errors.js';

// Usernames: 3-32 characters, lower-case letters, digits, `_`, `.` and `-`, starting with a letter
// or `_`, so a username can never be mistaken for a phone number or an email.
const USERNAME = /^[a-z_][a-z0-9_.-]{2,31}$/;
const EMAIL = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]{2,}$/;

export function normalizeUsername(input: string, path = 'username'): string {
  const value = input.trim().toLowerCase();
  if (!USERNAME.test(value)) {
    throw invalidInput(path, 'A username is 3-32 characters: letters, digits, "_", "." or "-", starting with a letter or "_"');
  }
  return value;
}

export function normalizeEmail(input: string, path = 'email'): string {
  const value = input.trim().toLowerCase();
  if (value.length > 254 || !EMAIL.test(value)) throw invalidInput(path, 'Not a valid email address');
  return value;
}

export function normalizePhone(input: string, path = 'phone'): string {
  const raw = input.trim();
  const parsed = parsePhoneNumberFromString(raw.startsWith('+') ? raw : `+${raw.replace(/^00/, '')}`);
  if (!parsed?.isValid()) {
    throw invalidInput(path, 'Not a valid phone number: use international format, e.g. +14155550123');
  }
  return parsed.number;
}

export type IdentifierKind = 'email' | 'phone' | 'username';

/** Classifies a sign-in identifier without validating it strictly (sign-in must not leak policy). */
export function classifyIdentifier(input: string): { kind: IdentifierKind; value: string } | null {
  const raw = input.trim();
  if (raw.includes('@')) return { kind: 'email', value: raw.toLowerCase() };
  if (/^\+?[\d\s().-]{6,}$/.test(raw)) {
    try {
      return { kind: 'phone', value: normalizePhone(raw) };
    } catch {
      return null;
    }
  }
  return raw ? { kind: 'username', value: raw.toLowerCase() } : null;
}
