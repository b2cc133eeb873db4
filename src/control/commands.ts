// The CLI's admin commands, run either by the CLI itself (it opened the database) or by the
// running instance on the CLI's behalf (control-socket.ts). One implementation, one wording.
import { maxAccessTokenLifetimeSeconds } from '../domain/admin/tokens-admin.service.js';
import type { Deps } from '../domain/deps.js';
import { AppError } from '../domain/errors.js';
import { ensureFirstAdmin, FirstAdminRefused } from '../domain/users/users.service.js';
import type { ControlHandler, ControlReply, ControlRequest } from './control-socket.js';

export async function createAdminCommand(deps: Deps, email: string, password: string): Promise<ControlReply> {
  try {
    const outcome = await ensureFirstAdmin(deps, email, password);
    if (outcome === 'created') return { ok: true, message: `admin ${email.toLowerCase()} created` };
    if (outcome === 'promoted') return { ok: true, message: `existing account ${email.toLowerCase()} promoted to admin (its password matched)` };
    return { ok: true, message: 'an admin already exists: nothing changed (admins can grant the admin role with admin.setUserRoles)' };
  } catch (err) {
    if (err instanceof FirstAdminRefused || err instanceof AppError) return { ok: false, message: err.message };
    throw err;
  }
}

// The new key signs from now on; keys whose every token has expired are retired; the others stay
// in the JWKS until a later rotation or start.
export async function rotateSigningKeyCommand(deps: Deps): Promise<ControlReply> {
  const kid = await deps.tokens.rotate();
  const retired = await deps.tokens.retireSuperseded(maxAccessTokenLifetimeSeconds(deps.config));
  return { ok: true, message: `new signing key ${kid}${retired.length ? `; retired ${retired.join(', ')}` : ''}` };
}

export function runCommand(deps: Deps, request: ControlRequest): Promise<ControlReply> {
  return request.command === 'create-admin' ? createAdminCommand(deps, request.email, request.password) : rotateSigningKeyCommand(deps);
}

export const controlHandler =
  (deps: Deps): ControlHandler =>
  (request) =>
    runCommand(deps, request);
