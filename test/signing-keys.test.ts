// Signing-key rotation: a new key signs at once, the old one stays published until every token it
// signed has expired, then it is retired (gone from the JWKS, no longer trusted).
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxAccessTokenLifetimeSeconds } from '../src/domain/admin/tokens-admin.service.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const jwksKids = async () => ((await (await t.fetch('/.well-known/jwks.json')).json()).keys as { kid: string }[]).map((k) => k.kid);
const me = async (token: string) => (await t.gql('{ me { primaryEmail } }', {}, token)).data?.me?.primaryEmail;

describe('signing-key rotation', () => {
  it('signs with the new key at once, keeps old tokens valid, and retires the old key once its tokens expired', async () => {
    const tokens = t.app.deps.tokens;
    const lifetime = maxAccessTokenLifetimeSeconds(t.app.deps.config);
    expect(lifetime).toBe(3600);
    const before = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    const oldKid = decodeProtectedHeader(before).kid!;

    const newKid = await tokens.rotate();
    expect(newKid).not.toBe(oldKid);
    expect(await jwksKids()).toEqual([oldKid, newKid]);
    const after = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    // Both verify, here and for any JWT library reading the published JWKS.
    expect(await me(before)).toBe(ADMIN_EMAIL);
    expect(await me(after)).toBe(ADMIN_EMAIL);
    const jwks = createLocalJWKSet(await (await t.fetch('/.well-known/jwks.json')).json());
    for (const token of [before, after]) await expect(jwtVerify(token, jwks, { currentDate: t.clock.now() })).resolves.toBeTruthy();

    // Not yet: a token of the old key might still be alive.
    t.clock.advance((lifetime - 1) * 1000);
    expect(await tokens.retireSuperseded(lifetime)).toEqual([]);
    t.clock.advance(1000);
    expect(await tokens.retireSuperseded(lifetime)).toEqual([oldKid]);
    expect(await jwksKids()).toEqual([newKid]);
    const row = await t.db.prisma.signingKey.findUniqueOrThrow({ where: { kid: oldKid } });
    expect(row.retiredAt?.getTime()).toBe(t.clock.now().getTime());
    // The active key is never retired, however old.
    t.clock.advance(10 * lifetime * 1000);
    expect(await tokens.retireSuperseded(lifetime)).toEqual([]);
    expect(decodeProtectedHeader((await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken).kid).toBe(newKid);
  });
});
