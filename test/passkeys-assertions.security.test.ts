// Passkey assertions that a known credential must still refuse: a signature that does not verify,
// a userHandle naming another account, and racing assertions on the signature counter. The
// authenticator's keys and signatures are real; @simplewebauthn/server verifies them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, PASSWORD } from './helpers/me.js';
import { FINISH_SIGN_IN, passkeySignIn, registerPasskey, SoftwareAuthenticator, startSignIn } from './helpers/passkeys.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const finish = async (challengeId: string, credential: unknown) => (await t.gql(FINISH_SIGN_IN, { input: { challengeId, credential } })).data.finishPasskeySignIn;
const storedCounter = async (factorId: string) => (await t.db.prisma.mfaFactor.findUniqueOrThrow({ where: { id: factorId } })).signCount;
const sessionsOf = (userId: string) => t.db.prisma.session.count({ where: { userId } });

describe('a known credential with a bad assertion', () => {
  it('refuses a signature that does not verify (flipped byte, or signed by another key), leaving the counter alone', async () => {
    const u = await newUser(t, { username: 'pk_badsig', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const passkey = await registerPasskey(t, u.token, device);
    const sessions = await sessionsOf(u.id);

    const flipped = await startSignIn(t);
    const answer = device.authenticate(flipped.options);
    const signature = Buffer.from(answer.response.signature, 'base64url');
    signature[signature.length - 1]! ^= 0x01;
    expect(await finish(flipped.challengeId, { ...answer, response: { ...answer.response, signature: signature.toString('base64url') } })).toMatchObject({
      code: 'PASSKEY_REJECTED',
    });

    // The same credential id and user handle, signed by a key the service never saw.
    const impostor = new SoftwareAuthenticator();
    const other = await startSignIn(t);
    impostor.register({ rp: { id: other.options.rpId }, user: { id: device.credentials[0]!.userHandle }, challenge: other.options.challenge });
    const forged = impostor.authenticate(other.options, { credential: { ...impostor.credentials[0]!, id: device.credentials[0]!.id } });
    expect(await finish(other.challengeId, forged)).toMatchObject({ code: 'PASSKEY_REJECTED' });

    expect(await storedCounter(passkey.id)).toBe(0n);
    expect(await sessionsOf(u.id)).toBe(sessions);
    expect(await passkeySignIn(t, device)).toMatchObject({ __typename: 'TokenSet' });
  });

  it('refuses a userHandle that names another account (or no account), as an unknown passkey', async () => {
    const victim = await newUser(t, { username: 'pk_handle_victim', password: PASSWORD });
    const holder = await newUser(t, { username: 'pk_handle_holder', password: PASSWORD });
    const victimDevice = new SoftwareAuthenticator();
    const holderDevice = new SoftwareAuthenticator();
    await registerPasskey(t, victim.token, victimDevice);
    await registerPasskey(t, holder.token, holderDevice);
    const sessions = await sessionsOf(victim.id);

    for (const userHandle of [victimDevice.credentials[0]!.userHandle, Buffer.from('usr_does_not_exist').toString('base64url'), '!!not-base64url!!']) {
      const { challengeId, options } = await startSignIn(t);
      // The holder's own, validly signed assertion; only the (unsigned) userHandle is swapped.
      const answer = holderDevice.authenticate(options);
      expect(await finish(challengeId, { ...answer, response: { ...answer.response, userHandle } })).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    expect(await sessionsOf(victim.id)).toBe(sessions);
    expect(await passkeySignIn(t, holderDevice)).toMatchObject({ __typename: 'TokenSet' });
  });
});

describe('racing assertions on the signature counter', () => {
  it('lets at most one of two concurrent assertions with the same counter through', async () => {
    const u = await newUser(t, { username: 'pk_race_same', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const passkey = await registerPasskey(t, u.token, device);
    expect(await passkeySignIn(t, device, undefined, { counter: 5 })).toMatchObject({ __typename: 'TokenSet' });

    // A cloned authenticator: two devices answer two fresh challenges with the same counter.
    const [a, b] = [await startSignIn(t), await startSignIn(t)];
    const answers = [device.authenticate(a.options, { counter: 7 }), device.authenticate(b.options, { counter: 7 })];
    const results = await Promise.all([finish(a.challengeId, answers[0]), finish(b.challengeId, answers[1])]);
    expect(results.filter((r) => r.__typename === 'TokenSet')).toHaveLength(1);
    expect(results.filter((r) => r.code === 'PASSKEY_REJECTED')).toHaveLength(1);
    expect(await storedCounter(passkey.id)).toBe(7n);
  });

  it('never lets a lower counter win a race against a higher one, nor moves the counter back', async () => {
    const u = await newUser(t, { username: 'pk_race_lower', password: PASSWORD });
    const device = new SoftwareAuthenticator();
    const passkey = await registerPasskey(t, u.token, device);
    expect(await passkeySignIn(t, device, undefined, { counter: 5 })).toMatchObject({ __typename: 'TokenSet' });

    const challenges = [await startSignIn(t), await startSignIn(t), await startSignIn(t)];
    const counters = [9, 8, 5];
    const answers = challenges.map((c, i) => device.authenticate(c.options, { counter: counters[i] }));
    const results = await Promise.all(challenges.map((c, i) => finish(c.challengeId, answers[i])));
    const winners = counters.filter((_, i) => results[i].__typename === 'TokenSet');
    // The stale counter (5) never passes. 8 and 9 may both pass only one after the other (8 first);
    // whatever the order, the stored counter is the highest that passed, never lowered by a loser.
    expect(results[2]).toMatchObject({ code: 'PASSKEY_REJECTED' });
    expect(winners.length).toBeGreaterThanOrEqual(1);
    expect(await storedCounter(passkey.id)).toBe(BigInt(Math.max(...winners)));
  });
});
