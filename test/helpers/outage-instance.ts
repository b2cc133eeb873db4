// An instance of the service as production runs it (PostgreSQL, a real HTTP server on loopback,
// the real clock unless a test passes a fake one), for tests and scripts that take its database or
// Redis away: test/outage.postgres.test.ts (through a TcpProxy), test/faults.postgres.test.ts and
// bench/outage.ts (the machine's own PostgreSQL and Redis, stopped and started).
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { type Database, openPostgres } from '../../src/db/client.js';
import { ensureFirstAdmin } from '../../src/domain/users/users.service.js';
import type { Clock } from '../../src/lib/clock.js';
import { createLogger } from '../../src/logger.js';
import { databaseUrlFor } from './global-setup.js';
import type { LogLine } from './test-app.js';

// The same values as test-app.ts (not imported from there: it needs vitest, and bench/outage.ts runs without).
const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'correct-horse-battery-staple';
const TEST_SECRET_KEY = 'test-secret-key-0123456789abcdef0123456789';

export const PASSWORD = 'a-long-enough-password';

export interface GqlAnswer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

export interface OutageInstance {
  app: App;
  db: Database;
  url: string;
  logs: LogLine[];
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlAnswer>;
  signIn(identifier: string, password?: string): Promise<string>;
  createUser(username: string): Promise<{ id: string; token: string }>;
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

/** A fresh database cloned from the run's migrated template; `drop` removes it (FORCE). */
export async function cloneDatabase(base: string, template: string, prefix: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_outage_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  return {
    url: databaseUrlFor(base, name),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function startOutageInstance(databaseUrl: string, env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<OutageInstance> {
  const config = loadConfig({
    ISSUER: 'http://account.test',
    SECRET_KEY: TEST_SECRET_KEY,
    DATA_DIR: '/nonexistent',
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    DATABASE_CONNECT_TIMEOUT_MS: '1000',
    ...env,
  });
  const db = await openPostgres(databaseUrl, 5, { statementTimeoutMs: config.databaseStatementTimeoutMs, connectTimeoutMs: config.databaseConnectTimeoutMs });
  const logs: LogLine[] = [];
  const logger = createLogger('info', { destination: { write: (line: string) => void logs.push(JSON.parse(line)) } });
  const app = await createApp({ config, db, secretKey: TEST_SECRET_KEY, logger, clock: options.clock });
  await ensureFirstAdmin(app.deps, ADMIN_EMAIL, ADMIN_PASSWORD);
  const server: Server = createServer(app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const gql: OutageInstance['gql'] = async (query, variables = {}, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as GqlAnswer['body'] };
  };
  const signIn = async (identifier: string, password = PASSWORD) => {
    const res = await gql(`mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on TokenSet { accessToken } } }`, { input: { identifier, password } });
    const token = res.body.data?.signIn?.accessToken as string | undefined;
    if (!token) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
    return token;
  };
  let admin: string | undefined;
  const adminToken = async () => (admin ??= await signIn(ADMIN_EMAIL, ADMIN_PASSWORD));
  const createUser = async (username: string) => {
    const res = await gql(`mutation($input: CreateUserInput!) { admin { createUser(input: $input) { ... on User { id } } } }`, { input: { username, password: PASSWORD } }, await adminToken());
    const id = res.body.data?.admin?.createUser?.id as string | undefined;
    if (!id) throw new Error(`createUser failed: ${JSON.stringify(res.body)}`);
    return { id, token: await signIn(username) };
  };
  return {
    app,
    db,
    url,
    logs,
    gql,
    signIn,
    createUser,
    adminToken,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
      await db.close();
    },
  };
}

export const ME = '{ me { id name } }';
export const UPDATE_NAME = 'mutation($name: String!) { me { updateProfile(input: { name: $name }) { ... on User { name } ... on Error { code } } } }';
export const codeOf = (a: GqlAnswer) => a.body.errors?.[0]?.extensions?.code ?? 'OK';
