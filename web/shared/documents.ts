// The operations both apps send: signing in (password, passkey, social, the MFA step) and out.
import { graphql } from './gql';

export const IdentityProvidersQuery = graphql(`
  query IdentityProviders { identityProviders { key name type } }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on TokenSet { accessToken refreshToken expiresIn scope }
      ... on MfaChallenge { mfaToken factors }
      ... on RateLimitedError { retryAfterSeconds }
      ... on AccountPendingDeletionError { restoreToken deletionScheduledAt }
      ... on Error { code message }
    }
  }
`);

export const RestoreAccountMutation = graphql(`
  mutation RestoreAccount($input: RestoreAccountInput!) {
    restoreAccount(input: $input) { __typename ... on AccountRestoredPayload { userId } ... on Error { code message } }
  }
`);

export const VerifySignInMutation = graphql(`
  mutation VerifySignIn($input: VerifySignInInput!) {
    verifySignIn(input: $input) {
      __typename
      ... on TokenSet { accessToken refreshToken expiresIn scope deviceToken }
      ... on RateLimitedError { retryAfterSeconds }
      ... on Error { code message }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut { signOut { __typename ... on Error { code message } } }
`);

export const StartPasskeySignInMutation = graphql(`
  mutation StartPasskeySignIn {
    startPasskeySignIn(input: {}) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } }
  }
`);

export const FinishPasskeySignInMutation = graphql(`
  mutation FinishPasskeySignIn($input: PasskeyAssertionInput!) {
    finishPasskeySignIn(input: $input) {
      __typename
      ... on TokenSet { accessToken refreshToken expiresIn scope }
      ... on Error { code message }
    }
  }
`);

export const StartMfaPasskeyMutation = graphql(`
  mutation StartMfaPasskey($mfaToken: String!) {
    startMfaPasskey(mfaToken: $mfaToken) { __typename ... on PasskeyChallenge { challengeId options } ... on Error { code message } }
  }
`);

export const StartSocialSignInMutation = graphql(`
  mutation StartSocialSignIn($input: StartSocialSignInInput!) {
    startSocialSignIn(input: $input) { __typename ... on SocialAuthorization { authorizationUrl state } ... on Error { code message } }
  }
`);

export const FinishSocialSignInMutation = graphql(`
  mutation FinishSocialSignIn($input: FinishSocialSignInInput!) {
    finishSocialSignIn(input: $input) {
      __typename
      ... on TokenSet { accessToken refreshToken expiresIn scope }
      ... on MfaChallenge { mfaToken factors }
      ... on Error { code message }
    }
  }
`);

export const SignInMethodsQuery = graphql(`
  query SignInMethods { signInMethods { password passkey social emailCode smsCode magicLink } }
`);

export const StartAccountRecoveryMutation = graphql(`
  mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {
    startAccountRecovery(input: $input) { __typename ... on RecoveryChallenge { challengeId channel } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ... on TokenSet { accessToken refreshToken expiresIn scope }
      ... on MfaChallenge { mfaToken factors }
      ... on PasswordRejectedError { rules }
      ... on Error { code message }
    }
  }
`);

export const StartCodeSignInMutation = graphql(`
  mutation StartCodeSignIn($input: StartCodeSignInInput!) {
    startCodeSignIn(input: $input) { __typename ... on SignInCodeChallenge { challengeId channel } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } }
  }
`);

export const FinishCodeSignInMutation = graphql(`
  mutation FinishCodeSignIn($input: FinishCodeSignInInput!) {
    finishCodeSignIn(input: $input) {
      __typename
      ... on TokenSet { accessToken refreshToken expiresIn scope }
      ... on MfaChallenge { mfaToken factors }
      ... on Error { code message }
    }
  }
`);

export const StartLinkSignInMutation = graphql(`
  mutation StartLinkSignIn($input: StartLinkSignInInput!) {
    startLinkSignIn(input: $input) { __typename ... on SignInLinkSent { expiresAt } ... on Error { code message } }
  }
`);

export const FinishLinkSignInMutation = graphql(`
  mutation FinishLinkSignIn($input: FinishLinkSignInInput!) {
    finishLinkSignIn(input: $input) {
      __typename
      ... on TokenSet { accessToken refreshToken expiresIn scope }
      ... on MfaChallenge { mfaToken factors }
      ... on Error { code message }
    }
  }
`);
