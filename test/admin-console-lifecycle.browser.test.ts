// The admin console's users list and user page against the account lifecycle, in the run's shared
// headless Chromium: the identity-provider filter and the capped total, a personal access token
// shown once, a deletion scheduled (DELETION_GRACE_DAYS=30, as in production), cancelled and then
// done at once, and the audit log paged both ways. test/admin-console.browser.test.ts covers the
// rest of the console (there deletions take effect at once). Screenshots and axe-core as there.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, type BrowserApp, screenshots, startBrowserApp } from './helpers/browser.js';
import { consolePage } from './helpers/console-page.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestApp } from './helpers/test-app.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../test-artifacts/admin-lifecycle');
const PASSWORD = 'console-user-passphrase-81';

describe.skipIf(!chromiumPath())('admin console: users and the account lifecycle', () => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let alice: { id: string };

  beforeAll(async () => {
    app = await startBrowserApp(ARTIFACTS, { DELETION_GRACE_DAYS: '30' });
    ({ t, page } = app);
    alice = await t.createUser({ primaryEmail: 'alice@example.com', name: 'Alice Liddell', password: PASSWORD });
    await page.goto(`${app.origin}/admin`, { waitUntil: 'load' });
    await heading('Sign in');
    await signInAt(ADMIN_EMAIL, ADMIN_PASSWORD);
    await heading('Overview');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  const bothWidths = (name: string, selector?: string) => screenshots(page, ARTIFACTS).bothWidths(name, selector, true);
  const { click, fill, waitText, heading, status, confirm, admin, navTo, signInAt, userIdOf } = consolePage(() => app);
  const openUser = async (id: string, label: string) => {
    await page.goto(`${app.origin}/admin#/users/${id}`);
    await heading(label);
  };

  it('filters users by identity provider', async () => {
    const provider = await admin(`mutation { admin { createIdentityProvider(input: { type: OAUTH2, key: "octo", name: "Octo", clientId: "c", clientSecret: "s",
      authorizationEndpoint: "https://octo.example/authorize", tokenEndpoint: "https://octo.example/token", userinfoEndpoint: "https://octo.example/user" }) { __typename } } }`);
    expect(provider.data.admin.createIdentityProvider.__typename).toBe('IdentityProvider');
    const linked = await admin('mutation($id: ID!) { admin { linkUserIdentity(input: { userId: $id, provider: "octo", subject: "4242" }) { __typename } } }', { id: alice.id });
    expect(linked.data.admin.linkUserIdentity.__typename).toBe('UserIdentity');
    await t.createUser({ primaryEmail: 'bob@example.com', password: PASSWORD });
    await navTo('Users');
    await waitText('#users-total', '3 users');
    await page.select('#user-search-provider', 'octo');
    await click('#user-search-submit');
    await page.waitForFunction((id) => document.querySelectorAll('#users-table tbody tr').length === 1 && !!document.querySelector(`#users-table a[href="#/users/${id}"]`), {}, alice.id);
    await waitText('#users-total', '1 user');
    expect(page.url()).toContain('provider=octo');
    await bothWidths('01-users-by-provider');
    await openUser(alice.id, 'alice@example.com');
    await waitText('#user-identities', 'Octo');
    await bothWidths('02-user-with-identity');
  });

  it('creates a personal access token, shows it once, and revokes it', async () => {
    await openUser(alice.id, 'alice@example.com');
    await click('#create-token-open');
    await fill('#create-token-name', 'Support script');
    await click('#create-token-submit');
    await status('Token created.');
    const pat = (await page.$eval('#token-secret-value', (el) => el.textContent))!;
    expect(pat).toMatch(/^pat_/);
    expect(await page.$eval('#token-secret', (el) => el.textContent)).toContain('it will not be shown again');
    await page.waitForSelector('#token-secret-copy', { visible: true });
    await bothWidths('03-token-secret');
    expect((await t.gql('{ me { id } }', {}, pat)).data?.me.id).toBe(alice.id);
    await waitText('#user-token-list', 'Support script');
    await page.reload({ waitUntil: 'load' });
    await heading('alice@example.com');
    await waitText('#user-token-list', 'Support script');
    expect(await page.$('#token-secret')).toBeNull(); // shown once only
    const patId = (await admin('query($id: ID!) { admin { user(id: $id) { personalAccessTokens { edges { node { id } } } } } }', { id: alice.id }))
      .data.admin.user.personalAccessTokens.edges[0].node.id as string;
    await click(`#token-revoke-${patId}`);
    await confirm('ok');
    await page.waitForSelector('#user-tokens-none');
    expect((await t.gql('{ me { id } }', {}, pat)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('schedules a deletion, shows and cancels it, then deletes at once', async () => {
    const doomed = await t.createUser({ primaryEmail: 'doomed@example.com', password: PASSWORD });
    const deletion = async () => (await admin('query($id: ID!) { admin { user(id: $id) { deletionScheduledAt } } }', { id: doomed.id })).data.admin.user;
    await openUser(doomed.id, 'doomed@example.com');
    expect(await page.$('#user-deletion')).toBeNull();
    // Cancel in the dialog changes nothing.
    await click('#user-delete');
    await page.waitForSelector('#confirm-delete-now', { visible: true });
    await confirm('cancel');
    expect(await deletion()).toEqual({ deletionScheduledAt: null });
    // Confirm schedules it: the page says until when.
    await click('#user-delete');
    await confirm('ok');
    await waitText('#user-deletion', 'Deletion scheduled for');
    const scheduledAt = (await deletion()).deletionScheduledAt as string;
    expect(new Date(scheduledAt).getTime() - t.clock.now().getTime()).toBe(30 * 86_400_000);
    expect(await page.$eval('#user-deletion', (el) => el.textContent))
      .toContain(await page.evaluate((iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }), scheduledAt));
    await bothWidths('04-deletion-scheduled');
    await navTo('Users');
    await page.waitForFunction(() => document.querySelector('#users-table')?.textContent?.includes('Deletion scheduled'));
    await openUser(doomed.id, 'doomed@example.com');
    // Already scheduled: the dialog offers only Delete now.
    await click('#user-delete');
    await page.waitForSelector('#confirm-delete-now', { visible: true });
    expect(await page.$('#confirm-ok')).toBeNull();
    await confirm('cancel');
    await click('#user-cancel-deletion');
    await status('cancelled');
    await page.waitForSelector('#user-deletion', { hidden: true });
    expect(await deletion()).toEqual({ deletionScheduledAt: null });
    // Delete now purges at once.
    await click('#user-delete');
    await page.waitForSelector('#confirm-dialog[open]');
    await click('#confirm-delete-now');
    await heading('Users');
    expect(await deletion()).toBeNull();
  });

  it('pages the audit log older and back newer', async () => {
    // 30 role changes of one user: a page of 25 and one of 5.
    const bob = (await userIdOf('bob@example.com'))!;
    for (let i = 0; i < 30; i++) await admin('mutation($id: ID!, $r: [String!]!) { admin { setUserRoles(id: $id, roles: $r) { __typename } } }', { id: bob, r: [`r${i}`] });
    await navTo('Audit log');
    await fill('#audit-filter-action', 'admin.user.set_roles');
    await fill('#audit-filter-user', bob);
    await click('#audit-filter-submit');
    await page.waitForSelector('#audit-older', { visible: true });
    expect(await page.$('#audit-newer')).toBeNull();
    const detailsOf = () => page.$$eval('#audit-list pre', (ps) => ps.map((p) => p.textContent));
    const newest = await detailsOf();
    expect(newest).toHaveLength(25);
    expect(newest[0]).toContain('"r29"');
    await click('#audit-older');
    await page.waitForFunction(() => document.querySelectorAll('#audit-list li').length === 5);
    expect((await detailsOf())[0]).toContain('"r4"');
    expect(await page.$('#audit-older')).toBeNull();
    await bothWidths('05-audit-older');
    await click('#audit-newer');
    await page.waitForFunction(() => document.querySelectorAll('#audit-list li').length === 25);
    expect(await detailsOf()).toEqual(newest);
    expect(await page.$('#audit-newer')).toBeNull();
  });

  it('says "10,000+ users" when admin.users stops counting', async () => {
    // 10,001 accounts straight into the table (sign-ups through the API would take minutes).
    await t.db.prisma.$executeRaw`INSERT INTO "User" ("username", "updatedAt") SELECT 'many-' || n, now() FROM generate_series(0, 10000) AS n`;
    await page.goto(`${app.origin}/admin#/users`);
    await heading('Users');
    await waitText('#users-total', '10,000+ users');
    await fill('#user-search-search', 'many-1000');
    await page.keyboard.press('Enter');
    await waitText('#users-total', '2 users'); // many-1000 and many-10000: exact below the cap
    expect(app.pageErrors).toEqual([]);
  }, 60_000);
});
