// Password policy. Returns the names of the rules a candidate fails (empty = accepted).
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
}

export interface PasswordContext {
  username?: string | null;
  email?: string | null;
}

export function checkPassword(policy: PasswordPolicy, password: string, _context: PasswordContext = {}): string[] {
  const failed: string[] = [];
  if (password.length < policy.minLength) failed.push(`MIN_LENGTH_${policy.minLength}`);
  if (password.length > policy.maxLength) failed.push(`MAX_LENGTH_${policy.maxLength}`);
  return failed;
}
