// admin.users: filtered search with keyset pagination in both directions. A cursor holds the
// sort value and the id of its row, so page 1000 is a bounded index range scan just like page 1
// (OFFSET would read and discard every earlier row). Rows without a sort value (never signed in,
// no username or email) come last in either direction, ordered by id; they form a second
// segment read through the same (column, id) index.
import { Prisma } from '../../generated/prisma/client.js';
import type { Deps } from '../deps.js';
import { invalidInput } from '../errors.js';

export type UserOrderField = 'CREATED_AT' | 'LAST_SIGN_IN_AT' | 'USERNAME' | 'EMAIL';
export type OrderDirection = 'ASC' | 'DESC';

export interface UserFilter {
  isSuspended?: boolean | null;
  hasMfa?: boolean | null;
  role?: string | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
  provider?: string | null;
}

export interface UserPageArgs {
  search?: string | null;
  filter?: UserFilter | null;
  orderBy?: { field: UserOrderField; direction: OrderDirection } | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface UserPage {
  rows: { id: string; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

const COLUMNS: Record<UserOrderField, { column: string; nullable: boolean; timestamp: boolean }> = {
  CREATED_AT: { column: '"createdAt"', nullable: false, timestamp: true },
  LAST_SIGN_IN_AT: { column: '"lastSignInAt"', nullable: true, timestamp: true },
  USERNAME: { column: '"username"', nullable: true, timestamp: false },
  EMAIL: { column: '"primaryEmail"', nullable: true, timestamp: false },
};

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

interface Cursor {
  field: UserOrderField;
  value: string | null;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.field, c.value, c.id])).toString('base64url');
}

