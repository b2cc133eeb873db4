/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccountCenterFieldsInput = {
  avatar?: AccountFieldMode | null | undefined;
  customData?: AccountFieldMode | null | undefined;
  email?: AccountFieldMode | null | undefined;
  mfa?: AccountFieldMode | null | undefined;
  name?: AccountFieldMode | null | undefined;
  passkey?: AccountFieldMode | null | undefined;
  password?: AccountFieldMode | null | undefined;
  personalAccessTokens?: AccountFieldMode | null | undefined;
  phone?: AccountFieldMode | null | undefined;
  profile?: AccountFieldMode | null | undefined;
  securityActivity?: AccountFieldMode | null | undefined;
  sessions?: AccountFieldMode | null | undefined;
  social?: AccountFieldMode | null | undefined;
  trustedDevices?: AccountFieldMode | null | undefined;
  username?: AccountFieldMode | null | undefined;
};

export type AccountFieldMode =
  | 'EDIT'
  | 'OFF'
  | 'READ_ONLY';

export type AddressInput = {
  country?: string | null | undefined;
  formatted?: string | null | undefined;
  locality?: string | null | undefined;
  postalCode?: string | null | undefined;
  region?: string | null | undefined;
  streetAddress?: string | null | undefined;
};

export type AuditEventFilter = {
  /** Exact action, or a prefix ending in "*" (e.g. "admin.user.*"). */
  action?: string | null | undefined;
  actorId?: string | number | null | undefined;
  /** At or after (inclusive). */
  from?: string | null | undefined;
  /** Before (exclusive). */
  to?: string | null | undefined;
  userId?: string | number | null | undefined;
};

export type CreateIdentityProviderInput = {
  /** OAUTH2 only. */
  authorizationEndpoint?: string | null | undefined;
  clientId: string;
  /** Stored encrypted; never readable back. */
  clientSecret: string;
  /** OIDC: the issuer URL (its discovery document gives the endpoints). */
  issuer?: string | null | undefined;
  /** Stable lower-case name used by clients and identities, e.g. "google". */
  key: string;
  /** Shown on sign-in buttons. */
  name: string;
  profileMapping?: IdentityProfileMappingInput | null | undefined;
  /** Default for OIDC: openid email profile (openid is always added). */
  scopes?: Array<string> | null | undefined;
  /** OAUTH2 only. */
  tokenEndpoint?: string | null | undefined;
  /** Link a verified email from this provider to the existing account holding it (default false). */
  trustEmail?: boolean | null | undefined;
  type: IdentityProviderType;
  /** OAUTH2 only: the profile endpoint (GitHub: https://api.github.com/user). */
  userinfoEndpoint?: string | null | undefined;
};

export type CreateMachineClientInput = {
  name: string;
  /** Admin scopes to grant, e.g. ["admin:users:read"]. */
  scopes: Array<string>;
};

export type CreateUserInput = {
  avatar?: string | null | undefined;
  customData?: Record<string, unknown> | null | undefined;
  /** You vouch that primaryEmail is the user's (default false: unproven). */
  emailVerified?: boolean | null | undefined;
  name?: string | null | undefined;
  password?: string | null | undefined;
  passwordAlgorithm?: PasswordAlgorithm | null | undefined;
  /** An imported hash: bcrypt/argon2 in encoded form, SHA*\/MD5 as unsalted hex. */
  passwordDigest?: string | null | undefined;
  /** You vouch that primaryPhone is the user's (default false: unproven). */
  phoneVerified?: boolean | null | undefined;
  primaryEmail?: string | null | undefined;
  primaryPhone?: string | null | undefined;
  profile?: ProfileInput | null | undefined;
  roles?: Array<string> | null | undefined;
  username?: string | null | undefined;
};

export type CreateWebhookInput = {
  /** Default true. */
  enabled?: boolean | null | undefined;
  /** Event types (e.g. "user.created"), or ["*"] for every event. */
  events: Array<string>;
  name?: string | null | undefined;
  /** http(s); loopback, link-local and private addresses are refused unless WEBHOOK_ALLOW_PRIVATE=true. */
  url: string;
};

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
  | 'SIGN_IN_METHOD_DISABLED'
  | 'SIGN_UP_DISABLED'
  | 'TOO_MANY_ATTEMPTS'
  | 'VERIFICATION_NOT_FOUND'
  | 'VERIFICATION_REQUIRED';

