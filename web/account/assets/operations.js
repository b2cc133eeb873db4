// Every GraphQL operation the page sends: the public API, nothing private. `feature` names the API
// part an operation needs beyond the core (passkeys, social, events): the page sends it only when
// that part was detected. test/account-page.test.ts validates every operation against schema.graphql.
const ERR = '... on Error { code message }';
const PW_ERR = '... on PasswordRejectedError { rules }';
const RATE_ERR = '... on RateLimitedError { retryAfterSeconds }';
const TOKENS = '... on TokenSet { accessToken refreshToken expiresIn }';
const CHALLENGE = '... on MfaChallenge { mfaToken factors }';
const RECORD = '... on VerificationRecord { id expiresAt verified }';
const PASSKEY_CHALLENGE = '... on PasskeyChallenge { challengeId options expiresAt }';
const SOCIAL_AUTH = '... on SocialAuthorization { authorizationUrl state }';

const op = (name, path, document, feature = null) => ({ name, path, document, feature });

const CORE_FIELDS = 'name avatar profile username email phone password customData social mfa sessions personalAccessTokens';

/** Feature probes: a query that fails validation when that part of the API is absent. Sent anonymously. */
export const PROBES = {
  passkeys: 'query ProbePasskeys { accountCenter { fields { passkey } } }',
  social: 'query ProbeSocial { identityProviders { key } }',
  events: 'query ProbeEvents { accountCenter { fields { securityActivity } } me { securityEvents(first: 1) { edges { node { id } } } } }',
  exportData: 'query ProbeExport { me { exportData } }',
};

export function accountCenterQuery(features) {
  const extra = [features.passkeys && 'passkey', features.events && 'securityActivity'].filter(Boolean).join(' ');
  return op(
    'AccountCenter',
    [],
    `query AccountCenter { accountCenter { enabled signUpEnabled fields { ${CORE_FIELDS} ${extra} } } passwordPolicy { minLength } }`,
    features.passkeys ? 'passkeys' : features.events ? 'events' : null,
  );
}

export function meQuery(features) {
  const identities = features.social ? 'identities { provider subject email name linkedAt lastSignInAt }' : '';
  const factorName = features.passkeys ? 'name' : '';
  return op(
    'Me',
    ['me'],
    `query Me {
  me {
    id username primaryEmail primaryPhone name avatar customData hasPassword createdAt lastSignInAt
    profile { givenName familyName middleName nickname preferredUsername website gender birthdate zoneinfo locale }
    mfaFactors { id type ${factorName} createdAt lastUsedAt remainingCodes }
    ${identities}
    sessions(first: 50) { totalCount edges { node { id current impersonated createdAt lastActiveAt expiresAt ip userAgent } } }
    personalAccessTokens(first: 50) { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } }
  }
}`,
    features.social ? 'social' : features.passkeys ? 'passkeys' : null,
  );
}

const me = (name, field, args, selection, feature = null) =>
  op(name, ['me', field], `mutation ${name}${args.vars} { me { ${field}${args.call} { __typename ${selection} ${ERR} } } }`, feature);
const input = (type) => ({ vars: `($input: ${type}!)`, call: '(input: $input)' });
const arg = (name, type) => ({ vars: `($${name}: ${type})`, call: `(${name}: $${name})` });
const none = { vars: '', call: '' };
const PASSKEY_ASSERTION = { vars: '($challengeId: ID!, $credential: JSON!)', call: '(input: { challengeId: $challengeId, credential: $credential })' };

