// The account page's lifecycle parts in the run's shared headless Chromium: the WebAuthn Signal
// API calls (spied on: Chromium may not ship them, so the spies stand in for the browser's), and
// the pages behind the "was this you?" and "undo the email change" links, each confirmed by a click.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'puppeteer-core';
import { chromiumPath, type BrowserApp, startBrowserApp } from './helpers/browser.js';
import { newUser, verifiedCodeRecord, verifyPassword, SET_EMAIL } from './helpers/me.js';
import type { TestApp } from './helpers/test-app.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '../test-artifacts/account-lifecycle');
const PASSWORD = 'a-long-and-unusual-passphrase-42';

describe.skipIf(!chromiumPath())('account page: lifecycle links and the Signal API', () => {
  let app: BrowserApp;
  let t: TestApp;
  let origin: string;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    app = await startBrowserApp(ARTIFACTS);
    ({ t, origin, page, cdp } = app);
    // Recorded before any page script runs (DevTools injects it, so the strict CSP stays on).
    await page.evaluateOnNewDocument(() => {
      const calls: unknown[] = [];
      (window as unknown as { signalCalls: unknown[] }).signalCalls = calls;
      const pkc = window.PublicKeyCredential as unknown as Record<string, unknown>;
      for (const name of ['signalUnknownCredential', 'signalAllAcceptedCredentials', 'signalCurrentUserDetails']) {
        pkc[name] = (options: unknown) => {
          calls.push([name, options]);
          return Promise.resolve();
        };
      }
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const fill = async (selector: string, value: string) => {
    await page.waitForSelector(selector, { visible: true });
    await page.$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
    await page.type(selector, value);
  };
  const click = async (selector: string) => {
    await page.waitForSelector(selector, { visible: true });
    await page.click(selector);
  };
  const waitText = (selector: string, expected: string) =>
    page.waitForFunction((s, e) => document.querySelector(s)?.textContent?.includes(e), { timeout: 10_000 }, selector, expected).catch(async (err) => {
      throw new Error(`${selector} never showed "${expected}"; the page says: ${await page.evaluate(() => document.body.innerText.slice(0, 400))}`, { cause: err });
    });
  const heading = (expected: string) => waitText('#page-title', expected);
  const signals = () => page.evaluate(() => (window as unknown as { signalCalls: [string, Record<string, unknown>][] }).signalCalls);
  const signInInPage = async (identifier: string) => {
    // Start signed out, whatever the previous step left in the cookie.
    await page.deleteCookie({ name: 'account_refresh', url: `${origin}/account` });
    await page.goto(`${origin}/account`, { waitUntil: 'load' });
    await heading('Sign in');
    await fill('#signin-identifier', identifier);
    await fill('#signin-password', PASSWORD);
    await click('#signin-submit');
  };
  const linkIn = async (to: string, subject: string, pathName: string) => {
    const mail = await t.mail.latestTo(to, subject);
    return new RegExp(`${origin}${pathName}\\?token=\\S+`).exec(mail.text)![0];
  };

  it('signals a removed passkey (signalUnknownCredential) and the accepted ones after sign-in', async () => {
    const user = await newUser(t, { username: 'signal', primaryEmail: 'signal@example.com', password: PASSWORD });
    await signInInPage('signal');
    await heading('Your account');
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    await fill('#passkey-add-name', 'Lab key');
    await click('#passkey-add-submit');
    const proof = async () => {
      await page.waitForSelector('#proof-dialog[open]');
      await fill('#proof-password-password', PASSWORD);
      await click('#proof-password-submit');
      await page.waitForSelector('#proof-dialog', { hidden: true });
    };
    await proof();
    await waitText('#status', 'Passkey added.');
    const factor = await t.db.prisma.mfaFactor.findFirstOrThrow({ where: { userId: user.id, type: 'WEBAUTHN' } });

    // A new sign-in tells the provider which passkeys still work (the passkey is now the second step).
    await click('#sign-out');
    await signInInPage('signal');
    await heading('Two-step sign-in');
    await click('#mfa-passkey-submit');
    await heading('Your account');
    await page.waitForFunction(() => (window as unknown as { signalCalls: [string][] }).signalCalls.some(([n]) => n === 'signalAllAcceptedCredentials'));
    expect((await signals()).find(([name]) => name === 'signalAllAcceptedCredentials')?.[1]).toEqual({
      rpId: 'localhost',
      userId: Buffer.from(user.id).toString('base64url'),
      allAcceptedCredentialIds: [factor.credentialId],
    });

    await click(`#passkey-remove-${factor.id}`);
    await proof();
    await waitText('#status', 'Passkey removed.');
    expect((await signals()).filter(([name]) => name === 'signalUnknownCredential')).toEqual([
      ['signalUnknownCredential', { rpId: 'localhost', credentialId: factor.credentialId }],
    ]);
    expect(await t.db.prisma.mfaFactor.count({ where: { id: factor.id } })).toBe(0);
  });

  it('handles the "was this you?" link: confirm, then done; the next password sign-in asks for a reset', async () => {
    await newUser(t, { username: 'report', primaryEmail: 'report@example.com', password: PASSWORD });
    // The browser is a new device for this account (its first sign-in came from the test client).
    await signInInPage('report');
    await heading('Your account');
    const link = await linkIn('report@example.com', 'New sign-in to your account', '/account/report');
    await page.goto(link, { waitUntil: 'load' });
    await heading('Was this you?');
    // Nothing happens before the click (a mail scanner opening the link changes nothing).
    expect(await t.db.prisma.auditEvent.count({ where: { type: 'user.sign_in_reported' } })).toBe(0);
    expect(await page.evaluate(() => location.search)).toBe('');
    await click('#report-sign-in-submit');
    await waitText('#link-result', 'that session is signed out');
    expect(await t.db.prisma.auditEvent.count({ where: { type: 'user.sign_in_reported' } })).toBe(1);
    await signInInPage('report');
    await page.waitForFunction(() => document.body.textContent?.includes('Reset your password to sign in again'));
  });

  it('handles the undo link of an email change: confirm, then done', async () => {
    const user = await newUser(t, { username: 'undo', primaryEmail: 'undo@example.com', password: PASSWORD });
    const identity = await verifyPassword(t, user.token, PASSWORD);
    const proof = await verifiedCodeRecord(t, user.token, { email: 'undo.new@example.com' });
    await t.gql(SET_EMAIL, { input: { email: 'undo.new@example.com', newIdentifierVerificationId: proof, verificationId: identity } }, user.token);
    const link = await linkIn('undo@example.com', 'Your email address was changed', '/account/revert-email');
    await page.goto(link, { waitUntil: 'load' });
    await heading('Undo the email change');
    await click('#revert-email-submit');
    await waitText('#link-result', 'undo@example.com');
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).primaryEmail).toBe('undo@example.com');
  });
});
