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
    "\n  query IdentityProviders { identityProviders { key name type } }\n": typeof types.IdentityProvidersDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on AccountPendingDeletionError { restoreToken deletionScheduledAt }\n      ... on Error { code message }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RestoreAccount($input: RestoreAccountInput!) {\n    restoreAccount(input: $input) { __typename ... on AccountRestoredPayload { userId } ... on Error { code message } }\n  }\n": typeof types.RestoreAccountDocument,
    "\n  mutation VerifySignIn($input: VerifySignInInput!) {\n    verifySignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope deviceToken }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on Error { code message }\n    }\n  }\n": typeof types.VerifySignInDocument,
    "\n  mutation SignOut { signOut { __typename ... on Error { code message } } }\n": typeof types.SignOutDocument,
    "\n  mutation StartPasskeySignIn {\n    startPasskeySignIn(input: {}) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } }\n  }\n": typeof types.StartPasskeySignInDocument,
    "\n  mutation FinishPasskeySignIn($input: PasskeyAssertionInput!) {\n    finishPasskeySignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on Error { code message }\n    }\n  }\n": typeof types.FinishPasskeySignInDocument,
    "\n  mutation StartMfaPasskey($mfaToken: String!) {\n    startMfaPasskey(mfaToken: $mfaToken) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } }\n  }\n": typeof types.StartMfaPasskeyDocument,
    "\n  mutation StartSocialSignIn($input: StartSocialSignInInput!) {\n    startSocialSignIn(input: $input) { __typename ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } }\n  }\n": typeof types.StartSocialSignInDocument,
    "\n  mutation FinishSocialSignIn($input: FinishSocialSignInInput!) {\n    finishSocialSignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on Error { code message }\n    }\n  }\n": typeof types.FinishSocialSignInDocument,
    "\n  query SignInMethods { signInMethods { password passkey social emailCode smsCode magicLink } }\n": typeof types.SignInMethodsDocument,
    "\n  mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {\n    startAccountRecovery(input: $input) { __typename ... on RecoveryChallenge { challengeId channel } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } }\n  }\n": typeof types.StartAccountRecoveryDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on PasswordRejectedError { rules }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation StartCodeSignIn($input: StartCodeSignInInput!) {\n    startCodeSignIn(input: $input) { __typename ... on SignInCodeChallenge { challengeId channel } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } }\n  }\n": typeof types.StartCodeSignInDocument,
    "\n  mutation FinishCodeSignIn($input: FinishCodeSignInInput!) {\n    finishCodeSignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on Error { code message }\n    }\n  }\n": typeof types.FinishCodeSignInDocument,
    "\n  mutation StartLinkSignIn($input: StartLinkSignInInput!) {\n    startLinkSignIn(input: $input) { __typename ... on SignInLinkSent { expiresAt } ... on Error { code message } }\n  }\n": typeof types.StartLinkSignInDocument,
    "\n  mutation FinishLinkSignIn($input: FinishLinkSignInInput!) {\n    finishLinkSignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on Error { code message }\n    }\n  }\n": typeof types.FinishLinkSignInDocument,
    "\n  mutation ProofPassword($password: String!) { me { verifyPassword(password: $password) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n": typeof types.ProofPasswordDocument,
    "\n  mutation ProofTotp($code: String!) { me { verifyTotp(code: $code) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n": typeof types.ProofTotpDocument,
    "\n  mutation ProofStartPasskey { me { startPasskeyVerification { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } } } }\n": typeof types.ProofStartPasskeyDocument,
    "\n  mutation ProofPasskey($input: PasskeyAssertionInput!) { me { verifyPasskey(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n": typeof types.ProofPasskeyDocument,
    "\n  mutation SendVerificationCode($input: SendVerificationCodeInput!) {\n    me { sendVerificationCode(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } } }\n  }\n": typeof types.SendVerificationCodeDocument,
    "\n  mutation VerifyCode($input: VerifyCodeInput!) { me { verifyCode(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n": typeof types.VerifyCodeDocument,
};
const documents: Documents = {
    "\n  query IdentityProviders { identityProviders { key name type } }\n": types.IdentityProvidersDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on AccountPendingDeletionError { restoreToken deletionScheduledAt }\n      ... on Error { code message }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RestoreAccount($input: RestoreAccountInput!) {\n    restoreAccount(input: $input) { __typename ... on AccountRestoredPayload { userId } ... on Error { code message } }\n  }\n": types.RestoreAccountDocument,
    "\n  mutation VerifySignIn($input: VerifySignInInput!) {\n    verifySignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope deviceToken }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on Error { code message }\n    }\n  }\n": types.VerifySignInDocument,
    "\n  mutation SignOut { signOut { __typename ... on Error { code message } } }\n": types.SignOutDocument,
    "\n  mutation StartPasskeySignIn {\n    startPasskeySignIn(input: {}) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } }\n  }\n": types.StartPasskeySignInDocument,
    "\n  mutation FinishPasskeySignIn($input: PasskeyAssertionInput!) {\n    finishPasskeySignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on Error { code message }\n    }\n  }\n": types.FinishPasskeySignInDocument,
    "\n  mutation StartMfaPasskey($mfaToken: String!) {\n    startMfaPasskey(mfaToken: $mfaToken) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } }\n  }\n": types.StartMfaPasskeyDocument,
    "\n  mutation StartSocialSignIn($input: StartSocialSignInInput!) {\n    startSocialSignIn(input: $input) { __typename ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } }\n  }\n": types.StartSocialSignInDocument,
    "\n  mutation FinishSocialSignIn($input: FinishSocialSignInInput!) {\n    finishSocialSignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on Error { code message }\n    }\n  }\n": types.FinishSocialSignInDocument,
    "\n  query SignInMethods { signInMethods { password passkey social emailCode smsCode magicLink } }\n": types.SignInMethodsDocument,
    "\n  mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {\n    startAccountRecovery(input: $input) { __typename ... on RecoveryChallenge { challengeId channel } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } }\n  }\n": types.StartAccountRecoveryDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on PasswordRejectedError { rules }\n      ... on Error { code message }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation StartCodeSignIn($input: StartCodeSignInInput!) {\n    startCodeSignIn(input: $input) { __typename ... on SignInCodeChallenge { challengeId channel } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } }\n  }\n": types.StartCodeSignInDocument,
    "\n  mutation FinishCodeSignIn($input: FinishCodeSignInInput!) {\n    finishCodeSignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on Error { code message }\n    }\n  }\n": types.FinishCodeSignInDocument,
    "\n  mutation StartLinkSignIn($input: StartLinkSignInInput!) {\n    startLinkSignIn(input: $input) { __typename ... on SignInLinkSent { expiresAt } ... on Error { code message } }\n  }\n": types.StartLinkSignInDocument,
    "\n  mutation FinishLinkSignIn($input: FinishLinkSignInInput!) {\n    finishLinkSignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on Error { code message }\n    }\n  }\n": types.FinishLinkSignInDocument,
    "\n  mutation ProofPassword($password: String!) { me { verifyPassword(password: $password) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n": types.ProofPasswordDocument,
    "\n  mutation ProofTotp($code: String!) { me { verifyTotp(code: $code) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n": types.ProofTotpDocument,
    "\n  mutation ProofStartPasskey { me { startPasskeyVerification { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } } } }\n": types.ProofStartPasskeyDocument,
    "\n  mutation ProofPasskey($input: PasskeyAssertionInput!) { me { verifyPasskey(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n": types.ProofPasskeyDocument,
    "\n  mutation SendVerificationCode($input: SendVerificationCodeInput!) {\n    me { sendVerificationCode(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } } }\n  }\n": types.SendVerificationCodeDocument,
    "\n  mutation VerifyCode($input: VerifyCodeInput!) { me { verifyCode(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n": types.VerifyCodeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdentityProviders { identityProviders { key name type } }\n"): typeof import('./graphql').IdentityProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on AccountPendingDeletionError { restoreToken deletionScheduledAt }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreAccount($input: RestoreAccountInput!) {\n    restoreAccount(input: $input) { __typename ... on AccountRestoredPayload { userId } ... on Error { code message } }\n  }\n"): typeof import('./graphql').RestoreAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifySignIn($input: VerifySignInInput!) {\n    verifySignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope deviceToken }\n      ... on RateLimitedError { retryAfterSeconds }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql').VerifySignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut { signOut { __typename ... on Error { code message } } }\n"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPasskeySignIn {\n    startPasskeySignIn(input: {}) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } }\n  }\n"): typeof import('./graphql').StartPasskeySignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishPasskeySignIn($input: PasskeyAssertionInput!) {\n    finishPasskeySignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql').FinishPasskeySignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartMfaPasskey($mfaToken: String!) {\n    startMfaPasskey(mfaToken: $mfaToken) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } }\n  }\n"): typeof import('./graphql').StartMfaPasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartSocialSignIn($input: StartSocialSignInInput!) {\n    startSocialSignIn(input: $input) { __typename ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } }\n  }\n"): typeof import('./graphql').StartSocialSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishSocialSignIn($input: FinishSocialSignInInput!) {\n    finishSocialSignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql').FinishSocialSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInMethods { signInMethods { password passkey social emailCode smsCode magicLink } }\n"): typeof import('./graphql').SignInMethodsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {\n    startAccountRecovery(input: $input) { __typename ... on RecoveryChallenge { challengeId channel } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } }\n  }\n"): typeof import('./graphql').StartAccountRecoveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on PasswordRejectedError { rules }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCodeSignIn($input: StartCodeSignInInput!) {\n    startCodeSignIn(input: $input) { __typename ... on SignInCodeChallenge { challengeId channel } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } }\n  }\n"): typeof import('./graphql').StartCodeSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishCodeSignIn($input: FinishCodeSignInInput!) {\n    finishCodeSignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql').FinishCodeSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartLinkSignIn($input: StartLinkSignInInput!) {\n    startLinkSignIn(input: $input) { __typename ... on SignInLinkSent { expiresAt } ... on Error { code message } }\n  }\n"): typeof import('./graphql').StartLinkSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinishLinkSignIn($input: FinishLinkSignInInput!) {\n    finishLinkSignIn(input: $input) {\n      __typename\n      ... on TokenSet { accessToken refreshToken expiresIn scope }\n      ... on MfaChallenge { mfaToken factors }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql').FinishLinkSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProofPassword($password: String!) { me { verifyPassword(password: $password) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n"): typeof import('./graphql').ProofPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProofTotp($code: String!) { me { verifyTotp(code: $code) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n"): typeof import('./graphql').ProofTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProofStartPasskey { me { startPasskeyVerification { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } } } }\n"): typeof import('./graphql').ProofStartPasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProofPasskey($input: PasskeyAssertionInput!) { me { verifyPasskey(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n"): typeof import('./graphql').ProofPasskeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendVerificationCode($input: SendVerificationCodeInput!) {\n    me { sendVerificationCode(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').SendVerificationCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyCode($input: VerifyCodeInput!) { me { verifyCode(input: $input) { __typename ... on VerificationRecord { id expiresAt verified } ... on Error { code message } } } }\n"): typeof import('./graphql').VerifyCodeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
