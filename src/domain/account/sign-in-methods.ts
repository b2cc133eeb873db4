import { AppError } from '../errors.js';

/**
 * Signing in needs an identifier (username, email or phone) or a linked social identity: the last
 * one cannot be removed.
 */
export function assertKeepsSignInMethod(
  after: { username: string | null; primaryEmail: string | null; primaryPhone: string | null; identityCount?: number },
  path: string,
): void {
  if (!after.username && !after.primaryEmail && !after.primaryPhone && !after.identityCount) {
    throw new AppError('LAST_SIGN_IN_METHOD', 'This is the last way to sign in to the account; add another one first', [path]);
  }
}
