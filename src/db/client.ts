// createDb(config) -> a Prisma client on the right driver adapter. The same @prisma/adapter-pg
// serves PostgreSQL (DATABASE_URL) and the embedded PGlite, which is exposed in-process on a
// Unix socket by pglite-socket (one SQL dialect, P2002 mapping and transactions alike).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { type ChangeFeed, EmbeddedChangeFeed, PgChangeFeed } from '../lib/bus/index.js';
import type { Logger } from '../logger.js';
import { type DataDirLock, lockDataDir } from './data-dir-lock.js';
import { migrate, type SqlRunner } from './migrate.js';
import { seedFromPrepared } from './prepared-data-dir.js';

export type { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  kind: 'embedded' | 'postgres';
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** LISTENs on a notification channel (see src/lib/bus). */
  openChangeFeed(channel: string, logger: Logger): Promise<ChangeFeed>;
  /** PostgreSQL only: the pool Prisma runs on, for libraries that take a node-postgres pool. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export const pgliteExtensions = { pg_trgm };

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    query: async (sql, params) => db.query(sql, params) as never,
    exec: (sql) => db.exec(sql),
  };
}

function pgRunner(client: pg.ClientBase): SqlRunner {
  return {
    query: async (sql, params) => client.query(sql, params) as never,
    exec: (sql) => client.query(sql),
  };
}

async function ping(pool: pg.Pool): Promise<boolean> {
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** Bounds on how long a hung or unreachable PostgreSQL can hold a request (see the config docs). */
export interface PoolTimeouts {
  statementTimeoutMs: number;
  connectTimeoutMs: number;
}

export const DEFAULT_POOL_TIMEOUTS: PoolTimeouts = { statementTimeoutMs: 10_000, connectTimeoutMs: 5_000 };

// The client-side read timeout outlives the server's statement timeout by this much, so a live
// server cancels first (a clean 57014) and the client gives up only on a server that cannot.
const QUERY_TIMEOUT_MARGIN_MS = 2_000;

export async function openPostgres(databaseUrl: string, poolSize = 10, timeouts: PoolTimeouts = DEFAULT_POOL_TIMEOUTS): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // A hung database (or a network that drops packets) would otherwise hold every request that
    // needs a connection until TCP gives up, minutes later.
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    query_timeout: timeouts.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    // A transaction left open by a crashed request must not hold row locks for long.
    idle_in_transaction_session_timeout: timeouts.statementTimeoutMs,
    keepAlive: true,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process: the
  // pool discards it and the next query opens a new one.
  pool.on('error', () => {});
  releaseBrokenTransactionConnections(pool);
  // A burst of writes beyond the pool size queues for a connection; the default 2 s wait failed
  // requests at 50 concurrent writes on a loaded machine (bench/webhooks.ts).
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 10_000 } });
  return {
    prisma,
    kind: 'postgres',
    pool,
    openChangeFeed: (channel, logger) => PgChangeFeed.open(databaseUrl, channel, logger),
    async migrate() {
      const client = await pool.connect();
      try {
        // A migration may rewrite a large table: the request-sized timeouts do not apply to it.
        await client.query('SET statement_timeout = 0; SET idle_in_transaction_session_timeout = 0');
        return await migrate(pgRunner(client), { advisoryLock: true });
      } finally {
        // Back to the connection's defaults (the pool's timeouts) before the pool hands it out again.
        await client.query('RESET statement_timeout; RESET idle_in_transaction_session_timeout').catch(() => {});
        client.release();
      }
    },
    ping: () => ping(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

/**
 * A connection that dies inside a Prisma transaction would never go back to the pool: Prisma
 * (6.19, driver adapters) sends COMMIT or ROLLBACK first and releases the connection only if that
 * succeeded, so each transaction cut by an outage leaked one, until the pool had none left and every
 * later transaction waited out its maxWait (measured: 4 of 5 connections gone after five
 * terminations under load). So a connection checked out on its own (transactions, migrations;
 * `pool.query` manages its own) is released, as broken, as soon as it ends, and a later release is
 * a no-op. A connection's error while checked out must not be an unhandled 'error' event either
 * (Prisma removes its listener when the transaction ends).
 */
function releaseBrokenTransactionConnections(pool: pg.Pool): void {
  pool.on('connect', (client) => client.on('error', () => {}));
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | void;
  pool.connect = ((callback?: unknown) => {
    if (callback) return connect(callback);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      const release = client.release.bind(client);
      let released = false;
      const once = (err?: Error | boolean) => {
        client.removeListener('end', onEnd);
        if (released) return;
        released = true;
        release(err);
      };
      const onEnd = () => once(new Error('the connection ended while checked out'));
      client.once('end', onEnd);
      client.release = once;
      return client;
    });
  }) as typeof pool.connect;
}

