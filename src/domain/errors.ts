// The ErrorCode catalogue (docs/api.md#conventions). Expected, user-fixable failures are AppErrors: the errors
// plugin turns them into union members with a stable `code`. Codes are never renamed.
import { describeRule } from './users/password-policy.js';
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_SUSPENDED',
  'ACCOUNT_LOCKED',
  'RATE_LIMITED',
  'SIGN_UP_DISABLED',
  'ACCOUNT_CENTER_DISABLED',
  'FIELD_NOT_EDITABLE',
  'VERIFICATION_REQUIRED',
  'VERIFICATION_NOT_FOUND',
  'CODE_MISMATCH',
  'CODE_EXPIRED',
  'TOO_MANY_ATTEMPTS',
  'IDENTIFIER_IN_USE',
  'LAST_SIGN_IN_METHOD',
  'PASSWORD_REJECTED',
  'SAME_PASSWORD',
  'MFA_ALREADY_ENROLLED',
  'INVALID_MFA_CODE',
  'NOT_FOUND',
  'CONFLICT',
  'DELIVERY_FAILED',
  'PHONE_DELIVERY_UNAVAILABLE',
  'PASSKEY_REJECTED',
  'PROVIDER_UNAVAILABLE',
  'ACCOUNT_PENDING_DELETION',
  'PASSWORD_CHANGE_REQUIRED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function invalidInput(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, [path]);
}

export function notFound(what: string, path?: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`, path ? [path] : undefined);
}

/** The only answer to a wrong identifier or a wrong password: never reveals whether an account exists. */
export function invalidCredentials(): AppError {
  return new AppError('INVALID_CREDENTIALS', 'The identifier or password is incorrect');
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message);
    this.name = 'RateLimitedError';
  }
}

export class PasswordRejectedError extends AppError {
  constructor(
    readonly rules: string[],
    path = 'password',
  ) {
    super('PASSWORD_REJECTED', `The password does not meet the policy: ${rules.map((r) => `${describeRule(r)} (${r})`).join('; ')}`, [path]);
    this.name = 'PasswordRejectedError';
  }
}

/** A right credential for an account scheduled for deletion: only restoreAccount(restoreToken) opens it again. */
export class AccountPendingDeletionError extends AppError {
  constructor(
    readonly restoreToken: string,
    readonly deletionScheduledAt: Date,
  ) {
    super('ACCOUNT_PENDING_DELETION', `This account is scheduled for deletion on ${deletionScheduledAt.toISOString()}: restore it to sign in`);
    this.name = 'AccountPendingDeletionError';
  }
}

/** Prisma's unique-constraint violation, raced or not. */
export function isUniqueViolation(err: unknown): err is { code: 'P2002'; meta?: { target?: unknown } } {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}

/** The columns a P2002 names ("providerId,subject"), across Prisma's adapter shapes. */
export function uniqueViolationTarget(err: unknown): string {
  const meta = (err as { meta?: Record<string, unknown> }).meta ?? {};
  const target = meta.target ?? (meta.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } })?.cause?.constraint?.fields;
  return Array.isArray(target) ? target.join(',') : String(target ?? '');
}

/** The column a P2002 names, across Prisma's adapter shapes. */
export function uniqueViolationField(err: unknown): string | undefined {
  const text = uniqueViolationTarget(err);
  for (const field of ['username', 'primaryEmail', 'primaryPhone', 'clientId']) {
    if (text.includes(field)) return field;
  }
  return undefined;
}
