// Account recovery, code and link sign-in through the public API, reading codes from the real
// SMTP sink and SMS webhook.
import type { TestApp } from './test-app.js';

const RESULT = `__typename ... on TokenSet { accessToken refreshToken } ... on MfaChallenge { mfaToken factors }
  ... on UserError { path } ... on Error { code message }`;

export const START_RECOVERY = `mutation($input: StartAccountRecoveryInput!) { startAccountRecovery(input: $input) { __typename
  ... on RecoveryChallenge { challengeId channel expiresAt } ... on Error { code message } } }`;
export const RESET_PASSWORD = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { ${RESULT}
  ... on PasswordRejectedError { rules } } }`;
export const START_CODE = `mutation($input: StartCodeSignInInput!) { startCodeSignIn(input: $input) { __typename
  ... on SignInCodeChallenge { challengeId channel expiresAt } ... on Error { code message } } }`;
export const FINISH_CODE = `mutation($input: FinishCodeSignInInput!) { finishCodeSignIn(input: $input) { ${RESULT} } }`;
export const START_LINK = `mutation($input: StartLinkSignInInput!) { startLinkSignIn(input: $input) { __typename
  ... on SignInLinkSent { expiresAt } ... on UserError { path } ... on Error { code message } } }`;
export const FINISH_LINK = `mutation($input: FinishLinkSignInInput!) { finishLinkSignIn(input: $input) { ${RESULT} } }`;
export const SIGN_IN_METHODS = '{ signInMethods { password passkey emailCode smsCode magicLink social signUpVerification } }';
export const UPDATE_METHODS = `mutation($input: UpdateSignInMethodsInput!) { admin { updateSignInMethods(input: $input) { __typename
  ... on SignInMethods { password passkey emailCode smsCode magicLink social signUpVerification } ... on Error { code message } } } }`;

/** The 6-digit code in the newest mail to `address` with this subject. */
export async function mailedCode(t: TestApp, address: string, subject: string): Promise<string> {
  const mail = await t.mail.latestTo(address, subject);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in mail to ${address}: ${mail.text}`);
  return code;
}

/** The 6-digit code in the newest text message to `phone`. */
export async function textedCode(t: TestApp, phone: string): Promise<string> {
  const sms = await t.smsSink.latestTo(phone, 'Your code is');
  const code = /\b(\d{6})\b/.exec(sms.text)?.[1];
  if (!code) throw new Error(`no code in text to ${phone}: ${sms.text}`);
  return code;
}

export async function setMethods(t: TestApp, input: Record<string, unknown>): Promise<void> {
  const res = await t.gql(UPDATE_METHODS, { input }, await t.adminToken());
  if (res.data?.admin?.updateSignInMethods?.__typename !== 'SignInMethods') throw new Error(`updateSignInMethods failed: ${JSON.stringify(res)}`);
}
