// No answer tells a real account from an unknown identifier: the password lockout (10 wrong
// passwords, then ACCOUNT_LOCKED) happens to both alike, and a passwordless passkey start answers
// the same options for an account with passkeys, one without, and no account at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD } from './helpers/me.js';
import { passkeySignIn, registerPasskey, startSignIn } from './helpers/passkeys.js';
import { SoftwareAuthenticator } from './helpers/software-authenticator.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SIGN_IN_LOCKOUT_THRESHOLD: '10', SIGN_IN_LOCKOUT_SECONDS: '600' });
});
afterAll(() => t.close());

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on Error { code message } } }`;
const attempt = async (identifier: string, password = 'a-wrong-guess-here') => (await t.gql(SIGN_IN, { input: { identifier, password } })).data.signIn;
const answers = async (identifier: string, n: number) => {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(await attempt(identifier));
  return out;
};

describe('password lockout', () => {
  it('an unknown identifier answers exactly like a real account: 10 × INVALID_CREDENTIALS, then ACCOUNT_LOCKED', async () => {
    await newUser(t, { username: 'enum-real', password: PASSWORD });
    const real = await answers('enum-real', 12);
    const unknown = await answers('enum-ghost', 12);
    expect(unknown).toEqual(real);
    expect(real.slice(0, 10).every((a: any) => a.code === 'INVALID_CREDENTIALS')).toBe(true);
    expect(real.slice(10)).toEqual([expect.objectContaining({ code: 'ACCOUNT_LOCKED' }), expect.objectContaining({ code: 'ACCOUNT_LOCKED' })]);
    // Another spelling of the same identifier is the same counter, as it is the same account.
    expect(await attempt('ENUM-GHOST')).toEqual(await attempt('ENUM-REAL'));
    // The locks end together.
    t.clock.advance(601_000);
    expect(await attempt('enum-ghost')).toEqual(await attempt('enum-real'));
    expect(await attempt('enum-real')).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('a concurrent burst gets as many unchecked guesses on an unknown identifier as on an account', async () => {
    await newUser(t, { primaryEmail: 'burst.real@example.com', password: PASSWORD });
    const burst = async (identifier: string) =>
      (await Promise.all(Array.from({ length: 14 }, () => attempt(identifier)))).map((a: any) => a.code).sort();
    expect(await burst('burst.ghost@example.com')).toEqual(await burst('burst.real@example.com'));
  });

  it('an unknown phone number shares one counter across its spellings, as an account would', async () => {
    const codes = [];
    for (const spelling of ['+1 415 555 0142', '+14155550142', '+1 (415) 555-0142']) {
      for (let i = 0; i < 4; i++) codes.push((await attempt(spelling)).code);
    }
    expect(codes.slice(0, 10).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(codes.slice(10)).toEqual(['ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
  });
});

describe('startPasskeySignIn', () => {
  it('answers the same options for an account with passkeys, one without and an unknown identifier', async () => {
    const withKeys = await newUser(t, { username: 'enum-pk', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    await registerPasskey(t, withKeys.token, device);
    await registerPasskey(t, withKeys.token, new SoftwareAuthenticator());
    await newUser(t, { username: 'enum-nopk', password: PASSWORD });
    const shape = async (identifier: string) => {
      const { options } = await startSignIn(t, identifier);
      const { challenge, ...rest } = options;
      expect(challenge).toMatch(/^[\w-]{20,}$/);
      return rest;
    };
    const real = await shape('enum-pk');
    expect(await shape('enum-nopk')).toEqual(real);
    expect(await shape('enum-pk-ghost')).toEqual(real);
    expect(await shape('ghost@example.com')).toEqual(real);
    expect(real.allowCredentials ?? []).toEqual([]);
    // The account's discoverable passkey still signs in with the identifier.
    expect(await passkeySignIn(t, device, 'enum-pk')).toMatchObject({ __typename: 'TokenSet' });
  });
});