function decodeCursor(raw: string, field: UserOrderField, path: string): Cursor {
  try {
    const [f, value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (f === field && (value === null || typeof value === 'string') && typeof id === 'string') return { field, value, id };
  } catch {
    // fall through
  }
  throw invalidInput(path, 'Invalid cursor (or a cursor from another orderBy)');
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE conditions of search + filter, shared by the page and totalCount. */
export function userFilterSql(search: string | null | undefined, filter: UserFilter | null | undefined): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  const term = search?.trim();
  if (term) {
    const p = likePattern(term);
    // ILIKE '%term%' on each identifier; the pg_trgm GIN indexes answer it without a scan.
    parts.push(Prisma.sql`("primaryEmail" ILIKE ${p} OR "username" ILIKE ${p} OR "primaryPhone" ILIKE ${p} OR "name" ILIKE ${p})`);
  }
  if (filter?.isSuspended != null) parts.push(Prisma.sql`"isSuspended" = ${filter.isSuspended}`);
  if (filter?.hasMfa != null) {
    const exists = Prisma.sql`EXISTS (SELECT 1 FROM "MfaFactor" f WHERE f."userId" = "User"."id")`;
    parts.push(filter.hasMfa ? exists : Prisma.sql`NOT ${exists}`);
  }
  if (filter?.role) parts.push(Prisma.sql`${filter.role} = ANY("roles")`);
  if (filter?.provider) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "UserIdentity" i JOIN "IdentityProvider" p ON p."id" = i."providerId"
      WHERE i."userId" = "User"."id" AND p."key" = ${filter.provider.trim().toLowerCase()})`);
  }
  // Timestamps are stored as UTC `timestamp(3)`.
  if (filter?.createdAfter) parts.push(Prisma.sql`"createdAt" >= (${filter.createdAfter.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  if (filter?.createdBefore) parts.push(Prisma.sql`"createdAt" < (${filter.createdBefore.toISOString()}::timestamptz AT TIME ZONE 'UTC')`);
  return parts;
}

function and(parts: Prisma.Sql[]): Prisma.Sql {
  return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

type Db = Pick<Deps['prisma'], '$queryRaw' | '$executeRaw'>;

/**
 * Runs a read with a search term in a transaction that steers the planner away from sequential
 * scans. PostgreSQL prices a pg_trgm GIN probe pessimistically, so on tables of ~100k rows it
 * prefers reading every row (~100 ms) for a rare term that four index probes answer in ~10 ms;
 * frequent terms keep their plan (walking the order index and stopping at the page size).
 */
async function withSearchPlan<T>(deps: Deps, search: string | null | undefined, run: (db: Db) => Promise<T>): Promise<T> {
  if (!search?.trim()) return run(deps.prisma);
  return deps.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    return run(tx);
  });
}

/** totalCount is exact up to this many matches; beyond it the count stops (docs/api.md). */
export const USER_COUNT_CAP = 10_000;

export interface UserCount {
  /** The number of matches, at most USER_COUNT_CAP. */
  count: number;
  /** True when more than USER_COUNT_CAP users match (a UI shows "10,000+"). */
  capped: boolean;
}

/** The capped count's statement (exported for the benchmark's EXPLAIN). */
export function countUsersSql(search: string | null | undefined, filter: UserFilter | null | undefined): Prisma.Sql {
  return Prisma.sql`SELECT count(*) AS n FROM (SELECT 1 FROM "User" WHERE ${and(userFilterSql(search, filter))} LIMIT ${USER_COUNT_CAP + 1}) AS matches`;
}

/** EXPLAIN ANALYZE of a statement under the same planner settings the service runs it with. */
export async function explainUserQuery(deps: Deps, search: string | null | undefined, statement: Prisma.Sql): Promise<string[]> {
  const rows = await withSearchPlan(deps, search, (db) => db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${statement}`));
  return rows.map((r) => r['QUERY PLAN']);
}

/**
 * Counts matches, stopping after USER_COUNT_CAP + 1 rows: a frequent term (a sixth of a million
 * users) or no term at all costs a bounded index scan instead of counting every row.
 */
export async function countUsers(deps: Deps, search: string | null | undefined, filter: UserFilter | null | undefined): Promise<UserCount> {
  const rows = await withSearchPlan(deps, search, (db) => db.$queryRaw<{ n: bigint | number }[]>(countUsersSql(search, filter)));
  const n = Number(rows[0]?.n ?? 0);
  return { count: Math.min(n, USER_COUNT_CAP), capped: n > USER_COUNT_CAP };
}

export async function findUserPage(deps: Deps, args: UserPageArgs): Promise<UserPage> {
  const field = args.orderBy?.field ?? 'CREATED_AT';
  const direction = args.orderBy?.direction ?? 'DESC';
  const spec = COLUMNS[field];
  if (args.first != null && args.last != null) throw invalidInput('first', 'Give first or last, not both');
  if (args.after != null && args.before != null) throw invalidInput('after', 'Give after or before, not both');
  // Only one direction is read per page: the other cursor would be silently ignored.
  if (args.first != null && args.before != null) throw invalidInput('before', 'Use before with last, not first');
  if (args.last != null && args.after != null) throw invalidInput('after', 'Use after with first, not last');
  const backward = args.last != null || (args.before != null && args.first == null);
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE) throw invalidInput(backward ? 'last' : 'first', `Page size must be 0-${MAX_PAGE}`);
  const rawCursor = backward ? args.before : args.after;
  const cursor = rawCursor ? decodeCursor(rawCursor, field, backward ? 'before' : 'after') : null;

  // Walking backward reads the same order reversed (so the null segment comes first), then flips.
  const ascending = (direction === 'ASC') !== backward;
  const sqlDir = Prisma.raw(ascending ? 'ASC' : 'DESC');
  const cmp = Prisma.raw(ascending ? '>' : '<');
  const col = Prisma.raw(spec.column);
  const typed = (v: string) => (spec.timestamp ? Prisma.sql`${v}::timestamp(3)` : Prisma.sql`${v}`);
  const base = userFilterSql(args.search, args.filter);
  const valueSql = spec.timestamp ? Prisma.sql`to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS')` : col;

  const segments: ('values' | 'nulls')[] = spec.nullable ? (backward ? ['nulls', 'values'] : ['values', 'nulls']) : ['values'];
  let start = 0;
  if (cursor) {
    start = segments.indexOf(cursor.value === null ? 'nulls' : 'values');
    if (start < 0) throw invalidInput(backward ? 'before' : 'after', 'Invalid cursor');
  }
  const limit = size + 1;
  const found = await withSearchPlan(deps, args.search, async (db) => {
    const collected: { id: string; value: string | null }[] = [];
    for (let i = start; i < segments.length && collected.length < limit; i++) {
      const segment = segments[i];
      const onCursor = cursor && i === start;
      const where = [...base];
      let order: Prisma.Sql;
      if (segment === 'values') {
        if (spec.nullable) where.push(Prisma.sql`${col} IS NOT NULL`);
        if (onCursor && cursor.value !== null) where.push(Prisma.sql`(${col}, "id") ${cmp} (${typed(cursor.value)}, ${cursor.id})`);
        order = Prisma.sql`${col} ${sqlDir}, "id" ${sqlDir}`;
      } else {
        where.push(Prisma.sql`${col} IS NULL`);
        if (onCursor) where.push(Prisma.sql`"id" ${cmp} ${cursor.id}`);
        order = Prisma.sql`"id" ${sqlDir}`;
      }
      const rows = await db.$queryRaw<{ id: string; value: string | null }[]>(
        Prisma.sql`SELECT "id", ${segment === 'values' ? valueSql : Prisma.sql`NULL::text`} AS value FROM "User"
          WHERE ${and(where)} ORDER BY ${order} LIMIT ${limit - collected.length}`,
      );
      collected.push(...rows);
    }
    return collected;
  });
  const more = found.length > size;
  const page = found.slice(0, size);
  if (backward) page.reverse();
  const rows = page.map((r) => ({ id: r.id, cursor: encodeCursor({ field, value: r.value, id: r.id }) }));
  return backward
    ? { rows, hasPreviousPage: more, hasNextPage: Boolean(args.before) }
    : { rows, hasNextPage: more, hasPreviousPage: Boolean(args.after) };
}
