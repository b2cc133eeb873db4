// Passkey ceremonies through the public API, answered by the software authenticator.
import { verificationId } from './mfa.js';
import { SoftwareAuthenticator, type AuthenticateOptions } from './software-authenticator.js';
import type { TestApp } from './test-app.js';

const CHALLENGE = `__typename ... on PasskeyChallenge { challengeId options expiresAt } ... on UserError { path } ... on Error { code message }`;
const FACTOR = `__typename ... on MfaFactor { id type name createdAt lastUsedAt backedUp } ... on UserError { path } ... on Error { code message }`;
const TOKENS = `__typename ... on TokenSet { accessToken refreshToken scope } ... on UserError { path } ... on Error { code message }`;
const RECORD = `__typename ... on VerificationRecord { id verified expiresAt } ... on UserError { path } ... on Error { code message }`;

export const START_REGISTRATION = `mutation($v: ID!) { me { startPasskeyRegistration(verificationId: $v) { ${CHALLENGE} } } }`;
export const FINISH_REGISTRATION = `mutation($input: FinishPasskeyRegistrationInput!) { me { finishPasskeyRegistration(input: $input) { ${FACTOR} } } }`;
export const RENAME = `mutation($input: RenamePasskeyInput!) { me { renamePasskey(input: $input) { ${FACTOR} } } }`;
export const START_SIGN_IN = `mutation($input: StartPasskeySignInInput) { startPasskeySignIn(input: $input) { ${CHALLENGE} } }`;
export const FINISH_SIGN_IN = `mutation($input: PasskeyAssertionInput!) { finishPasskeySignIn(input: $input) { ${TOKENS} } }`;
export const START_MFA = `mutation($t: String!) { startMfaPasskey(mfaToken: $t) { ${CHALLENGE} } }`;
export const VERIFY_SIGN_IN = `mutation($input: VerifySignInInput!) { verifySignIn(input: $input) { ${TOKENS} } }`;
export const START_VERIFICATION = `mutation { me { startPasskeyVerification { ${CHALLENGE} } } }`;
export const VERIFY_PASSKEY = `mutation($input: PasskeyAssertionInput!) { me { verifyPasskey(input: $input) { ${RECORD} } } }`;
export const VERIFY_TOTP = `mutation($code: String!) { me { verifyTotp(code: $code) { ${RECORD} } } }`;
export const REMOVE_FACTOR = `mutation($input: RemoveMfaFactorInput!) { me { removeMfaFactor(input: $input) { __typename
  ... on User { id mfaFactors { id type name } } ... on Error { code message } } } }`;
export const MY_FACTORS = '{ me { mfaFactors { id type name createdAt lastUsedAt backedUp } } }';

export async function startRegistration(t: TestApp, token: string): Promise<{ challengeId: string; options: any }> {
  const res = await t.gql(START_REGISTRATION, { v: await verificationId(t, token) }, token);
  const challenge = res.data?.me?.startPasskeyRegistration;
  if (challenge?.__typename !== 'PasskeyChallenge') throw new Error(`startPasskeyRegistration failed: ${JSON.stringify(res)}`);
  return challenge;
}

/** Registers a new passkey of `authenticator` for the user behind `token`; returns the factor. */
export async function registerPasskey(
  t: TestApp,
  token: string,
  authenticator: SoftwareAuthenticator,
  opts: { name?: string; attestation?: 'none' | 'packed' } = {},
): Promise<{ id: string; name: string; credentialId: string }> {
  const { challengeId, options } = await startRegistration(t, token);
  const { response } = authenticator.register(options, { attestation: opts.attestation });
  const res = await t.gql(FINISH_REGISTRATION, { input: { challengeId, credential: response, name: opts.name } }, token);
  const factor = res.data?.me?.finishPasskeyRegistration;
  if (factor?.__typename !== 'MfaFactor') throw new Error(`finishPasskeyRegistration failed: ${JSON.stringify(res)}`);
  return { id: factor.id, name: factor.name, credentialId: response.id };
}

export async function startSignIn(t: TestApp, identifier?: string): Promise<{ challengeId: string; options: any }> {
  const res = await t.gql(START_SIGN_IN, { input: identifier === undefined ? null : { identifier } });
  const challenge = res.data?.startPasskeySignIn;
  if (challenge?.__typename !== 'PasskeyChallenge') throw new Error(`startPasskeySignIn failed: ${JSON.stringify(res)}`);
  return challenge;
}

/** startPasskeySignIn + the authenticator's answer + finishPasskeySignIn; returns the payload. */
export async function passkeySignIn(t: TestApp, authenticator: SoftwareAuthenticator, identifier?: string, opts: AuthenticateOptions = {}) {
  const { challengeId, options } = await startSignIn(t, identifier);
  const credential = authenticator.authenticate(options, opts);
  return (await t.gql(FINISH_SIGN_IN, { input: { challengeId, credential } })).data?.finishPasskeySignIn;
}

export { SoftwareAuthenticator };
