// Security notices: the account's email hears about changes to how it signs in, caught by the real
// SMTP sink; they carry no secret, and a failing mail server never fails the change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollTotp, generateBackupCodes } from './helpers/mfa.js';
import { CREATE_PAT, newUser, PASSWORD, payload, SET_EMAIL, SET_PASSWORD, verifiedCodeRecord, verifyPassword } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.adminToken();
});
afterAll(() => t.close());

const NEW_PASSWORD = 'violet-harbor-lantern';

describe('security notices', () => {
  it('tells the account email that the password changed, without the password', async () => {
    const u = await newUser(t, { primaryEmail: 'notice-pw@example.com', password: PASSWORD });
    const v = await verifyPassword(t, u.token);
    expect(payload(await t.gql(SET_PASSWORD, { input: { newPassword: NEW_PASSWORD, verificationId: v } }, u.token), 'setPassword').__typename).toBe('User');
    const mail = await t.mail.latestTo('notice-pw@example.com', 'Your password was changed');
    expect(mail.text).toContain('The password of your account was changed.');
    expect(mail.text).toContain('change your password now');
    expect(mail.html).toContain('The password of your account was changed.');
    expect(`${mail.text}${mail.html}`).not.toContain(NEW_PASSWORD);

    // An admin's reset is reported too.
    const reset = await t.gql(`mutation($id: ID!) { admin { setUserPassword(id: $id, password: "Amber-Canyon-Whistle-73") { __typename } } }`, { id: u.id }, admin);
    expect(reset.data.admin.setUserPassword.__typename).toBe('User');
    await expect.poll(() => t.mail.messages.filter((m) => m.subject === 'Your password was changed' && m.to.includes('notice-pw@example.com')).length).toBe(2);
  });

  it('tells the previous address when the email changes', async () => {
    const u = await newUser(t, { primaryEmail: 'notice-old@example.com', password: PASSWORD });
    const identity = await verifyPassword(t, u.token);
    const newAddress = await verifiedCodeRecord(t, u.token, { email: 'notice-new@example.com' });
    const changed = payload(
      await t.gql(SET_EMAIL, { input: { email: 'notice-new@example.com', newIdentifierVerificationId: newAddress, verificationId: identity } }, u.token),
      'setPrimaryEmail',
    );
    expect(changed.primaryEmail).toBe('notice-new@example.com');
    const mail = await t.mail.latestTo('notice-old@example.com', 'Your email address was changed');
    expect(mail.text).toContain('this address no longer signs in');
  });

  it('reports MFA added and removed, new backup codes and new personal access tokens, never their secrets', async () => {
    const u = await newUser(t, { primaryEmail: 'notice-mfa@example.com', password: PASSWORD });
    const { factorId, secret } = await enrollTotp(t, u.token);
    await t.mail.latestTo('notice-mfa@example.com', 'Two-step verification was added');
    const codes = await generateBackupCodes(t, u.token);
    await t.mail.latestTo('notice-mfa@example.com', 'New backup codes were generated');
    const removed = await t.gql(
      `mutation($u: ID!, $f: ID!) { admin { removeUserMfaFactor(userId: $u, factorId: $f) { __typename } } }`,
      { u: u.id, f: factorId },
      admin,
    );
    expect(removed.data.admin.removeUserMfaFactor.__typename).not.toMatch(/Error/);
    await t.mail.latestTo('notice-mfa@example.com', 'Two-step verification was removed');
    const pat = payload(await t.gql(CREATE_PAT, { input: { name: 'ci', verificationId: await verifyPassword(t, u.token) } }, u.token), 'createPersonalAccessToken');
    await t.mail.latestTo('notice-mfa@example.com', 'A personal access token was created');
    const all = JSON.stringify(t.mail.messages.filter((m) => m.to.includes('notice-mfa@example.com')));
    for (const hidden of [secret, pat.token, ...codes]) expect(all).not.toContain(hidden);
  });
});

describe('security notices when mail fails or is off', () => {
  it('never fails the change when the mail server is down', async () => {
    // Port 1 on loopback refuses connections: every send fails fast.
    const broken = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const u = await newUser(broken, { primaryEmail: 'down@example.com', password: PASSWORD });
      const v = await verifyPassword(broken, u.token);
      const res = payload(await broken.gql(SET_PASSWORD, { input: { newPassword: NEW_PASSWORD, verificationId: v } }, u.token), 'setPassword');
      expect(res.__typename).toBe('User');
      await expect(broken.signIn('down@example.com', NEW_PASSWORD)).resolves.toHaveProperty('accessToken');
    } finally {
      await broken.close();
    }
  });

  it('sends nothing with SECURITY_NOTICES=false', async () => {
    const quiet = await createTestApp({ SECURITY_NOTICES: 'false' });
    try {
      const u = await newUser(quiet, { primaryEmail: 'quiet@example.com', password: PASSWORD });
      const v = await verifyPassword(quiet, u.token);
      await quiet.gql(SET_PASSWORD, { input: { newPassword: NEW_PASSWORD, verificationId: v } }, u.token);
      // A code sent afterwards arrives; a notice sent before it would have arrived first.
      await verifiedCodeRecord(quiet, u.token, { email: 'quiet@example.com' });
      expect(quiet.mail.messages.filter((m) => m.to.includes('quiet@example.com')).map((m) => m.subject)).toEqual(['Your verification code']);
    } finally {
      await quiet.close();
    }
  });
});