export const OPS = {
  identityProviders: op('IdentityProviders', ['identityProviders'], 'query IdentityProviders { identityProviders { key name type } }', 'social'),
  signIn: op('SignIn', ['signIn'], `mutation SignIn($input: SignInInput!) { signIn(input: $input) { __typename ${TOKENS} ${CHALLENGE} ${RATE_ERR} ${ERR} } }`),
  signUp: op('SignUp', ['signUp'], `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { __typename ${TOKENS} ${PW_ERR} ${RATE_ERR} ${ERR} } }`),
  verifySignIn: op('VerifySignIn', ['verifySignIn'], `mutation VerifySignIn($input: VerifySignInInput!) { verifySignIn(input: $input) { __typename ${TOKENS} ${RATE_ERR} ${ERR} } }`),
  signOut: op('SignOut', ['signOut'], `mutation SignOut { signOut { __typename ${ERR} } }`),
  // Operations of optional parts pass inline input objects of scalar variables, so they depend on
  // the field names of docs/api.md only, never on the names of their input types.
  startPasskeySignIn: op('StartPasskeySignIn', ['startPasskeySignIn'], `mutation StartPasskeySignIn { startPasskeySignIn(input: {}) { __typename ${PASSKEY_CHALLENGE} ${ERR} } }`, 'passkeys'),
  finishPasskeySignIn: op('FinishPasskeySignIn', ['finishPasskeySignIn'], `mutation FinishPasskeySignIn($challengeId: ID!, $credential: JSON!) { finishPasskeySignIn(input: { challengeId: $challengeId, credential: $credential }) { __typename ${TOKENS} ${ERR} } }`, 'passkeys'),
  startMfaPasskey: op('StartMfaPasskey', ['startMfaPasskey'], `mutation StartMfaPasskey($mfaToken: String!) { startMfaPasskey(mfaToken: $mfaToken) { __typename ${PASSKEY_CHALLENGE} ${ERR} } }`, 'passkeys'),
  startSocialSignIn: op('StartSocialSignIn', ['startSocialSignIn'], `mutation StartSocialSignIn($provider: String!, $redirectUri: String!) { startSocialSignIn(input: { provider: $provider, redirectUri: $redirectUri }) { __typename ${SOCIAL_AUTH} ${ERR} } }`, 'social'),
  finishSocialSignIn: op('FinishSocialSignIn', ['finishSocialSignIn'], `mutation FinishSocialSignIn($state: String!, $code: String!) { finishSocialSignIn(input: { state: $state, code: $code }) { __typename ${TOKENS} ${CHALLENGE} ${ERR} } }`, 'social'),

  verifyPassword: me('VerifyPassword', 'verifyPassword', arg('password', 'String!'), RECORD),
  sendVerificationCode: me('SendVerificationCode', 'sendVerificationCode', input('SendVerificationCodeInput'), `${RECORD} ${RATE_ERR}`),
  verifyCode: me('VerifyCode', 'verifyCode', input('VerifyCodeInput'), RECORD),
  verifyTotp: me('VerifyTotp', 'verifyTotp', arg('code', 'String!'), RECORD, 'passkeys'),
  startPasskeyVerification: me('StartPasskeyVerification', 'startPasskeyVerification', none, PASSKEY_CHALLENGE, 'passkeys'),
  verifyPasskey: me('VerifyPasskey', 'verifyPasskey', PASSKEY_ASSERTION, RECORD, 'passkeys'),

  updateProfile: me('UpdateProfile', 'updateProfile', input('UpdateProfileInput'), '... on User { id }'),
  setPrimaryEmail: me('SetPrimaryEmail', 'setPrimaryEmail', input('SetPrimaryEmailInput'), '... on User { id }'),
  removePrimaryEmail: me('RemovePrimaryEmail', 'removePrimaryEmail', arg('verificationId', 'ID!'), '... on User { id }'),
  setPrimaryPhone: me('SetPrimaryPhone', 'setPrimaryPhone', input('SetPrimaryPhoneInput'), '... on User { id }'),
  removePrimaryPhone: me('RemovePrimaryPhone', 'removePrimaryPhone', arg('verificationId', 'ID!'), '... on User { id }'),
  setPassword: me('SetPassword', 'setPassword', input('SetPasswordInput'), `... on User { id } ${PW_ERR}`),

  generateTotpSecret: me('GenerateTotpSecret', 'generateTotpSecret', none, '... on TotpSecret { secret otpauthUri qrCode }'),
  enrollTotp: me('EnrollTotp', 'enrollTotp', input('EnrollTotpInput'), '... on MfaFactor { id }'),
  generateBackupCodes: me('GenerateBackupCodes', 'generateBackupCodes', arg('verificationId', 'ID!'), '... on BackupCodes { codes }'),
  removeMfaFactor: me('RemoveMfaFactor', 'removeMfaFactor', input('RemoveMfaFactorInput'), '... on User { id }'),
  startPasskeyRegistration: me('StartPasskeyRegistration', 'startPasskeyRegistration', arg('verificationId', 'ID!'), PASSKEY_CHALLENGE, 'passkeys'),
  finishPasskeyRegistration: me('FinishPasskeyRegistration', 'finishPasskeyRegistration', {
    vars: '($challengeId: ID!, $credential: JSON!, $name: String)',
    call: '(input: { challengeId: $challengeId, credential: $credential, name: $name })',
  }, '... on MfaFactor { id }', 'passkeys'),
  renamePasskey: me('RenamePasskey', 'renamePasskey', { vars: '($id: ID!, $name: String!)', call: '(input: { id: $id, name: $name })' }, '... on MfaFactor { id }', 'passkeys'),

  startSocialLink: me('StartSocialLink', 'startSocialLink', {
    vars: '($provider: String!, $redirectUri: String!, $verificationId: ID!)',
    call: '(input: { provider: $provider, redirectUri: $redirectUri, verificationId: $verificationId })',
  }, SOCIAL_AUTH, 'social'),
  finishSocialLink: me('FinishSocialLink', 'finishSocialLink', { vars: '($state: String!, $code: String!)', call: '(input: { state: $state, code: $code })' }, '... on UserIdentity { provider }', 'social'),
  removeIdentity: me('RemoveIdentity', 'removeIdentity', { vars: '($provider: String!, $verificationId: ID!)', call: '(input: { provider: $provider, verificationId: $verificationId })' }, '... on User { id }', 'social'),

  revokeSession: me('RevokeSession', 'revokeSession', arg('id', 'ID!'), '... on RevokeSessionsPayload { revokedCount }'),
  revokeOtherSessions: me('RevokeOtherSessions', 'revokeOtherSessions', none, '... on RevokeSessionsPayload { revokedCount }'),
  createPersonalAccessToken: me('CreatePersonalAccessToken', 'createPersonalAccessToken', input('CreatePersonalAccessTokenInput'), '... on PersonalAccessTokenSecret { token personalAccessToken { id name } }'),
  revokePersonalAccessToken: me('RevokePersonalAccessToken', 'revokePersonalAccessToken', arg('id', 'ID!'), '... on PersonalAccessToken { id }'),
  deleteAccount: me('DeleteAccount', 'deleteAccount', arg('verificationId', 'ID!'), '... on DeleteAccountPayload { deletedUserId }'),

  securityEvents: op('SecurityEvents', ['me', 'securityEvents'], 'query SecurityEvents($after: String) { me { securityEvents(first: 20, after: $after) { edges { node { id type at ip userAgent } } pageInfo { hasNextPage endCursor } } } }', 'events'),
  exportData: op('ExportData', ['me', 'exportData'], 'query ExportData { me { exportData } }', 'exportData'),
};
