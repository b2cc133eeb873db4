// The account page end to end in the run's shared headless Chromium (test/helpers/browser.ts):
// the real app on a real port, the real SMTP sink, codes from otplib, passkeys through the DevTools
// virtual authenticator, axe-core on each view signed out and signed in at 1280 and 390 px.
// Screenshots go to test-artifacts/account/ (gitignored), with the page weight of the first load in
// test-artifacts/account/page-weight.json.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { generate } from 'otplib';
import type { BrowserContext, CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, type BrowserApp, expectAccessible, measureFirstLoad, screenshots, startBrowserApp } from './helpers/browser.js';
import type { TestApp } from './helpers/test-app.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../test-artifacts/account');
const PASSWORD = 'a-long-and-unusual-passphrase-42';
const NEW_PASSWORD = 'another-unusual-passphrase-57';
const EMAIL = 'browser.user@example.com';
const NEW_EMAIL = 'browser.renamed@example.com';

describe.skipIf(!chromiumPath())('account page in a browser', () => {
  let app: BrowserApp;
  let t: TestApp;
  let origin: string;
  let browser: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let userId: string;
  let pageErrors: string[];

  beforeAll(async () => {
    app = await startBrowserApp(ARTIFACTS);
    ({ t, origin, page, cdp, pageErrors } = app);
    browser = app.context;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  // --- helpers -----------------------------------------------------------------------------------
  const fill = async (selector: string, value: string) => {
    await page.waitForSelector(selector, { visible: true });
    await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
    await page.type(selector, value);
  };
  const click = async (selector: string) => {
    await page.waitForSelector(selector, { visible: true });
    await page.click(selector);
  };
  const text = (selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
  const waitText = (selector: string, expected: string) =>
    page.waitForFunction((s, e) => document.querySelector(s)?.textContent?.includes(e), { timeout: 10_000 }, selector, expected);
  const status = (expected: string) => waitText('#status', expected);
  const heading = (expected: string) => waitText('#page-title', expected);
  const gqlAdmin = async (query: string, variables?: Record<string, unknown>) => t.gql(query, variables, await t.adminToken());
  // On a timeout, says what the dialog shows (an error sentence, a stuck step) instead of only that it stayed open.
  const proofDialogClosed = () =>
    page.waitForSelector('#proof-dialog', { hidden: true }).catch(async (err: Error) => {
      const shown = await page.evaluate(() => document.querySelector('#proof-dialog')?.textContent?.replace(/\s+/g, ' ').trim());
      throw new Error(`${err.message}; the dialog shows: ${shown}`);
    });
  const proofWithPassword = async (password = NEW_PASSWORD) => {
    await page.waitForSelector('#proof-dialog[open]');
    await fill('#proof-password-password', password);
    await click('#proof-password-submit');
    await proofDialogClosed();
  };
  // The page exists once beforeAll ran; the helpers look it up at call time.
  const shot = (name: string, selector?: string) => screenshots(page, ARTIFACTS).shot(name, selector);
  const bothWidths = (name: string, selector?: string, axe = false) => screenshots(page, ARTIFACTS).bothWidths(name, selector, axe);
  const waitFor = async <T,>(find: () => T | undefined): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const found = find();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('timed out');
  };
  const totpNow = (secret: string) => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });

  // --- the flows -----------------------------------------------------------------------------------
  it('signs up, changes name and email, enrolls TOTP, revokes a session, creates a token, signs in again and deletes the account', async () => {
    // First load, measured from the browser's network events (bytes on the wire).
    const weight = await measureFirstLoad(page, cdp, origin, `${origin}/account`, ARTIFACTS, '/account', () => heading('Sign in'));
    expect(weight.filesKB).toBeLessThan(60);
    await bothWidths('01-sign-in', '.card', true);

    // Sign up.
    await click('#switch-mode');
    await heading('Create an account');
    await bothWidths('02-sign-up', '.card', true);
    await fill('#signup-name', 'Browser User');
    await fill('#signup-email', EMAIL);
    await fill('#signup-password', PASSWORD);
    await click('#signup-submit');
    await heading('Your account');
    userId = (await t.gql('query($s: String) { admin { users(first: 1, search: $s) { edges { node { id } } } } }', { s: EMAIL }, await t.adminToken())).data.admin.users.edges[0].node.id;

    // The refresh token lives in an httpOnly cookie: a reload stays signed in, scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('account_refresh');
    const cookies = await browser.cookies();
    const refreshCookie = cookies.find((c) => c.name === 'account_refresh');
    expect(refreshCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/account' });
    await page.reload({ waitUntil: 'load' });
    await heading('Your account');

    // Every control has a label.
    expect(await page.$$eval('input, textarea', (els) => els.filter((e) => !(e as HTMLInputElement).labels?.length).map((e) => e.id))).toEqual([]);

    // Change name.
    await fill('#profile-form-name', 'Renamed Person');
    await click('#profile-form-submit');
    await status('Profile saved.');
    expect((await gqlAdmin('query($id: ID!) { admin { user(id: $id) { name } } }', { id: userId })).data.admin.user.name).toBe('Renamed Person');

    const other = await t.signIn(EMAIL, PASSWORD);

    // The signed-up address is not verified yet: a code to it verifies it.
    expect(await page.$eval('#email .facts', (el) => el.textContent)).toContain('Not yet');
    await click('#email-verify');
    await status(`We sent a code to ${EMAIL}`);
    await fill('#email-verify-form-code', await t.mail.codeFor(EMAIL));
    await click('#email-verify-form-submit');
    await status(`${EMAIL} is verified.`);
    expect((await gqlAdmin('query($id: ID!) { admin { user(id: $id) { emailVerified } } }', { id: userId })).data.admin.user.emailVerified).toBe(true);
    expect(await page.$('#email-verify')).toBeNull();

    // Change email with the code from the SMTP sink; a wrong code is explained in words first.
    await fill('#email-form-address', NEW_EMAIL);
    await click('#email-form-submit');
    await status(`We sent a code to ${NEW_EMAIL}`);
    const code = await t.mail.codeFor(NEW_EMAIL);
    await fill('#email-confirm-form-code', code === '000000' ? '111111' : '000000');
    await click('#email-confirm-form-submit');
    await waitText('#email-confirm-form-error', 'That code is not right.');
    await fill('#email-confirm-form-code', code);
    await click('#email-confirm-form-submit');
    await shot('03-proof-dialog-desktop', '#proof-dialog');
    await expectAccessible(page, 'the identity-proof dialog');
    await proofWithPassword(PASSWORD);
    await status(`Email changed to ${NEW_EMAIL}`);
    expect(await text('#email dd')).toBe(NEW_EMAIL);

    // Add a phone with the code from the SMS webhook (the identity proof above is reused: no dialog).
    await fill('#phone-form-address', '+14155550123');
    await click('#phone-form-submit');
    await status('We sent a code to +14155550123');
    const sms = await waitFor(() => t.sms.find((m) => m.to === '+14155550123'));
    await fill('#phone-confirm-form-code', /\b(\d{6})\b/.exec(sms.text)![1]!);
    await click('#phone-confirm-form-submit');
    await status('Phone changed to +14155550123');
    expect(await page.$('#proof-dialog')).toBeNull();
    expect(await text('#phone dd')).toBe('+14155550123');

    // The second session (signed in on another device before the email change), revoked from the page.
    const otherId = await page.$eval('#session-list li:not(.current)', (el) => (el as HTMLElement).dataset.session!);
    expect(await text('#session-list li.current')).toContain('This device');
    await click(`[id="session-revoke-${otherId}"]`);
    await status('That session was signed out.');
    expect((await t.gql('{ me { id } }', {}, other.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Enroll TOTP: the QR code is shown, the identity proof from the email change is reused (no dialog).
    await click('#totp-start');
    await page.waitForSelector('#totp-setup img.qr');
    expect(await page.$('#proof-dialog')).toBeNull();
    expect(await page.$eval('#totp-setup img.qr', (img) => (img as HTMLImageElement).src)).toMatch(/^data:image\/png;base64,/);
    await bothWidths('06-totp-setup', '#mfa');
    const secret = (await text('#totp-secret')).trim();
    t.clock.set(Date.now());
    await fill('#totp-form-code', await totpNow(secret));
    await click('#totp-form-submit');
    await status('Authenticator app is on.');

    // Backup codes, shown once.
    await click('#backup-generate');
    await page.waitForSelector('#backup-codes li');
    expect((await page.$$('#backup-codes li')).length).toBe(10);

    // A personal access token: the secret is shown once and works.
    await fill('#token-form-name', 'ci script');
    await click('#token-form-submit');
    await status('Token created.');
    const pat = (await text('#new-token-value')).trim();
    expect((await t.gql('{ me { id } }', {}, pat)).data.me.id).toBe(userId);

    // Screenshots of every section at both widths.
    await page.reload({ waitUntil: 'load' });
    await heading('Your account');
    expect(await page.$('#new-token-value')).toBeNull();
    await bothWidths('04-account-full', undefined, true);
    const sections = await page.$$eval('#sections > section', (els) => els.map((e) => e.id));
    expect(sections).toEqual(expect.arrayContaining(['profile', 'username', 'email', 'phone', 'password', 'mfa', 'sessions', 'tokens', 'delete']));
    for (const [i, id] of sections.entries()) await bothWidths(`${String(10 + i)}-section-${id}`, `#${id}`);

    // Account-center modes: READ_ONLY shows without controls, OFF hides.
    await gqlAdmin('mutation($i: UpdateAccountCenterInput!) { admin { updateAccountCenter(input: $i) { __typename } } }', {
      i: { fields: { name: 'READ_ONLY', sessions: 'OFF' } },
    });
    await page.reload({ waitUntil: 'load' });
    await heading('Your account');
    expect(await page.$('#profile-form-name')).toBeNull();
    expect(await text('#profile')).toContain('Renamed Person');
    expect(await page.$('#sessions')).toBeNull();
    await gqlAdmin('mutation($i: UpdateAccountCenterInput!) { admin { updateAccountCenter(input: $i) { __typename } } }', {
      i: { fields: { name: 'EDIT', sessions: 'EDIT' } },
    });

    // Change the password: a weak one is explained rule by rule, a good one is saved.
    await fill('#password-form-newPassword', 'password123');
    await fill('#password-form-confirm', 'password123');
    await click('#password-form-submit');
    await proofWithPassword(PASSWORD); // the reloads above dropped the in-memory proof
    await waitText('#password-form-error', 'This password cannot be used: it is one of the most common passwords');
    await fill('#password-form-newPassword', NEW_PASSWORD);
    await fill('#password-form-confirm', NEW_PASSWORD);
    await click('#password-form-submit');
    await status('Password saved.');
    expect((await t.gql('mutation($i: SignInInput!) { signIn(input: $i) { __typename } }', { i: { identifier: NEW_EMAIL, password: NEW_PASSWORD } })).data.signIn.__typename).toBe('MfaChallenge');

    // Sign out, then sign in again by keyboard only, through the TOTP step.
    await click('#sign-out');
    await heading('Sign in');
    expect((await browser.cookies()).find((c) => c.name === 'account_refresh')).toBeUndefined();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-identifier');
    await page.keyboard.type(NEW_EMAIL);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('signin-password');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await heading('Two-step sign-in');
    await bothWidths('05-mfa-step', '.card', true);
    t.clock.advance(30_000); // the enrollment used this time step's code: a code is never accepted twice
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mfa-totp-code');
    await page.keyboard.type(await totpNow(secret));
    await page.keyboard.press('Enter');
    await heading('Your account');

    {
      // Register a passkey through the DevTools virtual authenticator, then sign in with it.
      await cdp.send('WebAuthn.enable');
      await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
      });
      await fill('#passkey-add-name', 'Test laptop');
      await click('#passkey-add-submit');
      await proofWithPassword();
      await status('Passkey added.');
      expect(await text('#passkeys')).toContain('Test laptop');
      await click('#sign-out');
      await heading('Sign in');
      await click('#signin-passkey-submit');
      await heading('Your account');
      // The passkey also finishes the MFA step of a password sign-in.
      await click('#sign-out');
      await heading('Sign in');
      await fill('#signin-identifier', NEW_EMAIL);
      await fill('#signin-password', NEW_PASSWORD);
      await click('#signin-submit');
      await heading('Two-step sign-in');
      await click('#mfa-passkey-submit');
      await heading('Your account');
      await bothWidths('07-passkeys', '#passkeys');
    }

    {
      // Security activity lists what happened, newest first; the export downloads everything as JSON.
      await page.reload({ waitUntil: 'load' });
      await heading('Your account');
      await waitText('#activity-list', 'Email changed');
      expect(await text('#activity-list')).toContain('Signed in');
      await bothWidths('08-activity', '#activity');
      const exported = path.join(ARTIFACTS, `account-${userId}.json`);
      await rm(exported, { force: true });
      await click('#export-download');
      await status('Your data was downloaded.');
      const data = JSON.parse(await readFile(await waitFor(() => (existsSync(exported) ? exported : undefined)), 'utf8'));
      expect(JSON.stringify(data)).toContain(NEW_EMAIL);
      expect(JSON.stringify(data)).not.toContain(NEW_PASSWORD);
      await rm(exported);
    }

    // Delete the account: the proof is asked again (this is a new sign-in), then the user is gone.
    await fill('#delete-form-confirm', 'DELETE');
    await click('#delete-form-submit');
    // Step-up with the passkey this time (me.startPasskeyVerification / me.verifyPasskey).
    await page.waitForSelector('#proof-dialog[open]');
    await click('#proof-method-passkey');
    await click('#proof-passkey-submit');
    await proofDialogClosed();
    await waitText('.notice', 'Your account was deleted.');
    expect((await gqlAdmin('query($id: ID!) { admin { user(id: $id) { id } } }', { id: userId })).data.admin.user).toBeNull();

    {
      // Social sign-in: a button per provider; the browser goes to the provider and comes back.
      const provider = await startOAuth2Provider({ id: 4242, login: 'octo', name: 'Octo Cat', email: null });
      try {
        const created = await gqlAdmin(
          'mutation($i: CreateIdentityProviderInput!) { admin { createIdentityProvider(input: $i) { __typename ... on Error { code message } } } }',
          {
            i: {
              key: 'octo', name: 'Octo', type: 'OAUTH2', clientId: provider.clientId, clientSecret: provider.clientSecret,
              authorizationEndpoint: `${provider.base}/authorize`, tokenEndpoint: `${provider.base}/token`, userinfoEndpoint: `${provider.base}/user`,
              profileMapping: { subject: 'id', name: 'name', email: 'email' },
            },
          },
        );
        expect(created.data.admin.createIdentityProvider.__typename).toBe('IdentityProvider');
        await page.goto(`${origin}/account`, { waitUntil: 'load' });
        await heading('Sign in');
        await bothWidths('09-sign-in-social', '.card');
        await click('#social-octo-submit');
        await heading('Your account');
        expect(page.url()).toBe(`${origin}/account`); // code and state are gone from the address bar
        expect(await text('#social')).toContain('Linked as Octo Cat');
        await bothWidths('09-linked-accounts', '#social', true);
      } finally {
        await provider.close();
      }
    }

    {
      // Forgot password? and Email me a code, from the sign-in page (both on by default).
      const created = await gqlAdmin(
        'mutation($i: CreateUserInput!) { admin { createUser(input: $i) { __typename ... on User { id } ... on Error { code message } } } }',
        { i: { primaryEmail: 'browser.recovery@example.com', password: PASSWORD } },
      );
      expect(created.data.admin.createUser.__typename).toBe('User');
      await click('#sign-out');
      await heading('Sign in');
      await click('#forgot-password');
      await heading('Reset your password');
      await fill('#recovery-start-identifier', 'browser.recovery@example.com');
      await click('#recovery-start-submit');
      await waitText('.notice', 'a code is on its way to its email');
      const mail = await t.mail.latestTo('browser.recovery@example.com', 'Reset your password');
      await fill('#recovery-reset-code', /\b(\d{6})\b/.exec(mail.text)![1]!);
      await fill('#recovery-reset-newPassword', NEW_PASSWORD);
      await bothWidths('10-reset-password', '.card', true);
      await click('#recovery-reset-submit');
      await heading('Your account');

      await click('#sign-out');
      await heading('Sign in');
      await click('#email-code');
      await heading('Sign in with a code');
      await fill('#code-start-identifier', 'browser.recovery@example.com');
      await click('#code-start-submit');
      await waitText('.notice', 'a code is on its way to its email');
      const codeMail = await t.mail.latestTo('browser.recovery@example.com', 'Your sign-in code');
      await fill('#code-finish-code', /\b(\d{6})\b/.exec(codeMail.text)![1]!);
      await click('#code-finish-submit');
      await heading('Your account');
    }

    {
      // Password sign-in switched off: its form and Forgot password? leave the page, the other methods stay.
      const off = await gqlAdmin('mutation { admin { updateSignInMethods(input: { password: false }) { __typename ... on Error { code } } } }');
      expect(off.data.admin.updateSignInMethods.__typename).toBe('SignInMethods');
      await click('#sign-out');
      await heading('Sign in');
      await page.goto(`${origin}/account`, { waitUntil: 'load' });
      await heading('Sign in');
      await page.waitForSelector('#email-code', { visible: true });
      for (const gone of ['#signin', '#signin-identifier', '#signin-password', '#signin-submit', '#forgot-password', '.alternatives .or']) {
        expect(await page.$(gone), gone).toBeNull();
      }
      for (const offered of ['#signin-passkey-submit', '#social-octo-submit', '#email-code', '#email-link']) {
        expect(await page.$(offered), offered).not.toBeNull();
      }
      await bothWidths('11-sign-in-without-password', '.card', true);
      await click('#email-code');
      await heading('Sign in with a code');
      // And the other way round: passkey and social off, the password form back.
      const swapped = await gqlAdmin('mutation { admin { updateSignInMethods(input: { password: true, passkey: false, social: false }) { __typename } } }');
      expect(swapped.data.admin.updateSignInMethods.__typename).toBe('SignInMethods');
      await page.goto(`${origin}/account`, { waitUntil: 'load' });
      await page.waitForSelector('#signin-identifier', { visible: true });
      for (const gone of ['#signin-passkey-submit', '#social-octo-submit', '.alternatives']) expect(await page.$(gone), gone).toBeNull();
      expect(await page.$('#forgot-password')).not.toBeNull();
      const on = await gqlAdmin('mutation { admin { updateSignInMethods(input: { passkey: true, social: true }) { __typename } } }');
      expect(on.data.admin.updateSignInMethods.__typename).toBe('SignInMethods');
    }

    // The admin setting turns the page off.
    await gqlAdmin('mutation { admin { updateAccountCenter(input: { pageEnabled: false }) { __typename } } }');
    const off = await page.goto(`${origin}/account`);
    expect(off?.status()).toBe(404);
    expect(await page.content()).toContain('Account page disabled');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});

/** A GitHub-style OAuth 2.0 provider that signs `user` in at once (no login form), with PKCE. */
async function startOAuth2Provider(user: Record<string, unknown>) {
  const clientId = 'account-page-test';
  const clientSecret = randomBytes(16).toString('hex');
  const codes = new Map<string, { redirectUri: string; challenge: string }>();
  const tokens = new Set<string>();
  const provider = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://provider');
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/authorize') {
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      const code = randomBytes(8).toString('hex');
      codes.set(code, { redirectUri: back.origin + back.pathname, challenge: url.searchParams.get('code_challenge') ?? '' });
      back.searchParams.set('code', code);
      return res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const basic = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      const [id, secret] = basic.includes(':') ? basic.split(':').map(decodeURIComponent) : [form.get('client_id'), form.get('client_secret')];
      if (id !== clientId || secret !== clientSecret) return json(401, { error: 'invalid_client' });
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
      if (!grant || grant.challenge !== challenge) return json(400, { error: 'invalid_grant' });
      const token = randomBytes(16).toString('hex');
      tokens.add(token);
      return json(200, { access_token: token, token_type: 'bearer', scope: 'read:user' });
    }
    if (url.pathname === '/user') {
      if (!tokens.has((req.headers.authorization ?? '').replace(/^Bearer /i, ''))) return json(401, { message: 'Bad credentials' });
      return json(200, user);
    }
    json(404, {});
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const address = provider.address();
  return {
    clientId,
    clientSecret,
    base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise<void>((resolve) => provider.close(() => resolve())),
  };
}
