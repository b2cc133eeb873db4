// The purge of accounts whose grace period ended. Rows are claimed with FOR UPDATE SKIP LOCKED, so
// of two instances (or two runs) working at once each account is deleted, and its user.deleted
// event emitted, exactly once. Deleting the user row cascades to everything that belongs to it;
// the audit history stays (AuditEvent.userId is a plain string).
import { utc } from '../../db/sql-time.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Deps } from '../deps.js';
import { withEvents } from '../events/collector.js';

const SYSTEM = { actorId: null, actorType: 'system' } as const;
const NO_REQUEST = { ip: null, userAgent: null };


interface Due {
  id: string;
  username: string | null;
  primaryEmail: string | null;
  primaryPhone: string | null;
}

/** Purges up to `limit` accounts that are due; returns their ids. */
export async function purgeDueAccounts(deps: Deps, limit = 100): Promise<string[]> {
  const now = deps.clock.now();
  return withEvents(deps, SYSTEM, NO_REQUEST, async (tx, ev) => {
    const due = await tx.$queryRaw<Due[]>`
      SELECT id, username, "primaryEmail", "primaryPhone" FROM "User"
      WHERE "deletionScheduledAt" IS NOT NULL AND "deletionScheduledAt" <= ${utc(now)}
      ORDER BY "deletionScheduledAt" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return [];
    await tx.user.deleteMany({ where: { id: { in: due.map((u) => u.id) } } });
    for (const user of due) {
      ev.emit('user.deleted', {
        userId: user.id,
        audit: 'user.purge',
        data: { user: { id: user.id }, username: user.username, primaryEmail: user.primaryEmail, primaryPhone: user.primaryPhone, via: 'purge' },
      });
    }
    return due.map((u) => u.id);
  });
}
