// Password policy checks (NIST SP 800-63B §3.1.1.2): a minimum length, a blocklist of common
// passwords, context-specific words (the user's own identifiers and name), and passwords that are
// mostly one repeated or sequential run. No composition rules ("a digit and a symbol") and no
// ban on ordinary letter sequences inside words: those push people to weaker, predictable choices.
// Returns the names of the rules a candidate fails (empty = accepted), so a client can show every
// problem at once. The settings themselves live in the database (password-policy.service.ts).
import { readFileSync } from 'node:fs';
import { codeFile } from '../../lib/package-root.js';

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** Refuse the shipped list of the most common passwords. */
  rejectCommon: boolean;
  /** Refuse passwords containing the username, the email's local part or a part of the name. */
  rejectUserInfo: boolean;
  /** Refuse passwords that are mostly one run (`aaaa`, `1234`, `abcd`, `9876`) or one short block repeated (isRepetitive). */
  rejectRepetitive: boolean;
  /** Refuse passwords a k-anonymity range API knows from data breaches (breached-passwords.ts; checked after the rules above). */
  checkBreached: boolean;
}

export interface PasswordContext {
  username?: string | null;
  email?: string | null;
  name?: string | null;
}

export const PASSWORD_RULES = {
  common: 'COMMON_PASSWORD',
  username: 'CONTAINS_USERNAME',
  email: 'CONTAINS_EMAIL',
  name: 'CONTAINS_NAME',
  sequence: 'REPEATED_OR_SEQUENTIAL_CHARACTERS',
  breached: 'BREACHED_PASSWORD',
} as const;

/** What each failed rule means, for the PASSWORD_REJECTED message. */
export function describeRule(rule: string): string {
  const min = /^MIN_LENGTH_(\d+)$/.exec(rule);
  if (min) return `at least ${min[1]} characters`;
  const max = /^MAX_LENGTH_(\d+)$/.exec(rule);
  if (max) return `at most ${max[1]} characters`;
  switch (rule) {
    case PASSWORD_RULES.common:
      return 'not one of the most common passwords';
    case PASSWORD_RULES.username:
      return 'must not contain the username';
    case PASSWORD_RULES.email:
      return 'must not contain the email address';
    case PASSWORD_RULES.name:
      return 'must not contain the name';
    case PASSWORD_RULES.breached:
      return 'must not be a password that has appeared in a data breach';
    case PASSWORD_RULES.sequence:
      return 'must not be mostly repeated or sequential characters like "aaaa", "1234" or "abcd"';
    default:
      return rule;
  }
}

// The 10,000 most common passwords (case-folded, in frequency order) of the OWASP SecLists
// "10 million password list" (CC BY-SA 3.0): the first guesses of every online and offline attack.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(codeFile('domain/users/common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}

const isDigit = (c: string) => c >= '0' && c <= '9';
const isLetter = (c: string) => c >= 'a' && c <= 'z';

/** Whether b follows a in a run: the same character, or the next/previous letter or digit. */
function continues(a: string, b: string, step: number | null): number | null {
  if (a === b) return step === null || step === 0 ? 0 : null;
  const sameClass = (isDigit(a) && isDigit(b)) || (isLetter(a) && isLetter(b));
  const delta = b.charCodeAt(0) - a.charCodeAt(0);
  if (!sameClass || Math.abs(delta) !== 1) return null;
  return step === null || step === delta ? delta : null;
}

/** Maximal stretches of one character repeated (`aaaa`) or one step up or down (`abcd`, `4321`), as [start, length]. */
function runs(chars: string[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let step: number | null = null;
  for (let i = 1; i <= chars.length; i++) {
    const next: number | null = i < chars.length ? continues(chars[i - 1]!, chars[i]!, step) : null;
    if (next !== null) {
      step = next;
      continue;
    }
    out.push([start, i - start]);
    if (i === chars.length) break;
    // The pair may still start a new run with its own step ("aab": "ab" after "aa").
    step = continues(chars[i - 1]!, chars[i]!, null);
    start = step === null ? i : i - 1;
  }
  return out;
}

/** The shortest block that, repeated, makes up the whole password ("abab" -> 2, "words" -> 5). */
function period(chars: string[]): number {
  for (let p = 1; p <= chars.length / 2; p++) {
    if (chars.every((c, i) => i < p || c === chars[i - p])) return p;
  }
  return chars.length;
}

// Runs shorter than this are ordinary in words ("rst" in "First", "def" in "undefined").
const MIN_RUN = 4;

/**
 * Mostly runs: repeated or sequential runs of four or more characters cover at least half the
 * password ("aaaaaaaa", "12345678x", "abcdefgh", "zyxw9876", "aaaabbbb", "abcd1234"), or it is
 * one block of up to four characters repeated at least three times ("abababab", "123123123",
 * "hahaha"). Words and passphrases pass: "mnostu" is two runs of three, and "First undefined
 * mnostu" has no run of four at all.
 */
export function isRepetitive(password: string): boolean {
  const chars = [...password.toLowerCase()];
  if (chars.length === 0) return false;
  const covered = new Set<number>();
  for (const [start, length] of runs(chars)) {
    if (length >= MIN_RUN) for (let i = start; i < start + length; i++) covered.add(i);
  }
  if (covered.size * 2 >= chars.length) return true;
  const p = period(chars);
  return p <= 4 && chars.length >= p * 3;
}

/** Parts of a name worth checking: four characters or more, so "Ann" does not forbid "planning". */
function nameParts(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => [...part].length >= 4);
}

export function checkPassword(policy: PasswordPolicy, password: string, context: PasswordContext = {}): string[] {
  const failed: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) failed.push(`MIN_LENGTH_${policy.minLength}`);
  if (length > policy.maxLength) failed.push(`MAX_LENGTH_${policy.maxLength}`);
  const lower = password.toLowerCase();
  if (policy.rejectCommon && commonPasswords().has(lower)) failed.push(PASSWORD_RULES.common);
  if (policy.rejectUserInfo) {
    const username = context.username?.toLowerCase();
    if (username && username.length >= 3 && lower.includes(username)) failed.push(PASSWORD_RULES.username);
    // A one- or two-letter local part would forbid almost every password, so it is not checked.
    const local = context.email?.toLowerCase().split('@')[0];
    if (local && local.length >= 3 && lower.includes(local)) failed.push(PASSWORD_RULES.email);
    if (context.name && nameParts(context.name).some((part) => lower.includes(part))) failed.push(PASSWORD_RULES.name);
  }
  if (policy.rejectRepetitive && isRepetitive(password)) failed.push(PASSWORD_RULES.sequence);
  return failed;
}
