/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Stable, machine-readable error codes. Codes are added, never renamed. */
export type ErrorCode =
  | 'ACCOUNT_CENTER_DISABLED'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_PENDING_DELETION'
  | 'ACCOUNT_SUSPENDED'
  | 'CODE_EXPIRED'
  | 'CODE_MISMATCH'
  | 'CONFLICT'
  | 'DELIVERY_FAILED'
  | 'FIELD_NOT_EDITABLE'
  | 'IDENTIFIER_IN_USE'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_INPUT'
  | 'INVALID_MFA_CODE'
  | 'LAST_SIGN_IN_METHOD'
  | 'MFA_ALREADY_ENROLLED'
  | 'NOT_FOUND'
  | 'PASSKEY_REJECTED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'PASSWORD_REJECTED'
  | 'PHONE_DELIVERY_UNAVAILABLE'
  | 'PROVIDER_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'SAME_PASSWORD'
  | 'SIGN_UP_DISABLED'
  | 'TOO_MANY_ATTEMPTS'
  | 'VERIFICATION_NOT_FOUND'
  | 'VERIFICATION_REQUIRED';

export type MfaFactorType =
  | 'BACKUP_CODE'
  | 'TOTP'
  | 'WEBAUTHN';

export type SignInInput = {
  /** From TokenSet.deviceToken of an earlier verifySignIn with trustDevice: skips the second factor. */
  deviceToken?: string | null | undefined;
  /** Username, email or phone. */
  identifier: string;
  password: string;
};

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn:
    | { __typename: 'AccountPendingDeletionError', code: ErrorCode, message: string }
    | { __typename: 'MfaChallenge', mfaToken: string, factors: Array<MfaFactorType> }
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'TokenSet', accessToken: string, refreshToken: string | null, tokenType: string, expiresIn: number, scope: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string | null, primaryEmail: string | null, primaryPhone: string | null, name: string | null, avatar: string | null, hasPassword: boolean, createdAt: string } | null };


export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"tokenType"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MfaChallenge"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mfaToken"}},{"kind":"Field","name":{"kind":"Name","value":"factors"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"primaryEmail"}},{"kind":"Field","name":{"kind":"Name","value":"primaryPhone"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"avatar"}},{"kind":"Field","name":{"kind":"Name","value":"hasPassword"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;