// admin.users: filtered search with keyset pagination in both directions. A cursor holds the
// sort value and the id of its row, so page 1000 is a bounded index range scan just like page 1
// (OFFSET would read and discard every earlier row). Rows without a sort value (never signed in,
// no username or email) come last in either direction, ordered by id; they form a second
// segment read through the same (column, id) index.
import { Prisma } from '../../generated/prisma/client.js';
import type { Deps } from '../deps.js';
import { invalidInput } from '../errors.js';
import { probeSubstring, trigramStats } from './user-search-pattern.js';

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

type Db = Pick<Deps['prisma'], '$queryRaw'>;

// lower(x) LIKE lower(p) is how PostgreSQL itself evaluates x ILIKE p in a multi-byte encoding
// (like.c), so on UTF8 the one LIKE on searchText equals today's four ILIKEs for any term without
// the separator; anything else keeps the four ILIKEs (then only as a filter).
const utf8Cache = new WeakMap<object, Promise<boolean>>();
function isUtf8(db: Db): Promise<boolean> {
  let known = utf8Cache.get(db);
  if (!known) {
    known = db.$queryRaw<{ utf8: boolean }[]>`SELECT current_setting('server_encoding') = 'UTF8' AS utf8`.then(
      (r) => r[0]?.utf8 === true,
      (err: unknown) => {
        utf8Cache.delete(db);
        throw err;
      },
    );
    utf8Cache.set(db, known);
  }
  return known;
}

const SEPARATOR = '\x1f';

/**
 * The search condition: a case-insensitive substring of email, username, phone or name, read
 * through the one trigram index on searchText. When part of the term makes a cheaper index probe
 * (user-search-pattern.ts) that part probes and the whole term filters the candidates.
 */
async function searchSql(db: Db, term: string): Promise<Prisma.Sql[]> {
  const p = likePattern(term);
  const [utf8, stats] = await Promise.all([isUtf8(db), trigramStats(db)]);
  const part = probeSubstring(term, stats);
  const exact = utf8 && !term.includes(SEPARATOR);
  const probe = Prisma.sql`"searchText" LIKE lower(${likePattern(part ?? term)})`;
  if (!exact) {
    const columns = Prisma.sql`("primaryEmail" ILIKE ${p} OR "username" ILIKE ${p} OR "primaryPhone" ILIKE ${p} OR "name" ILIKE ${p})`;
    return [probe, columns];
  }
  // `|| ''` keeps the whole term out of the index condition: as a second GIN key it would make
  // the probe decode the common trigrams it was split to avoid.
  return part === null ? [probe] : [probe, Prisma.sql`("searchText" || '') LIKE lower(${p})`];
}

/** The WHERE conditions of search + filter, shared by the page and totalCount. */
export async function userFilterSql(db: Db, search: string | null | undefined, filter: UserFilter | null | undefined): Promise<Prisma.Sql[]> {
  const parts: Prisma.Sql[] = [];
  const term = search?.trim();
  if (term) parts.push(...(await searchSql(db, term)));
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

/** Receives each statement a search runs (the benchmark EXPLAINs them). */
export type StatementTrace = (statement: Prisma.Sql) => void;

/** totalCount is exact up to this many matches; beyond it the count stops (docs/api.md). */
export const USER_COUNT_CAP = 10_000;

export interface UserCount {
  /** The number of matches, at most USER_COUNT_CAP. */
  count: number;
  /** True when more than USER_COUNT_CAP users match (a UI shows "10,000+"). */
  capped: boolean;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement the search ran. */
export async function explainUserQuery(deps: Deps, statement: Prisma.Sql): Promise<string[]> {
  const rows = await deps.prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement}`);
  return rows.map((r) => r['QUERY PLAN']);
}

/**
 * Counts matches, stopping after USER_COUNT_CAP + 1 rows. Left to the planner, which now
 * estimates the one searchText condition well: a frequent term (a sixth of a million users) or
 * no term at all is a sequential scan that stops at the cap, a rare one a bitmap of its matches.
 */
export async function countUsers(deps: Deps, search: string | null | undefined, filter: UserFilter | null | undefined, trace?: StatementTrace): Promise<UserCount> {
  const statement = Prisma.sql`SELECT count(*) AS n FROM (SELECT 1 FROM "User" WHERE ${and(await userFilterSql(deps.prisma, search, filter))} LIMIT ${USER_COUNT_CAP + 1}) AS matches`;
  trace?.(statement);
  const rows = await deps.prisma.$queryRaw<{ n: bigint | number }[]>(statement);
  const n = Number(rows[0]?.n ?? 0);
  return { count: Math.min(n, USER_COUNT_CAP), capped: n > USER_COUNT_CAP };
}

export async function findUserPage(deps: Deps, args: UserPageArgs, trace?: StatementTrace): Promise<UserPage> {
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
  const base = await userFilterSql(deps.prisma, args.search, args.filter);
  const valueSql = spec.timestamp ? Prisma.sql`to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS')` : col;

  const segments: ('values' | 'nulls')[] = spec.nullable ? (backward ? ['nulls', 'values'] : ['values', 'nulls']) : ['values'];
  let start = 0;
  if (cursor) {
    start = segments.indexOf(cursor.value === null ? 'nulls' : 'values');
    if (start < 0) throw invalidInput(backward ? 'before' : 'after', 'Invalid cursor');
  }
  const limit = size + 1;
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
    const statement = Prisma.sql`SELECT "id", ${segment === 'values' ? valueSql : Prisma.sql`NULL::text`} AS value FROM "User"
      WHERE ${and(where)} ORDER BY ${order} LIMIT ${limit - collected.length}`;
    trace?.(statement);
    const rows = await deps.prisma.$queryRaw<{ id: string; value: string | null }[]>(statement);
    collected.push(...rows);
  }
  const more = collected.length > size;
  const page = collected.slice(0, size);
  if (backward) page.reverse();
  const rows = page.map((r) => ({ id: r.id, cursor: encodeCursor({ field, value: r.value, id: r.id }) }));
  return backward
    ? { rows, hasPreviousPage: more, hasNextPage: Boolean(args.before) }
    : { rows, hasNextPage: more, hasPreviousPage: Boolean(args.after) };
}
