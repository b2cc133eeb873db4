// The Error interface and the error object types every mutation union may contain (docs/api.md#conventions).
import { AppError, ERROR_CODES, PasswordRejectedError, RateLimitedError } from '../domain/errors.js';
import { builder } from './builder.js';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: 'Stable, machine-readable error codes. Codes are added, never renamed.',
  values: ERROR_CODES,
});

export const ErrorInterface = builder.interfaceRef<AppError>('Error').implement({
  description: 'Every expected failure: ask `... on Error { code message }`.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(AppError, {
  name: 'UserError',
  description: 'The general error: `path` names the offending input field, when there is one.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    path: t.stringList({ nullable: true, resolve: (e) => e.path ?? null }),
  }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds'),
  }),
});

builder.objectType(PasswordRejectedError, {
  name: 'PasswordRejectedError',
  description: 'The password failed the policy; `rules` lists every failed rule.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    path: t.stringList({ nullable: true, resolve: (e) => e.path ?? null }),
    rules: t.exposeStringList('rules'),
  }),
});

