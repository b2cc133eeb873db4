// Deletion with a grace period (docs/account-lifecycle.md), through HTTP with the real SMTP sink
// and the fake clock: scheduling ends every way in, the right password answers
// ACCOUNT_PENDING_DELETION with a restore token, restoreAccount cancels, identifiers stay
// reserved, and the maintenance job purges once the grace period is over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_PAT, DELETE_ACCOUNT, newUser, PASSWORD, payload, verifyPassword } from './helpers/me.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from './helpers/test-app.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

const DAY = 24 * 3600 * 1000;

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename
  ... on TokenSet { accessToken } ... on AccountPendingDeletionError { code message restoreToken deletionScheduledAt } ... on Error { code message } } }`;
const RESTORE = `mutation($input: RestoreAccountInput!) { restoreAccount(input: $input) { __typename
  ... on AccountRestoredPayload { userId } ... on Error { code message } } }`;
const ADMIN_DELETE = `mutation($id: ID!, $now: Boolean) { admin { deleteUser(id: $id, immediately: $now) { __typename
  ... on User { id deletionScheduledAt } ... on Error { code message } } } }`;
const ADMIN_USER = `query($id: ID!) { admin { user(id: $id) { id deletionScheduledAt } } }`;
const CANCEL = `mutation($id: ID!) { admin { cancelUserDeletion(id: $id) { __typename ... on User { id deletionScheduledAt } ... on Error { code } } } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { admin { createUser(input: $input) { __typename ... on Error { code } } } }`;

let t: TestApp;
let receiver: WebhookReceiver;
beforeAll(async () => {
  t = await createTestApp({ DELETION_GRACE_DAYS: '30', WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_INTERVAL_MS: '50' });
  receiver = await WebhookReceiver.start();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const signIn = async (identifier: string, password = PASSWORD) => (await t.gql(SIGN_IN, { input: { identifier, password } })).data?.signIn;
const admin = async () => (await t.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
const eventsOf = (userId: string) => t.db.prisma.auditEvent.findMany({ where: { userId, type: { startsWith: 'user.deletion' } }, orderBy: { id: 'asc' } });

describe('me.deleteAccount with a grace period', () => {
  it('schedules the deletion, ends every session and token, and mails the owner', async () => {
    const user = await newUser(t, { username: 'dora', primaryEmail: 'dora@example.com', password: PASSWORD });
    const pat = payload(await t.gql(CREATE_PAT, { input: { name: 'ci', verificationId: await verifyPassword(t, user.token) } }, user.token), 'createPersonalAccessToken');
    const res = payload(await t.gql(DELETE_ACCOUNT, { v: await verifyPassword(t, user.token) }, user.token), 'deleteAccount');
    expect(res.__typename).toBe('DeleteAccountPayload');
    const due = t.clock.now().getTime() + 30 * DAY;
    const scheduled = await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(scheduled.deletionScheduledAt?.getTime()).toBe(due);

    expect((await t.gql('{ me { id } }', {}, user.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql('{ me { id } }', {}, pat.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refreshed = await t.gql(`mutation($r: String!) { refreshTokens(refreshToken: $r) { __typename ... on Error { code } } }`, { r: user.refreshToken });
    expect(refreshed.data.refreshTokens.code).toBe('INVALID_CREDENTIALS');

    const mail = await t.mail.latestTo('dora@example.com', 'Your account will be deleted');
    expect(mail.text).toContain(new Date(due).toISOString());
    expect((await eventsOf(user.id)).map((e) => [e.type, e.action])).toEqual([['user.deletion_scheduled', 'user.deletion.schedule']]);
  });

  it('answers the right password with ACCOUNT_PENDING_DELETION and a restore token; a wrong one stays INVALID_CREDENTIALS', async () => {
    const user = await newUser(t, { username: 'emil', primaryEmail: 'emil@example.com', password: PASSWORD });
    await t.gql(DELETE_ACCOUNT, { v: await verifyPassword(t, user.token) }, user.token);
    expect(await signIn('emil', 'not-the-password-at-all')).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const pending = await signIn('emil');
    expect(pending).toMatchObject({ __typename: 'AccountPendingDeletionError', code: 'ACCOUNT_PENDING_DELETION' });
    expect(new Date(pending.deletionScheduledAt).getTime()).toBe(t.clock.now().getTime() + 30 * DAY);
    expect(pending.restoreToken).toMatch(/^rst_/);
    // Only its hash is stored.
    const stored = await t.db.prisma.lifecycleToken.findMany({ where: { userId: user.id, purpose: 'RESTORE_ACCOUNT' } });
    expect(stored.map((r) => r.tokenHash)).not.toContain(pending.restoreToken);

    const restored = (await t.gql(RESTORE, { input: { restoreToken: pending.restoreToken } })).data.restoreAccount;
    expect(restored).toEqual({ __typename: 'AccountRestoredPayload', userId: user.id });
    expect((await t.gql(RESTORE, { input: { restoreToken: pending.restoreToken } })).data.restoreAccount).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(await signIn('emil')).toMatchObject({ __typename: 'TokenSet' });
    await t.mail.latestTo('emil@example.com', 'Your account was restored');
    expect((await eventsOf(user.id)).map((e) => e.type)).toEqual(['user.deletion_scheduled', 'user.deletion_cancelled']);
  });

  it('keeps the identifiers reserved until the purge', async () => {
    const user = await newUser(t, { username: 'fern', primaryEmail: 'fern@example.com', password: PASSWORD });
    await t.gql(DELETE_ACCOUNT, { v: await verifyPassword(t, user.token) }, user.token);
    const token = await admin();
    for (const input of [{ username: 'fern', password: PASSWORD }, { primaryEmail: 'fern@example.com', password: PASSWORD }]) {
      expect((await t.gql(CREATE_USER, { input }, token)).data.admin.createUser).toMatchObject({ code: 'IDENTIFIER_IN_USE' });
    }
  });

  it('refuses an earlier restore token once a newer one was issued, and an expired one', async () => {
    await newUser(t, { username: 'gil', password: PASSWORD });
    const user = await t.signIn('gil', PASSWORD);
    await t.gql(DELETE_ACCOUNT, { v: await verifyPassword(t, user.accessToken) }, user.accessToken);
    const first = (await signIn('gil')).restoreToken;
    const second = (await signIn('gil')).restoreToken;
    expect((await t.gql(RESTORE, { input: { restoreToken: first } })).data.restoreAccount.code).toBe('INVALID_CREDENTIALS');
    t.clock.advance(31 * 60 * 1000);
    expect((await t.gql(RESTORE, { input: { restoreToken: second } })).data.restoreAccount.code).toBe('INVALID_CREDENTIALS');
    expect((await t.gql(RESTORE, { input: { restoreToken: 'rst_nonsense' } })).data.restoreAccount.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('admin.deleteUser and the purge', () => {
  it('schedules by default; the maintenance job purges when the grace period is over, once, with user.deleted', async () => {
    const user = await newUser(t, { username: 'hana', primaryEmail: 'hana@example.com', password: PASSWORD });
    const token = await admin();
    const webhook = await t.gql(
      `mutation($input: CreateWebhookInput!) { admin { createWebhook(input: $input) { __typename ... on WebhookSecret { signingSecret } ... on Error { code message } } } }`,
      { input: { url: receiver.url, events: ['user.deletion_scheduled', 'user.deletion_cancelled', 'user.deleted'] } },
      token,
    );
    receiver.secret = webhook.data.admin.createWebhook.signingSecret;
    const scheduled = (await t.gql(ADMIN_DELETE, { id: user.id }, token)).data.admin.deleteUser;
    expect(new Date(scheduled.deletionScheduledAt).getTime()).toBe(t.clock.now().getTime() + 30 * DAY);
    expect((await t.gql('{ me { id } }', {}, user.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await eventsOf(user.id)).map((e) => e.action)).toEqual(['admin.user.deletion.schedule']);

    t.clock.advance(30 * DAY - 1000);
    const early = await t.app.maintenance.runOnce();
    // (Accounts scheduled earlier by other tests are due by now; this one is not.)
    expect(early?.purgedUsers).not.toContain(user.id);
    expect((await t.gql(ADMIN_USER, { id: user.id }, await admin())).data.admin.user.id).toBe(user.id);

    // The job is due again only MAINTENANCE_INTERVAL_SECONDS (300) after its last run, on any instance.
    expect(await t.app.maintenance.runOnce()).toBeNull();
    t.clock.advance(301_000);
    const report = await t.app.maintenance.runOnce();
    expect(report?.purgedUsers).toEqual([user.id]);
    expect((await t.gql(ADMIN_USER, { id: user.id }, await admin())).data.admin.user).toBeNull();
    const deleted = await t.db.prisma.auditEvent.findMany({ where: { userId: user.id, type: 'user.deleted' } });
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ action: 'user.purge', actorType: 'system', data: { via: 'purge', username: 'hana' } });
    await t.mail.latestTo('hana@example.com', 'Your account was deleted');
    t.app.webhooks.poke();
    const hers = () => receiver.received.filter((r) => r.payload.data.user?.id === user.id);
    await expect.poll(() => hers().length).toBe(2);
    expect(hers().map((r) => [r.payload.type, r.payload.data.user.id])).toEqual([
      ['user.deletion_scheduled', user.id],
      ['user.deleted', user.id],
    ]);
    // The identifiers are free again.
    expect((await t.gql(CREATE_USER, { input: { username: 'hana', password: PASSWORD } }, await admin())).data.admin.createUser.__typename).toBe('User');
  });

  it('purges at once with immediately: true', async () => {
    const user = await newUser(t, { username: 'ivo', password: PASSWORD });
    const res = (await t.gql(ADMIN_DELETE, { id: user.id, now: true }, await admin())).data.admin.deleteUser;
    expect(res).toMatchObject({ __typename: 'User', id: user.id });
    expect(await t.db.prisma.user.count({ where: { id: user.id } })).toBe(0);
  });

  it('lets an admin cancel a scheduled deletion; scheduling twice is a CONFLICT', async () => {
    const user = await newUser(t, { username: 'jun', password: PASSWORD });
    const token = await admin();
    await t.gql(ADMIN_DELETE, { id: user.id }, token);
    expect((await t.gql(ADMIN_DELETE, { id: user.id }, token)).data.admin.deleteUser.code).toBe('CONFLICT');
    expect((await t.gql(CANCEL, { id: user.id }, token)).data.admin.cancelUserDeletion).toEqual({ __typename: 'User', id: user.id, deletionScheduledAt: null });
    expect((await t.gql(CANCEL, { id: user.id }, token)).data.admin.cancelUserDeletion.code).toBe('CONFLICT');
    expect(await signIn('jun')).toMatchObject({ __typename: 'TokenSet' });
  });
});
