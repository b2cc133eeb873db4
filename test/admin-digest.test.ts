import { createHash } from 'node:crypto';
import { type Algorithm, hash } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'imported-Passw0rd!';
const hex = (alg: string) => createHash(alg).update(PASSWORD, 'utf8').digest('hex');

const DIGESTS: Record<string, () => Promise<string> | string> = {
  BCRYPT: () => bcrypt.hash(PASSWORD, 4),
  ARGON2ID: () => hash(PASSWORD, { algorithm: 2 as Algorithm, memoryCost: 4096, timeCost: 1 }),
  ARGON2I: () => hash(PASSWORD, { algorithm: 1 as Algorithm, memoryCost: 4096, timeCost: 1 }),
  SHA256: () => hex('sha256'),
  SHA1: () => hex('sha1').toUpperCase(),
  MD5: () => hex('md5'),
};

const CREATE = `mutation($input: CreateUserInput!) { admin { createUser(input: $input) {
  __typename ... on User { id hasPassword } ... on Error { code message } ... on UserError { path } } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on Error { code } } }`;

describe('imported password digests', () => {
  for (const [algorithm, make] of Object.entries(DIGESTS)) {
    it(`${algorithm}: signs in, is re-hashed to argon2id on the first success, and still signs in`, async () => {
      const username = `import-${algorithm.toLowerCase()}`;
      const digest = await make();
      const created = await t.gql(CREATE, { input: { username, passwordDigest: digest, passwordAlgorithm: algorithm } }, await t.adminToken());
      const user = created.data.admin.createUser;
      expect(user).toMatchObject({ __typename: 'User', hasPassword: true });
      const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(before).toMatchObject({ passwordAlgorithm: algorithm, passwordHash: digest });

      const wrong = await t.gql(SIGN_IN, { input: { identifier: username, password: 'not-the-password' } });
      expect(wrong.data.signIn).toEqual({ __typename: 'UserError', code: 'INVALID_CREDENTIALS' });
      expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(digest);

      await expect(t.signIn(username, PASSWORD)).resolves.toHaveProperty('accessToken');
      const after = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(after.passwordAlgorithm).toBe('ARGON2ID');
      expect(after.passwordHash).toMatch(/^\$argon2id\$/);
      expect(after.passwordHash).not.toBe(digest);
      await expect(t.signIn(username, PASSWORD)).resolves.toHaveProperty('accessToken');
    });
  }

  it('refuses a digest that is not in the algorithm’s standard form, or without its algorithm', async () => {
    const admin = await t.adminToken();
    const bad = await t.gql(CREATE, { input: { username: 'bad-digest', passwordDigest: 'abc', passwordAlgorithm: 'SHA256' } }, admin);
    expect(bad.data.admin.createUser).toMatchObject({ code: 'INVALID_INPUT', path: ['passwordDigest'] });
    const missing = await t.gql(CREATE, { input: { username: 'no-alg', passwordDigest: hex('md5') } }, admin);
    expect(missing.data.admin.createUser).toMatchObject({ code: 'INVALID_INPUT', path: ['passwordAlgorithm'] });
    const both = await t.gql(CREATE, { input: { username: 'both', password: PASSWORD, passwordDigest: hex('md5'), passwordAlgorithm: 'MD5' } }, admin);
    expect(both.data.admin.createUser).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('keeps the digest out of the audit log', async () => {
    const events = await t.db.prisma.auditEvent.findMany({ where: { action: 'admin.user.create' } });
    const text = JSON.stringify(events);
    for (const make of [hex('sha256'), hex('md5')]) expect(text).not.toContain(make);
    expect(events.some((e) => (e.details as { passwordImported?: boolean }).passwordImported)).toBe(true);
  });
});

describe('createUser with roles, profile and customData', () => {
  it('stores them', async () => {
    const res = await t.gql(
      `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { __typename ... on User {
        roles customData profile { givenName locale } name } } } }`,
      { input: { primaryEmail: 'full@example.com', password: PASSWORD, roles: ['support'], profile: { givenName: 'Fu', locale: 'fr-FR' }, customData: { tier: 2 }, name: 'Full' } },
      await t.adminToken(),
    );
    expect(res.data.admin.createUser).toEqual({ __typename: 'User', roles: ['support'], customData: { tier: 2 }, profile: { givenName: 'Fu', locale: 'fr-FR' }, name: 'Full' });
  });
});
