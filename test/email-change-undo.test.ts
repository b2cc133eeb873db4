// Undo an email change from the old address (docs/account-lifecycle.md): the notice to the
// previous address carries a 7-day single-use link; revertEmailChange restores the address, ends
// every session and token, and is audited. The undo offers no undo of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PAT, newUser, PASSWORD, payload, SET_EMAIL, verifiedCodeRecord, verifyPassword } from './helpers/me.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';

const SUBJECT = 'Your email address was changed';
const REVERT = `mutation($input: RevertEmailChangeInput!) { revertEmailChange(input: $input) { __typename
  ... on EmailChangeRevertedPayload { email } ... on Error { code message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const undoToken = (text: string) => new URL(/http:\/\/account\.test\/account\/revert-email\?token=\S+/.exec(text)![0]).searchParams.get('token')!;

async function changeEmail(user: { token: string }, to: string) {
  const identity = await verifyPassword(t, user.token);
  const proof = await verifiedCodeRecord(t, user.token, { email: to });
  const changed = payload(await t.gql(SET_EMAIL, { input: { email: to, newIdentifierVerificationId: proof, verificationId: identity } }, user.token), 'setPrimaryEmail');
  expect(changed.primaryEmail).toBe(to);
}

describe('revertEmailChange', () => {
  it('restores the old address from the link in its notice and ends every session and token', async () => {
    const user = await newUser(t, { username: 'uli', primaryEmail: 'uli@example.com', password: PASSWORD });
    const pat = payload(await t.gql(CREATE_PAT, { input: { name: 'ci', verificationId: await verifyPassword(t, user.token) } }, user.token), 'createPersonalAccessToken');
    await changeEmail(user, 'uli.taken@example.com');
    const notice = await t.mail.latestTo('uli@example.com', SUBJECT);
    expect(notice.text).toContain('uli.taken@example.com');
    const token = undoToken(notice.text);
    expect(token).toMatch(/^rev_/);

    const reverted = (await t.gql(REVERT, { input: { token } })).data.revertEmailChange;
    expect(reverted).toEqual({ __typename: 'EmailChangeRevertedPayload', email: 'uli@example.com' });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).primaryEmail).toBe('uli@example.com');
    for (const credential of [user.token, pat.token]) {
      expect((await t.gql('{ me { id } }', {}, credential)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await t.gql(REVERT, { input: { token } })).data.revertEmailChange.code).toBe('INVALID_CREDENTIALS');
    const event = await t.db.prisma.auditEvent.findFirst({ where: { userId: user.id, action: 'user.email.revert' } });
    expect(event).toMatchObject({
      type: 'user.email.changed',
      actorId: user.id,
      data: { email: 'uli@example.com', previousEmail: 'uli.taken@example.com', via: 'revert' },
    });
    // The address that lost it hears of it, without a link to undo the undo.
    const lost = await t.mail.latestTo('uli.taken@example.com', SUBJECT);
    expect(lost.text).not.toContain('/account/revert-email');
    expect(await t.db.prisma.lifecycleToken.count({ where: { userId: user.id, purpose: 'REVERT_EMAIL' } })).toBe(1);
    // The old address signs in again.
    expect((await t.signIn('uli@example.com', PASSWORD)).accessToken).toBeTruthy();
  });

  it("is offered for an admin's change too, and refused after 7 days", async () => {
    const user = await newUser(t, { username: 'vera', primaryEmail: 'vera@example.com', password: PASSWORD });
    const admin = (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    await t.gql(`mutation($id: ID!, $input: UpdateUserInput!) { admin { updateUser(id: $id, input: $input) { __typename } } }`, { id: user.id, input: { primaryEmail: 'vera.new@example.com' } }, admin);
    const token = undoToken((await t.mail.latestTo('vera@example.com', SUBJECT)).text);
    t.clock.advance(7 * 24 * 3600 * 1000 + 1000);
    expect((await t.gql(REVERT, { input: { token } })).data.revertEmailChange.code).toBe('INVALID_CREDENTIALS');
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).primaryEmail).toBe('vera.new@example.com');
  });

  it('answers IDENTIFIER_IN_USE when the old address went to another account meanwhile', async () => {
    const user = await newUser(t, { username: 'wim', primaryEmail: 'wim@example.com', password: PASSWORD });
    await changeEmail(user, 'wim.new@example.com');
    const token = undoToken((await t.mail.latestTo('wim@example.com', SUBJECT)).text);
    await newUser(t, { username: 'wim2', primaryEmail: 'wim@example.com', password: PASSWORD });
    expect((await t.gql(REVERT, { input: { token } })).data.revertEmailChange.code).toBe('IDENTIFIER_IN_USE');
    // Nothing changed, and the link was not spent.
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).primaryEmail).toBe('wim.new@example.com');
  });
});
