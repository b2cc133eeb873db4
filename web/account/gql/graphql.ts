/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type CreatePersonalAccessTokenInput = {
  /** Never expires when left out. */
  expiresAt?: string | null | undefined;
  name: string;
  verificationId: string | number;
};

export type EnrollTotpInput = {
  /** The current 6-digit code from the authenticator app. */
  code: string;
  /** The secret from generateTotpSecret. */
  secret: string;
  verificationId: string | number;
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
  | 'SIGN_UP_DISABLED'
  | 'TOO_MANY_ATTEMPTS'
  | 'VERIFICATION_NOT_FOUND'
  | 'VERIFICATION_REQUIRED';

export type FinishPasskeyRegistrationInput = {
  challengeId: string | number;
  /** The RegistrationResponseJSON from navigator.credentials.create. */
  credential: Record<string, unknown>;
  /** A label such as "MacBook Touch ID" (1–64 characters); default "Passkey N". */
  name?: string | null | undefined;
};

export type FinishSocialLinkInput = {
  code: string;
  /** The `iss` the provider returned, when it did (RFC 9207). */
  iss?: string | null | undefined;
  state: string;
};

export type IdentityProviderType =
  /** Plain OAuth 2.0 (GitHub-style): authorization, token and userinfo endpoints. */
  | 'OAUTH2'
  /** OpenID Connect: endpoints from the issuer’s discovery document, ID token verified against its JWKS. */
  | 'OIDC';

export type MfaFactorType =
  | 'BACKUP_CODE'
  | 'TOTP'
  | 'WEBAUTHN';

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

export type RemoveIdentityInput = {
  provider: string;
  verificationId: string | number;
};

export type RemoveMfaFactorInput = {
  id: string | number;
  verificationId: string | number;
};

export type RenamePasskeyInput = {
  id: string | number;
  name: string;
};

export type ReportSignInInput = {
  /** The token of the "This was not me" link (/account/report?token=…). */
  token: string;
};

export type RevertEmailChangeInput = {
  /** The token of the undo link (/account/revert-email?token=…). */
  token: string;
};

export type SetPasswordInput = {
  newPassword: string;
  /** Needed when the account already has a password, email or phone. */
  verificationId?: string | number | null | undefined;
};

export type SetPrimaryEmailInput = {
  email: string;
  /** A verified code record for exactly this email. */
  newIdentifierVerificationId: string | number;
  /** Identity proof (verifyPassword, or a code to a current address). */
  verificationId: string | number;
};

export type SetPrimaryPhoneInput = {
  /** A verified code record for exactly this phone. */
  newIdentifierVerificationId: string | number;
  /** International format; stored as E.164. */
  phone: string;
  /** Identity proof (verifyPassword, or a code to a current address). */
  verificationId: string | number;
};

export type SignUpInput = {
  email?: string | null | undefined;
  name?: string | null | undefined;
  password: string;
  phone?: string | null | undefined;
  username?: string | null | undefined;
};

export type StartSocialLinkInput = {
  provider: string;
  redirectUri: string;
  /** Identity proof (verifyPassword, or a code to a current address). */
  verificationId: string | number;
};

/** Fields left out keep their value; null clears name, avatar or a profile claim. */
export type UpdateProfileInput = {
  /** An http(s) URL. */
  avatar?: string | null | undefined;
  /** Replaces the whole object. */
  customData?: Record<string, unknown> | null | undefined;
  name?: string | null | undefined;
  /** Merged into the current claims. */
  profile?: ProfileInput | null | undefined;
  /** Needs `verificationId` when it changes. */
  username?: string | null | undefined;
  verificationId?: string | number | null | undefined;
};

export type ReportSignInMutationVariables = Exact<{
  input: ReportSignInInput;
}>;


export type ReportSignInMutation = { reportSignIn:
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'ReportSignInPayload', revokedSessions: number, forgottenDevices: number }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type RevertEmailChangeMutationVariables = Exact<{
  input: RevertEmailChangeInput;
}>;


export type RevertEmailChangeMutation = { revertEmailChange:
    | { __typename: 'EmailChangeRevertedPayload', email: string }
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type AccountCenterQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountCenterQuery = { accountCenter: { enabled: boolean, signUpEnabled: boolean, fields: { name: AccountFieldMode, avatar: AccountFieldMode, profile: AccountFieldMode, username: AccountFieldMode, email: AccountFieldMode, phone: AccountFieldMode, password: AccountFieldMode, customData: AccountFieldMode, social: AccountFieldMode, mfa: AccountFieldMode, passkey: AccountFieldMode, sessions: AccountFieldMode, personalAccessTokens: AccountFieldMode, securityActivity: AccountFieldMode, trustedDevices: AccountFieldMode } }, passwordPolicy: { minLength: number }, identityProviders: Array<{ key: string, name: string, type: IdentityProviderType }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string | null, primaryEmail: string | null, emailVerified: boolean, primaryPhone: string | null, phoneVerified: boolean, name: string | null, avatar: string | null, customData: Record<string, unknown>, hasPassword: boolean, createdAt: string, lastSignInAt: string | null, profile: { givenName: string | null, familyName: string | null, middleName: string | null, nickname: string | null, preferredUsername: string | null, website: string | null, gender: string | null, birthdate: string | null, zoneinfo: string | null, locale: string | null }, mfaFactors: Array<{ id: string, type: MfaFactorType, name: string | null, createdAt: string, lastUsedAt: string | null, remainingCodes: number, credentialId: string | null }>, identities: Array<{ provider: string, subject: string, email: string | null, name: string | null, linkedAt: string, lastSignInAt: string | null }>, sessions: { totalCount: number, edges: Array<{ node: { id: string, current: boolean, impersonated: boolean, createdAt: string, lastActiveAt: string, expiresAt: string, ip: string | null, userAgent: string | null } }> }, personalAccessTokens: { totalCount: number, edges: Array<{ node: { id: string, name: string, createdAt: string, expiresAt: string | null, lastUsedAt: string | null } }> }, trustedDevices: { totalCount: number, edges: Array<{ node: { id: string, name: string, createdAt: string, lastUsedAt: string | null, expiresAt: string } }> } } | null };

export type SecurityEventsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type SecurityEventsQuery = { me: { securityEvents: { edges: Array<{ node: { id: string, type: string, at: string, ip: string | null, userAgent: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type EventTypesQueryVariables = Exact<{ [key: string]: never; }>;


export type EventTypesQuery = { eventTypes: Array<{ type: string, label: string }> };

export type DeleteAccountMutationVariables = Exact<{
  verificationId: string | number;
}>;


export type DeleteAccountMutation = { me: { deleteAccount:
      | { __typename: 'DeleteAccountPayload', deletedUserId: string }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type RevokeTrustedDeviceMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeTrustedDeviceMutation = { me: { revokeTrustedDevice:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'TrustedDevice', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type RevokeTrustedDevicesMutationVariables = Exact<{ [key: string]: never; }>;


export type RevokeTrustedDevicesMutation = { me: { revokeTrustedDevices:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'RevokeTrustedDevicesPayload', revokedCount: number }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ExportDataQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportDataQuery = { me: { exportData: Record<string, unknown> } | null };

export type SetPrimaryEmailMutationVariables = Exact<{
  input: SetPrimaryEmailInput;
}>;


export type SetPrimaryEmailMutation = { me: { setPrimaryEmail:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type SetPrimaryPhoneMutationVariables = Exact<{
  input: SetPrimaryPhoneInput;
}>;


export type SetPrimaryPhoneMutation = { me: { setPrimaryPhone:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type RemovePrimaryEmailMutationVariables = Exact<{
  verificationId: string | number;
}>;


export type RemovePrimaryEmailMutation = { me: { removePrimaryEmail:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type RemovePrimaryPhoneMutationVariables = Exact<{
  verificationId: string | number;
}>;


export type RemovePrimaryPhoneMutation = { me: { removePrimaryPhone:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type GenerateTotpSecretMutationVariables = Exact<{ [key: string]: never; }>;


export type GenerateTotpSecretMutation = { me: { generateTotpSecret:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'TotpSecret', secret: string, otpauthUri: string, qrCode: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type EnrollTotpMutationVariables = Exact<{
  input: EnrollTotpInput;
}>;


export type EnrollTotpMutation = { me: { enrollTotp:
      | { __typename: 'MfaFactor', id: string }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type GenerateBackupCodesMutationVariables = Exact<{
  verificationId: string | number;
}>;


export type GenerateBackupCodesMutation = { me: { generateBackupCodes:
      | { __typename: 'BackupCodes', codes: Array<string> }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type RemoveMfaFactorMutationVariables = Exact<{
  input: RemoveMfaFactorInput;
}>;


export type RemoveMfaFactorMutation = { me: { removeMfaFactor:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type StartPasskeyRegistrationMutationVariables = Exact<{
  verificationId: string | number;
}>;


export type StartPasskeyRegistrationMutation = { me: { startPasskeyRegistration:
      | { __typename: 'PasskeyChallenge', challengeId: string, options: Record<string, unknown> }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type FinishPasskeyRegistrationMutationVariables = Exact<{
  input: FinishPasskeyRegistrationInput;
}>;


export type FinishPasskeyRegistrationMutation = { me: { finishPasskeyRegistration:
      | { __typename: 'MfaFactor', id: string }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type RenamePasskeyMutationVariables = Exact<{
  input: RenamePasskeyInput;
}>;


export type RenamePasskeyMutation = { me: { renamePasskey:
      | { __typename: 'MfaFactor', id: string }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type SetPasswordMutationVariables = Exact<{
  input: SetPasswordInput;
}>;


export type SetPasswordMutation = { me: { setPassword:
      | { __typename: 'PasswordRejectedError', rules: Array<string>, code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { me: { updateProfile:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type RevokeSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeSessionMutation = { me: { revokeSession:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'RevokeSessionsPayload', revokedCount: number }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type RevokeOtherSessionsMutationVariables = Exact<{ [key: string]: never; }>;


export type RevokeOtherSessionsMutation = { me: { revokeOtherSessions:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'RevokeSessionsPayload', revokedCount: number }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type StartSocialLinkMutationVariables = Exact<{
  input: StartSocialLinkInput;
}>;


export type StartSocialLinkMutation = { me: { startSocialLink:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'SocialAuthorization', authorizationUrl: string, state: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type FinishSocialLinkMutationVariables = Exact<{
  input: FinishSocialLinkInput;
}>;


export type FinishSocialLinkMutation = { me: { finishSocialLink:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'UserIdentity', provider: string }
     } };

export type RemoveIdentityMutationVariables = Exact<{
  input: RemoveIdentityInput;
}>;


export type RemoveIdentityMutation = { me: { removeIdentity:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'User', id: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type CreatePersonalAccessTokenMutationVariables = Exact<{
  input: CreatePersonalAccessTokenInput;
}>;


export type CreatePersonalAccessTokenMutation = { me: { createPersonalAccessToken:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'PersonalAccessTokenSecret', token: string, personalAccessToken: { id: string, name: string } }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type RevokePersonalAccessTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokePersonalAccessTokenMutation = { me: { revokePersonalAccessToken:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'PersonalAccessToken', id: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp:
    | { __typename: 'PasswordRejectedError', rules: Array<string>, code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'TokenSet', accessToken: string, refreshToken: string | null, expiresIn: number, scope: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

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

export const ReportSignInDocument = new TypedDocumentString(`
    mutation ReportSignIn($input: ReportSignInInput!) {
  reportSignIn(input: $input) {
    __typename
    ... on ReportSignInPayload {
      revokedSessions
      forgottenDevices
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReportSignInMutation, ReportSignInMutationVariables>;
export const RevertEmailChangeDocument = new TypedDocumentString(`
    mutation RevertEmailChange($input: RevertEmailChangeInput!) {
  revertEmailChange(input: $input) {
    __typename
    ... on EmailChangeRevertedPayload {
      email
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevertEmailChangeMutation, RevertEmailChangeMutationVariables>;
export const AccountCenterDocument = new TypedDocumentString(`
    query AccountCenter {
  accountCenter {
    enabled
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
  passwordPolicy {
    minLength
  }
  identityProviders {
    key
    name
    type
  }
}
    `) as unknown as TypedDocumentString<AccountCenterQuery, AccountCenterQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    primaryEmail
    emailVerified
    primaryPhone
    phoneVerified
    name
    avatar
    customData
    hasPassword
    createdAt
    lastSignInAt
    profile {
      givenName
      familyName
      middleName
      nickname
      preferredUsername
      website
      gender
      birthdate
      zoneinfo
      locale
    }
    mfaFactors {
      id
      type
      name
      createdAt
      lastUsedAt
      remainingCodes
      credentialId
    }
    identities {
      provider
      subject
      email
      name
      linkedAt
      lastSignInAt
    }
    sessions(first: 50) {
      totalCount
      edges {
        node {
          id
          current
          impersonated
          createdAt
          lastActiveAt
          expiresAt
          ip
          userAgent
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
    trustedDevices(first: 50) {
      totalCount
      edges {
        node {
          id
          name
          createdAt
          lastUsedAt
          expiresAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SecurityEventsDocument = new TypedDocumentString(`
    query SecurityEvents($after: String) {
  me {
    securityEvents(first: 20, after: $after) {
      edges {
        node {
          id
          type
          at
          ip
          userAgent
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SecurityEventsQuery, SecurityEventsQueryVariables>;
export const EventTypesDocument = new TypedDocumentString(`
    query EventTypes {
  eventTypes {
    type
    label
  }
}
    `) as unknown as TypedDocumentString<EventTypesQuery, EventTypesQueryVariables>;
export const DeleteAccountDocument = new TypedDocumentString(`
    mutation DeleteAccount($verificationId: ID!) {
  me {
    deleteAccount(verificationId: $verificationId) {
      __typename
      ... on DeleteAccountPayload {
        deletedUserId
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteAccountMutation, DeleteAccountMutationVariables>;
export const RevokeTrustedDeviceDocument = new TypedDocumentString(`
    mutation RevokeTrustedDevice($id: ID!) {
  me {
    revokeTrustedDevice(id: $id) {
      __typename
      ... on TrustedDevice {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeTrustedDeviceMutation, RevokeTrustedDeviceMutationVariables>;
export const RevokeTrustedDevicesDocument = new TypedDocumentString(`
    mutation RevokeTrustedDevices {
  me {
    revokeTrustedDevices {
      __typename
      ... on RevokeTrustedDevicesPayload {
        revokedCount
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeTrustedDevicesMutation, RevokeTrustedDevicesMutationVariables>;
export const ExportDataDocument = new TypedDocumentString(`
    query ExportData {
  me {
    exportData
  }
}
    `) as unknown as TypedDocumentString<ExportDataQuery, ExportDataQueryVariables>;
export const SetPrimaryEmailDocument = new TypedDocumentString(`
    mutation SetPrimaryEmail($input: SetPrimaryEmailInput!) {
  me {
    setPrimaryEmail(input: $input) {
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
    `) as unknown as TypedDocumentString<SetPrimaryEmailMutation, SetPrimaryEmailMutationVariables>;
export const SetPrimaryPhoneDocument = new TypedDocumentString(`
    mutation SetPrimaryPhone($input: SetPrimaryPhoneInput!) {
  me {
    setPrimaryPhone(input: $input) {
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
    `) as unknown as TypedDocumentString<SetPrimaryPhoneMutation, SetPrimaryPhoneMutationVariables>;
export const RemovePrimaryEmailDocument = new TypedDocumentString(`
    mutation RemovePrimaryEmail($verificationId: ID!) {
  me {
    removePrimaryEmail(verificationId: $verificationId) {
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
    `) as unknown as TypedDocumentString<RemovePrimaryEmailMutation, RemovePrimaryEmailMutationVariables>;
export const RemovePrimaryPhoneDocument = new TypedDocumentString(`
    mutation RemovePrimaryPhone($verificationId: ID!) {
  me {
    removePrimaryPhone(verificationId: $verificationId) {
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
    `) as unknown as TypedDocumentString<RemovePrimaryPhoneMutation, RemovePrimaryPhoneMutationVariables>;
export const GenerateTotpSecretDocument = new TypedDocumentString(`
    mutation GenerateTotpSecret {
  me {
    generateTotpSecret {
      __typename
      ... on TotpSecret {
        secret
        otpauthUri
        qrCode
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GenerateTotpSecretMutation, GenerateTotpSecretMutationVariables>;
export const EnrollTotpDocument = new TypedDocumentString(`
    mutation EnrollTotp($input: EnrollTotpInput!) {
  me {
    enrollTotp(input: $input) {
      __typename
      ... on MfaFactor {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EnrollTotpMutation, EnrollTotpMutationVariables>;
export const GenerateBackupCodesDocument = new TypedDocumentString(`
    mutation GenerateBackupCodes($verificationId: ID!) {
  me {
    generateBackupCodes(verificationId: $verificationId) {
      __typename
      ... on BackupCodes {
        codes
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GenerateBackupCodesMutation, GenerateBackupCodesMutationVariables>;
export const RemoveMfaFactorDocument = new TypedDocumentString(`
    mutation RemoveMfaFactor($input: RemoveMfaFactorInput!) {
  me {
    removeMfaFactor(input: $input) {
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
    `) as unknown as TypedDocumentString<RemoveMfaFactorMutation, RemoveMfaFactorMutationVariables>;
export const StartPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation StartPasskeyRegistration($verificationId: ID!) {
  me {
    startPasskeyRegistration(verificationId: $verificationId) {
      __typename
      ... on PasskeyChallenge {
        challengeId
        options
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StartPasskeyRegistrationMutation, StartPasskeyRegistrationMutationVariables>;
export const FinishPasskeyRegistrationDocument = new TypedDocumentString(`
    mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {
  me {
    finishPasskeyRegistration(input: $input) {
      __typename
      ... on MfaFactor {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FinishPasskeyRegistrationMutation, FinishPasskeyRegistrationMutationVariables>;
export const RenamePasskeyDocument = new TypedDocumentString(`
    mutation RenamePasskey($input: RenamePasskeyInput!) {
  me {
    renamePasskey(input: $input) {
      __typename
      ... on MfaFactor {
        id
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RenamePasskeyMutation, RenamePasskeyMutationVariables>;
export const SetPasswordDocument = new TypedDocumentString(`
    mutation SetPassword($input: SetPasswordInput!) {
  me {
    setPassword(input: $input) {
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
    `) as unknown as TypedDocumentString<SetPasswordMutation, SetPasswordMutationVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($input: UpdateProfileInput!) {
  me {
    updateProfile(input: $input) {
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
    `) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: ID!) {
  me {
    revokeSession(id: $id) {
      __typename
      ... on RevokeSessionsPayload {
        revokedCount
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const RevokeOtherSessionsDocument = new TypedDocumentString(`
    mutation RevokeOtherSessions {
  me {
    revokeOtherSessions {
      __typename
      ... on RevokeSessionsPayload {
        revokedCount
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeOtherSessionsMutation, RevokeOtherSessionsMutationVariables>;
export const StartSocialLinkDocument = new TypedDocumentString(`
    mutation StartSocialLink($input: StartSocialLinkInput!) {
  me {
    startSocialLink(input: $input) {
      __typename
      ... on SocialAuthorization {
        authorizationUrl
        state
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StartSocialLinkMutation, StartSocialLinkMutationVariables>;
export const FinishSocialLinkDocument = new TypedDocumentString(`
    mutation FinishSocialLink($input: FinishSocialLinkInput!) {
  me {
    finishSocialLink(input: $input) {
      __typename
      ... on UserIdentity {
        provider
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FinishSocialLinkMutation, FinishSocialLinkMutationVariables>;
export const RemoveIdentityDocument = new TypedDocumentString(`
    mutation RemoveIdentity($input: RemoveIdentityInput!) {
  me {
    removeIdentity(input: $input) {
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
    `) as unknown as TypedDocumentString<RemoveIdentityMutation, RemoveIdentityMutationVariables>;
export const CreatePersonalAccessTokenDocument = new TypedDocumentString(`
    mutation CreatePersonalAccessToken($input: CreatePersonalAccessTokenInput!) {
  me {
    createPersonalAccessToken(input: $input) {
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
    `) as unknown as TypedDocumentString<CreatePersonalAccessTokenMutation, CreatePersonalAccessTokenMutationVariables>;
export const RevokePersonalAccessTokenDocument = new TypedDocumentString(`
    mutation RevokePersonalAccessToken($id: ID!) {
  me {
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
    `) as unknown as TypedDocumentString<RevokePersonalAccessTokenMutation, RevokePersonalAccessTokenMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on TokenSet {
      accessToken
      refreshToken
      expiresIn
      scope
    }
    ... on PasswordRejectedError {
      rules
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;