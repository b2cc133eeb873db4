/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where a code went: the account's email or its phone. */
export type ChallengeChannel =
  | 'EMAIL'
  | 'SMS';

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

export type FinishCodeSignInInput = {
  challengeId: string;
  code: string;
};

export type FinishLinkSignInInput = {
  token: string;
};

export type FinishSocialSignInInput = {
  /** The authorization `code` the provider returned. */
  code: string;
  /** The `iss` the provider returned, when it did (RFC 9207): checked against the provider. */
  iss?: string | null | undefined;
  /** The `state` the provider returned (and startSocialSignIn gave). */
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

export type PasskeyAssertionInput = {
  challengeId: string | number;
  /** The AuthenticationResponseJSON from navigator.credentials.get. */
  credential: Record<string, unknown>;
};

export type ResetPasswordInput = {
  challengeId: string;
  code: string;
  newPassword: string;
};

export type RestoreAccountInput = {
  /** From AccountPendingDeletionError. */
  restoreToken: string;
};

/** Exactly one of email or phone. */
export type SendVerificationCodeInput = {
  email?: string | null | undefined;
  phone?: string | null | undefined;
};

export type SignInInput = {
  /** From TokenSet.deviceToken of an earlier verifySignIn with trustDevice: skips the second factor. */
  deviceToken?: string | null | undefined;
  /** Username, email or phone. */
  identifier: string;
  password: string;
};

export type StartAccountRecoveryInput = {
  /** Username, email or phone. */
  identifier: string;
};

export type StartCodeSignInInput = {
  /** Username, email or phone. */
  identifier: string;
};

export type StartLinkSignInInput = {
  email: string;
  /** Where the link points (with ?token=…): on SIGN_IN_REDIRECT_ORIGINS. */
  redirectUri: string;
};

export type StartSocialSignInInput = {
  /** The identity provider’s key (Query.identityProviders). */
  provider: string;
  /** Where the provider sends the browser back; registered at the provider. */
  redirectUri: string;
};

export type VerifyCodeInput = {
  code: string;
  verificationId: string | number;
};

export type VerifySignInInput = {
  /** One of the backup codes (each works once). */
  backupCode?: string | null | undefined;
  /** From the MfaChallenge that signIn returned. */
  mfaToken: string;
  /** The assertion for a startMfaPasskey challenge. */
  passkey?: PasskeyAssertionInput | null | undefined;
  /** The 6-digit code of the authenticator app. */
  totpCode?: string | null | undefined;
  /** Remember this device (TRUSTED_DEVICE_DAYS): the TokenSet carries a deviceToken for later sign-ins. */
  trustDevice?: boolean | null | undefined;
};

export type IdentityProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type IdentityProvidersQuery = { identityProviders: Array<{ key: string, name: string, type: IdentityProviderType }> };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn:
    | { __typename: 'AccountPendingDeletionError', restoreToken: string, deletionScheduledAt: string, code: ErrorCode, message: string }
    | { __typename: 'MfaChallenge', mfaToken: string, factors: Array<MfaFactorType> }
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'TokenSet', accessToken: string, refreshToken: string | null, expiresIn: number, scope: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type RestoreAccountMutationVariables = Exact<{
  input: RestoreAccountInput;
}>;


export type RestoreAccountMutation = { restoreAccount:
    | { __typename: 'AccountRestoredPayload', userId: string }
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type VerifySignInMutationVariables = Exact<{
  input: VerifySignInInput;
}>;


export type VerifySignInMutation = { verifySignIn:
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'TokenSet', accessToken: string, refreshToken: string | null, expiresIn: number, scope: string, deviceToken: string | null }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut:
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'SignOutPayload' }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type StartPasskeySignInMutationVariables = Exact<{ [key: string]: never; }>;


export type StartPasskeySignInMutation = { startPasskeySignIn:
    | { __typename: 'PasskeyChallenge', challengeId: string, options: Record<string, unknown> }
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type FinishPasskeySignInMutationVariables = Exact<{
  input: PasskeyAssertionInput;
}>;


export type FinishPasskeySignInMutation = { finishPasskeySignIn:
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'TokenSet', accessToken: string, refreshToken: string | null, expiresIn: number, scope: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type StartMfaPasskeyMutationVariables = Exact<{
  mfaToken: string;
}>;


export type StartMfaPasskeyMutation = { startMfaPasskey:
    | { __typename: 'PasskeyChallenge', challengeId: string, options: Record<string, unknown> }
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type StartSocialSignInMutationVariables = Exact<{
  input: StartSocialSignInInput;
}>;


export type StartSocialSignInMutation = { startSocialSignIn:
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'SocialAuthorization', authorizationUrl: string, state: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type FinishSocialSignInMutationVariables = Exact<{
  input: FinishSocialSignInInput;
}>;


export type FinishSocialSignInMutation = { finishSocialSignIn:
    | { __typename: 'AccountPendingDeletionError', code: ErrorCode, message: string }
    | { __typename: 'MfaChallenge', mfaToken: string, factors: Array<MfaFactorType> }
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'TokenSet', accessToken: string, refreshToken: string | null, expiresIn: number, scope: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type SignInMethodsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInMethodsQuery = { signInMethods: { password: boolean, passkey: boolean, social: boolean, emailCode: boolean, smsCode: boolean, magicLink: boolean } };

export type StartAccountRecoveryMutationVariables = Exact<{
  input: StartAccountRecoveryInput;
}>;


export type StartAccountRecoveryMutation = { startAccountRecovery:
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'RecoveryChallenge', challengeId: string, channel: ChallengeChannel }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword:
    | { __typename: 'AccountPendingDeletionError', code: ErrorCode, message: string }
    | { __typename: 'MfaChallenge', mfaToken: string, factors: Array<MfaFactorType> }
    | { __typename: 'PasswordRejectedError', rules: Array<string>, code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'TokenSet', accessToken: string, refreshToken: string | null, expiresIn: number, scope: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type StartCodeSignInMutationVariables = Exact<{
  input: StartCodeSignInInput;
}>;


export type StartCodeSignInMutation = { startCodeSignIn:
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
    | { __typename: 'SignInCodeChallenge', challengeId: string, channel: ChallengeChannel }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type FinishCodeSignInMutationVariables = Exact<{
  input: FinishCodeSignInInput;
}>;


export type FinishCodeSignInMutation = { finishCodeSignIn:
    | { __typename: 'AccountPendingDeletionError', code: ErrorCode, message: string }
    | { __typename: 'MfaChallenge', mfaToken: string, factors: Array<MfaFactorType> }
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'TokenSet', accessToken: string, refreshToken: string | null, expiresIn: number, scope: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type StartLinkSignInMutationVariables = Exact<{
  input: StartLinkSignInInput;
}>;


export type StartLinkSignInMutation = { startLinkSignIn:
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'SignInLinkSent', expiresAt: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type FinishLinkSignInMutationVariables = Exact<{
  input: FinishLinkSignInInput;
}>;


export type FinishLinkSignInMutation = { finishLinkSignIn:
    | { __typename: 'AccountPendingDeletionError', code: ErrorCode, message: string }
    | { __typename: 'MfaChallenge', mfaToken: string, factors: Array<MfaFactorType> }
    | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
    | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
    | { __typename: 'TokenSet', accessToken: string, refreshToken: string | null, expiresIn: number, scope: string }
    | { __typename: 'UserError', code: ErrorCode, message: string }
   };

export type ProofPasswordMutationVariables = Exact<{
  password: string;
}>;


export type ProofPasswordMutation = { me: { verifyPassword:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'VerificationRecord', id: string, expiresAt: string, verified: boolean }
     } };

export type ProofTotpMutationVariables = Exact<{
  code: string;
}>;


export type ProofTotpMutation = { me: { verifyTotp:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'VerificationRecord', id: string, expiresAt: string, verified: boolean }
     } };

export type ProofStartPasskeyMutationVariables = Exact<{ [key: string]: never; }>;


export type ProofStartPasskeyMutation = { me: { startPasskeyVerification:
      | { __typename: 'PasskeyChallenge', challengeId: string, options: Record<string, unknown> }
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
     } };

export type ProofPasskeyMutationVariables = Exact<{
  input: PasskeyAssertionInput;
}>;


export type ProofPasskeyMutation = { me: { verifyPasskey:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'VerificationRecord', id: string, expiresAt: string, verified: boolean }
     } };

export type SendVerificationCodeMutationVariables = Exact<{
  input: SendVerificationCodeInput;
}>;


export type SendVerificationCodeMutation = { me: { sendVerificationCode:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', retryAfterSeconds: number, code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'VerificationRecord', id: string, expiresAt: string, verified: boolean }
     } };

export type VerifyCodeMutationVariables = Exact<{
  input: VerifyCodeInput;
}>;


export type VerifyCodeMutation = { me: { verifyCode:
      | { __typename: 'PasswordRejectedError', code: ErrorCode, message: string }
      | { __typename: 'RateLimitedError', code: ErrorCode, message: string }
      | { __typename: 'UserError', code: ErrorCode, message: string }
      | { __typename: 'VerificationRecord', id: string, expiresAt: string, verified: boolean }
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

export const IdentityProvidersDocument = new TypedDocumentString(`
    query IdentityProviders {
  identityProviders {
    key
    name
    type
  }
}
    `) as unknown as TypedDocumentString<IdentityProvidersQuery, IdentityProvidersQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    __typename
    ... on TokenSet {
      accessToken
      refreshToken
      expiresIn
      scope
    }
    ... on MfaChallenge {
      mfaToken
      factors
    }
    ... on RateLimitedError {
      retryAfterSeconds
    }
    ... on AccountPendingDeletionError {
      restoreToken
      deletionScheduledAt
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const RestoreAccountDocument = new TypedDocumentString(`
    mutation RestoreAccount($input: RestoreAccountInput!) {
  restoreAccount(input: $input) {
    __typename
    ... on AccountRestoredPayload {
      userId
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RestoreAccountMutation, RestoreAccountMutationVariables>;
export const VerifySignInDocument = new TypedDocumentString(`
    mutation VerifySignIn($input: VerifySignInInput!) {
  verifySignIn(input: $input) {
    __typename
    ... on TokenSet {
      accessToken
      refreshToken
      expiresIn
      scope
      deviceToken
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
    `) as unknown as TypedDocumentString<VerifySignInMutation, VerifySignInMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const StartPasskeySignInDocument = new TypedDocumentString(`
    mutation StartPasskeySignIn {
  startPasskeySignIn(input: {}) {
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
    `) as unknown as TypedDocumentString<StartPasskeySignInMutation, StartPasskeySignInMutationVariables>;
export const FinishPasskeySignInDocument = new TypedDocumentString(`
    mutation FinishPasskeySignIn($input: PasskeyAssertionInput!) {
  finishPasskeySignIn(input: $input) {
    __typename
    ... on TokenSet {
      accessToken
      refreshToken
      expiresIn
      scope
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<FinishPasskeySignInMutation, FinishPasskeySignInMutationVariables>;
export const StartMfaPasskeyDocument = new TypedDocumentString(`
    mutation StartMfaPasskey($mfaToken: String!) {
  startMfaPasskey(mfaToken: $mfaToken) {
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
    `) as unknown as TypedDocumentString<StartMfaPasskeyMutation, StartMfaPasskeyMutationVariables>;
export const StartSocialSignInDocument = new TypedDocumentString(`
    mutation StartSocialSignIn($input: StartSocialSignInInput!) {
  startSocialSignIn(input: $input) {
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
    `) as unknown as TypedDocumentString<StartSocialSignInMutation, StartSocialSignInMutationVariables>;
export const FinishSocialSignInDocument = new TypedDocumentString(`
    mutation FinishSocialSignIn($input: FinishSocialSignInInput!) {
  finishSocialSignIn(input: $input) {
    __typename
    ... on TokenSet {
      accessToken
      refreshToken
      expiresIn
      scope
    }
    ... on MfaChallenge {
      mfaToken
      factors
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<FinishSocialSignInMutation, FinishSocialSignInMutationVariables>;
export const SignInMethodsDocument = new TypedDocumentString(`
    query SignInMethods {
  signInMethods {
    password
    passkey
    social
    emailCode
    smsCode
    magicLink
  }
}
    `) as unknown as TypedDocumentString<SignInMethodsQuery, SignInMethodsQueryVariables>;
export const StartAccountRecoveryDocument = new TypedDocumentString(`
    mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {
  startAccountRecovery(input: $input) {
    __typename
    ... on RecoveryChallenge {
      challengeId
      channel
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
    `) as unknown as TypedDocumentString<StartAccountRecoveryMutation, StartAccountRecoveryMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    __typename
    ... on TokenSet {
      accessToken
      refreshToken
      expiresIn
      scope
    }
    ... on MfaChallenge {
      mfaToken
      factors
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
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const StartCodeSignInDocument = new TypedDocumentString(`
    mutation StartCodeSignIn($input: StartCodeSignInInput!) {
  startCodeSignIn(input: $input) {
    __typename
    ... on SignInCodeChallenge {
      challengeId
      channel
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
    `) as unknown as TypedDocumentString<StartCodeSignInMutation, StartCodeSignInMutationVariables>;
export const FinishCodeSignInDocument = new TypedDocumentString(`
    mutation FinishCodeSignIn($input: FinishCodeSignInInput!) {
  finishCodeSignIn(input: $input) {
    __typename
    ... on TokenSet {
      accessToken
      refreshToken
      expiresIn
      scope
    }
    ... on MfaChallenge {
      mfaToken
      factors
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<FinishCodeSignInMutation, FinishCodeSignInMutationVariables>;
export const StartLinkSignInDocument = new TypedDocumentString(`
    mutation StartLinkSignIn($input: StartLinkSignInInput!) {
  startLinkSignIn(input: $input) {
    __typename
    ... on SignInLinkSent {
      expiresAt
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<StartLinkSignInMutation, StartLinkSignInMutationVariables>;
export const FinishLinkSignInDocument = new TypedDocumentString(`
    mutation FinishLinkSignIn($input: FinishLinkSignInInput!) {
  finishLinkSignIn(input: $input) {
    __typename
    ... on TokenSet {
      accessToken
      refreshToken
      expiresIn
      scope
    }
    ... on MfaChallenge {
      mfaToken
      factors
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<FinishLinkSignInMutation, FinishLinkSignInMutationVariables>;
export const ProofPasswordDocument = new TypedDocumentString(`
    mutation ProofPassword($password: String!) {
  me {
    verifyPassword(password: $password) {
      __typename
      ... on VerificationRecord {
        id
        expiresAt
        verified
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProofPasswordMutation, ProofPasswordMutationVariables>;
export const ProofTotpDocument = new TypedDocumentString(`
    mutation ProofTotp($code: String!) {
  me {
    verifyTotp(code: $code) {
      __typename
      ... on VerificationRecord {
        id
        expiresAt
        verified
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProofTotpMutation, ProofTotpMutationVariables>;
export const ProofStartPasskeyDocument = new TypedDocumentString(`
    mutation ProofStartPasskey {
  me {
    startPasskeyVerification {
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
    `) as unknown as TypedDocumentString<ProofStartPasskeyMutation, ProofStartPasskeyMutationVariables>;
export const ProofPasskeyDocument = new TypedDocumentString(`
    mutation ProofPasskey($input: PasskeyAssertionInput!) {
  me {
    verifyPasskey(input: $input) {
      __typename
      ... on VerificationRecord {
        id
        expiresAt
        verified
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProofPasskeyMutation, ProofPasskeyMutationVariables>;
export const SendVerificationCodeDocument = new TypedDocumentString(`
    mutation SendVerificationCode($input: SendVerificationCodeInput!) {
  me {
    sendVerificationCode(input: $input) {
      __typename
      ... on VerificationRecord {
        id
        expiresAt
        verified
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
}
    `) as unknown as TypedDocumentString<SendVerificationCodeMutation, SendVerificationCodeMutationVariables>;
export const VerifyCodeDocument = new TypedDocumentString(`
    mutation VerifyCode($input: VerifyCodeInput!) {
  me {
    verifyCode(input: $input) {
      __typename
      ... on VerificationRecord {
        id
        expiresAt
        verified
      }
      ... on Error {
        code
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyCodeMutation, VerifyCodeMutationVariables>;