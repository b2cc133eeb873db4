// The password policy setting (one row, like the account center): public to read so a UI can
// show the rules before the user types, admin-editable with a merging update.
import type { Config } from '../../config.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { invalidInput } from '../errors.js';
import type { PasswordPolicy } from '../users/password-policy.js';

// NIST SP 800-63B: at least 8 characters; allow at least 64. 256 bounds the hashing work per try.
export const PASSWORD_MAX_LENGTH = 256;
const MIN_LENGTH_FLOOR = 8;
const MIN_LENGTH_CEILING = 128;

type Db = Pick<PrismaClient, 'passwordPolicySettings'> | Prisma.TransactionClient;

export interface PasswordPolicyInput {
  minLength?: number | null;
  rejectCommon?: boolean | null;
  rejectUserInfo?: boolean | null;
  rejectRepetitive?: boolean | null;
  checkBreached?: boolean | null;
}

type Row = { minLength: number | null; rejectCommon: boolean; rejectUserInfo: boolean; rejectRepetitive: boolean; checkBreached: boolean | null } | null;
type PolicyConfig = Pick<Config, 'passwordMinLength' | 'breachedPasswordCheck'>;

function fromRow(row: Row, config: PolicyConfig): PasswordPolicy {
  return {
    minLength: row?.minLength ?? config.passwordMinLength,
    maxLength: PASSWORD_MAX_LENGTH,
    rejectCommon: row?.rejectCommon ?? true,
    rejectUserInfo: row?.rejectUserInfo ?? true,
    rejectRepetitive: row?.rejectRepetitive ?? true,
    // Null: follows BREACHED_PASSWORD_CHECK until an admin sets it.
    checkBreached: row?.checkBreached ?? config.breachedPasswordCheck,
  };
}

export async function getPasswordPolicy(db: Db, config: PolicyConfig): Promise<PasswordPolicy> {
  return fromRow(await db.passwordPolicySettings.findUnique({ where: { id: 1 } }), config);
}

/** Merges: a rule left out (or null) keeps its setting. */
export async function updatePasswordPolicy(db: Db, config: PolicyConfig, input: PasswordPolicyInput): Promise<PasswordPolicy> {
  if (input.minLength != null && (!Number.isInteger(input.minLength) || input.minLength < MIN_LENGTH_FLOOR || input.minLength > MIN_LENGTH_CEILING)) {
    throw invalidInput('minLength', `minLength must be between ${MIN_LENGTH_FLOOR} and ${MIN_LENGTH_CEILING}`);
  }
  const stored = await db.passwordPolicySettings.findUnique({ where: { id: 1 } });
  const current = fromRow(stored, config);
  const data = {
    // Stays null (follows PASSWORD_MIN_LENGTH) until an admin sets it.
    minLength: input.minLength ?? stored?.minLength ?? null,
    rejectCommon: input.rejectCommon ?? current.rejectCommon,
    rejectUserInfo: input.rejectUserInfo ?? current.rejectUserInfo,
    rejectRepetitive: input.rejectRepetitive ?? current.rejectRepetitive,
    checkBreached: input.checkBreached ?? stored?.checkBreached ?? null,
  };
  const row = await db.passwordPolicySettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  return fromRow(row, config);
}
