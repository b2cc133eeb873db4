// Subscription.securityEvents over real SSE on a real HTTP server: the subscriber sees its own
// sign-in, nothing of another user's, and the stream closes when its session is revoked. With
// REDIS_URL, an event committed on another instance reaches the stream through Redis.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { CREATE_PAT, newUser, PASSWORD, payload, REVOKE_PAT, REVOKE_SESSION, verifyPassword } from './helpers/me.js';
import { subscribe } from './helpers/sse.js';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from './helpers/test-app.js';

const SUBSCRIPTION = `subscription { securityEvents { id type at ip userAgent actor data } }`;

async function listen(app: App): Promise<{ server: Server; url: string }> {
  const server = createServer(app.yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('Subscription.securityEvents (in process)', () => {
  let t: TestApp;
  let http: { server: Server; url: string };
  beforeAll(async () => {
    t = await createTestApp();
    http = await listen(t.app);
  });
  afterAll(async () => {
    await close(http.server);
    await t.close();
  });

  it("streams the user's own sign-in, nothing of another user's, and closes on revocation", async () => {
    const me = await newUser(t, { username: 'live-me', password: PASSWORD });
    const other = await newUser(t, { username: 'live-other', password: PASSWORD });
    const sub = await subscribe(http.url, SUBSCRIPTION, me.token);
    try {
      await t.signIn('live-other', PASSWORD);
      const second = await t.signIn('live-me', PASSWORD);
      await expect.poll(() => sub.events.length, { timeout: 10_000 }).toBe(1);
      const [first] = sub.events;
      expect(first.data.securityEvents).toMatchObject({ type: 'user.signed_in', actor: 'SELF', userAgent: 'vitest', data: { user: { id: expect.any(String) } } });
      expect(first.data.securityEvents.data.user.id).not.toBe(other.id);
      expect(JSON.stringify(sub.events)).not.toContain(other.id);
      expect(sub.isClosed()).toBe(false);

      // Another session revokes the stream's session: the revocation is delivered, then the stream ends.
      const sessions = await t.db.prisma.session.findMany({ where: { userId: me.id }, orderBy: { createdAt: 'asc' } });
      const res = await t.gql(REVOKE_SESSION, { id: sessions[0]!.id }, second.accessToken);
      expect(res.data.me.revokeSession.revokedCount).toBe(1);
      await sub.closed;
      expect(sub.events.map((e) => e.data.securityEvents.type)).toEqual(['user.signed_in', 'session.revoked']);
    } finally {
      sub.cancel();
    }
  });

  it('a stream opened with a personal access token ends when that token is revoked, or when it expires', async () => {
    const u = await newUser(t, { username: 'live-pat', password: PASSWORD });
    const mint = async (name: string, expiresAt?: Date) =>
      payload(await t.gql(CREATE_PAT, { input: { name, expiresAt, verificationId: await verifyPassword(t, u.token) } }, u.token), 'createPersonalAccessToken');
    const revoked = await mint('live-revoked');
    const sub = await subscribe(http.url, SUBSCRIPTION, revoked.token);
    try {
      payload(await t.gql(REVOKE_PAT, { id: revoked.personalAccessToken.id }, u.token), 'revokePersonalAccessToken');
      await sub.closed;
      expect(sub.events.map((e) => e.data.securityEvents.type)).toEqual(['token.revoked']);
    } finally {
      sub.cancel();
    }

    const expiring = await mint('live-expiring', new Date(t.clock.now().getTime() + 3_600_000));
    const second = await subscribe(http.url, SUBSCRIPTION, expiring.token);
    try {
      await t.signIn('live-pat', PASSWORD);
      await expect.poll(() => second.events.length, { timeout: 10_000 }).toBe(1);
      expect(second.isClosed()).toBe(false);
      // Past its expiry, the stream's periodic check ends it with no event needed.
      t.clock.advance(2 * 3_600_000);
      await second.closed;
    } finally {
      second.cancel();
    }
  });

  it('refuses an anonymous subscriber', async () => {
    const response = await fetch(http.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });
    const text = await response.text();
    expect(text).toContain('UNAUTHENTICATED');
    expect(text).not.toContain('INTERNAL_SERVER_ERROR');
  });
});

describe('Subscription.securityEvents across instances through Redis', () => {
  let t: TestApp;
  let second: App;
  let http: { server: Server; url: string };
  beforeAll(async () => {
    // A prefix of this run's own: the stream's channels are under it, like every other Redis key.
    t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `test-${randomBytes(4).toString('hex')}:` });
    // Another instance on the same database and Redis; the subscriber is connected to the first.
    second = await createApp({ config: t.app.deps.config, db: t.db, secretKey: TEST_SECRET_KEY, clock: t.clock, logger: createLogger('silent') });
    http = await listen(t.app);
  });
  afterAll(async () => {
    await close(http.server);
    await second.close();
    await t.close();
  });

  it('delivers an event committed on the other instance', async () => {
    const me = await newUser(t, { username: 'redis-me', password: PASSWORD });
    const sub = await subscribe(http.url, SUBSCRIPTION, me.token);
    try {
      const res = await second.fetch('http://account.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'second-instance' },
        body: JSON.stringify({ query: `mutation { signIn(input: { identifier: "redis-me", password: "${PASSWORD}" }) { __typename } }` }),
      });
      expect((await res.json()).data.signIn.__typename).toBe('TokenSet');
      await expect.poll(() => sub.events.length, { timeout: 10_000 }).toBe(1);
      expect(sub.events[0].data.securityEvents).toMatchObject({ type: 'user.signed_in', userAgent: 'second-instance' });
    } finally {
      sub.cancel();
    }
  });

  it('publishes on channels under REDIS_KEY_PREFIX', async () => {
    const me = await newUser(t, { username: 'redis-prefixed', password: PASSWORD });
    const prefix = t.app.deps.config.redisKeyPrefix;
    const listener = new Redis('redis://127.0.0.1:6379');
    const heard: string[] = [];
    listener.on('pmessage', (_pattern, channel) => heard.push(channel));
    try {
      await listener.psubscribe(`*security-events:${me.id}`);
      await t.signIn('redis-prefixed', PASSWORD);
      await expect.poll(() => heard.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(heard).toEqual(heard.map(() => `${prefix}security-events:${me.id}`));
    } finally {
      listener.disconnect();
    }
  });
});
