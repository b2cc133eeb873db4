// The account page's `me { … sessions(first: n) { totalCount edges { … } } }` without a database
// round trip: the page and its count come from the user's live sessions in the validity cache
// (ctx.liveSessions), handed to Pothos exactly as the joined query would have loaded them
// (`user.sessions`: the page rows, `user._count.sessions`: the count), so cursors, pageInfo, node
// ids and every scope check stay Pothos's. Only the plan this module recognizes in full is served
// here -- the sessions connection's own filter and order, a first or last page without a cursor,
// nothing else included; anything else (a cursor, other relations) goes to the database as before.
import type { Session, User } from '../../generated/prisma/client.js';
import type { Context } from '../context.js';

type Plan = Record<string, unknown>;

const ORDER = JSON.stringify([{ createdAt: 'desc' }, { id: 'desc' }]);

function isPlan(value: unknown): value is Plan {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Plan, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

/** The `expiresAt > gt` bound of the sessions field's filter `{ revokedAt: null, expiresAt: { gt } }`, or null. */
function liveSince(where: unknown): Date | null {
  if (!isPlan(where) || !hasOnlyKeys(where, ['revokedAt', 'expiresAt']) || where.revokedAt !== null) return null;
  const expiresAt = where.expiresAt;
  if (!isPlan(expiresAt) || !hasOnlyKeys(expiresAt, ['gt']) || !(expiresAt.gt instanceof Date)) return null;
  return expiresAt.gt;
}

interface SessionsPlan {
  page?: { since: Date; take: number };
  countSince?: Date;
}

function recognize(query: Plan): SessionsPlan | null {
  if (!hasOnlyKeys(query, ['include']) || !isPlan(query.include)) return null;
  const include = query.include;
  if (!hasOnlyKeys(include, ['sessions', '_count'])) return null;
  const plan: SessionsPlan = {};
  if (include.sessions !== undefined) {
    const s = include.sessions;
    if (!isPlan(s) || !hasOnlyKeys(s, ['where', 'orderBy', 'take', 'skip'])) return null;
    const since = liveSince(s.where);
    if (!since || JSON.stringify(s.orderBy) !== ORDER || s.skip !== 0 || !Number.isInteger(s.take)) return null;
    plan.page = { since, take: s.take as number };
  }
  if (include._count !== undefined) {
    const count = include._count;
    if (!isPlan(count) || !hasOnlyKeys(count, ['select']) || !isPlan(count.select) || !hasOnlyKeys(count.select, ['sessions'])) return null;
    const sessions = count.select.sessions;
    const since = isPlan(sessions) && hasOnlyKeys(sessions, ['where']) ? liveSince(sessions.where) : null;
    if (!since) return null;
    plan.countSince = since;
  }
  return plan.page || plan.countSince ? plan : null;
}

/** Prisma's page without a cursor: the first `take` rows, or the last -take for a backward page. */
function pageOf(rows: readonly Readonly<Session>[], take: number): readonly Readonly<Session>[] {
  return take >= 0 ? rows.slice(0, take) : rows.slice(Math.max(rows.length + take, 0));
}

/**
 * `user` with the sessions page and count `query` asks for, from the cache; undefined when the
 * plan is not one this serves or the cache cannot answer (the caller queries the database).
 */
export async function withCachedSessions(query: Plan, user: User, ctx: Context): Promise<User | undefined> {
  const plan = recognize(query);
  if (!plan) return undefined;
  const cached = await ctx.liveSessions(user.id);
  if (!cached) return undefined;
  const liveAt = (since: Date) => cached.filter((s) => s.expiresAt > since);
  const loaded: User & { sessions?: Session[]; _count?: { sessions: number } } = { ...user };
  if (plan.page) loaded.sessions = pageOf(liveAt(plan.page.since), plan.page.take).map((s) => ({ ...s }));
  if (plan.countSince) loaded._count = { sessions: liveAt(plan.countSince).length };
  return loaded;
}
