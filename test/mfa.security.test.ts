import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { challenge, ENROLL, enrollTotp, generateBackupCodes, nextStep, PASSWORD, signIn, totpAt, verificationId, verifySignIn } from './helpers/mfa.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const wrongCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

describe('TOTP replay', () => {
  it('never accepts a code, or an earlier one, twice', async () => {
    const user = await t.createUser({ username: 'replay', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);

    // The code used to enroll is already spent.
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'replay'), totpCode: await totpAt(t, secret) })).toMatchObject({
      code: 'INVALID_MFA_CODE',
    });

    nextStep(t);
    const code = await totpAt(t, secret);
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'replay'), totpCode: code })).toMatchObject({ __typename: 'TokenSet' });
    // Same code, still inside its window, on a fresh challenge.
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'replay'), totpCode: code })).toMatchObject({ code: 'INVALID_MFA_CODE' });
    // The previous step's code is within the drift tolerance but older than the last one used.
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'replay'), totpCode: await totpAt(t, secret, -30) })).toMatchObject({
      code: 'INVALID_MFA_CODE',
    });
    nextStep(t);
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'replay'), totpCode: await totpAt(t, secret) })).toMatchObject({
      __typename: 'TokenSet',
    });
  });

  it('tells a reused code from a wrong one, and counts both toward the lockout', async () => {
    const user = await t.createUser({ username: 'reuser', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    const failures = async () => (await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).mfaFailures;
    const enrolmentCode = await totpAt(t, secret);

    // The README's path: the enrolment code typed again at the first sign-in.
    const mfaToken = await challenge(t, 'reuser');
    const reused = await verifySignIn(t, { mfaToken, totpCode: enrolmentCode });
    expect(reused).toMatchObject({ code: 'INVALID_MFA_CODE', message: expect.stringMatching(/already used.*wait for the next code/) });
    expect(await failures()).toBe(1);
    expect(await verifySignIn(t, { mfaToken, totpCode: wrongCode(enrolmentCode) })).toMatchObject({
      code: 'INVALID_MFA_CODE',
      message: 'The code is incorrect',
    });
    expect(await failures()).toBe(2);

    // The previous step's code is inside the drift window but before the spent step: a replay too.
    nextStep(t);
    const fresh = await totpAt(t, secret);
    expect(await verifySignIn(t, { mfaToken, totpCode: fresh })).toMatchObject({ __typename: 'TokenSet' });
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'reuser'), totpCode: await totpAt(t, secret, -30) })).toMatchObject({
      message: expect.stringMatching(/already used/),
    });

    // Step-up spends codes the same way and words a replay the same way.
    nextStep(t);
    const stepUp = `mutation($code: String!) { me { verifyTotp(code: $code) { __typename ... on Error { code message } } } }`;
    const code = await totpAt(t, secret);
    expect((await t.gql(stepUp, { code }, user.token)).data.me.verifyTotp).toMatchObject({ __typename: 'VerificationRecord' });
    expect((await t.gql(stepUp, { code }, user.token)).data.me.verifyTotp).toMatchObject({
      code: 'INVALID_MFA_CODE',
      message: expect.stringMatching(/already used/),
    });
    expect((await t.gql(stepUp, { code: wrongCode(code) }, user.token)).data.me.verifyTotp).toMatchObject({
      message: 'The code is incorrect',
    });
  });

  it('lets only one of two concurrent requests spend the same code', async () => {
    const user = await t.createUser({ username: 'racer', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    nextStep(t);
    const code = await totpAt(t, secret);
    const tokens = await Promise.all([challenge(t, 'racer'), challenge(t, 'racer')]);
    const results = await Promise.all(tokens.map((mfaToken) => verifySignIn(t, { mfaToken, totpCode: code })));
    expect(results.map((r) => r.__typename).sort()).toEqual(['TokenSet', 'UserError']);
  });
});

describe('secrets at rest', () => {
  it('stores the TOTP secret encrypted and backup codes hashed, and audits neither', async () => {
    const user = await t.createUser({ username: 'atrest', password: PASSWORD });
    const { secret, factorId } = await enrollTotp(t, user.token);
    const codes = await generateBackupCodes(t, user.token);

    const rows = await t.db.prisma.$queryRaw<{ row: string }[]>`SELECT f::text AS row FROM "MfaFactor" f WHERE f."userId" = ${user.id}`;
    expect(rows).toHaveLength(2);
    const codeRows = await t.db.prisma.$queryRaw<{ row: string }[]>`SELECT b::text AS row FROM "BackupCode" b`;
    const audit = JSON.stringify(await t.db.prisma.auditEvent.findMany({ where: { userId: user.id } }));
    const stored = [...rows, ...codeRows].map((r) => r.row).join('\n') + audit;
    for (const needle of [secret, secret.toLowerCase(), ...codes, ...codes.map((c) => c.replaceAll('-', ''))]) {
      expect(stored).not.toContain(needle);
    }
    // …yet the stored secret is the enrolled one: a code computed from it signs in.
    const factor = await t.db.prisma.mfaFactor.findUniqueOrThrow({ where: { id: factorId } });
    expect(factor.secretEncrypted).toMatch(/^v1\./);
    nextStep(t);
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'atrest'), totpCode: await generate({ secret, epoch: t.clock.now().getTime() / 1000 }) })).toMatchObject({
      __typename: 'TokenSet',
    });
  });
});

