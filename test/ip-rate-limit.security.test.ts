// Per-address limits on sign-in, sign-up, the MFA step and /oauth/token: one address cannot try
// many accounts, while other addresses are unaffected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      for (let i = 0; i < 5; i++) {
        const res = await t.gql(SIGN_IN, { input: { identifier: 'nobody-here', password: 'guess-123456' } }, undefined, from(ip));
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
});
