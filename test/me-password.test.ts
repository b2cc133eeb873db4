import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commonPasswordCount } from '../src/domain/users/password-policy.js';
import { newUser, PASSWORD, payload, SET_PASSWORD, verifyPassword } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const setPassword = async (token: string, input: Record<string, unknown>) => payload(await t.gql(SET_PASSWORD, { input }, token), 'setPassword');
const NEW_PASSWORD = 'violet-harbor-lantern';

describe('me.setPassword', () => {
  it('changes the password with identity proof and ends every other session, keeping this one', async () => {
    const u = await newUser(t, { username: 'pw_a', password: PASSWORD });
    const other = await t.signIn('pw_a', PASSWORD);
    const v = await verifyPassword(t, u.token);
    expect(await setPassword(u.token, { newPassword: NEW_PASSWORD, verificationId: v })).toMatchObject({ __typename: 'User', hasPassword: true });
    expect((await t.gql('{ me { id } }', {}, u.token)).data.me.id).toBe(u.id);
    expect((await t.gql('{ me { id } }', {}, other.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refresh = await t.gql('mutation($r: String!) { refreshTokens(refreshToken: $r) { __typename ... on Error { code } } }', { r: other.refreshToken });
    expect(refresh.data.refreshTokens.code).toBe('INVALID_CREDENTIALS');
    await expect(t.signIn('pw_a', PASSWORD)).rejects.toThrow();
    await expect(t.signIn('pw_a', NEW_PASSWORD)).resolves.toHaveProperty('accessToken');
    const event = await t.db.prisma.auditEvent.findFirst({ where: { userId: u.id, action: 'user.password.set' } });
    expect(event?.details).toEqual({ revokedSessions: 1 });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });

  it('ends every other identity proof of the user: only the one this change used stays valid', async () => {
    const u = await newUser(t, { username: 'pw_proofs', password: PASSWORD });
    const elsewhere = await t.signIn('pw_proofs', PASSWORD);
    const foreignProof = await verifyPassword(t, elsewhere.accessToken);
    const v = await verifyPassword(t, u.token);
    expect(await setPassword(u.token, { newPassword: NEW_PASSWORD, verificationId: v })).toMatchObject({ __typename: 'User' });
    const createPat = async (verificationId: string) =>
      payload(
        await t.gql(
          `mutation($v: ID!) { me { createPersonalAccessToken(input: { name: "ci", verificationId: $v }) { __typename ... on Error { code } } } }`,
          { v: verificationId },
          u.token,
        ),
        'createPersonalAccessToken',
      );
    expect(await createPat(foreignProof)).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
    // Reusable within its lifetime (twice here), until…
    expect(await createPat(v)).toMatchObject({ __typename: 'PersonalAccessTokenSecret' });
    expect(await createPat(v)).toMatchObject({ __typename: 'PersonalAccessTokenSecret' });
    // …an admin setting the password ends every proof, the current one included.
    const reset = await t.gql(`mutation($id: ID!) { admin { setUserPassword(id: $id, password: "Amber-Canyon-Whistle-73") { __typename } } }`, { id: u.id }, await t.adminToken());
    expect(reset.data.admin.setUserPassword.__typename).toBe('User');
    expect(await createPat(v)).toMatchObject({ code: 'VERIFICATION_REQUIRED' });
  });

  it('needs a verification when the account has a password (VERIFICATION_REQUIRED)', async () => {
    const u = await newUser(t, { username: 'pw_b', password: PASSWORD });
    expect(await setPassword(u.token, { newPassword: NEW_PASSWORD })).toMatchObject({ code: 'VERIFICATION_REQUIRED', path: ['verificationId'] });
  });

  it('answers the current password with SAME_PASSWORD', async () => {
    const u = await newUser(t, { username: 'pw_c', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    expect(await setPassword(u.token, { newPassword: PASSWORD, verificationId: v })).toMatchObject({ code: 'SAME_PASSWORD', path: ['newPassword'] });
  });

  it('lists every failed rule in PASSWORD_REJECTED', async () => {
    const u = await newUser(t, { username: 'pw_user', primaryEmail: 'ada.king@example.com', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    const cases: [string, string[]][] = [
      ['short', ['MIN_LENGTH_8', 'COMMON_PASSWORD']],
      ['x'.repeat(257), ['MAX_LENGTH_256', 'REPEATED_OR_SEQUENTIAL_CHARACTERS']],
      ['iloveyou', ['COMMON_PASSWORD']],
      ['Sunshine', ['COMMON_PASSWORD']],
      ['my-pw_user-pass', ['CONTAINS_USERNAME']],
      ['Ada.King-rocks', ['CONTAINS_EMAIL']],
      ['fox-aaaaaaaaaaaa', ['REPEATED_OR_SEQUENTIAL_CHARACTERS']],
      ['ABCDEFGHIJ-fox', ['REPEATED_OR_SEQUENTIAL_CHARACTERS']],
      ['fox-1234567890', ['REPEATED_OR_SEQUENTIAL_CHARACTERS']],
      ['fox-9876543210', ['REPEATED_OR_SEQUENTIAL_CHARACTERS']],
      ['qrst', ['MIN_LENGTH_8', 'REPEATED_OR_SEQUENTIAL_CHARACTERS']],
    ];
    for (const [newPassword, rules] of cases) {
      const res = await setPassword(u.token, { newPassword, verificationId: v });
      expect({ newPassword, res }).toEqual({ newPassword, res: expect.objectContaining({ __typename: 'PasswordRejectedError', code: 'PASSWORD_REJECTED', rules }) });
    }
    expect(await setPassword(u.token, { newPassword: 'fox-135-river', verificationId: v })).toMatchObject({ __typename: 'User' });
    // A short run inside words is no weakness (NIST SP 800-63B): the old rule refused all of these.
    for (const newPassword of ['fox-aaa-river', 'fox-ABC-river', 'fox-123-river', 'fox-321-river']) {
      expect({ newPassword, res: await setPassword(u.token, { newPassword, verificationId: v }) }).toMatchObject({ newPassword, res: { __typename: 'User' } });
    }
  });

  it('names the offending input field, newPassword, in PASSWORD_REJECTED', async () => {
    const u = await newUser(t, { username: 'pw_path', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    const res = await t.gql(
      `mutation($input: SetPasswordInput!) { me { setPassword(input: $input) { __typename ... on PasswordRejectedError { code path } } } }`,
      { input: { newPassword: 'short', verificationId: v } },
      u.token,
    );
    expect(payload(res, 'setPassword')).toEqual({ __typename: 'PasswordRejectedError', code: 'PASSWORD_REJECTED', path: ['newPassword'] });
  });

  it('gives an account with nothing to verify with its first password through the admin, never through an admin-minted token', async () => {
    // An account with only a username and no password cannot sign in. A token an admin mints for it
    // is not the account holder (docs/security.md), so it cannot set the password; admin.setUserPassword can.
    const admin = await t.adminToken();
    const created = await t.gql('mutation { admin { createUser(input: {username: "pw_first"}) { ... on User { id } } } }', {}, admin);
    const userId = created.data.admin.createUser.id;
    const pat = await t.gql(
      'mutation($id: ID!) { admin { createPersonalAccessToken(userId: $id, name: "setup") { ... on PersonalAccessTokenSecret { token } ... on Error { code message } } } }',
      { id: userId },
      admin,
    );
    const token = pat.data.admin.createPersonalAccessToken.token;
    const refused = await t.gql(
      'mutation($input: SetPasswordInput!) { me { setPassword(input: $input) { __typename } } }',
      { input: { newPassword: NEW_PASSWORD } },
      token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const set = await t.gql(
      'mutation($id: ID!, $password: String!) { admin { setUserPassword(id: $id, password: $password) { __typename } } }',
      { id: userId, password: NEW_PASSWORD },
      admin,
    );
    expect(set.data.admin.setUserPassword.__typename).toBe('User');
    await expect(t.signIn('pw_first', NEW_PASSWORD)).resolves.toHaveProperty('accessToken');
  });

  it('ships a list of at least the 10,000 most common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it('applies the same policy to admin.createUser', async () => {
    const res = await t.gql(
      'mutation { admin { createUser(input: {username: "pw_admin_made", password: "qwerty123"}) { __typename ... on PasswordRejectedError { code rules } } } }',
      {},
      await t.adminToken(),
    );
    expect(res.data.admin.createUser).toEqual({ __typename: 'PasswordRejectedError', code: 'PASSWORD_REJECTED', rules: ['COMMON_PASSWORD'] });
  });
});

describe('PASSWORD_MIN_LENGTH', () => {
  it('raises the minimum length', async () => {
    const strict = await createTestApp({ PASSWORD_MIN_LENGTH: '14' });
    try {
      const u = await newUser(strict, { username: 'pw_strict', password: 'fourteen-chars' });
      const v = await verifyPassword(strict, u.token, 'fourteen-chars');
      const res = payload(await strict.gql(SET_PASSWORD, { input: { newPassword: 'short-pw-01', verificationId: v } }, u.token), 'setPassword');
      expect(res).toMatchObject({ code: 'PASSWORD_REJECTED', rules: ['MIN_LENGTH_14'] });
    } finally {
      await strict.close();
    }
  });
});
