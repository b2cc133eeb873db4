/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ReportSignIn($input: ReportSignInInput!) {\n    reportSignIn(input: $input) { __typename ... on ReportSignInPayload { revokedSessions forgottenDevices } ... on Error { code message } }\n  }\n": typeof types.ReportSignInDocument,
    "\n  mutation RevertEmailChange($input: RevertEmailChangeInput!) {\n    revertEmailChange(input: $input) { __typename ... on EmailChangeRevertedPayload { email } ... on Error { code message } }\n  }\n": typeof types.RevertEmailChangeDocument,
    "\n  query AccountCenter {\n    accountCenter {\n      enabled\n      signUpEnabled\n      fields { name avatar profile username email phone password customData social mfa passkey sessions personalAccessTokens securityActivity trustedDevices }\n    }\n    passwordPolicy { minLength }\n    identityProviders { key name type }\n  }\n": typeof types.AccountCenterDocument,
    "\n  query Me {\n    me {\n      id username primaryEmail emailVerified primaryPhone phoneVerified name avatar customData hasPassword createdAt lastSignInAt\n      profile { givenName familyName middleName nickname preferredUsername website gender birthdate zoneinfo locale }\n      mfaFactors { id type name createdAt lastUsedAt remainingCodes credentialId }\n      identities { provider subject email name linkedAt lastSignInAt }\n      sessions(first: 50) { totalCount edges { node { id current impersonated createdAt lastActiveAt expiresAt ip userAgent } } }\n      personalAccessTokens(first: 50) { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } }\n      trustedDevices(first: 50) { totalCount edges { node { id name createdAt lastUsedAt expiresAt } } }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query SecurityEvents($after: String) {\n    me { securityEvents(first: 20, after: $after) { edges { node { id type at ip userAgent } } pageInfo { hasNextPage endCursor } } }\n  }\n": typeof types.SecurityEventsDocument,
    "\n  query EventTypes { eventTypes { type label } }\n": typeof types.EventTypesDocument,
    "\n  mutation DeleteAccount($verificationId: ID!) {\n    me { deleteAccount(verificationId: $verificationId) { __typename ... on DeleteAccountPayload { deletedUserId } ... on Error { code message } } }\n  }\n": typeof types.DeleteAccountDocument,
    "\n  mutation RevokeTrustedDevice($id: ID!) { me { revokeTrustedDevice(id: $id) { __typename ... on TrustedDevice { id } ... on Error { code message } } } }\n": typeof types.RevokeTrustedDeviceDocument,
    "\n  mutation RevokeTrustedDevices { me { revokeTrustedDevices { __typename ... on RevokeTrustedDevicesPayload { revokedCount } ... on Error { code message } } } }\n": typeof types.RevokeTrustedDevicesDocument,
    "\n  query ExportData { me { exportData } }\n": typeof types.ExportDataDocument,
    "\n  mutation SetPrimaryEmail($input: SetPrimaryEmailInput!) { me { setPrimaryEmail(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": typeof types.SetPrimaryEmailDocument,
    "\n  mutation SetPrimaryPhone($input: SetPrimaryPhoneInput!) { me { setPrimaryPhone(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": typeof types.SetPrimaryPhoneDocument,
    "\n  mutation RemovePrimaryEmail($verificationId: ID!) { me { removePrimaryEmail(verificationId: $verificationId) { __typename ... on User { id } ... on Error { code message } } } }\n": typeof types.RemovePrimaryEmailDocument,
    "\n  mutation RemovePrimaryPhone($verificationId: ID!) { me { removePrimaryPhone(verificationId: $verificationId) { __typename ... on User { id } ... on Error { code message } } } }\n": typeof types.RemovePrimaryPhoneDocument,
    "\n  mutation GenerateTotpSecret { me { generateTotpSecret { __typename ... on TotpSecret { secret otpauthUri qrCode } ... on Error { code message } } } }\n": typeof types.GenerateTotpSecretDocument,
    "\n  mutation EnrollTotp($input: EnrollTotpInput!) { me { enrollTotp(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } } }\n": typeof types.EnrollTotpDocument,
    "\n  mutation GenerateBackupCodes($verificationId: ID!) { me { generateBackupCodes(verificationId: $verificationId) { __typename ... on BackupCodes { codes } ... on Error { code message } } } }\n": typeof types.GenerateBackupCodesDocument,
    "\n  mutation RemoveMfaFactor($input: RemoveMfaFactorInput!) { me { removeMfaFactor(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": typeof types.RemoveMfaFactorDocument,
    "\n  mutation StartPasskeyRegistration($verificationId: ID!) {\n    me { startPasskeyRegistration(verificationId: $verificationId) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } } }\n  }\n": typeof types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    me { finishPasskeyRegistration(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } }\n  }\n": typeof types.FinishPasskeyRegistrationDocument,
    "\n  mutation RenamePasskey($input: RenamePasskeyInput!) { me { renamePasskey(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } } }\n": typeof types.RenamePasskeyDocument,
    "\n  mutation SetPassword($input: SetPasswordInput!) {\n    me { setPassword(input: $input) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }\n  }\n": typeof types.SetPasswordDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) { me { updateProfile(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": typeof types.UpdateProfileDocument,
    "\n  mutation RevokeSession($id: ID!) { me { revokeSession(id: $id) { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }\n": typeof types.RevokeSessionDocument,
    "\n  mutation RevokeOtherSessions { me { revokeOtherSessions { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }\n": typeof types.RevokeOtherSessionsDocument,
    "\n  mutation StartSocialLink($input: StartSocialLinkInput!) {\n    me { startSocialLink(input: $input) { __typename ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } } }\n  }\n": typeof types.StartSocialLinkDocument,
    "\n  mutation FinishSocialLink($input: FinishSocialLinkInput!) { me { finishSocialLink(input: $input) { __typename ... on UserIdentity { provider } ... on Error { code message } } } }\n": typeof types.FinishSocialLinkDocument,
    "\n  mutation RemoveIdentity($input: RemoveIdentityInput!) { me { removeIdentity(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": typeof types.RemoveIdentityDocument,
    "\n  mutation CreatePersonalAccessToken($input: CreatePersonalAccessTokenInput!) {\n    me { createPersonalAccessToken(input: $input) { __typename ... on PersonalAccessTokenSecret { token personalAccessToken { id name } } ... on Error { code message } } }\n  }\n": typeof types.CreatePersonalAccessTokenDocument,
    "\n  mutation RevokePersonalAccessToken($id: ID!) { me { revokePersonalAccessToken(id: $id) { __typename ... on PersonalAccessToken { id } ... on Error { code message } } } }\n": typeof types.RevokePersonalAccessTokenDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on PasswordRejectedError { rules }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on Error { code message }\n    }\n  }\n": typeof types.SignUpDocument,
};
const documents: Documents = {
    "\n  mutation ReportSignIn($input: ReportSignInInput!) {\n    reportSignIn(input: $input) { __typename ... on ReportSignInPayload { revokedSessions forgottenDevices } ... on Error { code message } }\n  }\n": types.ReportSignInDocument,
    "\n  mutation RevertEmailChange($input: RevertEmailChangeInput!) {\n    revertEmailChange(input: $input) { __typename ... on EmailChangeRevertedPayload { email } ... on Error { code message } }\n  }\n": types.RevertEmailChangeDocument,
    "\n  query AccountCenter {\n    accountCenter {\n      enabled\n      signUpEnabled\n      fields { name avatar profile username email phone password customData social mfa passkey sessions personalAccessTokens securityActivity trustedDevices }\n    }\n    passwordPolicy { minLength }\n    identityProviders { key name type }\n  }\n": types.AccountCenterDocument,
    "\n  query Me {\n    me {\n      id username primaryEmail emailVerified primaryPhone phoneVerified name avatar customData hasPassword createdAt lastSignInAt\n      profile { givenName familyName middleName nickname preferredUsername website gender birthdate zoneinfo locale }\n      mfaFactors { id type name createdAt lastUsedAt remainingCodes credentialId }\n      identities { provider subject email name linkedAt lastSignInAt }\n      sessions(first: 50) { totalCount edges { node { id current impersonated createdAt lastActiveAt expiresAt ip userAgent } } }\n      personalAccessTokens(first: 50) { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } }\n      trustedDevices(first: 50) { totalCount edges { node { id name createdAt lastUsedAt expiresAt } } }\n    }\n  }\n": types.MeDocument,
    "\n  query SecurityEvents($after: String) {\n    me { securityEvents(first: 20, after: $after) { edges { node { id type at ip userAgent } } pageInfo { hasNextPage endCursor } } }\n  }\n": types.SecurityEventsDocument,
    "\n  query EventTypes { eventTypes { type label } }\n": types.EventTypesDocument,
    "\n  mutation DeleteAccount($verificationId: ID!) {\n    me { deleteAccount(verificationId: $verificationId) { __typename ... on DeleteAccountPayload { deletedUserId } ... on Error { code message } } }\n  }\n": types.DeleteAccountDocument,
    "\n  mutation RevokeTrustedDevice($id: ID!) { me { revokeTrustedDevice(id: $id) { __typename ... on TrustedDevice { id } ... on Error { code message } } } }\n": types.RevokeTrustedDeviceDocument,
    "\n  mutation RevokeTrustedDevices { me { revokeTrustedDevices { __typename ... on RevokeTrustedDevicesPayload { revokedCount } ... on Error { code message } } } }\n": types.RevokeTrustedDevicesDocument,
    "\n  query ExportData { me { exportData } }\n": types.ExportDataDocument,
    "\n  mutation SetPrimaryEmail($input: SetPrimaryEmailInput!) { me { setPrimaryEmail(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": types.SetPrimaryEmailDocument,
    "\n  mutation SetPrimaryPhone($input: SetPrimaryPhoneInput!) { me { setPrimaryPhone(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": types.SetPrimaryPhoneDocument,
    "\n  mutation RemovePrimaryEmail($verificationId: ID!) { me { removePrimaryEmail(verificationId: $verificationId) { __typename ... on User { id } ... on Error { code message } } } }\n": types.RemovePrimaryEmailDocument,
    "\n  mutation RemovePrimaryPhone($verificationId: ID!) { me { removePrimaryPhone(verificationId: $verificationId) { __typename ... on User { id } ... on Error { code message } } } }\n": types.RemovePrimaryPhoneDocument,
    "\n  mutation GenerateTotpSecret { me { generateTotpSecret { __typename ... on TotpSecret { secret otpauthUri qrCode } ... on Error { code message } } } }\n": types.GenerateTotpSecretDocument,
    "\n  mutation EnrollTotp($input: EnrollTotpInput!) { me { enrollTotp(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } } }\n": types.EnrollTotpDocument,
    "\n  mutation GenerateBackupCodes($verificationId: ID!) { me { generateBackupCodes(verificationId: $verificationId) { __typename ... on BackupCodes { codes } ... on Error { code message } } } }\n": types.GenerateBackupCodesDocument,
    "\n  mutation RemoveMfaFactor($input: RemoveMfaFactorInput!) { me { removeMfaFactor(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": types.RemoveMfaFactorDocument,
    "\n  mutation StartPasskeyRegistration($verificationId: ID!) {\n    me { startPasskeyRegistration(verificationId: $verificationId) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } } }\n  }\n": types.StartPasskeyRegistrationDocument,
    "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    me { finishPasskeyRegistration(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } }\n  }\n": types.FinishPasskeyRegistrationDocument,
    "\n  mutation RenamePasskey($input: RenamePasskeyInput!) { me { renamePasskey(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } } }\n": types.RenamePasskeyDocument,
    "\n  mutation SetPassword($input: SetPasswordInput!) {\n    me { setPassword(input: $input) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }\n  }\n": types.SetPasswordDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) { me { updateProfile(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": types.UpdateProfileDocument,
    "\n  mutation RevokeSession($id: ID!) { me { revokeSession(id: $id) { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }\n": types.RevokeSessionDocument,
    "\n  mutation RevokeOtherSessions { me { revokeOtherSessions { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }\n": types.RevokeOtherSessionsDocument,
    "\n  mutation StartSocialLink($input: StartSocialLinkInput!) {\n    me { startSocialLink(input: $input) { __typename ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } } }\n  }\n": types.StartSocialLinkDocument,
    "\n  mutation FinishSocialLink($input: FinishSocialLinkInput!) { me { finishSocialLink(input: $input) { __typename ... on UserIdentity { provider } ... on Error { code message } } } }\n": types.FinishSocialLinkDocument,
    "\n  mutation RemoveIdentity($input: RemoveIdentityInput!) { me { removeIdentity(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": types.RemoveIdentityDocument,
    "\n  mutation CreatePersonalAccessToken($input: CreatePersonalAccessTokenInput!) {\n    me { createPersonalAccessToken(input: $input) { __typename ... on PersonalAccessTokenSecret { token personalAccessToken { id name } } ... on Error { code message } } }\n  }\n": types.CreatePersonalAccessTokenDocument,
    "\n  mutation RevokePersonalAccessToken($id: ID!) { me { revokePersonalAccessToken(id: $id) { __typename ... on PersonalAccessToken { id } ... on Error { code message } } } }\n": types.RevokePersonalAccessTokenDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on PasswordRejectedError { rules }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on Error { code message }\n    }\n  }\n": types.SignUpDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportSignIn($input: ReportSignInInput!) {\n    reportSignIn(input: $input) { __typename ... on ReportSignInPayload { revokedSessions forgottenDevices } ... on Error { code message } }\n  }\n"): typeof import('./graphql').ReportSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevertEmailChange($input: RevertEmailChangeInput!) {\n    revertEmailChange(input: $input) { __typename ... on EmailChangeRevertedPayload { email } ... on Error { code message } }\n  }\n"): typeof import('./graphql').RevertEmailChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountCenter {\n    accountCenter {\n      enabled\n      signUpEnabled\n      fields { name avatar profile username email phone password customData social mfa passkey sessions personalAccessTokens securityActivity trustedDevices }\n    }\n    passwordPolicy { minLength }\n    identityProviders { key name type }\n  }\n"): typeof import('./graphql').AccountCenterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id username primaryEmail emailVerified primaryPhone phoneVerified name avatar customData hasPassword createdAt lastSignInAt\n      profile { givenName familyName middleName nickname preferredUsername website gender birthdate zoneinfo locale }\n      mfaFactors { id type name createdAt lastUsedAt remainingCodes credentialId }\n      identities { provider subject email name linkedAt lastSignInAt }\n      sessions(first: 50) { totalCount edges { node { id current impersonated createdAt lastActiveAt expiresAt ip userAgent } } }\n      personalAccessTokens(first: 50) { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } }\n      trustedDevices(first: 50) { totalCount edges { node { id name createdAt lastUsedAt expiresAt } } }\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityEvents($after: String) {\n    me { securityEvents(first: 20, after: $after) { edges { node { id type at ip userAgent } } pageInfo { hasNextPage endCursor } } }\n  }\n"): typeof import('./graphql').SecurityEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventTypes { eventTypes { type label } }\n"): typeof import('./graphql').EventTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($verificationId: ID!) {\n    me { deleteAccount(verificationId: $verificationId) { __typename ... on DeleteAccountPayload { deletedUserId } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').DeleteAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeTrustedDevice($id: ID!) { me { revokeTrustedDevice(id: $id) { __typename ... on TrustedDevice { id } ... on Error { code message } } } }\n"): typeof import('./graphql').RevokeTrustedDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeTrustedDevices { me { revokeTrustedDevices { __typename ... on RevokeTrustedDevicesPayload { revokedCount } ... on Error { code message } } } }\n"): typeof import('./graphql').RevokeTrustedDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportData { me { exportData } }\n"): typeof import('./graphql').ExportDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPrimaryEmail($input: SetPrimaryEmailInput!) { me { setPrimaryEmail(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n"): typeof import('./graphql').SetPrimaryEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPrimaryPhone($input: SetPrimaryPhoneInput!) { me { setPrimaryPhone(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n"): typeof import('./graphql').SetPrimaryPhoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePrimaryEmail($verificationId: ID!) { me { removePrimaryEmail(verificationId: $verificationId) { __typename ... on User { id } ... on Error { code message } } } }\n"): typeof import('./graphql').RemovePrimaryEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePrimaryPhone($verificationId: ID!) { me { removePrimaryPhone(verificationId: $verificationId) { __typename ... on User { id } ... on Error { code message } } } }\n"): typeof import('./graphql').RemovePrimaryPhoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateTotpSecret { me { generateTotpSecret { __typename ... on TotpSecret { secret otpauthUri qrCode } ... on Error { code message } } } }\n"): typeof import('./graphql').GenerateTotpSecretDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollTotp($input: EnrollTotpInput!) { me { enrollTotp(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } } }\n"): typeof import('./graphql').EnrollTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateBackupCodes($verificationId: ID!) { me { generateBackupCodes(verificationId: $verificationId) { __typename ... on BackupCodes { codes } ... on Error { code message } } } }\n"): typeof import('./graphql').GenerateBackupCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMfaFactor($input: RemoveMfaFactorInput!) { me { removeMfaFactor(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n"): typeof import('./graphql').RemoveMfaFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeyRegistration($verificationId: ID!) {\n    me { startPasskeyRegistration(verificationId: $verificationId) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').StartPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeyRegistration($input: FinishPasskeyRegistrationInput!) {\n    me { finishPasskeyRegistration(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').FinishPasskeyRegistrationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenamePasskey($input: RenamePasskeyInput!) { me { renamePasskey(input: $input) { __typename ... on MfaFactor { id } ... on Error { code message } } } }\n"): typeof import('./graphql').RenamePasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPassword($input: SetPasswordInput!) {\n    me { setPassword(input: $input) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').SetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) { me { updateProfile(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n"): typeof import('./graphql').UpdateProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) { me { revokeSession(id: $id) { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }\n"): typeof import('./graphql').RevokeSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeOtherSessions { me { revokeOtherSessions { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }\n"): typeof import('./graphql').RevokeOtherSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSocialLink($input: StartSocialLinkInput!) {\n    me { startSocialLink(input: $input) { __typename ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').StartSocialLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishSocialLink($input: FinishSocialLinkInput!) { me { finishSocialLink(input: $input) { __typename ... on UserIdentity { provider } ... on Error { code message } } } }\n"): typeof import('./graphql').FinishSocialLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveIdentity($input: RemoveIdentityInput!) { me { removeIdentity(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n"): typeof import('./graphql').RemoveIdentityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePersonalAccessToken($input: CreatePersonalAccessTokenInput!) {\n    me { createPersonalAccessToken(input: $input) { __typename ... on PersonalAccessTokenSecret { token personalAccessToken { id name } } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').CreatePersonalAccessTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokePersonalAccessToken($id: ID!) { me { revokePersonalAccessToken(id: $id) { __typename ... on PersonalAccessToken { id } ... on Error { code message } } } }\n"): typeof import('./graphql').RevokePersonalAccessTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on PasswordRejectedError { rules }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
