// createTestApp(): a fresh database (a clone of the migrated template: PGlite by default,
// PostgreSQL when TEST_DATABASE_URL is set), the real app, a fake clock, a real SMTP sink and a
// seeded admin. Requests go through the real HTTP handling (`yoga.fetch`).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import pg from 'pg';
import { inject } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { DEFAULT_PASSWORD_HASHING, type PasswordHashing } from '../../src/auth/password-hashing.js';
import { type Config, loadConfig } from '../../src/config.js';
import { type Database, openPglite, openPostgres, pgliteExtensions } from '../../src/db/client.js';
import type { SmsMessage } from '../../src/delivery/types.js';
import { ensureFirstAdmin } from '../../src/domain/users/users.service.js';
import { FakeClock } from '../../src/lib/clock.js';
import { createLogger } from '../../src/logger.js';
import { databaseUrlFor } from './global-setup.js';
import { MailSink } from './mail-sink.js';
import { SmsSink } from './sms-sink.js';

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'correct-horse-battery-staple';
export const TEST_SECRET_KEY = 'test-secret-key-0123456789abcdef0123456789';

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface TestApp {
  app: App;
  db: Database;
  /** The PostgreSQL URL of this file's database (null on PGlite): a second instance can open it. */
  databaseUrl: string | null;
  clock: FakeClock;
  mail: MailSink;
  /** Text messages the service POSTed to SMS_WEBHOOK_URL (smsSink). */
  sms: SmsMessage[];
  smsSink: SmsSink;
  /** POST /graphql through the real request pipeline. */
  gql<T = any>(
    query: string | TypedDocumentNode<T, any>,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GqlResult<T>>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Signs in and returns the access token (throws when sign-in does not return tokens). */
  signIn(identifier: string, password: string): Promise<{ accessToken: string; refreshToken: string; scope: string }>;
  adminToken(): Promise<string>;
  /** Creates a user through admin.createUser and signs them in. */
  createUser(input: Record<string, unknown> & { password: string }): Promise<{ id: string; token: string; refreshToken: string }>;
  /** What the app logged at `logLevel` and above (empty unless createTestApp was given a logLevel). */
  logs: LogLine[];
  close(): Promise<void>;
}

export interface LogLine {
  level: number;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

export interface TestAppOptions {
  /** Capture the app's log lines from this level up into `logs` (default: nothing is logged). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Hears every operation the app's Prisma client runs ("User.findUnique", "$queryRaw", …): a real client with a query extension. */
  onQuery?: (operation: string) => void;
  /** Hash new passwords at the production cost (default: TEST_PASSWORD_HASHING; only tests about hashing need this). */
  productionPasswordHashing?: boolean;
}

// Cheap argon2id for tests that are not about hashing: ~1 ms instead of ~75 ms per hash, which
// every createUser, signUp and setPassword pays. Verifying reads the cost from the stored hash, so
// sign-in checks are as cheap. Production parameters are asserted in auth.security.test.ts.
export const TEST_PASSWORD_HASHING: PasswordHashing = { memoryCost: 256, timeCost: 1 };

async function openTestDatabase(): Promise<Database & { url: string | null }> {
  const pgTemplate = inject('pgTemplate');
  if (pgTemplate) {
    const name = `${pgTemplate.prefix}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgTemplate.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${pgTemplate.template}"`);
    await admin.end();
    const url = databaseUrlFor(pgTemplate.url, name);
    return Object.assign(await openPostgres(url, 5), { url });
  }
  const tar = await readFile(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([tar]), extensions: pgliteExtensions });
  return Object.assign(await openPglite(pglite), { url: null });
}

export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  if (options.onQuery) {
    const hear = options.onQuery;
    db.prisma = db.prisma.$extends({
      query: {
        $allOperations({ model, operation, args, query }) {
          hear(model ? `${model}.${operation}` : operation);
          return query(args);
        },
      },
    }) as unknown as typeof db.prisma;
  }
  const mail = await MailSink.start();
  const clock = new FakeClock(new Date());
  const smsSink = await SmsSink.start();
  const logs: LogLine[] = [];
  const config: Config = {
    ...loadConfig({
      ISSUER: 'http://account.test',
      SECRET_KEY: TEST_SECRET_KEY,
      SMTP_URL: mail.url,
      MAIL_FROM: 'Account Service <no-reply@account.test>',
      SMS_WEBHOOK_URL: smsSink.url,
      // Every request of a test file comes from one (unknown) address; ip-rate-limit.security.test.ts
      // turns the per-address limit back on.
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: '/nonexistent',
      // The maintenance job deletes what expired by the (fake) clock: tests that want it run it themselves.
      MAINTENANCE_WORKER: 'false',
      // Deletions take effect at once, as the tests written before the grace period expect;
      // test/account-deletion.test.ts turns the grace period on.
      DELETION_GRACE_DAYS: '0',
      ...env,
    }),
    passwordHashing: options.productionPasswordHashing ? DEFAULT_PASSWORD_HASHING : TEST_PASSWORD_HASHING,
  };
  const app = await createApp({
    config,
    db,
    secretKey: TEST_SECRET_KEY,
    clock,
    logger: options.logLevel ? createLogger(options.logLevel, { destination: { write: (line: string) => void logs.push(JSON.parse(line)) } }) : createLogger('silent'),
  });
  await ensureFirstAdmin(app.deps, ADMIN_EMAIL, ADMIN_PASSWORD);

  const fetchPath = (path: string, init?: RequestInit) => app.fetch(`http://account.test${path}`, init);

  const gql: TestApp['gql'] = async (query, variables, token, headers = {}) => {
    const response = await fetchPath('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'vitest',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: typeof query === 'string' ? query : print(query), variables }),
    });
    return (await response.json()) as GqlResult;
  };

  const signIn: TestApp['signIn'] = async (identifier, password) => {
    const result = await gql(
      `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on TokenSet { accessToken refreshToken scope } ... on Error { code message } } }`,
      { input: { identifier, password } },
    );
    const payload = result.data?.signIn;
    if (payload?.__typename !== 'TokenSet') throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
    return payload;
  };

  let adminToken: string | undefined;
  const getAdminToken = async () => {
    adminToken ??= (await signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    return adminToken;
  };

  const createUser: TestApp['createUser'] = async (input) => {
    const result = await gql(
      `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { __typename ... on User { id } ... on Error { code message } } } }`,
      { input },
      await getAdminToken(),
    );
    const user = result.data?.admin?.createUser;
    if (user?.__typename !== 'User') throw new Error(`createUser failed: ${JSON.stringify(result)}`);
    const identifier = (input.username ?? input.primaryEmail ?? input.primaryPhone) as string;
    const tokens = await signIn(identifier, input.password);
    return { id: user.id, token: tokens.accessToken, refreshToken: tokens.refreshToken };
  };

  return {
    app,
    db,
    databaseUrl: db.url,
    clock,
    mail,
    sms: smsSink.messages,
    smsSink,
    gql,
    fetch: fetchPath,
    signIn,
    adminToken: getAdminToken,
    createUser,
    logs,
    async close() {
      await app.close();
      await mail.close();
      await smsSink.close();
      await db.close();
    },
  };
}
