// The numbers the admin console's Overview shows: users, sign-ups and failed sign-ins over the
// last 24 hours and 30 days, live sessions, and the webhook queue. Each is one indexed count
// (User(createdAt), AuditEvent(action, at), WebhookDelivery(status, nextAttemptAt)); the exact
// user count stops at a cap so a very large install never scans every row for a dashboard.
import type { Deps } from '../deps.js';

const DAY_MS = 86_400_000;
/** Above this many users, `users` answers the cap and `usersCapped` is true. */
export const USER_COUNT_CAP = 10_000;

type Prisma = Deps['prisma'];

export async function countUsers(prisma: Prisma): Promise<{ count: number; capped: boolean }> {
  // Counting ids of at most CAP + 1 rows costs the same at a million users as at ten thousand.
  const rows = await prisma.user.findMany({ select: { id: true }, take: USER_COUNT_CAP + 1 });
  return rows.length > USER_COUNT_CAP ? { count: USER_COUNT_CAP, capped: true } : { count: rows.length, capped: false };
}

export const windows = (now: Date) => ({ day: new Date(now.getTime() - DAY_MS), month: new Date(now.getTime() - 30 * DAY_MS) });

export async function countSignUps(prisma: Prisma, since: Date): Promise<number> {
  return prisma.user.count({ where: { createdAt: { gte: since } } });
}

export async function countFailedSignIns(prisma: Prisma, since: Date): Promise<number> {
  return prisma.auditEvent.count({ where: { action: 'user.sign_in_failed', at: { gte: since } } });
}

export async function countActiveSessions(prisma: Prisma, now: Date): Promise<number> {
  return prisma.session.count({ where: { revokedAt: null, expiresAt: { gt: now } } });
}

export interface WebhookQueueHealth {
  pending: number;
  /** Pending deliveries whose next attempt is already due: the dispatcher is behind when this grows. */
  due: number;
  failed: number;
  oldestPendingAt: Date | null;
}

export async function webhookQueueHealth(prisma: Prisma, now: Date): Promise<WebhookQueueHealth> {
  const [pending, due, failed, oldest] = await Promise.all([
    prisma.webhookDelivery.count({ where: { status: 'PENDING' } }),
    prisma.webhookDelivery.count({ where: { status: 'PENDING', nextAttemptAt: { lte: now } } }),
    prisma.webhookDelivery.count({ where: { status: 'FAILED' } }),
    prisma.webhookDelivery.findFirst({ where: { status: 'PENDING' }, orderBy: { nextAttemptAt: 'asc' }, select: { createdAt: true } }),
  ]);
  return { pending, due, failed, oldestPendingAt: oldest?.createdAt ?? null };
}
