// Trusted devices: a browser or app that finished a second factor with trustDevice gets a device
// token (an HttpOnly cookie on the account page, TokenSet.deviceToken for API clients). A password
// sign-in presenting it skips only the second factor: the password is always checked first, and a
// passkey or social sign-in never needs it. Forgotten on a password change, an admin MFA reset and
// "this was not me".
import { randomToken, sha256 } from '../../auth/crypto.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { addSeconds } from '../../lib/clock.js';
import type { AuditActor, RequestInfo } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { type EventCollector, withEvents } from '../events/collector.js';
import { DAY_SECONDS } from './lifecycle-tokens.js';
import { deviceName } from './user-agent.js';

type Tx = Prisma.TransactionClient;

const DEVICE_TOKEN = /^tdv_[\w-]{20,100}$/;

/** Remembers the device of this request for the user; returns the token (shown once). */
export async function trustDevice(deps: Deps, tx: Tx, ev: EventCollector, userId: string, request: RequestInfo): Promise<string> {
  const now = deps.clock.now();
  const token = randomToken('tdv_');
  const device = await tx.trustedDevice.create({
    data: {
      userId,
      tokenHash: sha256(token),
      name: deviceName(request.userAgent),
      userAgent: request.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: addSeconds(now, deps.config.trustedDeviceDays * DAY_SECONDS),
    },
  });
  ev.emit('user.trusted_device.added', { userId, audit: 'user.trusted_device.add', data: { user: { id: userId }, device: { id: device.id, name: device.name } } });
  return token;
}

/**
 * The id of the user's live trusted device behind `token` (its use is recorded), else null: an
 * unknown, expired or foreign token just means the second factor is asked as usual.
 */
export async function trustedDeviceOf(deps: Deps, userId: string, token: string | null | undefined): Promise<string | null> {
  if (!token || !DEVICE_TOKEN.test(token)) return null;
  const now = deps.clock.now();
  const used = await deps.prisma.trustedDevice.updateMany({
    where: { tokenHash: sha256(token), userId, expiresAt: { gt: now } },
    data: { lastUsedAt: now },
  });
  if (used.count !== 1) return null;
  const device = await deps.prisma.trustedDevice.findUnique({ where: { tokenHash: sha256(token) }, select: { id: true } });
  return device?.id ?? null;
}

/** Every trusted device of the user is forgotten; returns how many. */
export async function forgetTrustedDevices(tx: Tx, userId: string): Promise<number> {
  return (await tx.trustedDevice.deleteMany({ where: { userId } })).count;
}

export async function revokeOwnTrustedDevice(deps: Deps, userId: string, id: string, actor: AuditActor, request: RequestInfo) {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const device = await tx.trustedDevice.findFirst({ where: { id, userId } });
    if (!device) throw notFound('Trusted device', 'id');
    await tx.trustedDevice.delete({ where: { id } });
    ev.emit('user.trusted_device.removed', {
      userId,
      audit: 'user.trusted_device.revoke',
      data: { user: { id: userId }, device: { id, name: device.name }, count: 1 },
    });
    return device;
  });
}

export async function revokeOwnTrustedDevices(deps: Deps, userId: string, actor: AuditActor, request: RequestInfo): Promise<number> {
  return withEvents(deps, actor, request, async (tx, ev) => {
    const count = await forgetTrustedDevices(tx, userId);
    ev.emit('user.trusted_device.removed', { userId, audit: 'user.trusted_device.revoke_all', data: { user: { id: userId }, count } });
    return count;
  });
}
