// Social sign-in steps through the public API, shared by the social tests.
import type { TestApp } from './test-app.js';
import { REDIRECT_URI } from './social-providers.js';

const ERR = '... on UserError { path } ... on Error { code message }';

export const CREATE_PROVIDER = `mutation($input: CreateIdentityProviderInput!) { admin { createIdentityProvider(input: $input) { __typename
  ... on IdentityProvider { key name type issuer clientId authorizationEndpoint tokenEndpoint userinfoEndpoint scopes trustEmail
    profileMapping { subject email emailVerified name avatar } createdAt updatedAt } ${ERR} } } }`;
export const UPDATE_PROVIDER = `mutation($key: String!, $input: UpdateIdentityProviderInput!) { admin { updateIdentityProvider(key: $key, input: $input) { __typename
  ... on IdentityProvider { key name issuer clientId scopes trustEmail updatedAt } ${ERR} } } }`;
export const DELETE_PROVIDER = `mutation($key: String!) { admin { deleteIdentityProvider(key: $key) { __typename ... on IdentityProvider { key } ${ERR} } } }`;

export const START = `mutation($input: StartSocialSignInInput!) { startSocialSignIn(input: $input) { __typename
  ... on SocialAuthorization { authorizationUrl state } ${ERR} } }`;
export const FINISH = `mutation($input: FinishSocialSignInInput!) { finishSocialSignIn(input: $input) { __typename
  ... on TokenSet { accessToken refreshToken scope } ... on MfaChallenge { mfaToken factors } ${ERR} } }`;
export const START_LINK = `mutation($input: StartSocialLinkInput!) { me { startSocialLink(input: $input) { __typename
  ... on SocialAuthorization { authorizationUrl state } ${ERR} } } }`;
export const FINISH_LINK = `mutation($input: FinishSocialLinkInput!) { me { finishSocialLink(input: $input) { __typename
  ... on UserIdentity { provider providerName subject email emailVerified name avatar linkedAt lastSignInAt } ${ERR} } } }`;
export const REMOVE_IDENTITY = `mutation($input: RemoveIdentityInput!) { me { removeIdentity(input: $input) { __typename
  ... on User { id identities { provider subject } } ${ERR} } } }`;
export const ADMIN_LINK = `mutation($input: LinkUserIdentityInput!) { admin { linkUserIdentity(input: $input) { __typename
  ... on UserIdentity { provider subject email linkedAt lastSignInAt } ${ERR} } } }`;
export const ADMIN_UNLINK = `mutation($input: UnlinkUserIdentityInput!) { admin { unlinkUserIdentity(input: $input) { __typename
  ... on User { id identities { provider subject } } ${ERR} } } }`;
export const MY_IDENTITIES = `{ me { id primaryEmail name avatar hasPassword identities { provider providerName subject email emailVerified name avatar linkedAt lastSignInAt } } }`;
export const ACCESS_TOKEN = `query($p: String!) { me { identityAccessToken(provider: $p) { accessToken tokenType scope expiresAt } } }`;

export async function createProvider(t: TestApp, adminToken: string, input: Record<string, unknown>) {
  const res = await t.gql(CREATE_PROVIDER, { input }, adminToken);
  const payload = res.data?.admin?.createIdentityProvider;
  if (payload?.__typename !== 'IdentityProvider') throw new Error(`createIdentityProvider failed: ${JSON.stringify(res)}`);
  return payload;
}

export async function startSignIn(t: TestApp, provider: string, redirectUri = REDIRECT_URI): Promise<{ authorizationUrl: string; state: string }> {
  const res = await t.gql(START, { input: { provider, redirectUri } });
  const payload = res.data?.startSocialSignIn;
  if (payload?.__typename !== 'SocialAuthorization') throw new Error(`startSocialSignIn failed: ${JSON.stringify(res)}`);
  return payload;
}

export async function finishSignIn(t: TestApp, state: string, code: string) {
  return (await t.gql(FINISH, { input: { state, code } })).data?.finishSocialSignIn;
}

/** start → the provider's login (by `authorize`) → finish. */
export async function socialSignIn(
  t: TestApp,
  provider: string,
  authorize: (url: string) => Promise<URLSearchParams>,
): Promise<any> {
  const { authorizationUrl, state } = await startSignIn(t, provider);
  const callback = await authorize(authorizationUrl);
  if (callback.get('state') !== state) throw new Error(`the provider returned another state: ${callback}`);
  const code = callback.get('code');
  if (!code) throw new Error(`the provider returned no code: ${callback}`);
  return finishSignIn(t, state, code);
}

export async function counts(t: TestApp) {
  return { users: await t.db.prisma.user.count(), identities: await t.db.prisma.userIdentity.count() };
}
