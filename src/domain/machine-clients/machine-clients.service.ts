// Machine clients: back-office services that get admin scopes through the OAuth 2.0
// client_credentials grant, without a human password. The secret is shown once and stored as
// SHA-256: it is 256 random bits, so brute force is infeasible and a slow hash would add nothing
// but latency on every token request.
import { randomBytes } from 'node:crypto';
import { randomToken, safeEqual, sha256 } from '../../auth/crypto.js';
import { lookupMachineClient } from '../../auth/machine-client-lookup.js';
import type { ValidityCache } from '../../auth/validity-cache.js';
import { type AdminScope, isAdminScope } from '../../auth/scope-names.js';
import { MACHINE_CLIENT_ID_PREFIX } from '../../auth/token-kinds.js';
import type { MachineClient } from '../../generated/prisma/client.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import { withEvents } from '../events/collector.js';
import type { Deps } from '../deps.js';
import { invalidInput, notFound } from '../errors.js';

export interface MachineClientSecret {
  clientId: string;
  clientSecret: string;
  machineClient: MachineClient;
}

function validateScopes(scopes: readonly string[]): AdminScope[] {
  const unique = [...new Set(scopes.map((s) => s.trim()).filter(Boolean))];
  const unknown = unique.filter((s) => !isAdminScope(s));
  if (unknown.length) throw invalidInput('scopes', `Unknown scope(s): ${unknown.join(', ')}`);
  if (!unique.length) throw invalidInput('scopes', 'Grant at least one scope');
  return unique as AdminScope[];
}

export async function createMachineClient(
  deps: Deps,
  input: { name: string; scopes: readonly string[] },
  actor: AuditActor,
  request: RequestInfo,
): Promise<MachineClientSecret> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw invalidInput('name', 'The name must be 1-100 characters');
  const scopes = validateScopes(input.scopes);
  const clientId = `${MACHINE_CLIENT_ID_PREFIX}${randomBytes(12).toString('hex')}`;
  const clientSecret = randomToken('mcs_');
  const machineClient = await withEvents(deps, actor, request, async (tx, ev) => {
    const created = await tx.machineClient.create({
      data: { clientId, name, scopes, secretHash: sha256(clientSecret), createdBy: actor.actorId, createdAt: deps.clock.now() },
    });
    ev.emit('machine_client.created', { audit: 'admin.machine_client.create', data: { machineClientId: created.id, clientId, name, scopes } });
    return created;
  });
  return { clientId, clientSecret, machineClient };
}

export async function rotateMachineClientSecret(deps: Deps, id: string, actor: AuditActor, request: RequestInfo): Promise<MachineClientSecret> {
  const clientSecret = randomToken('mcs_');
  const machineClient = await withEvents(deps, actor, request, async (tx, ev) => {
    const existing = await tx.machineClient.findUnique({ where: { id } });
    if (!existing) throw notFound('Machine client', 'id');
    const updated = await tx.machineClient.update({ where: { id }, data: { secretHash: sha256(clientSecret), rotatedAt: deps.clock.now() } });
    ev.emit('machine_client.secret_rotated', { audit: 'admin.machine_client.rotate_secret', data: { machineClientId: id, clientId: existing.clientId } });
    return updated;
  });
  return { clientId: machineClient.clientId, clientSecret, machineClient };
}

/** Deleting a client refuses its live tokens at once: authenticate.ts looks the client up on every request (its cache entry is invalidated). */
export async function deleteMachineClient(deps: Deps, id: string, actor: AuditActor, request: RequestInfo): Promise<MachineClient> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const existing = await tx.machineClient.findUnique({ where: { id } });
    if (!existing) throw notFound('Machine client', 'id');
    await tx.machineClient.delete({ where: { id } });
    ev.emit('machine_client.deleted', { audit: 'admin.machine_client.delete', data: { machineClientId: id, clientId: existing.clientId, name: existing.name } });
    return existing;
  });
}

/**
 * The client whose id and secret match, or null. Compares in constant time. Read from the validity
 * cache when warm (the HTTP layer owns the cache and passes it in).
 */
export async function authenticateMachineClient(deps: Deps, cache: ValidityCache, clientId: string, clientSecret: string): Promise<MachineClient | null> {
  const client = await lookupMachineClient(deps.prisma, cache, clientId);
  if (!client || !safeEqual(client.secretHash, sha256(clientSecret))) return null;
  return client;
}
