// What the browser tests share: a Chromium of the file's own (browser-launch.ts says why), a fresh
// browser context per app test, a real port for the app (ISSUER = that origin, so WebAuthn's RP ID
// is localhost), axe-core run inside the page, screenshots at both widths, and the first load's weight.
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'puppeteer-core';
import { expect, inject } from 'vitest';
import { launchBrowser } from './browser-launch.js';
import { createTestApp, type TestApp } from './test-app.js';

export const DESKTOP = { width: 1280, height: 900 };
// isMobile would make puppeteer reload the page on every switch; the width is what the layout responds to.
export const PHONE = { width: 390, height: 844 };

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium when this run has browser tests (the global setup decides), else null: skip. */
export const chromiumPath = () => inject('chromiumPath');

export interface BrowserApp {
  t: TestApp;
  origin: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  pageErrors: string[];
  close: () => Promise<void>;
}

/** The app on a real port, and a page in a fresh browser context of a Chromium of its own. */
export async function startBrowserApp(artifacts: string, env: Record<string, string> = {}): Promise<BrowserApp> {
  // Listen first (port 0), then build the app with ISSUER = the real origin.
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
  const t = await createTestApp({ ISSUER: origin, SECRET_KEY: 'browser-test-secret-key-0123456789abcdef', ...env });
  handler = t.app.yoga as never;
  await rm(artifacts, { recursive: true, force: true }); // only this run's screenshots
  await mkdir(artifacts, { recursive: true });
  const browser = await launchBrowser(chromiumPath()!);
  const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: artifacts } });
  const page = await context.newPage();
  await page.setViewport(DESKTOP);
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text());
  });
  page.setDefaultTimeout(10_000);
  const cdp = await page.createCDPSession();
  // WebAuthn calls wait for a focused document; a file's second page (an impersonation tab) would
  // otherwise hold it.
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
  const close = async () => {
    await context.close().catch(() => {});
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  };
  return { t, origin, browser, context, page, cdp, pageErrors, close };
}

/** axe-core inside the page (evaluated through DevTools, so the page's strict CSP stays on). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  expect(violations, `axe-core on ${label}`).toEqual([]);
}

/** Screenshots (whole page, or one element) at 1280 and 390 px, axe at both, and no sideways scroll. */
export function screenshots(page: Page, artifacts: string) {
  const shot = async (name: string, selector?: string) => {
    const file = path.join(artifacts, `${name}.png`) as `${string}.png`;
    if (!selector) return void (await page.screenshot({ path: file, fullPage: true }));
    const target = await page.waitForSelector(selector, { visible: true });
    await target!.screenshot({ path: file });
  };
  const bothWidths = async (name: string, selector?: string, axe = true) => {
    await shot(`${name}-desktop`, selector);
    if (axe) await expectAccessible(page, `${name} at ${DESKTOP.width} px`);
    await page.setViewport(PHONE);
    await shot(`${name}-phone`, selector);
    if (axe) await expectAccessible(page, `${name} at ${PHONE.width} px`);
    // Nothing wider than the phone's screen: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways at ${PHONE.width} px`).toBeLessThanOrEqual(PHONE.width);
    await page.setViewport(DESKTOP);
  };
  return { shot, bothWidths };
}

/** Loads `url` and records the bytes on the wire of that first load into page-weight.json. */
export async function measureFirstLoad(page: Page, cdp: CDPSession, origin: string, url: string, artifacts: string, appPrefix: string, ready: () => Promise<unknown>) {
  await cdp.send('Network.enable');
  const transferred = new Map<string, number>();
  const urls = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => transferred.set(e.requestId, e.encodedDataLength));
  await page.goto(url, { waitUntil: 'load' });
  await ready();
  const files = [...urls.entries()].map(([id, u]) => ({ url: u.replace(origin, ''), bytes: transferred.get(id) ?? 0 }));
  const bytes = files.reduce((a, f) => a + f.bytes, 0);
  const kb = (n: number) => +(n / 1024).toFixed(1);
  const isFile = (u: string) => u.startsWith(`${appPrefix}`) && !/\/(refresh|session|logout)$/.test(u);
  const fileBytes = files.filter((f) => isFile(f.url)).reduce((a, f) => a + f.bytes, 0);
  const weight = { totalKB: kb(bytes), filesKB: kb(fileBytes), apiKB: kb(bytes - fileBytes), totalBytes: bytes, requests: files };
  await writeFile(path.join(artifacts, 'page-weight.json'), JSON.stringify(weight, null, 2));
  console.log(`${appPrefix} first load: ${weight.totalKB} KB transferred in ${files.length} requests (files ${weight.filesKB} KB, API ${weight.apiKB} KB)`);
  await cdp.send('Network.disable');
  return weight;
}
