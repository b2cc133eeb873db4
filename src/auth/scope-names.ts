// The admin scopes of docs/api.md#management-admin. Users with the role `admin` get all of them at sign-in.
export const ADMIN_SCOPES = [
  'admin:users:read',
  'admin:users:write',
  'admin:users:impersonate',
  'admin:settings',
  'admin:audit:read',
] as const;

export type AdminScope = (typeof ADMIN_SCOPES)[number];

export const ADMIN_ROLE = 'admin';

export function isAdminScope(value: string): value is AdminScope {
  return (ADMIN_SCOPES as readonly string[]).includes(value);
}

/**
 * Scopes a user's roles entitle them to: every one for the role `admin`, else exactly the admin
 * scopes the roles name (a read-only or support admin, e.g. roles ["admin:users:read"]).
 */
export function scopesForRoles(roles: readonly string[]): AdminScope[] {
  return roles.includes(ADMIN_ROLE) ? [...ADMIN_SCOPES] : ADMIN_SCOPES.filter((scope) => roles.includes(scope));
}

export function parseScope(scope: string | undefined): string[] {
  return (scope ?? '').split(' ').filter(Boolean);
}
