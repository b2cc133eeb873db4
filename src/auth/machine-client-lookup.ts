// A machine client by its client id, from the validity cache when warm: the token endpoint and
// every request with a client token need it, and a database read per token request was most of
// client_credentials' cost. A rotated secret, changed scopes or a deletion invalidates the entry on
// every instance (trigger -> NOTIFY, see the migration `machine_client_invalidation`).
import type { MachineClient, PrismaClient } from '../generated/prisma/client.js';
import type { ValidityCache } from './validity-cache.js';

// lastUsedAt is written at most this often per client (and instance), like session activity.
export const CLIENT_TOUCH_INTERVAL_MS = 60_000;

export async function lookupMachineClient(prisma: PrismaClient, cache: ValidityCache, clientId: string): Promise<MachineClient | null> {
  const cached = cache.client(clientId);
  if (cached) return cached;
  const ticket = cache.ticket();
  const row = await prisma.machineClient.findUnique({ where: { clientId } });
  if (row) cache.storeClient(ticket, row);
  return row;
}

/** Records a use: in the cache at once, in the database at most once per interval and never awaited. */
export function touchMachineClient(prisma: PrismaClient, cache: ValidityCache, client: MachineClient, now: Date): void {
  if (client.lastUsedAt && now.getTime() - client.lastUsedAt.getTime() <= CLIENT_TOUCH_INTERVAL_MS) return;
  cache.touchedClient(client.clientId, now);
  void prisma.machineClient.update({ where: { id: client.id }, data: { lastUsedAt: now } }).catch(() => {});
}
