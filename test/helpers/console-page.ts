// Puppeteer steps the admin console's browser tests share: waiting on the page's own text (the
// heading, the announcer) instead of on time, the dialog, the navigation and the sign-in form.
import type { Page } from 'puppeteer-core';
import type { TestApp } from './test-app.js';

/** `app` is read at each step: the tests build the page in beforeAll, after describing. */
export function consolePage(app: () => { page: Page; t: TestApp }) {
  const page = () => app().page;
  const click = async (selector: string) => {
    await page().waitForSelector(selector, { visible: true });
    await page().click(selector);
  };
  const fill = async (selector: string, value: string) => {
    await page().waitForSelector(selector, { visible: true });
    await page().$eval(selector, (el) => ((el as HTMLInputElement).value = ''));
    await page().type(selector, value);
  };
  const waitText = (selector: string, expected: string) =>
    page().waitForFunction((s, e) => document.querySelector(s)?.textContent?.includes(e), {}, selector, expected);
  const heading = (expected: string) => waitText('#page-title', expected);
  const status = (expected: string) => waitText('#status', expected);
  const confirm = async (answer: 'ok' | 'cancel') => {
    await page().waitForSelector('#confirm-dialog[open]');
    await click(`#confirm-${answer}`);
    await page().waitForSelector('#confirm-dialog', { hidden: true });
  };
  const admin = async (query: string, variables?: Record<string, unknown>) => app().t.gql(query, variables, await app().t.adminToken());
  const navTo = async (label: string) => {
    const link = await page().waitForSelector(`xpath/.//nav//a[normalize-space()="${label}"]`);
    await link!.click();
    await heading(label);
  };
  const signInAt = async (identifier: string, password: string) => {
    await fill('#signin-identifier', identifier);
    await fill('#signin-password', password);
    await click('#signin-submit');
  };
  const userIdOf = async (email: string) =>
    (await admin('query($s: String) { admin { users(first: 1, search: $s) { edges { node { id } } } } }', { s: email })).data.admin.users.edges[0]?.node.id as string | undefined;
  return { click, fill, waitText, heading, status, confirm, admin, navTo, signInAt, userIdOf };
}
