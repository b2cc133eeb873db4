// The admin console end to end in the run's shared headless Chromium (test/helpers/browser.ts):
// the first admin signs in through TOTP and works every view; a read-only support admin sees users
// and no write control; a non-admin sees a sentence and no data. A real webhook receiver gets the
// deliveries. Screenshots of every view at 1280 and 390 px go to test-artifacts/admin/ (gitignored)
// with page-weight.json; axe-core runs on every view at both widths.
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, type BrowserApp, measureFirstLoad, screenshots, startBrowserApp } from './helpers/browser.js';
import { consolePage } from './helpers/console-page.js';
import { ENROLL, GENERATE_SECRET, nextStep, totpAt } from './helpers/mfa.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestApp } from './helpers/test-app.js';
import { WebhookReceiver } from './helpers/webhook-receiver.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../test-artifacts/admin');
const PASSWORD = 'console-user-passphrase-81';

describe.skipIf(!chromiumPath())('admin console in a browser', () => {
  let app: BrowserApp;
  let t: TestApp;
  let page: Page;
  let receiver: WebhookReceiver;
  const sent: string[] = [];

  beforeAll(async () => {
    app = await startBrowserApp(ARTIFACTS, { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_POLL_INTERVAL_MS: '100', WEBHOOK_TIMEOUT_MS: '2000' });
    ({ t, page } = app);
    receiver = await WebhookReceiver.start();
    // Every GraphQL document the console sends, to prove a non-admin is never asked admin data.
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql')) sent.push(r.postData() ?? '');
    });
  }, 60_000);

  afterAll(async () => {
    await receiver?.close();
    await app?.close();
  });

  const shots = () => screenshots(page, ARTIFACTS);
  const bothWidths = (name: string, selector?: string) => shots().bothWidths(name, selector, true);
  const { click, fill, waitText, heading, status, confirm, admin, navTo, signInAt, userIdOf } = consolePage(() => app);

  it('lets the first admin sign in through TOTP and work every view', async () => {
    // The first admin has an authenticator app.
    const adminToken = await t.adminToken();
    const secret = (await t.gql(GENERATE_SECRET, {}, adminToken)).data.me.generateTotpSecret.secret as string;
    const proof = await t.gql('mutation($p: String!) { me { verifyPassword(password: $p) { ... on VerificationRecord { id } } } }', { p: ADMIN_PASSWORD }, adminToken);
    const enrolled = await t.gql(ENROLL, { input: { secret, code: await totpAt(t, secret), verificationId: proof.data.me.verifyPassword.id } }, adminToken);
    expect(enrolled.data.me.enrollTotp.__typename).toBe('MfaFactor');
    nextStep(t); // the enrollment spent this step's code
    const alice = await t.createUser({ primaryEmail: 'alice@example.com', name: 'Alice Liddell', password: PASSWORD });
    const aliceTotp = (await t.gql(GENERATE_SECRET, {}, alice.token)).data.me.generateTotpSecret.secret as string;
    const aliceProof = await t.gql('mutation($p: String!) { me { verifyPassword(password: $p) { ... on VerificationRecord { id } } } }', { p: PASSWORD }, alice.token);
    await t.gql(ENROLL, { input: { secret: aliceTotp, code: await totpAt(t, aliceTotp), verificationId: aliceProof.data.me.verifyPassword.id } }, alice.token);
    for (let i = 0; i < 3; i++) await t.createUser({ primaryEmail: `member${i}@example.com`, password: PASSWORD });
    const total = (await admin('{ admin { users { totalCount } } }')).data.admin.users.totalCount as number;

    // First load and sign-in, by the same labels as the account page.
    const weight = await measureFirstLoad(page, app.cdp, app.origin, `${app.origin}/admin`, ARTIFACTS, '/admin', () => heading('Sign in'));
    expect(weight.filesKB).toBeLessThan(60);
    await bothWidths('01-sign-in', '.card');
    await page.waitForSelector('xpath/.//label[normalize-space()="Email, username or phone"]');
    await page.waitForSelector('xpath/.//label[normalize-space()="Password"]');
    await signInAt(ADMIN_EMAIL, ADMIN_PASSWORD);
    await heading('Two-step sign-in');
    await bothWidths('02-mfa-step', '.card');
    await fill('#mfa-totp-code', await totpAt(t, secret));
    await click('#mfa-totp-submit');
    await heading('Overview');
    const cookie = (await app.context.cookies()).find((c) => c.name === 'admin_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('admin_refresh');
    expect(await page.$$eval('nav a', (as) => as.map((a) => a.textContent))).toEqual([
      'Overview', 'Users', 'Audit log', 'Webhooks', 'Identity providers', 'Machine clients', 'Account center', 'Password policy',
    ]);
    expect(await page.$eval('#stat-users', (el) => el.textContent)).toContain(String(total));
    await bothWidths('03-overview');

    // Users: the total, search by Enter, the row links by email.
    await navTo('Users');
    await waitText('#users-total', `${total} users`);
    await bothWidths('04-users');
    await fill('#user-search-search', 'alice');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#users-table tbody tr').length === 1);
    await click(`a[href="#/users/${alice.id}"]`);
    await heading('alice@example.com');
    await bothWidths('05-user');

    // Suspend and restore, each through the dialog (Cancel first changes nothing).
    await click('#user-suspend');
    await shots().shot('06-confirm-dialog-desktop', '#confirm-dialog');
    await confirm('cancel');
    expect((await admin('query($id: ID!) { admin { user(id: $id) { isSuspended } } }', { id: alice.id })).data.admin.user.isSuspended).toBe(false);
    await click('#user-suspend');
    await confirm('ok');
    await status('suspended');
    await waitText('#user-status-value', 'Suspended');
    expect((await admin('query($id: ID!) { admin { user(id: $id) { isSuspended } } }', { id: alice.id })).data.admin.user.isSuspended).toBe(true);
    await click('#user-restore');
    await confirm('ok');
    await waitText('#user-status-value', 'Active');
    expect((await admin('query($id: ID!) { admin { user(id: $id) { isSuspended } } }', { id: alice.id })).data.admin.user.isSuspended).toBe(false);

    // Reset MFA, then revoke sessions.
    await click('#user-reset-mfa');
    await confirm('ok');
    await page.waitForSelector('#user-factors-none');
    expect((await admin('query($id: ID!) { admin { user(id: $id) { mfaFactors { id } } } }', { id: alice.id })).data.admin.user.mfaFactors).toEqual([]);
    const aliceSession = await t.signIn('alice@example.com', PASSWORD);
    await page.reload({ waitUntil: 'load' });
    await heading('alice@example.com');
    await click('#user-revoke-sessions');
    await confirm('ok');
    await status('sessions revoked');
    expect((await t.gql('{ me { id } }', {}, aliceSession.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Impersonate: the account page as Alice with a banner, then back to the console.
    await click('#user-impersonate-open');
    await fill('#user-impersonate-reason', 'support ticket 42');
    await click('#user-impersonate-submit');
    await waitText('#impersonation', 'Impersonating Alice Liddell');
    expect(page.url()).toBe(`${app.origin}/account`); // the token left the address bar
    await waitText('#page-title', 'Your account');
    await bothWidths('07-impersonating');
    await click('#stop-impersonating');
    await heading('alice@example.com');
    expect(page.url()).toBe(`${app.origin}/admin#/users/${alice.id}`);

    // Create a user, then delete one.
    await navTo('Users');
    await click('#create-user-open');
    await fill('#create-user-form-email', 'carol@example.com');
    await fill('#create-user-form-username', 'carol');
    await fill('#create-user-form-phone', '+14155550142');
    await fill('#create-user-form-password', PASSWORD);
    await fill('#create-user-form-name', 'Carol Created');
    await fill('#create-user-form-roles', 'admin:users:read');
    await click('#create-user-form-submit');
    await heading('carol@example.com');
    const carolId = (await userIdOf('carol@example.com'))!;
    expect((await admin('query($id: ID!) { admin { user(id: $id) { username primaryPhone name roles } } }', { id: carolId })).data.admin.user)
      .toEqual({ username: 'carol', primaryPhone: '+14155550142', name: 'Carol Created', roles: ['admin:users:read'] });
    const doomed = await t.createUser({ primaryEmail: 'doomed@example.com', password: PASSWORD });
    await page.goto(`${app.origin}/admin#/users/${doomed.id}`);
    await heading('doomed@example.com');
    await click('#user-delete');
    await confirm('ok');
    await heading('Users');
    expect((await admin('query($id: ID!) { admin { user(id: $id) { id } } }', { id: doomed.id })).data.admin.user).toBeNull();

    // The audit log, filtered by action.
    await navTo('Audit log');
    await fill('#audit-filter-action', 'admin.user.suspend');
    await click('#audit-filter-submit');
    await page.waitForFunction(() => [...document.querySelectorAll('#audit-list .action-name')].every((e) => e.textContent === 'admin.user.suspend') && document.querySelectorAll('#audit-list li').length === 1);
    await click('#audit-list summary');
    await waitText('#audit-list', alice.id);
    await bothWidths('08-audit-log');

    // A webhook: the secret once, a test event at the real receiver, then a redelivery.
    await navTo('Webhooks');
    await fill('#create-webhook-url', receiver.url);
    await fill('#create-webhook-name', 'Receiver');
    expect(await page.$$eval('fieldset.events label', (ls) => ls.map((l) => l.textContent))).toContain('user.created');
    await click('[id="event-user.created"]');
    await click('[id="event-webhook.test"]');
    await click('#create-webhook-submit');
    await page.waitForSelector('#webhook-secret-value');
    const signingSecret = (await page.$eval('#webhook-secret-value', (el) => el.textContent))!;
    expect(signingSecret).toMatch(/^whsec_/);
    receiver.secret = signingSecret;
    await page.waitForSelector('#webhook-secret-copy');
    await bothWidths('09-webhooks');
    const webhookId = (await admin('{ admin { webhooks(first: 1) { edges { node { id } } } } }')).data.admin.webhooks.edges[0].node.id as string;
    await click(`#webhook-test-${webhookId}`);
    await status('Test event queued.');
    await expect.poll(() => receiver.ofType('webhook.test').length, { timeout: 10_000 }).toBe(1);
    const firstId = receiver.ofType('webhook.test')[0]!.id;
    await page.waitForFunction(async () => {
      (document.querySelector('.webhook button.link') as HTMLButtonElement | null)?.click();
      await new Promise((r) => setTimeout(r, 200));
      return !!document.querySelector('.delivery-succeeded');
    }, { polling: 500, timeout: 10_000 });
    const redeliver = await page.waitForSelector(`#deliveries-${webhookId} button[id^="redeliver-"]`);
    await redeliver!.click();
    await status('Delivery queued again.');
    await expect.poll(() => receiver.ofType('webhook.test').length, { timeout: 10_000 }).toBe(2);
    expect(receiver.ofType('webhook.test')[1]!.payload.id).toBe(receiver.ofType('webhook.test')[0]!.payload.id);
    expect(firstId).toBeTruthy();
    expect(receiver.rejected).toEqual([]);

    // Machine clients: the secret shown once.
    await navTo('Machine clients');
    await click('xpath/.//summary[normalize-space()="Create machine client"]');
    await fill('#create-client-name', 'Reporting');
    await click('[id="client-scope-admin:audit:read"]');
    await click('#create-client-submit');
    await page.waitForSelector('#client-secret-value');
    await bothWidths('10-machine-clients');
    await navTo('Identity providers');
    await bothWidths('11-identity-providers');
    await navTo('Password policy');
    await bothWidths('12-password-policy');

    // Account center: Name becomes read-only, and the account page follows.
    await navTo('Account center');
    await bothWidths('13-account-center');
    await page.select('#center-form-name', 'READ_ONLY');
    await click('#center-form-submit');
    await status('Account center saved.');
    expect((await t.gql('{ accountCenter { fields { name } } }')).data.accountCenter.fields.name).toBe('READ_ONLY');
    const accountPage = await app.context.newPage();
    await accountPage.goto(`${app.origin}/account`, { waitUntil: 'load' });
    await accountPage.waitForSelector('#signin-identifier');
    await accountPage.type('#signin-identifier', 'alice@example.com');
    await accountPage.type('#signin-password', PASSWORD);
    await accountPage.click('#signin-submit');
    await accountPage.waitForFunction(() => document.querySelector('#page-title')?.textContent === 'Your account');
    expect(await accountPage.$('#profile-form-name')).toBeNull();
    expect(await accountPage.$eval('#profile', (el) => el.textContent)).toContain('Alice Liddell');
    await accountPage.close();
    expect(app.pageErrors).toEqual([]);
  }, 120_000);

  it('shows a users:read-only admin the users and no write control, and a non-admin nothing', async () => {
    await t.createUser({ primaryEmail: 'support@example.com', password: PASSWORD, roles: ['admin:users:read'] });
    await t.createUser({ primaryEmail: 'plain@example.com', password: PASSWORD });
    const member = (await userIdOf('member0@example.com'))!;
    await page.goto(`${app.origin}/admin`, { waitUntil: 'load' });
    await heading('Overview');
    await click('#sign-out');
    await heading('Sign in');
    expect((await app.context.cookies()).find((c) => c.name === 'admin_refresh')).toBeUndefined();

    await signInAt('support@example.com', PASSWORD);
    await heading('Overview');
    expect(await page.$$eval('nav a', (as) => as.map((a) => a.textContent))).toEqual(['Overview', 'Users']);
    expect(await page.$('#overview-sign-ins')).toBeNull();
    await navTo('Users');
    expect(await page.$('#create-user')).toBeNull();
    await page.goto(`${app.origin}/admin#/users/${member}`);
    await heading('member0@example.com');
    expect(await page.$$('#view form, #view button:not(.link)')).toEqual([]);
    await bothWidths('14-read-only-user');
    await click('#sign-out');
    await heading('Sign in');

    sent.length = 0;
    await signInAt('plain@example.com', PASSWORD);
    await heading('Administrators only');
    await waitText('#not-admin', 'This console needs an administrator');
    expect(await page.$('nav')).toBeNull();
    expect(sent.filter((body) => body.includes('admin'))).toEqual([]);
    await bothWidths('15-not-admin', '.card');
    expect(app.pageErrors).toEqual([]);
  }, 60_000);
});
