// Password policy. Returns the names of the rules a candidate fails (empty = accepted), so a
// client can show every problem at once.
import { readFileSync } from 'node:fs';

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
}

export interface PasswordContext {
  username?: string | null;
  email?: string | null;
}

export const PASSWORD_RULES = {
  common: 'COMMON_PASSWORD',
  username: 'CONTAINS_USERNAME',
  email: 'CONTAINS_EMAIL',
  sequence: 'REPEATED_OR_SEQUENTIAL_CHARACTERS',
} as const;

// The 10,000 most common passwords (case-folded, in frequency order) of the OWASP SecLists
// "10 million password list" (CC BY-SA 3.0): the first guesses of every online and offline attack.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}

/** Three or more equal characters ("aaa") or a run up or down ("abc", "123", "321"), ignoring case. */
function hasRunOrSequence(password: string): boolean {
  const chars = password.toLowerCase();
  for (let i = 2; i < chars.length; i++) {
    const a = chars.charCodeAt(i - 2);
    const b = chars.charCodeAt(i - 1);
    const c = chars.charCodeAt(i);
    const step = b - a;
    if (c - b !== step || Math.abs(step) > 1) continue;
    if (step === 0) return true;
    const alnum = (x: string) => /[a-z0-9]/.test(x);
    if (alnum(chars[i - 2]!) && alnum(chars[i]!)) return true;
  }
  return false;
}

export function checkPassword(policy: PasswordPolicy, password: string, context: PasswordContext = {}): string[] {
  const failed: string[] = [];
  if (password.length < policy.minLength) failed.push(`MIN_LENGTH_${policy.minLength}`);
  if (password.length > policy.maxLength) failed.push(`MAX_LENGTH_${policy.maxLength}`);
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) failed.push(PASSWORD_RULES.common);
  const username = context.username?.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) failed.push(PASSWORD_RULES.username);
  // A one- or two-letter local part would forbid almost every password, so it is not checked.
  const local = context.email?.toLowerCase().split('@')[0];
  if (local && local.length >= 3 && lower.includes(local)) failed.push(PASSWORD_RULES.email);
  if (hasRunOrSequence(password)) failed.push(PASSWORD_RULES.sequence);
  return failed;
}
