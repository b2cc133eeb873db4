// Every ErrorCode of the API (and the few transport failures) as a sentence a person understands.
// test/account-page.test.ts checks that every code in schema.graphql has one.
import type { ErrorCode } from './gql/graphql';

type Transport = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NETWORK' | 'UNEXPECTED' | 'SERVICE_UNAVAILABLE' | 'PASSKEY_CANCELLED' | 'PASSKEY_UNSUPPORTED';
export type AnyCode = ErrorCode | Transport;

/** An error as the apps pass it around: an API error member, or a transport failure. */
export interface ErrorInfo {
  code: string;
  message?: string | null;
  rules?: readonly string[] | null;
  retryAfterSeconds?: number | null;
}

export const ERROR_SENTENCES: Record<AnyCode, string> & Record<string, string> = {
  INVALID_INPUT: 'Some of what you entered is not valid. Please check it and try again.',
  INVALID_CREDENTIALS: 'Those sign-in details are not right. Check them and try again.',
  ACCOUNT_SUSPENDED: 'This account is suspended. Contact the administrator.',
  ACCOUNT_LOCKED: 'Too many failed attempts. This account is locked for a while; try again later.',
  RATE_LIMITED: 'Too many attempts in a short time. Please wait a moment and try again.',
  SIGN_UP_DISABLED: 'New accounts cannot be created here. Contact the administrator.',
  ACCOUNT_CENTER_DISABLED: 'Account changes are turned off by the administrator right now.',
  FIELD_NOT_EDITABLE: 'This setting cannot be changed here.',
  VERIFICATION_REQUIRED: 'Please confirm it is you before making this change.',
  VERIFICATION_NOT_FOUND: 'That confirmation has expired or does not match. Please start again.',
  CODE_MISMATCH: 'That code is not right. Check it and try again.',
  CODE_EXPIRED: 'That code has expired. Ask for a new one.',
  TOO_MANY_ATTEMPTS: 'Too many wrong codes. Ask for a new code.',
  IDENTIFIER_IN_USE: 'That is already used by another account.',
  LAST_SIGN_IN_METHOD: 'You cannot remove the only way to sign in. Add another one first.',
  PASSWORD_REJECTED: 'Please choose a stronger password.',
  SAME_PASSWORD: 'The new password is the same as the current one. Choose a different one.',
  MFA_ALREADY_ENROLLED: 'This is already set up on the account.',
  INVALID_MFA_CODE: 'That code is not right. Check the authenticator app or backup code and try again.',
  NOT_FOUND: 'That item no longer exists. The page has been refreshed.',
  CONFLICT: 'Something changed at the same time, or this would break something else. Please check and try again.',
  DELIVERY_FAILED: 'We could not send the code. Check the address or try again later.',
  PASSKEY_REJECTED: 'The passkey could not be used. Try again, or choose another way.',
  PROVIDER_UNAVAILABLE: 'That sign-in provider is not answering right now. Try again later or choose another way.',
  PHONE_DELIVERY_UNAVAILABLE: 'Text messages cannot be sent by this service, so a phone number cannot be confirmed here.',
  ACCOUNT_PENDING_DELETION: 'This account is scheduled for deletion. Restore it to sign in again.',
  PASSWORD_CHANGE_REQUIRED: 'A sign-in to this account was reported as not yours. Reset your password to sign in again.',
  // Transport and authorization failures (top-level GraphQL errors), and the browser's own.
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'You are not allowed to do that.',
  SERVICE_UNAVAILABLE: 'The service is busy or partly down right now. Please try again in a moment.',
  NETWORK: 'The service cannot be reached. Check your connection and try again.',
  UNEXPECTED: 'Something went wrong on our side. Please try again.',
  PASSKEY_CANCELLED: 'The passkey prompt was closed or timed out.',
  PASSKEY_UNSUPPORTED: 'This browser cannot use passkeys.',
};

const RULES: Record<string, string> = {
  COMMON_PASSWORD: 'it is one of the most common passwords',
  CONTAINS_USERNAME: 'it contains the username',
  CONTAINS_EMAIL: 'it contains the email address',
  CONTAINS_NAME: 'it contains part of the name',
  REPEATED_OR_SEQUENTIAL_CHARACTERS: 'it is mostly repeated or sequential characters',
  BREACHED_PASSWORD: 'it has appeared in a data breach',
};

function ruleSentence(rule: string): string {
  const min = /^MIN_LENGTH_(\d+)$/.exec(rule);
  if (min) return `it is shorter than ${min[1]} characters`;
  const max = /^MAX_LENGTH_(\d+)$/.exec(rule);
  if (max) return `it is longer than ${max[1]} characters`;
  return RULES[rule] ?? rule.toLowerCase().replaceAll('_', ' ');
}

/** A sentence for an error `{ code, message, rules?, retryAfterSeconds? }`. */
export function errorSentence(error: ErrorInfo): string {
  const base = ERROR_SENTENCES[error.code] ?? ERROR_SENTENCES.UNEXPECTED;
  if (error.code === 'PASSWORD_REJECTED' && error.rules?.length) {
    return `This password cannot be used: ${error.rules.map(ruleSentence).join('; ')}.`;
  }
  if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
    return `Too many attempts in a short time. Try again in ${error.retryAfterSeconds} seconds.`;
  }
  // The API's message names the offending field for bad input: worth showing next to the sentence.
  if (error.code === 'INVALID_INPUT' && error.message) return `${base} (${error.message})`;
  return base;
}

/** The code of whatever was thrown (an ApiError, a passkey failure, a bug). */
export const codeOf = (err: unknown): string =>
  typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'UNEXPECTED';
