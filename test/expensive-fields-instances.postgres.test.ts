// The per-account limit on expensive fields (EXPENSIVE_FIELD_LIMIT_PER_MINUTE) is one count for
// every instance: two apps on one PostgreSQL database share it (table auth_rate_limit), so
// spreading attempts over instances does not multiply them. PostgreSQL only (npm run test:pg).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Database, openPostgres } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from './helpers/test-app.js';

const LIMIT = 4;
const SIGN_IN = `mutation($identifier: String!) { signIn(input: { identifier: $identifier, password: "wrong-password" }) {
  __typename ... on Error { code message } } }`;

describe.runIf(inject('pgTemplate'))('the per-account limit across instances', () => {
  let first: TestApp;
  let secondDb: Database;
  let second: App;
  beforeAll(async () => {
    const env = { EXPENSIVE_FIELD_LIMIT_PER_MINUTE: String(LIMIT) };
    first = await createTestApp(env);
    secondDb = await openPostgres(first.databaseUrl!, 3);
    const config = loadConfig({ ISSUER: 'http://account.test', SECRET_KEY: TEST_SECRET_KEY, LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', AUTH_RATE_LIMIT_PER_MINUTE: '0', WEBHOOK_WORKER: 'false', ...env });
    second = await createApp({ config, db: secondDb, secretKey: TEST_SECRET_KEY, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await second?.close();
    await secondDb?.close();
    await first?.close();
  });

  const signInAt = async (app: App, identifier: string) => {
    const response = await app.fetch('http://account.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { identifier } }),
    });
    return (await response.json()).data.signIn;
  };

  it('counts attempts on one identifier made through either instance together', async () => {
    const codes: string[] = [];
    for (let i = 0; i < LIMIT; i++) codes.push((await signInAt(i % 2 === 0 ? first.app : second, 'spread-account')).code);
    expect(codes).toEqual(Array(LIMIT).fill('INVALID_CREDENTIALS'));
    // Past the limit on both instances, though each saw only half of the attempts.
    expect(await signInAt(second, 'spread-account')).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('this account') });
    expect(await signInAt(first.app, 'spread-account')).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
