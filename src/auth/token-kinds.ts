// Two kinds of access token, told apart by their shape, never by one optional claim alone.
// RFC 9068 gives every access token a `client_id`, so its presence cannot mean "machine client":
// - user tokens (sign-in, refresh, impersonation): `sub` = the user's id, `sid` = their session,
//   `client_id` = this service's own first-party client (the GraphQL API and its account page);
// - machine-client tokens (client_credentials): no `sid`, and `sub` = `client_id` = the client's
//   `mc_…` id, a prefix no user id or first-party client id has.
export const FIRST_PARTY_CLIENT_ID = 'account-service';
export const MACHINE_CLIENT_ID_PREFIX = 'mc_';

export type AccessTokenKind = 'user' | 'client';

export function accessTokenKind(claims: { sub: string; sid?: unknown; client_id?: unknown }): AccessTokenKind | null {
  if (typeof claims.sid === 'string' && claims.sid) return claims.sub.startsWith(MACHINE_CLIENT_ID_PREFIX) ? null : 'user';
  if (claims.sid !== undefined) return null;
  if (typeof claims.client_id === 'string' && claims.client_id.startsWith(MACHINE_CLIENT_ID_PREFIX) && claims.sub === claims.client_id) return 'client';
  return null;
}