/** Which claim of the provider’s profile gives each value (a dotted path reaches nested JSON). Defaults: subject `sub` then `id`; email `email`; emailVerified `email_verified`; name `name` then `login`; avatar `picture` then `avatar_url`. */
export type IdentityProfileMappingInput = {
  avatar?: string | null | undefined;
  email?: string | null | undefined;
  emailVerified?: string | null | undefined;
  name?: string | null | undefined;
  subject?: string | null | undefined;
};

export type IdentityProviderType =
  /** Plain OAuth 2.0 (GitHub-style): authorization, token and userinfo endpoints. */
  | 'OAUTH2'
  /** OpenID Connect: endpoints from the issuer’s discovery document, ID token verified against its JWKS. */
  | 'OIDC';

export type ImpersonateUserInput = {
  /** Why: recorded in the audit log. */
  reason: string;
  /** Token lifetime, 60-3600 seconds (default 900). */
  ttlSeconds?: number | null | undefined;
  userId: string | number;
};

export type MfaFactorType =
  | 'BACKUP_CODE'
  | 'TOTP'
  | 'WEBAUTHN';

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type PasswordAlgorithm =
  | 'ARGON2I'
  | 'ARGON2ID'
  | 'BCRYPT'
  | 'MD5'
  | 'SHA1'
  | 'SHA256';

/** OIDC profile claims. Merged: a claim left out keeps its value; null clears it. */
export type ProfileInput = {
  address?: AddressInput | null | undefined;
  birthdate?: string | null | undefined;
  familyName?: string | null | undefined;
  gender?: string | null | undefined;
  givenName?: string | null | undefined;
  locale?: string | null | undefined;
  middleName?: string | null | undefined;
  nickname?: string | null | undefined;
  preferredUsername?: string | null | undefined;
  website?: string | null | undefined;
  zoneinfo?: string | null | undefined;
};

export type UnlinkUserIdentityInput = {
  provider: string;
  userId: string | number;
};

export type UpdateAccountCenterInput = {
  enabled?: boolean | null | undefined;
  /** Merged: a field left out keeps its mode. */
  fields?: AccountCenterFieldsInput | null | undefined;
  /** Serve the account page at /account (off: /account answers 404). */
  pageEnabled?: boolean | null | undefined;
};

/** A field left out keeps its value. */
export type UpdateIdentityProviderInput = {
  authorizationEndpoint?: string | null | undefined;
  clientId?: string | null | undefined;
  /** Replaces the stored secret. */
  clientSecret?: string | null | undefined;
  issuer?: string | null | undefined;
  name?: string | null | undefined;
  profileMapping?: IdentityProfileMappingInput | null | undefined;
  scopes?: Array<string> | null | undefined;
  tokenEndpoint?: string | null | undefined;
  trustEmail?: boolean | null | undefined;
  userinfoEndpoint?: string | null | undefined;
};

/** Merged: a rule left out keeps its setting. */
export type UpdatePasswordPolicyInput = {
  checkBreached?: boolean | null | undefined;
  /** 8 to 128. */
  minLength?: number | null | undefined;
  rejectCommon?: boolean | null | undefined;
  rejectRepetitive?: boolean | null | undefined;
  rejectUserInfo?: boolean | null | undefined;
};

/** Omitted fields are left alone; null clears an optional field. */
export type UpdateUserInput = {
  avatar?: string | null | undefined;
  customData?: Record<string, unknown> | null | undefined;
  /** Set whether the (new or current) primaryEmail is proven. A changed primaryEmail without it is unproven. */
  emailVerified?: boolean | null | undefined;
  name?: string | null | undefined;
  password?: string | null | undefined;
  /** Set whether the (new or current) primaryPhone is proven. A changed primaryPhone without it is unproven. */
  phoneVerified?: boolean | null | undefined;
  primaryEmail?: string | null | undefined;
  primaryPhone?: string | null | undefined;
  profile?: ProfileInput | null | undefined;
  roles?: Array<string> | null | undefined;
  username?: string | null | undefined;
};

