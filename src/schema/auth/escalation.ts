// A caller never hands out, or takes over, more admin power than it holds: without this a machine
// client with only admin:settings could mint a client with every scope (or rotate a broader
// client's secret), and one with only admin:users:write could make or take over a user with the
// `admin` role, who gets every scope at sign-in (e.g. point the admin's email at itself, mint a
// personal access token for the admin, and reset the password through `me`). So any write to an
// admin's account needs every admin scope. Users with that role hold every scope anyway.
import { ADMIN_ROLE, ADMIN_SCOPES, type AdminScope, isAdminScope } from '../../auth/scope-names.js';
import type { Context } from '../context.js';

type AllOf = { admin: AdminScope } | { $all: { admin: AdminScope; $all: AllOf } };

/** A scope map demanding every one of `scopes` (the `admin` scope alone accepts any of a list). */
export function everyScope(base: AdminScope, extra: readonly string[] = []): AllOf {
  const [first, ...rest] = [...new Set([base, ...extra.filter(isAdminScope)])] as [AdminScope, ...AdminScope[]];
  return rest.length ? { $all: { admin: first, $all: everyScope(rest[0]!, rest.slice(1)) } } : { admin: first };
}

// Any admin power counts, the role `admin` or a role naming an admin scope: granting or taking over
// even a read-only admin needs every admin scope (safe by default, and simpler than comparing sets).
export const grantsAdminRole = (roles: readonly string[] | null | undefined): boolean =>
  Boolean(roles?.some((role) => role === ADMIN_ROLE || isAdminScope(role)));

export async function isAdminUser(ctx: Context, id: string): Promise<boolean> {
  const user = await ctx.deps.prisma.user.findUnique({ where: { id: String(id) }, select: { roles: true } });
  return grantsAdminRole(user?.roles);
}

/** admin:users:write, plus every admin scope when the change grants or takes over admin power. */
export function usersWrite(adminPower: boolean): AllOf {
  return everyScope('admin:users:write', adminPower ? ADMIN_SCOPES : []);
}

export async function isAdminTokenOwner(ctx: Context, patId: string): Promise<boolean> {
  const pat = await ctx.deps.prisma.personalAccessToken.findUnique({ where: { id: String(patId) }, select: { user: { select: { roles: true } } } });
  return grantsAdminRole(pat?.user.roles);
}

/**
 * admin:users:impersonate, plus the right to change the target when it is an admin (usersWrite):
 * an impersonation token of an admin can sign them out everywhere (me.revokeOtherSessions), which
 * admin.revokeUserSessions on that admin already refuses to a caller without that right.
 */
export function impersonate(adminTarget: boolean): AllOf {
  return everyScope('admin:users:impersonate', adminTarget ? ['admin:users:write', ...ADMIN_SCOPES] : []);
}
