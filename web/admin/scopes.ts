// The admin scopes the console reads from the access token (docs/api.md, Management).
export type AdminScope = 'admin:users:read' | 'admin:users:write' | 'admin:users:impersonate' | 'admin:settings' | 'admin:audit:read';
export const isAdminScope = (s: string): s is AdminScope => s.startsWith('admin:');