export type UserFilter = {
  /** Created at or after (inclusive). */
  createdAfter?: string | null | undefined;
  /** Created before (exclusive). */
  createdBefore?: string | null | undefined;
  /** Has at least one MFA factor. */
  hasMfa?: boolean | null | undefined;
  isSuspended?: boolean | null | undefined;
  /** Has an identity linked at this identity provider (its key). */
  provider?: string | null | undefined;
  /** Holds this role. */
  role?: string | null | undefined;
};

/** Users without a value for the field (never signed in, no username or email) come last in both directions. */
export type UserOrder = {
  direction?: OrderDirection;
  field: UserOrderField;
};

export type UserOrderField =
  | 'CREATED_AT'
  | 'EMAIL'
  | 'LAST_SIGN_IN_AT'
  | 'USERNAME';

/** PENDING: waiting for its next attempt. SUCCEEDED: a 2xx answer. FAILED: every attempt failed (redeliver to try again). */
export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type ConsoleWhoAmIQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWhoAmIQuery = { me: { id: string, name: string | null, primaryEmail: string | null, username: string | null, primaryPhone: string | null } | null };

export type ConsoleAccountCenterQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAccountCenterQuery = { admin: { accountCenter: { enabled: boolean, pageEnabled: boolean, signUpEnabled: boolean, fields: { name: AccountFieldMode, avatar: AccountFieldMode, profile: AccountFieldMode, username: AccountFieldMode, email: AccountFieldMode, phone: AccountFieldMode, password: AccountFieldMode, customData: AccountFieldMode, social: AccountFieldMode, mfa: AccountFieldMode, passkey: AccountFieldMode, sessions: AccountFieldMode, personalAccessTokens: AccountFieldMode, securityActivity: AccountFieldMode, trustedDevices: AccountFieldMode } } } };

export type ConsoleUpdateAccountCenterMutationVariables = Exact<{
  input: UpdateAccountCenterInput;
}>;


export type ConsoleUpdateAccountCenterMutation = { admin: { updateAccountCenter:
      | { __typename: 'AccountCenter', enabled: boolean }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleAuditQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConsoleAuditQuery = { admin: { auditEvents: { pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, action: string, actorId: string | null, userId: string | null, at: string, ip: string | null, details: Record<string, unknown> } }> } } };

export type ConsoleIdentityProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleIdentityProvidersQuery = { admin: { identityProviders: Array<{ key: string, name: string, type: IdentityProviderType, issuer: string | null, clientId: string, authorizationEndpoint: string | null, tokenEndpoint: string | null, userinfoEndpoint: string | null, scopes: Array<string>, trustEmail: boolean }> } };

export type ConsoleCreateIdentityProviderMutationVariables = Exact<{
  input: CreateIdentityProviderInput;
}>;


