// MFA steps through the public API, with real TOTP codes computed by otplib at the fake clock's time.
import { generate } from 'otplib';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'a-long-enough-password';

export function totpAt(t: TestApp, secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + offsetSeconds });
}

/** Moves the fake clock to the start of the next 30-second step, so the next code is fresh. */
export function nextStep(t: TestApp): void {
  const ms = t.clock.now().getTime();
  t.clock.advance(30_000 - (ms % 30_000));
}

export async function verificationId(t: TestApp, token: string, password = PASSWORD): Promise<string> {
  const res = await t.gql(
    `mutation($p: String!) { me { verifyPassword(password: $p) { __typename ... on VerificationRecord { id verified } ... on Error { code } } } }`,
    { p: password },
    token,
  );
  const record = res.data?.me?.verifyPassword;
  if (record?.__typename !== 'VerificationRecord') throw new Error(`verifyPassword failed: ${JSON.stringify(res)}`);
  return record.id;
}

export const GENERATE_SECRET = `mutation { me { generateTotpSecret { __typename
  ... on TotpSecret { secret otpauthUri qrCode } ... on Error { code message } } } }`;

export const ENROLL = `mutation($input: EnrollTotpInput!) { me { enrollTotp(input: $input) { __typename
  ... on MfaFactor { id type createdAt lastUsedAt remainingCodes } ... on UserError { path } ... on Error { code message } } } }`;

export const GENERATE_BACKUP = `mutation($v: ID!) { me { generateBackupCodes(verificationId: $v) { __typename
  ... on BackupCodes { codes } ... on Error { code message } } } }`;

export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename
  ... on TokenSet { accessToken } ... on MfaChallenge { mfaToken factors } ... on Error { code message } } }`;

export const VERIFY_SIGN_IN = `mutation($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename
  ... on TokenSet { accessToken refreshToken scope } ... on Error { code message } } }`;

export const MY_FACTORS = '{ me { mfaFactors { id type createdAt lastUsedAt remainingCodes } } }';

/** Enrolls TOTP for the user behind `token`; returns the secret and factor id. */
export async function enrollTotp(t: TestApp, token: string): Promise<{ secret: string; factorId: string }> {
  const generated = await t.gql(GENERATE_SECRET, {}, token);
  const secret = generated.data?.me?.generateTotpSecret?.secret;
  if (!secret) throw new Error(`generateTotpSecret failed: ${JSON.stringify(generated)}`);
  const input = { secret, code: await totpAt(t, secret), verificationId: await verificationId(t, token) };
  const enrolled = await t.gql(ENROLL, { input }, token);
  const factor = enrolled.data?.me?.enrollTotp;
  if (factor?.__typename !== 'MfaFactor') throw new Error(`enrollTotp failed: ${JSON.stringify(enrolled)}`);
  return { secret, factorId: factor.id };
}

export async function generateBackupCodes(t: TestApp, token: string): Promise<string[]> {
  const res = await t.gql(GENERATE_BACKUP, { v: await verificationId(t, token) }, token);
  const codes = res.data?.me?.generateBackupCodes?.codes;
  if (!codes) throw new Error(`generateBackupCodes failed: ${JSON.stringify(res)}`);
  return codes;
}

export async function signIn(t: TestApp, identifier: string, password = PASSWORD) {
  return (await t.gql(SIGN_IN, { input: { identifier, password } })).data?.signIn;
}

/** Signs in and returns the mfaToken of the challenge (throws when no challenge comes back). */
export async function challenge(t: TestApp, identifier: string): Promise<string> {
  const result = await signIn(t, identifier);
  if (result?.__typename !== 'MfaChallenge') throw new Error(`expected an MfaChallenge: ${JSON.stringify(result)}`);
  return result.mfaToken;
}

export async function verifySignIn(t: TestApp, input: { mfaToken: string; totpCode?: string; backupCode?: string }) {
  return (await t.gql(VERIFY_SIGN_IN, { input })).data?.verifySignIn;
}
