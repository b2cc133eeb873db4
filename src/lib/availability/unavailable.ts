// Which failures mean "a dependency is unreachable" rather than "a bug": the one place that knows
// the shapes in which a lost database or Redis reaches our code. Prisma on @prisma/adapter-pg wraps
// node-postgres errors (PrismaClientKnownRequestError with a P1xxx code, or P2010 whose
// meta.driverAdapterError.cause carries the adapter's kind and the PostgreSQL SQLSTATE); what the
// adapter does not map (a pool timeout, a connection ended mid-query) arrives as node-postgres's
// own Error. A request that meets one of these answers SERVICE_UNAVAILABLE, not an internal error.

export type Dependency = 'database' | 'redis';

/** Thrown by our own code when a required dependency is known to be down (e.g. Redis for subscriptions). */
export class DependencyUnavailableError extends Error {
  constructor(readonly dependency: Dependency, message = `${dependency} unavailable`) {
    super(message);
    this.name = 'DependencyUnavailableError';
  }
}

// Prisma: can't reach (P1001), timed out connecting (P1002), operation timed out (P1008), server
// closed the connection (P1017), no pool connection in time (P2024), a transaction that could not
// start or was cut by its timeout (P2028).
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
// @prisma/adapter-pg's kinds for socket-level failures and a full server.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// SQLSTATE: class 08 (connection exception), 57P01-57P03 (shutting down, crashed, cannot connect
// now: a stop or a restart), 57014 (cancelled: our statement timeout on a hung database), 53300
// (too many connections).
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '53300']);
// Node's socket errors.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// node-postgres's own messages (no code): the pool's connect timeout, query_timeout, a connection
// that ended under a query, a client already broken.
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Can't reach database server)/i;
// ioredis: a command refused while disconnected, or retried out.
const REDIS_MESSAGES = /^(Connection is closed|Stream isn't writeable|Reached the max retries per request limit)/i;

type Loose = { [key: string]: unknown };

function isSqlstateUnavailable(code: unknown): boolean {
  return typeof code === 'string' && (SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

function classifyOne(err: Loose): Dependency | null {
  if (err instanceof DependencyUnavailableError) return err.dependency;
  const name = typeof err.name === 'string' ? err.name : '';
  const message = typeof err.message === 'string' ? err.message : '';
  const code = err.code;
  if (name.startsWith('PrismaClient')) {
    if (typeof code === 'string' && PRISMA_CODES.has(code)) return 'database';
    const cause = ((err.meta as Loose | undefined)?.driverAdapterError as Loose | undefined)?.cause as Loose | undefined;
    if (cause && (ADAPTER_KINDS.has(String(cause.kind)) || isSqlstateUnavailable(cause.originalCode ?? cause.code))) return 'database';
    if (name === 'PrismaClientInitializationError' || name === 'PrismaClientRustPanicError') return 'database';
    return PG_MESSAGES.test(message.trim()) ? 'database' : null;
  }
  if (name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.test(message)) return 'redis';
  if (name === 'DriverAdapterError') {
    const cause = err.cause as Loose | undefined;
    if (cause && (ADAPTER_KINDS.has(String(cause.kind)) || isSqlstateUnavailable(cause.originalCode ?? cause.code))) return 'database';
  }
  // node-postgres DatabaseError (has a severity) or a socket error from its connection.
  if (typeof err.severity === 'string' && isSqlstateUnavailable(code)) return 'database';
  if (typeof code === 'string' && SOCKET_CODES.has(code)) return 'database';
  if (PG_MESSAGES.test(message)) return 'database';
  return null;
}

/**
 * The dependency an error says is unreachable, or null for any other error. Follows GraphQL's
 * `originalError`, `cause` and AggregateError's `errors` (a few levels: wrappers never nest deeper).
 */
export function unavailableDependency(error: unknown, depth = 0): Dependency | null {
  if (!error || typeof error !== 'object' || depth > 5) return null;
  const err = error as Loose;
  const own = classifyOne(err);
  if (own) return own;
  for (const inner of [err.originalError, err.cause]) {
    const found = unavailableDependency(inner, depth + 1);
    if (found) return found;
  }
  if (Array.isArray(err.errors)) {
    for (const inner of err.errors) {
      const found = unavailableDependency(inner, depth + 1);
      if (found) return found;
    }
  }
  return null;
}