describe('authorization', () => {
  it("refuses another user's verification record and another user's factor", async () => {
    const owner = await t.createUser({ username: 'owner-mfa', password: PASSWORD });
    const intruder = await t.createUser({ username: 'intruder-mfa', password: PASSWORD });
    const { factorId } = await enrollTotp(t, owner.token);
    const foreignProof = await verificationId(t, owner.token);
    const { secret } = (await t.gql('mutation { me { generateTotpSecret { ... on TotpSecret { secret } } } }', {}, intruder.token)).data.me
      .generateTotpSecret;
    const enroll = await t.gql(ENROLL, { input: { secret, code: await totpAt(t, secret), verificationId: foreignProof } }, intruder.token);
    expect(enroll.data.me.enrollTotp).toMatchObject({ code: 'VERIFICATION_REQUIRED' });

    const remove = await t.gql(
      `mutation($input: RemoveMfaFactorInput!) { me { removeMfaFactor(input: $input) { __typename ... on Error { code } } } }`,
      { input: { id: factorId, verificationId: await verificationId(t, intruder.token) } },
      intruder.token,
    );
    expect(remove.data.me.removeMfaFactor).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.db.prisma.mfaFactor.count({ where: { id: factorId } })).toBe(1);
  });

  it('answers UNAUTHENTICATED to anonymous me MFA mutations', async () => {
    const res = await t.gql('mutation { me { generateTotpSecret { __typename } } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the MFA challenge', () => {
  it('expires after 5 minutes (fake clock)', async () => {
    const user = await t.createUser({ username: 'slowpoke', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    const mfaToken = await challenge(t, 'slowpoke');
    t.clock.advance(5 * 60_000 + 1_000);
    expect(await verifySignIn(t, { mfaToken, totpCode: await totpAt(t, secret) })).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    // A fresh challenge works with a fresh code.
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'slowpoke'), totpCode: await totpAt(t, secret) })).toMatchObject({
      __typename: 'TokenSet',
    });
  });

  it('is still valid just before 5 minutes', async () => {
    const user = await t.createUser({ username: 'patient', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    const mfaToken = await challenge(t, 'patient');
    t.clock.advance(5 * 60_000 - 1_000);
    expect(await verifySignIn(t, { mfaToken, totpCode: await totpAt(t, secret) })).toMatchObject({ __typename: 'TokenSet' });
  });

  it('refuses an unknown token and is bound to its user', async () => {
    const alice = await t.createUser({ username: 'alice-mfa', password: PASSWORD });
    const bob = await t.createUser({ username: 'bob-mfa', password: PASSWORD });
    await enrollTotp(t, alice.token);
    const bobSecret = (await enrollTotp(t, bob.token)).secret;
    nextStep(t);
    expect(await verifySignIn(t, { mfaToken: 'mfa_forged', totpCode: await totpAt(t, bobSecret) })).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    // Bob's valid code does not complete Alice's challenge.
    expect(await verifySignIn(t, { mfaToken: await challenge(t, 'alice-mfa'), totpCode: await totpAt(t, bobSecret) })).toMatchObject({
      code: 'INVALID_MFA_CODE',
    });
  });

  it(`dies with TOO_MANY_ATTEMPTS after 5 wrong codes, even for a right code`, async () => {
    const user = await t.createUser({ username: 'guesser', password: PASSWORD });
    const { secret } = await enrollTotp(t, user.token);
    nextStep(t);
    const mfaToken = await challenge(t, 'guesser');
    const right = await totpAt(t, secret);
    for (let i = 0; i < 5; i++) {
      expect(await verifySignIn(t, { mfaToken, totpCode: wrongCode(right) })).toMatchObject({ code: 'INVALID_MFA_CODE' });
    }
    expect(await verifySignIn(t, { mfaToken, totpCode: right })).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    // Wrong backup codes count the same way.
    const other = await challenge(t, 'guesser');
    expect(await verifySignIn(t, { mfaToken: other, backupCode: 'AAAA-AAAA-AAAA' })).toMatchObject({ code: 'INVALID_MFA_CODE' });
    expect(await verifySignIn(t, { mfaToken: other, totpCode: right })).toMatchObject({ __typename: 'TokenSet' });
  });

  it('locks MFA for 15 minutes after 10 wrong codes across challenges, then resets on success', async () => {
    // Its own app: the 15-minute wait would outlive the shared app's cached admin token.
    const own = await createTestApp();
    try {
      const user = await own.createUser({ username: 'bruteforce', password: PASSWORD });
      const { secret } = await enrollTotp(own, user.token);
      nextStep(own);
      const right = await totpAt(own, secret);
      for (let i = 0; i < 9; i++) {
        const mfaToken = await challenge(own, 'bruteforce');
        expect(await verifySignIn(own, { mfaToken, totpCode: wrongCode(right) })).toMatchObject({ code: 'INVALID_MFA_CODE' });
      }
      const pending = await challenge(own, 'bruteforce');
      const last = await challenge(own, 'bruteforce');
      expect(await verifySignIn(own, { mfaToken: last, totpCode: wrongCode(right) })).toMatchObject({ code: 'ACCOUNT_LOCKED' });

      // Locked: no new challenge, and an open one refuses even the right code.
      expect(await signIn(own, 'bruteforce')).toMatchObject({ code: 'ACCOUNT_LOCKED' });
      expect(await verifySignIn(own, { mfaToken: pending, totpCode: right })).toMatchObject({ code: 'ACCOUNT_LOCKED' });
      const locked = await own.db.prisma.auditEvent.findFirstOrThrow({ where: { userId: user.id, action: 'user.mfa.locked' } });
      expect(locked.details).toMatchObject({ seconds: 900 });

      own.clock.advance(15 * 60_000 + 1_000);
      expect(await verifySignIn(own, { mfaToken: await challenge(own, 'bruteforce'), totpCode: await totpAt(own, secret) })).toMatchObject({
        __typename: 'TokenSet',
      });
      expect(await own.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ mfaFailures: 0, mfaLockedUntil: null });
    } finally {
      await own.close();
    }
  });

  it('honours MFA_* settings', async () => {
    const strict = await createTestApp({ MFA_CHALLENGE_MAX_ATTEMPTS: '2', MFA_LOCKOUT_THRESHOLD: '3', MFA_LOCKOUT_SECONDS: '60' });
    try {
      const user = await strict.createUser({ username: 'strict', password: PASSWORD });
      const { secret } = await enrollTotp(strict, user.token);
      nextStep(strict);
      const right = await totpAt(strict, secret);
      const first = await challenge(strict, 'strict');
      expect(await verifySignIn(strict, { mfaToken: first, totpCode: wrongCode(right) })).toMatchObject({ code: 'INVALID_MFA_CODE' });
      expect(await verifySignIn(strict, { mfaToken: first, totpCode: wrongCode(right) })).toMatchObject({ code: 'INVALID_MFA_CODE' });
      expect(await verifySignIn(strict, { mfaToken: first, totpCode: right })).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
      expect(await verifySignIn(strict, { mfaToken: await challenge(strict, 'strict'), totpCode: wrongCode(right) })).toMatchObject({
        code: 'ACCOUNT_LOCKED',
      });
      strict.clock.advance(61_000);
      expect(await verifySignIn(strict, { mfaToken: await challenge(strict, 'strict'), totpCode: await totpAt(strict, secret) })).toMatchObject({
        __typename: 'TokenSet',
      });
    } finally {
      await strict.close();
    }
  });
});

describe('the MFA lockout under concurrency', () => {
  it('checks no code once the lockout threshold is reached, however many arrive at once', async () => {
    const strict = await createTestApp({ MFA_CHALLENGE_MAX_ATTEMPTS: '5', MFA_LOCKOUT_THRESHOLD: '3', MFA_LOCKOUT_SECONDS: '600' });
    try {
      const user = await strict.createUser({ username: 'mfa_burst', password: PASSWORD });
      const { secret } = await enrollTotp(strict, user.token);
      nextStep(strict);
      const wrong = wrongCode(await totpAt(strict, secret));
      const tokens = [await challenge(strict, 'mfa_burst'), await challenge(strict, 'mfa_burst')];
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => verifySignIn(strict, { mfaToken: tokens[i % 2]!, totpCode: wrong })));
      const codes = results.map((r) => r.code);
      // Two wrong codes are answered as such; the third locks; every later one is refused unchecked.
      expect(codes.filter((c) => c === 'INVALID_MFA_CODE')).toHaveLength(2);
      expect(await strict.db.prisma.auditEvent.count({ where: { userId: user.id, action: 'user.mfa.locked' } })).toBe(1);
    } finally {
      await strict.close();
    }
  });
});
