// A usual password sign-in (a known place, no second factor) is two database statements: one reads
// the account and claims its lockout attempt, one opens the session, resets the counters, records
// the place and audits (docs/performance.md). Each ORM query is compiled on the event loop, which
// is what saturated under sign-in load; this pins the count and what the one write must still do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const PASSWORD = 'a-long-enough-password';
const SIGN_IN = `mutation($i: String!, $p: String!) {
  signIn(input: { identifier: $i, password: $p }) { __typename ... on TokenSet { accessToken refreshToken } ... on Error { code } }
}`;

describe('a usual password sign-in', () => {
  let t: TestApp;
  const queries: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({}, { onQuery: (operation) => queries.push(operation) });
    // The dispatcher polls in the background: stopped, every query heard comes from the sign-ins.
    await t.app.webhooks.stop();
  });
  afterAll(() => t.close());

  it('is two statements: the read with the lockout claim, then the write', async () => {
    await t.createUser({ username: 'usual', password: PASSWORD });
    const before = queries.length;
    const res = await t.gql(SIGN_IN, { i: 'usual', p: PASSWORD });
    expect(res.data.signIn.__typename).toBe('TokenSet');
    expect(queries.slice(before)).toEqual(['$queryRaw', '$queryRaw']);
  });

  it('opens a working session, gives the attempts back, records the place and audits, in that one write', async () => {
    const { id } = await t.createUser({ username: 'written', password: PASSWORD });
    for (let n = 0; n < 2; n++) expect((await t.gql(SIGN_IN, { i: 'written', p: 'wrong-password' })).data.signIn.code).toBe('INVALID_CREDENTIALS');
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id } })).failedSignIns).toBe(2);
    t.clock.advance(60_000);
    const signedIn = t.clock.now();
    const res = await t.gql(SIGN_IN, { i: 'written', p: PASSWORD });
    expect(res.data.signIn.__typename).toBe('TokenSet');

    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id } });
    expect({ failedSignIns: user.failedSignIns, lockedUntil: user.lockedUntil, lastSignInAt: user.lastSignInAt }).toEqual({
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: signedIn,
    });
    const me = await t.gql('{ me { id } }', {}, res.data.signIn.accessToken);
    expect(me.data.me.id).toBe(id);
    const refreshed = await t.gql('mutation($t: String!) { refreshTokens(refreshToken: $t) { __typename } }', { t: res.data.signIn.refreshToken });
    expect(refreshed.data.refreshTokens.__typename).toBe('TokenSet');
    const places = await t.db.prisma.signInContext.findMany({ where: { userId: id } });
    expect(places.map((p) => p.lastSeenAt)).toEqual([signedIn]);
    const [audit] = await t.db.prisma.auditEvent.findMany({ where: { userId: id, action: 'user.sign_in' }, orderBy: { id: 'desc' }, take: 1 });
    const session = await t.db.prisma.session.findFirstOrThrow({ where: { userId: id }, orderBy: { createdAt: 'desc' } });
    expect(audit).toMatchObject({ type: 'user.signed_in', actorId: id, actorType: 'user', details: { method: 'password' } });
    expect(audit!.data).toEqual({ user: { id }, sessionId: session.id, method: 'password' });
    expect(session).toMatchObject({ amr: ['pwd'], createdAt: signedIn, revokedAt: null });
  });
});
