// Launches the one headless Chromium (Debian's package, driven by puppeteer-core) that the browser
// tests share, when the run includes one: a run filtered to other files does not pay for it.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchSharedBrowser(project: TestProject): Promise<Browser | null> {
  // The CLI's file filters (undefined for a full run); internal to Vitest but stable across 3 and 4.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (filters && !filters.some((f) => f.includes('browser'))) return null;
  if (!existsSync(CHROMIUM)) {
    // CI installs Chromium (.ci/run) and must run the browser tests; elsewhere they are skipped with a note.
    if (process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: the browser tests cannot run`);
    console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return null;
  }
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
  });
}
