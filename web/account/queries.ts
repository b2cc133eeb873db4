// What the page reads: the account-center settings (public) and the signed-in user.
import { graphql } from './gql';
import type { AccountCenterQuery, MeQuery } from './gql/graphql';

export const AccountCenterDoc = graphql(`
  query AccountCenter {
    accountCenter {
      enabled
      signUpEnabled
      fields { name avatar profile username email phone password customData social mfa passkey sessions personalAccessTokens securityActivity trustedDevices }
    }
    passwordPolicy { minLength }
    identityProviders { key name type }
  }
`);

export const MeDoc = graphql(`
  query Me {
    me {
      id username primaryEmail emailVerified primaryPhone phoneVerified name avatar customData hasPassword createdAt lastSignInAt
      profile { givenName familyName middleName nickname preferredUsername website gender birthdate zoneinfo locale }
      mfaFactors { id type name createdAt lastUsedAt remainingCodes credentialId }
      identities { provider subject email name linkedAt lastSignInAt }
      sessions(first: 50) { totalCount edges { node { id current impersonated createdAt lastActiveAt expiresAt ip userAgent } } }
      personalAccessTokens(first: 50) { totalCount edges { node { id name createdAt expiresAt lastUsedAt } } }
      trustedDevices(first: 50) { totalCount edges { node { id name createdAt lastUsedAt expiresAt } } }
    }
  }
`);

export type Center = AccountCenterQuery['accountCenter'];
export type Me = NonNullable<MeQuery['me']>;
export type FieldName = keyof Omit<Center['fields'], '__typename'>;