export type ConsoleCreateIdentityProviderMutation = { admin: { createIdentityProvider:
      | { __typename: 'IdentityProvider', key: string }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleUpdateIdentityProviderMutationVariables = Exact<{
  key: string;
  input: UpdateIdentityProviderInput;
}>;


export type ConsoleUpdateIdentityProviderMutation = { admin: { updateIdentityProvider:
      | { __typename: 'IdentityProvider', key: string }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleDeleteIdentityProviderMutationVariables = Exact<{
  key: string;
}>;


export type ConsoleDeleteIdentityProviderMutation = { admin: { deleteIdentityProvider:
      | { __typename: 'IdentityProvider' }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleMachineClientsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMachineClientsQuery = { admin: { machineClients: { edges: Array<{ node: { id: string, clientId: string, name: string, scopes: Array<string>, createdAt: string, rotatedAt: string | null, lastUsedAt: string | null } }> } } };

export type ConsoleCreateMachineClientMutationVariables = Exact<{
  input: CreateMachineClientInput;
}>;


export type ConsoleCreateMachineClientMutation = { admin: { createMachineClient:
      | { __typename: 'MachineClientSecret', clientId: string, clientSecret: string }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleRotateMachineClientMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRotateMachineClientMutation = { admin: { rotateMachineClientSecret:
      | { __typename: 'MachineClientSecret', clientId: string, clientSecret: string }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleDeleteMachineClientMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleDeleteMachineClientMutation = { admin: { deleteMachineClient:
      | { __typename: 'MachineClient' }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleOverviewQueryVariables = Exact<{
  users: boolean;
  audit: boolean;
  settings: boolean;
}>;


export type ConsoleOverviewQuery = { admin: { overview: { users?: number, usersCapped?: boolean, signUps24h?: number, signUps30d?: number, activeSessions?: number, failedSignIns24h?: number, failedSignIns30d?: number, webhookQueue?: { pending: number, due: number, failed: number, oldestPendingAt: string | null } } } };

export type ConsolePasswordPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePasswordPolicyQuery = { passwordPolicy: { minLength: number, maxLength: number, rejectCommon: boolean, rejectUserInfo: boolean, rejectRepetitive: boolean } };

export type ConsoleUpdatePasswordPolicyMutationVariables = Exact<{
  input: UpdatePasswordPolicyInput;
}>;


export type ConsoleUpdatePasswordPolicyMutation = { admin: { updatePasswordPolicy:
      | { __typename: 'PasswordPolicy', minLength: number }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleSetSuspendedMutationVariables = Exact<{
  id: string | number;
  suspended: boolean;
}>;


export type ConsoleSetSuspendedMutation = { admin: { setUserSuspended:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string, isSuspended: boolean }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleRemoveFactorMutationVariables = Exact<{
  userId: string | number;
  factorId: string | number;
}>;


export type ConsoleRemoveFactorMutation = { admin: { removeUserMfaFactor:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleRevokeSessionsMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRevokeSessionsMutation = { admin: { revokeUserSessions:
      | { __typename: 'AdminRevokeSessionsPayload', revokedCount: number }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleSetPasswordMutationVariables = Exact<{
  id: string | number;
  password: string;
}>;


export type ConsoleSetPasswordMutation = { admin: { setUserPassword:
      | { __typename: 'PasswordRejectedError', rules: Array<string>, code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleImpersonateMutationVariables = Exact<{
  input: ImpersonateUserInput;
}>;


export type ConsoleImpersonateMutation = { admin: { impersonateUser:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'TokenSet', accessToken: string, expiresIn: number }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type ConsoleCreateUserMutation = { admin: { createUser:
      | { __typename: 'PasswordRejectedError', rules: Array<string>, code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleDeleteUserMutationVariables = Exact<{
  id: string | number;
  immediately?: boolean | null | undefined;
}>;


export type ConsoleDeleteUserMutation = { admin: { deleteUser:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string, deletionScheduledAt: string | null }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleCancelUserDeletionMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCancelUserDeletionMutation = { admin: { cancelUserDeletion:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string, deletionScheduledAt: string | null }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleUpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;


export type ConsoleUpdateUserMutation = { admin: { updateUser:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleSetRolesMutationVariables = Exact<{
  id: string | number;
  roles: Array<string> | string;
}>;


export type ConsoleSetRolesMutation = { admin: { setUserRoles:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string, roles: Array<string> }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleRevokeTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRevokeTokenMutation = { admin: { revokePersonalAccessToken:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'PersonalAccessToken', id: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleUnlinkMutationVariables = Exact<{
  input: UnlinkUserIdentityInput;
}>;


export type ConsoleUnlinkMutation = { admin: { unlinkUserIdentity:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleCreateTokenMutationVariables = Exact<{
  userId: string | number;
  name: string;
  expiresAt?: string | null | undefined;
}>;


export type ConsoleCreateTokenMutation = { admin: { createPersonalAccessToken:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'PersonalAccessTokenSecret', token: string, personalAccessToken: { id: string, name: string } }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ConsoleUserQueryVariables = Exact<{
  id: string | number;
  audit: boolean;
}>;


export type ConsoleUserQuery = { admin: { user: { id: string, username: string | null, primaryEmail: string | null, primaryPhone: string | null, name: string | null, avatar: string | null, roles: Array<string>, isSuspended: boolean, deletionScheduledAt: string | null, hasPassword: boolean, createdAt: string, updatedAt: string, lastSignInAt: string | null, mfaFactors: Array<{ id: string, type: MfaFactorType, name: string | null, createdAt: string, lastUsedAt: string | null, remainingCodes: number }>, identities: Array<{ provider: string, providerName: string, subject: string, email: string | null, linkedAt: string, lastSignInAt: string | null }>, sessions: { totalCount: number, edges: Array<{ node: { id: string, ip: string | null, userAgent: string | null, createdAt: string, lastActiveAt: string, impersonated: boolean } }> }, personalAccessTokens: { totalCount: number, edges: Array<{ node: { id: string, name: string, createdAt: string, expiresAt: string | null, lastUsedAt: string | null } }> }, auditEvents?: { edges: Array<{ node: { id: string, action: string, actorId: string | null, userId: string | null, at: string, ip: string | null, details: Record<string, unknown> } }> } } | null } };

export type ConsoleUsersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  search?: string | null | undefined;
  filter?: UserFilter | null | undefined;
  orderBy?: UserOrder | null | undefined;
}>;


export type ConsoleUsersQuery = { identityProviders: Array<{ key: string, name: string }>, admin: { users: { totalCount: number, totalCountCapped: boolean, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, primaryEmail: string | null, username: string | null, primaryPhone: string | null, name: string | null, isSuspended: boolean, deletionScheduledAt: string | null, roles: Array<string>, createdAt: string, lastSignInAt: string | null } }> } } };

export type ConsoleRedeliverMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRedeliverMutation = { admin: { redeliverWebhook:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'WebhookDelivery', id: string }
     } };

export type ConsoleTestWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleTestWebhookMutation = { admin: { testWebhook:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'WebhookDelivery', id: string }
     } };

export type ConsoleRotateWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRotateWebhookMutation = { admin: { rotateWebhookSecret:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'WebhookSecret', signingSecret: string }
     } };

export type ConsoleDeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleDeleteWebhookMutation = { admin: { deleteWebhook:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'Webhook' }
     } };

export type ConsoleWebhooksQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWebhooksQuery = { eventTypes: Array<{ type: string, label: string }>, admin: { webhooks: { edges: Array<{ node: { id: string, name: string | null, url: string, events: Array<string>, enabled: boolean, createdAt: string, deliveries: { totalCount: number, edges: Array<{ node: { id: string, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastStatusCode: number | null, lastError: string | null, createdAt: string } }> } } }> } } };

export type ConsoleCreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;


export type ConsoleCreateWebhookMutation = { admin: { createWebhook:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'WebhookSecret', signingSecret: string, webhook: { id: string } }
     } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ConsoleWhoAmIDocument = new TypedDocumentString(`
    query ConsoleWhoAmI {
  me {
    id
    name
    primaryEmail
    username
    primaryPhone
  }
}
    `) as unknown as TypedDocumentString<ConsoleWhoAmIQuery, ConsoleWhoAmIQueryVariables>;
export const ConsoleAccountCenterDocument = new TypedDocumentString(`
    query ConsoleAccountCenter {
  admin {
    accountCenter {
      enabled
      pageEnabled
      signUpEnabled
      fields {
        name
        avatar
        profile
        username
        email
        phone
        password
        customData
        social
        mfa
        passkey
        sessions
        personalAccessTokens
        securityActivity
        trustedDevices
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAccountCenterQuery, ConsoleAccountCenterQueryVariables>;
export const ConsoleUpdateAccountCenterDocument = new TypedDocumentString(`
    mutation ConsoleUpdateAccountCenter($input: UpdateAccountCenterInput!) {
  admin {
    updateAccountCenter(input: $input) {
      __typename
      ... on AccountCenter {
        enabled
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateAccountCenterMutation, ConsoleUpdateAccountCenterMutationVariables>;
export const ConsoleAuditDocument = new TypedDocumentString(`
    query ConsoleAudit($filter: AuditEventFilter, $first: Int, $after: String, $last: Int, $before: String) {
  admin {
    auditEvents(
      first: $first
      after: $after
      last: $last
      before: $before
      filter: $filter
    ) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          action
          actorId
          userId
          at
          ip
          details
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleAuditQuery, ConsoleAuditQueryVariables>;
export const ConsoleIdentityProvidersDocument = new TypedDocumentString(`
    query ConsoleIdentityProviders {
  admin {
    identityProviders {
      key
      name
      type
      issuer
      clientId
      authorizationEndpoint
      tokenEndpoint
      userinfoEndpoint
      scopes
      trustEmail
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleIdentityProvidersQuery, ConsoleIdentityProvidersQueryVariables>;
export const ConsoleCreateIdentityProviderDocument = new TypedDocumentString(`
    mutation ConsoleCreateIdentityProvider($input: CreateIdentityProviderInput!) {
  admin {
    createIdentityProvider(input: $input) {
      __typename
      ... on IdentityProvider {
        key
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateIdentityProviderMutation, ConsoleCreateIdentityProviderMutationVariables>;
export const ConsoleUpdateIdentityProviderDocument = new TypedDocumentString(`
    mutation ConsoleUpdateIdentityProvider($key: String!, $input: UpdateIdentityProviderInput!) {
  admin {
    updateIdentityProvider(key: $key, input: $input) {
      __typename
      ... on IdentityProvider {
        key
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateIdentityProviderMutation, ConsoleUpdateIdentityProviderMutationVariables>;
export const ConsoleDeleteIdentityProviderDocument = new TypedDocumentString(`
    mutation ConsoleDeleteIdentityProvider($key: String!) {
  admin {
    deleteIdentityProvider(key: $key) {
      __typename
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeleteIdentityProviderMutation, ConsoleDeleteIdentityProviderMutationVariables>;
export const ConsoleMachineClientsDocument = new TypedDocumentString(`
    query ConsoleMachineClients {
  admin {
    machineClients(first: 100) {
      edges {
        node {
          id
          clientId
          name
          scopes
          createdAt
          rotatedAt
          lastUsedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleMachineClientsQuery, ConsoleMachineClientsQueryVariables>;
export const ConsoleCreateMachineClientDocument = new TypedDocumentString(`
    mutation ConsoleCreateMachineClient($input: CreateMachineClientInput!) {
  admin {
    createMachineClient(input: $input) {
      __typename
      ... on MachineClientSecret {
        clientId
        clientSecret
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateMachineClientMutation, ConsoleCreateMachineClientMutationVariables>;
export const ConsoleRotateMachineClientDocument = new TypedDocumentString(`
    mutation ConsoleRotateMachineClient($id: ID!) {
  admin {
    rotateMachineClientSecret(id: $id) {
      __typename
      ... on MachineClientSecret {
        clientId
        clientSecret
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRotateMachineClientMutation, ConsoleRotateMachineClientMutationVariables>;
export const ConsoleDeleteMachineClientDocument = new TypedDocumentString(`
    mutation ConsoleDeleteMachineClient($id: ID!) {
  admin {
    deleteMachineClient(id: $id) {
      __typename
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeleteMachineClientMutation, ConsoleDeleteMachineClientMutationVariables>;
export const ConsoleOverviewDocument = new TypedDocumentString(`
    query ConsoleOverview($users: Boolean!, $audit: Boolean!, $settings: Boolean!) {
  admin {
    overview {
      users @include(if: $users)
      usersCapped @include(if: $users)
      signUps24h @include(if: $users)
      signUps30d @include(if: $users)
      activeSessions @include(if: $users)
      failedSignIns24h @include(if: $audit)
      failedSignIns30d @include(if: $audit)
      webhookQueue @include(if: $settings) {
        pending
        due
        failed
        oldestPendingAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleOverviewQuery, ConsoleOverviewQueryVariables>;
export const ConsolePasswordPolicyDocument = new TypedDocumentString(`
    query ConsolePasswordPolicy {
  passwordPolicy {
    minLength
    maxLength
    rejectCommon
    rejectUserInfo
    rejectRepetitive
  }
}
    `) as unknown as TypedDocumentString<ConsolePasswordPolicyQuery, ConsolePasswordPolicyQueryVariables>;
export const ConsoleUpdatePasswordPolicyDocument = new TypedDocumentString(`
    mutation ConsoleUpdatePasswordPolicy($input: UpdatePasswordPolicyInput!) {
  admin {
    updatePasswordPolicy(input: $input) {
      __typename
      ... on PasswordPolicy {
        minLength
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdatePasswordPolicyMutation, ConsoleUpdatePasswordPolicyMutationVariables>;
export const ConsoleSetSuspendedDocument = new TypedDocumentString(`
    mutation ConsoleSetSuspended($id: ID!, $suspended: Boolean!) {
  admin {
    setUserSuspended(id: $id, suspended: $suspended) {
      __typename
      ... on User {
        id
        isSuspended
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetSuspendedMutation, ConsoleSetSuspendedMutationVariables>;
export const ConsoleRemoveFactorDocument = new TypedDocumentString(`
    mutation ConsoleRemoveFactor($userId: ID!, $factorId: ID!) {
  admin {
    removeUserMfaFactor(userId: $userId, factorId: $factorId) {
      __typename
      ... on User {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRemoveFactorMutation, ConsoleRemoveFactorMutationVariables>;
export const ConsoleRevokeSessionsDocument = new TypedDocumentString(`
    mutation ConsoleRevokeSessions($id: ID!) {
  admin {
    revokeUserSessions(id: $id) {
      __typename
      ... on AdminRevokeSessionsPayload {
        revokedCount
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRevokeSessionsMutation, ConsoleRevokeSessionsMutationVariables>;
export const ConsoleSetPasswordDocument = new TypedDocumentString(`
    mutation ConsoleSetPassword($id: ID!, $password: String!) {
  admin {
    setUserPassword(id: $id, password: $password) {
      __typename
      ... on User {
        id
      }
      ... on PasswordRejectedError {
        rules
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetPasswordMutation, ConsoleSetPasswordMutationVariables>;
export const ConsoleImpersonateDocument = new TypedDocumentString(`
    mutation ConsoleImpersonate($input: ImpersonateUserInput!) {
  admin {
    impersonateUser(input: $input) {
      __typename
      ... on TokenSet {
        accessToken
        expiresIn
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleImpersonateMutation, ConsoleImpersonateMutationVariables>;
export const ConsoleCreateUserDocument = new TypedDocumentString(`
    mutation ConsoleCreateUser($input: CreateUserInput!) {
  admin {
    createUser(input: $input) {
      __typename
      ... on User {
        id
      }
      ... on PasswordRejectedError {
        rules
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateUserMutation, ConsoleCreateUserMutationVariables>;
export const ConsoleDeleteUserDocument = new TypedDocumentString(`
    mutation ConsoleDeleteUser($id: ID!, $immediately: Boolean) {
  admin {
    deleteUser(id: $id, immediately: $immediately) {
      __typename
      ... on User {
        id
        deletionScheduledAt
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeleteUserMutation, ConsoleDeleteUserMutationVariables>;
export const ConsoleCancelUserDeletionDocument = new TypedDocumentString(`
    mutation ConsoleCancelUserDeletion($id: ID!) {
  admin {
    cancelUserDeletion(id: $id) {
      __typename
      ... on User {
        id
        deletionScheduledAt
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCancelUserDeletionMutation, ConsoleCancelUserDeletionMutationVariables>;
export const ConsoleUpdateUserDocument = new TypedDocumentString(`
    mutation ConsoleUpdateUser($id: ID!, $input: UpdateUserInput!) {
  admin {
    updateUser(id: $id, input: $input) {
      __typename
      ... on User {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateUserMutation, ConsoleUpdateUserMutationVariables>;
export const ConsoleSetRolesDocument = new TypedDocumentString(`
    mutation ConsoleSetRoles($id: ID!, $roles: [String!]!) {
  admin {
    setUserRoles(id: $id, roles: $roles) {
      __typename
      ... on User {
        id
        roles
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetRolesMutation, ConsoleSetRolesMutationVariables>;
export const ConsoleRevokeTokenDocument = new TypedDocumentString(`
    mutation ConsoleRevokeToken($id: ID!) {
  admin {
    revokePersonalAccessToken(id: $id) {
      __typename
      ... on PersonalAccessToken {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRevokeTokenMutation, ConsoleRevokeTokenMutationVariables>;
export const ConsoleUnlinkDocument = new TypedDocumentString(`
    mutation ConsoleUnlink($input: UnlinkUserIdentityInput!) {
  admin {
    unlinkUserIdentity(input: $input) {
      __typename
      ... on User {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUnlinkMutation, ConsoleUnlinkMutationVariables>;
export const ConsoleCreateTokenDocument = new TypedDocumentString(`
    mutation ConsoleCreateToken($userId: ID!, $name: String!, $expiresAt: DateTime) {
  admin {
    createPersonalAccessToken(userId: $userId, name: $name, expiresAt: $expiresAt) {
      __typename
      ... on PersonalAccessTokenSecret {
        token
        personalAccessToken {
          id
          name
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateTokenMutation, ConsoleCreateTokenMutationVariables>;
export const ConsoleUserDocument = new TypedDocumentString(`
    query ConsoleUser($id: ID!, $audit: Boolean!) {
  admin {
    user(id: $id) {
      id
      username
      primaryEmail
      primaryPhone
      name
      avatar
      roles
      isSuspended
      deletionScheduledAt
      hasPassword
      createdAt
      updatedAt
      lastSignInAt
      mfaFactors {
        id
        type
        name
        createdAt
        lastUsedAt
        remainingCodes
      }
      identities {
        provider
        providerName
        subject
        email
        linkedAt
        lastSignInAt
      }
      sessions(first: 50) {
        totalCount
        edges {
          node {
            id
            ip
            userAgent
            createdAt
            lastActiveAt
            impersonated
          }
        }
      }
      personalAccessTokens(first: 50) {
        totalCount
        edges {
          node {
            id
            name
            createdAt
            expiresAt
            lastUsedAt
          }
        }
      }
      auditEvents(first: 20) @include(if: $audit) {
        edges {
          node {
            id
            action
            actorId
            userId
            at
            ip
            details
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUserQuery, ConsoleUserQueryVariables>;
export const ConsoleUsersDocument = new TypedDocumentString(`
    query ConsoleUsers($first: Int, $after: String, $last: Int, $before: String, $search: String, $filter: UserFilter, $orderBy: UserOrder) {
  identityProviders {
    key
    name
  }
  admin {
    users(
      first: $first
      after: $after
      last: $last
      before: $before
      search: $search
      filter: $filter
      orderBy: $orderBy
    ) {
      totalCount
      totalCountCapped
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          primaryEmail
          username
          primaryPhone
          name
          isSuspended
          deletionScheduledAt
          roles
          createdAt
          lastSignInAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleUsersQuery, ConsoleUsersQueryVariables>;
export const ConsoleRedeliverDocument = new TypedDocumentString(`
    mutation ConsoleRedeliver($id: ID!) {
  admin {
    redeliverWebhook(deliveryId: $id) {
      __typename
      ... on WebhookDelivery {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRedeliverMutation, ConsoleRedeliverMutationVariables>;
export const ConsoleTestWebhookDocument = new TypedDocumentString(`
    mutation ConsoleTestWebhook($id: ID!) {
  admin {
    testWebhook(id: $id) {
      __typename
      ... on WebhookDelivery {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleTestWebhookMutation, ConsoleTestWebhookMutationVariables>;
export const ConsoleRotateWebhookDocument = new TypedDocumentString(`
    mutation ConsoleRotateWebhook($id: ID!) {
  admin {
    rotateWebhookSecret(id: $id) {
      __typename
      ... on WebhookSecret {
        signingSecret
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleRotateWebhookMutation, ConsoleRotateWebhookMutationVariables>;
export const ConsoleDeleteWebhookDocument = new TypedDocumentString(`
    mutation ConsoleDeleteWebhook($id: ID!) {
  admin {
    deleteWebhook(id: $id) {
      __typename
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeleteWebhookMutation, ConsoleDeleteWebhookMutationVariables>;
export const ConsoleWebhooksDocument = new TypedDocumentString(`
    query ConsoleWebhooks {
  eventTypes {
    type
    label
  }
  admin {
    webhooks(first: 10) {
      edges {
        node {
          id
          name
          url
          events
          enabled
          createdAt
          deliveries(first: 5) {
            totalCount
            edges {
              node {
                id
                eventType
                status
                attempts
                lastStatusCode
                lastError
                createdAt
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleWebhooksQuery, ConsoleWebhooksQueryVariables>;
export const ConsoleCreateWebhookDocument = new TypedDocumentString(`
    mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {
  admin {
    createWebhook(input: $input) {
      __typename
      ... on WebhookSecret {
        signingSecret
        webhook {
          id
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateWebhookMutation, ConsoleCreateWebhookMutationVariables>;