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
    "\n  query ConsoleWhoAmI { me { id name primaryEmail username primaryPhone } }\n": typeof types.ConsoleWhoAmIDocument,
    "\n  query ConsoleAccountCenter {\n    admin { accountCenter { enabled pageEnabled signUpEnabled fields { name avatar profile username email phone password customData social mfa passkey sessions personalAccessTokens securityActivity trustedDevices } } }\n  }\n": typeof types.ConsoleAccountCenterDocument,
    "\n  mutation ConsoleUpdateAccountCenter($input: UpdateAccountCenterInput!) {\n    admin { updateAccountCenter(input: $input) { __typename ... on AccountCenter { enabled } ... on Error { code message } } }\n  }\n": typeof types.ConsoleUpdateAccountCenterDocument,
    "\n  query ConsoleAudit($filter: AuditEventFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    admin {\n      auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id action actorId userId at ip details } }\n      }\n    }\n  }\n": typeof types.ConsoleAuditDocument,
    "\n  query ConsoleIdentityProviders {\n    admin { identityProviders { key name type issuer clientId authorizationEndpoint tokenEndpoint userinfoEndpoint scopes trustEmail } }\n  }\n": typeof types.ConsoleIdentityProvidersDocument,
    "\n  mutation ConsoleCreateIdentityProvider($input: CreateIdentityProviderInput!) {\n    admin { createIdentityProvider(input: $input) { __typename ... on IdentityProvider { key } ... on Error { code message } } }\n  }\n": typeof types.ConsoleCreateIdentityProviderDocument,
    "\n  mutation ConsoleUpdateIdentityProvider($key: String!, $input: UpdateIdentityProviderInput!) {\n    admin { updateIdentityProvider(key: $key, input: $input) { __typename ... on IdentityProvider { key } ... on Error { code message } } }\n  }\n": typeof types.ConsoleUpdateIdentityProviderDocument,
    "\n  mutation ConsoleDeleteIdentityProvider($key: String!) { admin { deleteIdentityProvider(key: $key) { __typename ... on Error { code message } } } }\n": typeof types.ConsoleDeleteIdentityProviderDocument,
    "\n  query ConsoleMachineClients { admin { machineClients(first: 100) { edges { node { id clientId name scopes createdAt rotatedAt lastUsedAt } } } } }\n": typeof types.ConsoleMachineClientsDocument,
    "\n  mutation ConsoleCreateMachineClient($input: CreateMachineClientInput!) {\n    admin { createMachineClient(input: $input) { __typename ... on MachineClientSecret { clientId clientSecret } ... on Error { code message } } }\n  }\n": typeof types.ConsoleCreateMachineClientDocument,
    "\n  mutation ConsoleRotateMachineClient($id: ID!) { admin { rotateMachineClientSecret(id: $id) { __typename ... on MachineClientSecret { clientId clientSecret } ... on Error { code message } } } }\n": typeof types.ConsoleRotateMachineClientDocument,
    "\n  mutation ConsoleDeleteMachineClient($id: ID!) { admin { deleteMachineClient(id: $id) { __typename ... on Error { code message } } } }\n": typeof types.ConsoleDeleteMachineClientDocument,
    "\n  query ConsoleOverview($users: Boolean!, $audit: Boolean!, $settings: Boolean!) {\n    admin {\n      overview {\n        users @include(if: $users)\n        usersCapped @include(if: $users)\n        signUps24h @include(if: $users)\n        signUps30d @include(if: $users)\n        activeSessions @include(if: $users)\n        failedSignIns24h @include(if: $audit)\n        failedSignIns30d @include(if: $audit)\n        webhookQueue @include(if: $settings) { pending due failed oldestPendingAt }\n      }\n    }\n  }\n": typeof types.ConsoleOverviewDocument,
    "\n  query ConsolePasswordPolicy { passwordPolicy { minLength maxLength rejectCommon rejectUserInfo rejectRepetitive } }\n": typeof types.ConsolePasswordPolicyDocument,
    "\n  mutation ConsoleUpdatePasswordPolicy($input: UpdatePasswordPolicyInput!) {\n    admin { updatePasswordPolicy(input: $input) { __typename ... on PasswordPolicy { minLength } ... on Error { code message } } }\n  }\n": typeof types.ConsoleUpdatePasswordPolicyDocument,
    "\n  mutation ConsoleSetSuspended($id: ID!, $suspended: Boolean!) {\n    admin { setUserSuspended(id: $id, suspended: $suspended) { __typename ... on User { id isSuspended } ... on Error { code message } } }\n  }\n": typeof types.ConsoleSetSuspendedDocument,
    "\n  mutation ConsoleRemoveFactor($userId: ID!, $factorId: ID!) {\n    admin { removeUserMfaFactor(userId: $userId, factorId: $factorId) { __typename ... on User { id } ... on Error { code message } } }\n  }\n": typeof types.ConsoleRemoveFactorDocument,
    "\n  mutation ConsoleRevokeSessions($id: ID!) { admin { revokeUserSessions(id: $id) { __typename ... on AdminRevokeSessionsPayload { revokedCount } ... on Error { code message } } } }\n": typeof types.ConsoleRevokeSessionsDocument,
    "\n  mutation ConsoleSetPassword($id: ID!, $password: String!) {\n    admin { setUserPassword(id: $id, password: $password) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }\n  }\n": typeof types.ConsoleSetPasswordDocument,
    "\n  mutation ConsoleImpersonate($input: ImpersonateUserInput!) {\n    admin { impersonateUser(input: $input) { __typename ... on TokenSet { accessToken expiresIn } ... on Error { code message } } }\n  }\n": typeof types.ConsoleImpersonateDocument,
    "\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    admin { createUser(input: $input) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }\n  }\n": typeof types.ConsoleCreateUserDocument,
    "\n  mutation ConsoleDeleteUser($id: ID!, $immediately: Boolean) {\n    admin { deleteUser(id: $id, immediately: $immediately) { __typename ... on User { id deletionScheduledAt } ... on Error { code message } } }\n  }\n": typeof types.ConsoleDeleteUserDocument,
    "\n  mutation ConsoleCancelUserDeletion($id: ID!) {\n    admin { cancelUserDeletion(id: $id) { __typename ... on User { id deletionScheduledAt } ... on Error { code message } } }\n  }\n": typeof types.ConsoleCancelUserDeletionDocument,
    "\n  mutation ConsoleUpdateUser($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": typeof types.ConsoleUpdateUserDocument,
    "\n  mutation ConsoleSetRoles($id: ID!, $roles: [String!]!) { admin { setUserRoles(id: $id, roles: $roles) { __typename ... on User { id roles } ... on Error { code message } } } }\n": typeof types.ConsoleSetRolesDocument,
    "\n  mutation ConsoleRevokeToken($id: ID!) { admin { revokePersonalAccessToken(id: $id) { __typename ... on PersonalAccessToken { id } ... on Error { code message } } } }\n": typeof types.ConsoleRevokeTokenDocument,
    "\n  mutation ConsoleUnlink($input: UnlinkUserIdentityInput!) { admin { unlinkUserIdentity(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": typeof types.ConsoleUnlinkDocument,
    "\n  mutation ConsoleCreateToken($userId: ID!, $name: String!, $expiresAt: DateTime) {\n    admin {\n      createPersonalAccessToken(userId: $userId, name: $name, expiresAt: $expiresAt) {\n        __typename ... on PersonalAccessTokenSecret { token personalAccessToken { id name } } ... on Error { code message }\n      }\n    }\n  }\n": typeof types.ConsoleCreateTokenDocument,
    "\n  query ConsoleUser($id: ID!, $audit: Boolean!) {\n    admin {\n      user(id: $id) {\n        id username primaryEmail primaryPhone name avatar roles isSuspended deletionScheduledAt hasPassword createdAt updatedAt lastSignInAt\n        mfaFactors { id type name createdAt lastUsedAt remainingCodes }\n        identities { provider providerName subject email linkedAt lastSignInAt }\n        sessions(first: 50) { totalCount edges { node { id ip userAgent createdAt lastActiveAt impersonated } } }\n        personalAccessTokens(first: 50) { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } }\n        auditEvents(first: 20) @include(if: $audit) { edges { node { id action actorId userId at ip details } } }\n      }\n    }\n  }\n": typeof types.ConsoleUserDocument,
    "\n  query ConsoleUsers($first: Int, $after: String, $last: Int, $before: String, $search: String, $filter: UserFilter, $orderBy: UserOrder) {\n    identityProviders { key name }\n    admin {\n      users(first: $first, after: $after, last: $last, before: $before, search: $search, filter: $filter, orderBy: $orderBy) {\n        totalCount totalCountCapped\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { node { id primaryEmail username primaryPhone name isSuspended deletionScheduledAt roles createdAt lastSignInAt } }\n      }\n    }\n  }\n": typeof types.ConsoleUsersDocument,
    "\n  mutation ConsoleRedeliver($id: ID!) { admin { redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id } ... on Error { code message } } } }\n": typeof types.ConsoleRedeliverDocument,
    "\n  mutation ConsoleTestWebhook($id: ID!) { admin { testWebhook(id: $id) { __typename ... on WebhookDelivery { id } ... on Error { code message } } } }\n": typeof types.ConsoleTestWebhookDocument,
    "\n  mutation ConsoleRotateWebhook($id: ID!) { admin { rotateWebhookSecret(id: $id) { __typename ... on WebhookSecret { signingSecret } ... on Error { code message } } } }\n": typeof types.ConsoleRotateWebhookDocument,
    "\n  mutation ConsoleDeleteWebhook($id: ID!) { admin { deleteWebhook(id: $id) { __typename ... on Error { code message } } } }\n": typeof types.ConsoleDeleteWebhookDocument,
    "\n  query ConsoleWebhooks {\n    eventTypes { type label }\n    admin {\n      webhooks(first: 10) {\n        edges {\n          node {\n            id name url events enabled createdAt\n            deliveries(first: 5) { totalCount edges { node { id eventType status attempts lastStatusCode lastError createdAt } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ConsoleWebhooksDocument,
    "\n  mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {\n    admin { createWebhook(input: $input) { __typename ... on WebhookSecret { signingSecret webhook { id } } ... on Error { code message } } }\n  }\n": typeof types.ConsoleCreateWebhookDocument,
};
const documents: Documents = {
    "\n  query ConsoleWhoAmI { me { id name primaryEmail username primaryPhone } }\n": types.ConsoleWhoAmIDocument,
    "\n  query ConsoleAccountCenter {\n    admin { accountCenter { enabled pageEnabled signUpEnabled fields { name avatar profile username email phone password customData social mfa passkey sessions personalAccessTokens securityActivity trustedDevices } } }\n  }\n": types.ConsoleAccountCenterDocument,
    "\n  mutation ConsoleUpdateAccountCenter($input: UpdateAccountCenterInput!) {\n    admin { updateAccountCenter(input: $input) { __typename ... on AccountCenter { enabled } ... on Error { code message } } }\n  }\n": types.ConsoleUpdateAccountCenterDocument,
    "\n  query ConsoleAudit($filter: AuditEventFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    admin {\n      auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id action actorId userId at ip details } }\n      }\n    }\n  }\n": types.ConsoleAuditDocument,
    "\n  query ConsoleIdentityProviders {\n    admin { identityProviders { key name type issuer clientId authorizationEndpoint tokenEndpoint userinfoEndpoint scopes trustEmail } }\n  }\n": types.ConsoleIdentityProvidersDocument,
    "\n  mutation ConsoleCreateIdentityProvider($input: CreateIdentityProviderInput!) {\n    admin { createIdentityProvider(input: $input) { __typename ... on IdentityProvider { key } ... on Error { code message } } }\n  }\n": types.ConsoleCreateIdentityProviderDocument,
    "\n  mutation ConsoleUpdateIdentityProvider($key: String!, $input: UpdateIdentityProviderInput!) {\n    admin { updateIdentityProvider(key: $key, input: $input) { __typename ... on IdentityProvider { key } ... on Error { code message } } }\n  }\n": types.ConsoleUpdateIdentityProviderDocument,
    "\n  mutation ConsoleDeleteIdentityProvider($key: String!) { admin { deleteIdentityProvider(key: $key) { __typename ... on Error { code message } } } }\n": types.ConsoleDeleteIdentityProviderDocument,
    "\n  query ConsoleMachineClients { admin { machineClients(first: 100) { edges { node { id clientId name scopes createdAt rotatedAt lastUsedAt } } } } }\n": types.ConsoleMachineClientsDocument,
    "\n  mutation ConsoleCreateMachineClient($input: CreateMachineClientInput!) {\n    admin { createMachineClient(input: $input) { __typename ... on MachineClientSecret { clientId clientSecret } ... on Error { code message } } }\n  }\n": types.ConsoleCreateMachineClientDocument,
    "\n  mutation ConsoleRotateMachineClient($id: ID!) { admin { rotateMachineClientSecret(id: $id) { __typename ... on MachineClientSecret { clientId clientSecret } ... on Error { code message } } } }\n": types.ConsoleRotateMachineClientDocument,
    "\n  mutation ConsoleDeleteMachineClient($id: ID!) { admin { deleteMachineClient(id: $id) { __typename ... on Error { code message } } } }\n": types.ConsoleDeleteMachineClientDocument,
    "\n  query ConsoleOverview($users: Boolean!, $audit: Boolean!, $settings: Boolean!) {\n    admin {\n      overview {\n        users @include(if: $users)\n        usersCapped @include(if: $users)\n        signUps24h @include(if: $users)\n        signUps30d @include(if: $users)\n        activeSessions @include(if: $users)\n        failedSignIns24h @include(if: $audit)\n        failedSignIns30d @include(if: $audit)\n        webhookQueue @include(if: $settings) { pending due failed oldestPendingAt }\n      }\n    }\n  }\n": types.ConsoleOverviewDocument,
    "\n  query ConsolePasswordPolicy { passwordPolicy { minLength maxLength rejectCommon rejectUserInfo rejectRepetitive } }\n": types.ConsolePasswordPolicyDocument,
    "\n  mutation ConsoleUpdatePasswordPolicy($input: UpdatePasswordPolicyInput!) {\n    admin { updatePasswordPolicy(input: $input) { __typename ... on PasswordPolicy { minLength } ... on Error { code message } } }\n  }\n": types.ConsoleUpdatePasswordPolicyDocument,
    "\n  mutation ConsoleSetSuspended($id: ID!, $suspended: Boolean!) {\n    admin { setUserSuspended(id: $id, suspended: $suspended) { __typename ... on User { id isSuspended } ... on Error { code message } } }\n  }\n": types.ConsoleSetSuspendedDocument,
    "\n  mutation ConsoleRemoveFactor($userId: ID!, $factorId: ID!) {\n    admin { removeUserMfaFactor(userId: $userId, factorId: $factorId) { __typename ... on User { id } ... on Error { code message } } }\n  }\n": types.ConsoleRemoveFactorDocument,
    "\n  mutation ConsoleRevokeSessions($id: ID!) { admin { revokeUserSessions(id: $id) { __typename ... on AdminRevokeSessionsPayload { revokedCount } ... on Error { code message } } } }\n": types.ConsoleRevokeSessionsDocument,
    "\n  mutation ConsoleSetPassword($id: ID!, $password: String!) {\n    admin { setUserPassword(id: $id, password: $password) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }\n  }\n": types.ConsoleSetPasswordDocument,
    "\n  mutation ConsoleImpersonate($input: ImpersonateUserInput!) {\n    admin { impersonateUser(input: $input) { __typename ... on TokenSet { accessToken expiresIn } ... on Error { code message } } }\n  }\n": types.ConsoleImpersonateDocument,
    "\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    admin { createUser(input: $input) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }\n  }\n": types.ConsoleCreateUserDocument,
    "\n  mutation ConsoleDeleteUser($id: ID!, $immediately: Boolean) {\n    admin { deleteUser(id: $id, immediately: $immediately) { __typename ... on User { id deletionScheduledAt } ... on Error { code message } } }\n  }\n": types.ConsoleDeleteUserDocument,
    "\n  mutation ConsoleCancelUserDeletion($id: ID!) {\n    admin { cancelUserDeletion(id: $id) { __typename ... on User { id deletionScheduledAt } ... on Error { code message } } }\n  }\n": types.ConsoleCancelUserDeletionDocument,
    "\n  mutation ConsoleUpdateUser($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": types.ConsoleUpdateUserDocument,
    "\n  mutation ConsoleSetRoles($id: ID!, $roles: [String!]!) { admin { setUserRoles(id: $id, roles: $roles) { __typename ... on User { id roles } ... on Error { code message } } } }\n": types.ConsoleSetRolesDocument,
    "\n  mutation ConsoleRevokeToken($id: ID!) { admin { revokePersonalAccessToken(id: $id) { __typename ... on PersonalAccessToken { id } ... on Error { code message } } } }\n": types.ConsoleRevokeTokenDocument,
    "\n  mutation ConsoleUnlink($input: UnlinkUserIdentityInput!) { admin { unlinkUserIdentity(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n": types.ConsoleUnlinkDocument,
    "\n  mutation ConsoleCreateToken($userId: ID!, $name: String!, $expiresAt: DateTime) {\n    admin {\n      createPersonalAccessToken(userId: $userId, name: $name, expiresAt: $expiresAt) {\n        __typename ... on PersonalAccessTokenSecret { token personalAccessToken { id name } } ... on Error { code message }\n      }\n    }\n  }\n": types.ConsoleCreateTokenDocument,
    "\n  query ConsoleUser($id: ID!, $audit: Boolean!) {\n    admin {\n      user(id: $id) {\n        id username primaryEmail primaryPhone name avatar roles isSuspended deletionScheduledAt hasPassword createdAt updatedAt lastSignInAt\n        mfaFactors { id type name createdAt lastUsedAt remainingCodes }\n        identities { provider providerName subject email linkedAt lastSignInAt }\n        sessions(first: 50) { totalCount edges { node { id ip userAgent createdAt lastActiveAt impersonated } } }\n        personalAccessTokens(first: 50) { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } }\n        auditEvents(first: 20) @include(if: $audit) { edges { node { id action actorId userId at ip details } } }\n      }\n    }\n  }\n": types.ConsoleUserDocument,
    "\n  query ConsoleUsers($first: Int, $after: String, $last: Int, $before: String, $search: String, $filter: UserFilter, $orderBy: UserOrder) {\n    identityProviders { key name }\n    admin {\n      users(first: $first, after: $after, last: $last, before: $before, search: $search, filter: $filter, orderBy: $orderBy) {\n        totalCount totalCountCapped\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { node { id primaryEmail username primaryPhone name isSuspended deletionScheduledAt roles createdAt lastSignInAt } }\n      }\n    }\n  }\n": types.ConsoleUsersDocument,
    "\n  mutation ConsoleRedeliver($id: ID!) { admin { redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id } ... on Error { code message } } } }\n": types.ConsoleRedeliverDocument,
    "\n  mutation ConsoleTestWebhook($id: ID!) { admin { testWebhook(id: $id) { __typename ... on WebhookDelivery { id } ... on Error { code message } } } }\n": types.ConsoleTestWebhookDocument,
    "\n  mutation ConsoleRotateWebhook($id: ID!) { admin { rotateWebhookSecret(id: $id) { __typename ... on WebhookSecret { signingSecret } ... on Error { code message } } } }\n": types.ConsoleRotateWebhookDocument,
    "\n  mutation ConsoleDeleteWebhook($id: ID!) { admin { deleteWebhook(id: $id) { __typename ... on Error { code message } } } }\n": types.ConsoleDeleteWebhookDocument,
    "\n  query ConsoleWebhooks {\n    eventTypes { type label }\n    admin {\n      webhooks(first: 10) {\n        edges {\n          node {\n            id name url events enabled createdAt\n            deliveries(first: 5) { totalCount edges { node { id eventType status attempts lastStatusCode lastError createdAt } } }\n          }\n        }\n      }\n    }\n  }\n": types.ConsoleWebhooksDocument,
    "\n  mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {\n    admin { createWebhook(input: $input) { __typename ... on WebhookSecret { signingSecret webhook { id } } ... on Error { code message } } }\n  }\n": types.ConsoleCreateWebhookDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWhoAmI { me { id name primaryEmail username primaryPhone } }\n"): typeof import('./graphql').ConsoleWhoAmIDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAccountCenter {\n    admin { accountCenter { enabled pageEnabled signUpEnabled fields { name avatar profile username email phone password customData social mfa passkey sessions personalAccessTokens securityActivity trustedDevices } } }\n  }\n"): typeof import('./graphql').ConsoleAccountCenterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateAccountCenter($input: UpdateAccountCenterInput!) {\n    admin { updateAccountCenter(input: $input) { __typename ... on AccountCenter { enabled } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleUpdateAccountCenterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleAudit($filter: AuditEventFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    admin {\n      auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id action actorId userId at ip details } }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleIdentityProviders {\n    admin { identityProviders { key name type issuer clientId authorizationEndpoint tokenEndpoint userinfoEndpoint scopes trustEmail } }\n  }\n"): typeof import('./graphql').ConsoleIdentityProvidersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateIdentityProvider($input: CreateIdentityProviderInput!) {\n    admin { createIdentityProvider(input: $input) { __typename ... on IdentityProvider { key } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleCreateIdentityProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateIdentityProvider($key: String!, $input: UpdateIdentityProviderInput!) {\n    admin { updateIdentityProvider(key: $key, input: $input) { __typename ... on IdentityProvider { key } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleUpdateIdentityProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteIdentityProvider($key: String!) { admin { deleteIdentityProvider(key: $key) { __typename ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleDeleteIdentityProviderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMachineClients { admin { machineClients(first: 100) { edges { node { id clientId name scopes createdAt rotatedAt lastUsedAt } } } } }\n"): typeof import('./graphql').ConsoleMachineClientsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateMachineClient($input: CreateMachineClientInput!) {\n    admin { createMachineClient(input: $input) { __typename ... on MachineClientSecret { clientId clientSecret } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleCreateMachineClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRotateMachineClient($id: ID!) { admin { rotateMachineClientSecret(id: $id) { __typename ... on MachineClientSecret { clientId clientSecret } ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleRotateMachineClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteMachineClient($id: ID!) { admin { deleteMachineClient(id: $id) { __typename ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleDeleteMachineClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleOverview($users: Boolean!, $audit: Boolean!, $settings: Boolean!) {\n    admin {\n      overview {\n        users @include(if: $users)\n        usersCapped @include(if: $users)\n        signUps24h @include(if: $users)\n        signUps30d @include(if: $users)\n        activeSessions @include(if: $users)\n        failedSignIns24h @include(if: $audit)\n        failedSignIns30d @include(if: $audit)\n        webhookQueue @include(if: $settings) { pending due failed oldestPendingAt }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePasswordPolicy { passwordPolicy { minLength maxLength rejectCommon rejectUserInfo rejectRepetitive } }\n"): typeof import('./graphql').ConsolePasswordPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdatePasswordPolicy($input: UpdatePasswordPolicyInput!) {\n    admin { updatePasswordPolicy(input: $input) { __typename ... on PasswordPolicy { minLength } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleUpdatePasswordPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetSuspended($id: ID!, $suspended: Boolean!) {\n    admin { setUserSuspended(id: $id, suspended: $suspended) { __typename ... on User { id isSuspended } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleSetSuspendedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRemoveFactor($userId: ID!, $factorId: ID!) {\n    admin { removeUserMfaFactor(userId: $userId, factorId: $factorId) { __typename ... on User { id } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleRemoveFactorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeSessions($id: ID!) { admin { revokeUserSessions(id: $id) { __typename ... on AdminRevokeSessionsPayload { revokedCount } ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleRevokeSessionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetPassword($id: ID!, $password: String!) {\n    admin { setUserPassword(id: $id, password: $password) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleSetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleImpersonate($input: ImpersonateUserInput!) {\n    admin { impersonateUser(input: $input) { __typename ... on TokenSet { accessToken expiresIn } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleImpersonateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateUser($input: CreateUserInput!) {\n    admin { createUser(input: $input) { __typename ... on User { id } ... on PasswordRejectedError { rules } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleCreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteUser($id: ID!, $immediately: Boolean) {\n    admin { deleteUser(id: $id, immediately: $immediately) { __typename ... on User { id deletionScheduledAt } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleDeleteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCancelUserDeletion($id: ID!) {\n    admin { cancelUserDeletion(id: $id) { __typename ... on User { id deletionScheduledAt } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleCancelUserDeletionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateUser($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleUpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetRoles($id: ID!, $roles: [String!]!) { admin { setUserRoles(id: $id, roles: $roles) { __typename ... on User { id roles } ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleSetRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeToken($id: ID!) { admin { revokePersonalAccessToken(id: $id) { __typename ... on PersonalAccessToken { id } ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleRevokeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUnlink($input: UnlinkUserIdentityInput!) { admin { unlinkUserIdentity(input: $input) { __typename ... on User { id } ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleUnlinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateToken($userId: ID!, $name: String!, $expiresAt: DateTime) {\n    admin {\n      createPersonalAccessToken(userId: $userId, name: $name, expiresAt: $expiresAt) {\n        __typename ... on PersonalAccessTokenSecret { token personalAccessToken { id name } } ... on Error { code message }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleCreateTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUser($id: ID!, $audit: Boolean!) {\n    admin {\n      user(id: $id) {\n        id username primaryEmail primaryPhone name avatar roles isSuspended deletionScheduledAt hasPassword createdAt updatedAt lastSignInAt\n        mfaFactors { id type name createdAt lastUsedAt remainingCodes }\n        identities { provider providerName subject email linkedAt lastSignInAt }\n        sessions(first: 50) { totalCount edges { node { id ip userAgent createdAt lastActiveAt impersonated } } }\n        personalAccessTokens(first: 50) { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } }\n        auditEvents(first: 20) @include(if: $audit) { edges { node { id action actorId userId at ip details } } }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUsers($first: Int, $after: String, $last: Int, $before: String, $search: String, $filter: UserFilter, $orderBy: UserOrder) {\n    identityProviders { key name }\n    admin {\n      users(first: $first, after: $after, last: $last, before: $before, search: $search, filter: $filter, orderBy: $orderBy) {\n        totalCount totalCountCapped\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { node { id primaryEmail username primaryPhone name isSuspended deletionScheduledAt roles createdAt lastSignInAt } }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRedeliver($id: ID!) { admin { redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id } ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleRedeliverDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleTestWebhook($id: ID!) { admin { testWebhook(id: $id) { __typename ... on WebhookDelivery { id } ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleTestWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRotateWebhook($id: ID!) { admin { rotateWebhookSecret(id: $id) { __typename ... on WebhookSecret { signingSecret } ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleRotateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteWebhook($id: ID!) { admin { deleteWebhook(id: $id) { __typename ... on Error { code message } } } }\n"): typeof import('./graphql').ConsoleDeleteWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWebhooks {\n    eventTypes { type label }\n    admin {\n      webhooks(first: 10) {\n        edges {\n          node {\n            id name url events enabled createdAt\n            deliveries(first: 5) { totalCount edges { node { id eventType status attempts lastStatusCode lastError createdAt } } }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ConsoleWebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateWebhook($input: CreateWebhookInput!) {\n    admin { createWebhook(input: $input) { __typename ... on WebhookSecret { signingSecret webhook { id } } ... on Error { code message } } }\n  }\n"): typeof import('./graphql').ConsoleCreateWebhookDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
