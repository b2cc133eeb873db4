// Self-service steps through the public API: verification records, codes from the real SMTP sink
// and the captured SMS, and the `me` mutations the tests share.
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestApp } from './test-app.js';

export const PASSWORD = 'a-long-enough-password';

const RECORD = `__typename ... on VerificationRecord { id verified expiresAt } ... on RateLimitedError { retryAfterSeconds }
  ... on UserError { path } ... on Error { code message }`;

export const VERIFY_PASSWORD = `mutation($p: String!) { me { verifyPassword(password: $p) { ${RECORD} } } }`;
export const SEND_CODE = `mutation($input: SendVerificationCodeInput!) { me { sendVerificationCode(input: $input) { ${RECORD} } } }`;
export const VERIFY_CODE = `mutation($input: VerifyCodeInput!) { me { verifyCode(input: $input) { ${RECORD} } } }`;

const USER = `__typename ... on User { id username primaryEmail primaryPhone name avatar hasPassword customData
  profile { givenName familyName locale website address { locality country } } }
  ... on PasswordRejectedError { rules } ... on UserError { path } ... on Error { code message }`;

export const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { me { updateProfile(input: $input) { ${USER} } } }`;
export const SET_EMAIL = `mutation($input: SetPrimaryEmailInput!) { me { setPrimaryEmail(input: $input) { ${USER} } } }`;
export const REMOVE_EMAIL = `mutation($v: ID!) { me { removePrimaryEmail(verificationId: $v) { ${USER} } } }`;
export const SET_PHONE = `mutation($input: SetPrimaryPhoneInput!) { me { setPrimaryPhone(input: $input) { ${USER} } } }`;
export const REMOVE_PHONE = `mutation($v: ID!) { me { removePrimaryPhone(verificationId: $v) { ${USER} } } }`;
export const SET_PASSWORD = `mutation($input: SetPasswordInput!) { me { setPassword(input: $input) { ${USER} } } }`;
export const CREATE_PAT = `mutation($input: CreatePersonalAccessTokenInput!) { me { createPersonalAccessToken(input: $input) { __typename
  ... on PersonalAccessTokenSecret { token personalAccessToken { id name createdAt expiresAt lastUsedAt } } ... on UserError { path } ... on Error { code message } } } }`;
export const REVOKE_PAT = `mutation($id: ID!) { me { revokePersonalAccessToken(id: $id) { __typename ... on PersonalAccessToken { id name } ... on Error { code message } } } }`;
export const REVOKE_SESSION = `mutation($id: ID!) { me { revokeSession(id: $id) { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }`;
export const REVOKE_OTHER_SESSIONS = `mutation { me { revokeOtherSessions { __typename ... on RevokeSessionsPayload { revokedCount } ... on Error { code message } } } }`;
export const DELETE_ACCOUNT = `mutation($v: ID!) { me { deleteAccount(verificationId: $v) { __typename ... on DeleteAccountPayload { deletedUserId } ... on Error { code message } } } }`;
export const ME = `{ me { id username primaryEmail primaryPhone name hasPassword } }`;

/** The payload under `me` of a mutation result. */
export function payload(res: { data?: any; errors?: unknown }, field: string): any {
  if (!res.data?.me?.[field]) throw new Error(`no ${field}: ${JSON.stringify(res)}`);
  return res.data.me[field];
}

export async function verifyPassword(t: TestApp, token: string, password = PASSWORD): Promise<string> {
  const record = payload(await t.gql(VERIFY_PASSWORD, { p: password }, token), 'verifyPassword');
  if (record.__typename !== 'VerificationRecord') throw new Error(`verifyPassword failed: ${JSON.stringify(record)}`);
  return record.id;
}

export async function sendCode(t: TestApp, token: string, input: { email?: string; phone?: string }): Promise<any> {
  return payload(await t.gql(SEND_CODE, { input }, token), 'sendVerificationCode');
}

export async function verifyCode(t: TestApp, token: string, verificationId: string, code: string): Promise<any> {
  return payload(await t.gql(VERIFY_CODE, { input: { verificationId, code } }, token), 'verifyCode');
}

export function smsCodeFor(t: TestApp, phone: string): string {
  const message = t.sms.filter((m) => m.to === phone).at(-1);
  const code = message && /\b(\d{6})\b/.exec(message.text)?.[1];
  if (!code) throw new Error(`no SMS code to ${phone}`);
  return code;
}

/** Sends a code to the address, reads it from the mail sink / SMS capture and verifies it. */
export async function verifiedCodeRecord(t: TestApp, token: string, input: { email?: string; phone?: string }): Promise<string> {
  const sent = await sendCode(t, token, input);
  if (sent.__typename !== 'VerificationRecord') throw new Error(`sendVerificationCode failed: ${JSON.stringify(sent)}`);
  // SMS go to the E.164 form of the number: the newest one is this send's.
  const code = input.email ? await t.mail.codeFor(input.email) : smsCodeFor(t, t.sms.at(-1)?.to ?? '');
  const verified = await verifyCode(t, token, sent.id, code);
  if (!verified.verified) throw new Error(`verifyCode failed: ${JSON.stringify(verified)}`);
  return sent.id;
}

/** A code differing from `code` in every digit. */
export function wrongCode(code: string): string {
  return code.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
}

const CREATE_USER = `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { __typename ... on User { id } ... on Error { code message } } } }`;

/**
 * Like t.createUser, with a fresh admin token each time: the fake clock moves far in these tests,
 * past the lifetime of t.createUser's cached admin token.
 */
export async function newUser(
  t: TestApp,
  input: Record<string, unknown> & { password: string },
): Promise<{ id: string; token: string; refreshToken: string }> {
  const admin = await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  const user = (await t.gql(CREATE_USER, { input }, admin.accessToken)).data?.admin?.createUser;
  if (user?.__typename !== 'User') throw new Error(`createUser failed: ${JSON.stringify(user)}`);
  const tokens = await t.signIn((input.username ?? input.primaryEmail ?? input.primaryPhone) as string, input.password);
  return { id: user.id, token: tokens.accessToken, refreshToken: tokens.refreshToken };
}
