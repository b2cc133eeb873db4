// Per-address limits on sign-in, sign-up, the MFA step and /oauth/token: one address cannot try
// many accounts, while other addresses are unaffected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitBucket } from '../src/domain/auth/ip-rate-limit.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'true' });
});
afterAll(() => t.close());

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename
  ... on TokenSet { accessToken } ... on RateLimitedError { retryAfterSeconds } ... on Error { code message } } }`;
const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('per-address rate limits', () => {
  it('refuses a fourth sign-in a minute from one address, across accounts, even with the right password', async () => {
    await t.createUser({ username: 'rl-target', password: 'a-long-enough-password' });
    for (const name of ['rl-a', 'rl-b', 'rl-c']) {
      const res = await t.gql(SIGN_IN, { input: { identifier: name, password: 'guess-123456' } }, undefined, from('203.0.113.7'));
      expect(res.data.signIn.code).toBe('INVALID_CREDENTIALS');
    }
    const limited = await t.gql(SIGN_IN, { input: { identifier: 'rl-target', password: 'a-long-enough-password' } }, undefined, from('203.0.113.7'));
    expect(limited.data.signIn).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    expect(limited.data.signIn.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.data.signIn.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Entries a client puts before the proxy's own cannot dodge the limit.
    const forged = await t.gql(SIGN_IN, { input: { identifier: 'rl-target', password: 'a-long-enough-password' } }, undefined, {
      'x-forwarded-for': '10.9.8.7, 203.0.113.7',
    });
    expect(forged.data.signIn.code).toBe('RATE_LIMITED');
    // Another address is unaffected.
    const other = await t.gql(SIGN_IN, { input: { identifier: 'rl-target', password: 'a-long-enough-password' } }, undefined, from('198.51.100.9'));
    expect(other.data.signIn.__typename).toBe('TokenSet');
  });

  it('never limits the machine itself (loopback)', async () => {
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      // One unknown identifier per address: 15 wrong guesses at one would meet its lockout (10), not a rate limit.
      for (let i = 0; i < 5; i++) {
        const res = await t.gql(SIGN_IN, { input: { identifier: `nobody-at-${ip}`, password: 'guess-123456' } }, undefined, from(ip));
        expect(res.data.signIn.code).toBe('INVALID_CREDENTIALS');
      }
    }
  });

  it('limits sign-up and the MFA step per address too', async () => {
    const signUp = (n: number) =>
      t.gql(
        `mutation($input: SignUpInput!) { signUp(input: $input) { __typename ... on Error { code } } }`,
        { input: { username: `rl-new-${n}`, password: 'a-long-enough-password' } },
        undefined,
        from('203.0.113.8'),
      );
    for (const n of [1, 2, 3]) expect((await signUp(n)).data.signUp.__typename).toBe('TokenSet');
    expect((await signUp(4)).data.signUp).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });

    const verify = () =>
      t.gql(
        `mutation { verifySignIn(input: { mfaToken: "not-a-token", totpCode: "123456" }) { __typename ... on Error { code } } }`,
        {},
        undefined,
        from('203.0.113.9'),
      );
    for (let i = 0; i < 3; i++) expect((await verify()).data.verifySignIn.code).toBe('INVALID_CREDENTIALS');
    expect((await verify()).data.verifySignIn).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
  });

  it('answers /oauth/token past the limit with 429, Retry-After and slow_down', async () => {
    const post = () =>
      t.fetch('/oauth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...from('203.0.113.10') },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'mc_nobody', client_secret: 'wrong' }).toString(),
      });
    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(401);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: 'slow_down' });
  });

  it('counts refusals in /metrics by action', async () => {
    const metrics = await (await t.fetch('/metrics')).text();
    expect(metrics).toMatch(/^auth_rate_limited_total\{action="sign-in"\} [1-9]/m);
    expect(metrics).toMatch(/^auth_rate_limited_total\{action="oauth-token"\} 1$/m);
  });

  it('counts IPv6 callers per /64: other addresses of one network share its bucket', async () => {
    const attempt = (ip: string) => t.gql(SIGN_IN, { input: { identifier: 'rl-v6', password: 'guess-123456' } }, undefined, from(ip)).then((r) => r.data.signIn.code);
    for (const ip of ['2001:db8:aa:1::1', '2001:db8:aa:1::2', '2001:db8:aa:1:ffff:ffff:ffff:fffe']) expect(await attempt(ip)).toBe('INVALID_CREDENTIALS');
    expect(await attempt('2001:db8:aa:1:1234:5678:9abc:def0')).toBe('RATE_LIMITED');
    expect(await attempt('2001:0db8:00aa:0001::77')).toBe('RATE_LIMITED');
    // The neighbouring /64 is another caller.
    expect(await attempt('2001:db8:aa:2::1')).toBe('INVALID_CREDENTIALS');
  });
});

describe('rateLimitBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::198.51.100.1', '64:ff9b:0:0::/64'],
  ])('%s counts as %s', (ip, bucket) => {
    expect(rateLimitBucket(ip)).toBe(bucket);
  });
});

describe('loopback exemption in production', () => {
  const PRODUCTION = { NODE_ENV: 'production', AUTH_RATE_LIMIT_PER_MINUTE: '60' };
  const WARNING = /TRUST_PROXY is not set: requests from loopback are never rate limited/;

  it('is announced at start when TRUST_PROXY is unset', async () => {
    const app = await createTestApp(PRODUCTION, { logLevel: 'warn' });
    try {
      expect(app.logs.some((l) => l.level === 40 && WARNING.test(l.msg ?? ''))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('is not, behind a trusted proxy', async () => {
    const app = await createTestApp({ ...PRODUCTION, TRUST_PROXY: 'true' }, { logLevel: 'warn' });
    try {
      expect(app.logs.some((l) => WARNING.test(l.msg ?? ''))).toBe(false);
    } finally {
      await app.close();
    }
  });
});