/**
 * Serves an open PGlite to Prisma through a Unix socket. PGlite is single-connection, so the pool
 * has exactly one connection: a larger pool would interleave transactions in the multiplexer.
 */
export async function openPglite(pglite: PGlite, lock?: DataDirLock): Promise<Database> {
  // Unix socket paths are limited to ~107 bytes, so the socket lives in a short temp dir.
  const socketDir = await mkdtemp(path.join(os.tmpdir(), 'acct-'));
  const server = new PGLiteSocketServer({ db: pglite, path: path.join(socketDir, '.s.PGSQL.5432'),
    // node-postgres drops a connection after a query error and reconnects at once, before the
    // server has noticed the old one closing; headroom avoids refusing that reconnect. The pool
    // below still holds one connection at a time.
    maxConnections: 4,
  });
  await server.start();
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  // Transactions queue for the one connection: at 50 concurrent writes the default 2 s wait for
  // it runs out (measured with bench/webhooks.ts), so a write waits up to 10 s before failing.
  // A notification comes back on the connection that committed it (one backend behind the socket).
  const notificationListeners: ((msg: pg.Notification) => void)[] = [];
  pool.on('connect', (client) => client.on('notification', (msg) => notificationListeners.forEach((l) => l(msg))));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 10_000 } });
  return {
    prisma,
    kind: 'embedded',
    openChangeFeed: (channel) => EmbeddedChangeFeed.open(pglite, (l) => notificationListeners.push(l), channel),
    // Runs straight on PGlite; callers migrate before traffic arrives.
    migrate: () => migrate(pgliteRunner(pglite), { advisoryLock: false }),
    ping: () => ping(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
      await server.stop().catch(() => {});
      await pglite.close().catch(() => {});
      await rm(socketDir, { recursive: true, force: true });
      await lock?.release();
    },
  };
}

/** Opens DATA_DIR/pgdata, holding DATA_DIR's lock until close (DataDirInUse when another process has it). */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const lock = await lockDataDir(dataDir);
  try {
    const dir = path.join(dataDir, 'pgdata');
    // A first start copies the database prepared at build time instead of creating a cluster.
    if (!(await seedFromPrepared(dir))) await mkdir(dir, { recursive: true });
    // Loaded here, not at the top: a PostgreSQL instance never needs PGlite's code or WASM (docs/performance.md "Start").
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions });
    return await openPglite(pglite, lock);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

export async function createDb(config: {
  databaseUrl?: string;
  dataDir: string;
  databaseStatementTimeoutMs?: number;
  databaseConnectTimeoutMs?: number;
}): Promise<Database> {
  if (!config.databaseUrl) return openEmbedded(config.dataDir);
  return openPostgres(config.databaseUrl, 10, {
    statementTimeoutMs: config.databaseStatementTimeoutMs ?? DEFAULT_POOL_TIMEOUTS.statementTimeoutMs,
    connectTimeoutMs: config.databaseConnectTimeoutMs ?? DEFAULT_POOL_TIMEOUTS.connectTimeoutMs,
  });
}
