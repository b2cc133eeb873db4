// admin.overview counts what the console's Overview shows, each number under the scope of what it
// counts; and a role naming an admin scope grants exactly that scope (a read-only support admin),
// while granting such a role needs every admin scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const PASSWORD = 'overview-test-passphrase-3';
const OVERVIEW = '{ admin { overview { users usersCapped signUps24h signUps30d activeSessions failedSignIns24h failedSignIns30d webhookQueue { pending due failed oldestPendingAt } } } }';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: 'true' });
});
afterAll(() => t.close());

const code = (res: { errors?: { extensions?: { code?: string } }[] }) => res.errors?.[0]?.extensions?.code;

describe('admin.overview', () => {
  it('counts users, sign-ups, sessions, failed sign-ins and the webhook queue', async () => {
    const first = await t.gql(OVERVIEW, {}, await t.adminToken());
    expect(first.errors).toBeUndefined();
    const before = first.data.admin.overview;
    await t.createUser({ primaryEmail: 'counted@example.com', password: PASSWORD });
    const failed = await t.gql('mutation { signIn(input: { identifier: "counted@example.com", password: "wrong-password-here" }) { __typename } }');
    expect(failed.data.signIn.__typename).not.toBe('TokenSet');
    await t.gql('mutation($i: CreateWebhookInput!) { admin { createWebhook(input: $i) { __typename } } }', { i: { url: 'http://127.0.0.1:9/hook', events: ['user.created'] } }, await t.adminToken());
    await t.createUser({ primaryEmail: 'queued@example.com', password: PASSWORD });
    const after = (await t.gql(OVERVIEW, {}, await t.adminToken())).data.admin.overview;
    expect(after.users).toBe(before.users + 2);
    expect(after.usersCapped).toBe(false);
    expect(after.signUps24h).toBe(before.signUps24h + 2);
    expect(after.signUps30d).toBe(before.signUps30d + 2);
    expect(after.activeSessions).toBe(before.activeSessions + 2); // createUser signs each in
    expect(after.failedSignIns24h).toBe(before.failedSignIns24h + 1);
    expect(after.webhookQueue.pending + after.webhookQueue.failed).toBeGreaterThanOrEqual(1);

  });

  it('asks each number’s own scope: a users:read-only admin gets the user counts, not the audit or webhook ones', async () => {
    const support = await t.createUser({ primaryEmail: 'support@example.com', password: PASSWORD, roles: ['admin:users:read'] });
    const token = (await t.signIn('support@example.com', PASSWORD)).accessToken;
    expect(support.id).toBeTruthy();
    const users = await t.gql('{ admin { overview { users activeSessions } } }', {}, token);
    expect(users.data.admin.overview.users).toBeGreaterThan(0);
    expect(code(await t.gql('{ admin { overview { failedSignIns24h } } }', {}, token))).toBe('FORBIDDEN');
    expect(code(await t.gql('{ admin { overview { webhookQueue { pending } } } }', {}, token))).toBe('FORBIDDEN');
    expect(code(await t.gql('{ admin { overview { users } } }', {}, (await t.createUser({ primaryEmail: 'nobody@example.com', password: PASSWORD })).token))).toBe('FORBIDDEN');
  });
});

describe('roles naming admin scopes', () => {
  it('grant exactly those scopes at sign-in, and no write', async () => {
    await t.createUser({ primaryEmail: 'reader@example.com', password: PASSWORD, roles: ['admin:users:read', 'not-a-scope'] });
    const session = await t.signIn('reader@example.com', PASSWORD);
    expect(session.scope.split(' ').filter((s) => s.startsWith('admin:'))).toEqual(['admin:users:read']);
    expect((await t.gql('{ admin { users(first: 1) { totalCount } } }', {}, session.accessToken)).data.admin.users.totalCount).toBeGreaterThan(0);
    expect(code(await t.gql('mutation { admin { createUser(input: { username: "sneaky" }) { __typename } } }', {}, session.accessToken))).toBe('FORBIDDEN');
    expect(code(await t.gql('{ admin { auditEvents(first: 1) { edges { node { id } } } } }', {}, session.accessToken))).toBe('FORBIDDEN');
  });

  it('need every admin scope to grant: a users:write-only admin cannot hand out admin:settings', async () => {
    const writer = await t.createUser({ primaryEmail: 'writer@example.com', password: PASSWORD, roles: ['admin:users:write', 'admin:users:read'] });
    const token = (await t.signIn('writer@example.com', PASSWORD)).accessToken;
    const plain = await t.createUser({ primaryEmail: 'target@example.com', password: PASSWORD });
    const grant = await t.gql('mutation($id: ID!) { admin { setUserRoles(id: $id, roles: ["admin:settings"]) { __typename } } }', { id: plain.id }, token);
    expect(code(grant)).toBe('FORBIDDEN');
    expect(code(await t.gql('mutation { admin { createUser(input: { username: "made-admin", roles: ["admin:audit:read"] }) { __typename } } }', {}, token))).toBe('FORBIDDEN');
    // Its own kind of write still works on a plain user.
    const renamed = await t.gql('mutation($id: ID!) { admin { updateUser(id: $id, input: { name: "Renamed" }) { __typename } } }', { id: plain.id }, token);
    expect(renamed.data.admin.updateUser.__typename).toBe('User');
    expect(writer.id).toBeTruthy();
  });
});

describe('admin.overview over time', () => {
  it('drops what is older than 24 hours from the 24-hour numbers, not from the 30-day ones', async () => {
    const token = await t.adminToken();
    const res = await t.gql(OVERVIEW, {}, token);
    expect(res.errors).toBeUndefined();
    const after = res.data.admin.overview;
    expect(after.signUps24h).toBeGreaterThan(0);
    // The access token lives 15 minutes: a fresh admin sign-in after the jump.
    t.clock.advance(25 * 3600_000);
    const fresh = await t.signIn('admin@example.com', 'correct-horse-battery-staple');
    const later = (await t.gql(OVERVIEW, {}, fresh.accessToken)).data.admin.overview;
    expect(later.signUps24h).toBe(0);
    expect(later.failedSignIns24h).toBe(0);
    expect(later.signUps30d).toBe(after.signUps30d);
    expect(later.failedSignIns30d).toBe(after.failedSignIns30d);
  });
});
