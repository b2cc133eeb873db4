// The maintenance job's clean-up (docs/account-lifecycle.md): what expired (MFA challenges,
// verification records, link tokens, trusted devices) or ended long ago (sessions and their
// refresh tokens) is deleted, what is live stays; the lease of a crashed holder lapses. The test
// prints the row counts before and after, the figures docs/account-lifecycle.md quotes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { challenge, enrollTotp, nextStep, PASSWORD, totpAt, VERIFY_SIGN_IN } from './helpers/mfa.js';
import { newUser, verifyPassword } from './helpers/me.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const DAY = 24 * 3600 * 1000;
const ROUNDS = 10;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY: 'true' });
});
afterAll(() => t.close());

const counts = async () => ({
  MfaChallenge: await t.db.prisma.mfaChallenge.count(),
  VerificationRecord: await t.db.prisma.verificationRecord.count(),
  LifecycleToken: await t.db.prisma.lifecycleToken.count(),
  TrustedDevice: await t.db.prisma.trustedDevice.count(),
  Session: await t.db.prisma.session.count(),
  RefreshToken: await t.db.prisma.refreshToken.count(),
});

describe('the clean-up', () => {
  it('deletes what expired or ended long ago and keeps what is live', { timeout: 120_000 }, async () => {
    const user = await newUser(t, { username: 'mara', primaryEmail: 'mara@example.com', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    for (let i = 0; i < ROUNDS; i++) {
      nextStep(t);
      // A finished sign-in from a new network (a trusted device, a "was this you?" token) ...
      const headers = { 'x-forwarded-for': `198.51.${i}.1` };
      const mfaToken = (await t.gql(`mutation($input: SignInInput!) { signIn(input: $input) { ... on MfaChallenge { mfaToken } } }`, { input: { identifier: 'mara', password: PASSWORD } }, undefined, headers)).data.signIn.mfaToken;
      const done = (await t.gql(VERIFY_SIGN_IN, { input: { mfaToken, totpCode: await totpAt(t, secret), trustDevice: true } }, undefined, headers)).data.verifySignIn;
      // ... ended by sign-out, an abandoned challenge, and an identity proof.
      const out = await t.gql('mutation { signOut { __typename ... on SignOutPayload { success } } }', {}, done.accessToken);
      expect(out.data.signOut.success).toBe(true);
      await challenge(t, 'mara');
      await verifyPassword(t, user.token);
    }
    const before = await counts();
    expect(before).toMatchObject({ MfaChallenge: ROUNDS * 2, VerificationRecord: ROUNDS + 1, LifecycleToken: ROUNDS, TrustedDevice: ROUNDS });

    t.clock.advance(31 * DAY);
    // What is live after the jump stays: a challenge opened now (answered below).
    const live = await challenge(t, 'mara');
    const report = await t.app.maintenance.runOnce();
    const after = await counts();
    console.log(`table rows before/after the maintenance job (${ROUNDS} rounds): ${JSON.stringify({ before, after, deleted: report?.deleted })}`);
    expect(after).toMatchObject({ MfaChallenge: 1, VerificationRecord: 0, LifecycleToken: 0, TrustedDevice: 0 });
    // Ended sessions are gone (their refresh tokens with them); the live ones stay.
    expect(after.Session).toBeLessThan(before.Session);
    expect(after.Session).toBe(await t.db.prisma.session.count({ where: { revokedAt: null } }));
    nextStep(t);
    expect((await t.gql(VERIFY_SIGN_IN, { input: { mfaToken: live, totpCode: await totpAt(t, secret) } })).data.verifySignIn.__typename).toBe('TokenSet');
  });
});

describe('the lease', () => {
  it('keeps a second holder out until a crashed holder’s lease lapses', async () => {
    t.clock.advance(DAY);
    // An instance that died mid-run left its lease behind.
    await t.db.prisma.jobLease.upsert({
      where: { name: 'maintenance' },
      create: { name: 'maintenance', holder: 'crashed', leasedUntil: new Date(t.clock.now().getTime() + 60_000) },
      update: { holder: 'crashed', leasedUntil: new Date(t.clock.now().getTime() + 60_000), nextRunAt: null },
    });
    expect(await t.app.maintenance.runOnce()).toBeNull();
    t.clock.advance(61_000);
    expect(await t.app.maintenance.runOnce()).not.toBeNull();
    const lease = await t.db.prisma.jobLease.findUniqueOrThrow({ where: { name: 'maintenance' } });
    expect(lease).toMatchObject({ holder: null, leasedUntil: null });
    expect(lease.nextRunAt?.getTime()).toBe(t.clock.now().getTime() + 300_000);
  });
});
