// Finds Debian's Chromium (driven by puppeteer-core) when the run includes a browser test, and
// launches one per browser test file. One Chromium per file, not one shared: WebAuthn ceremonies
// wait for a focused page, and pages of parallel files in one browser took the focus from each
// other (a passkey step waited 10 s now and then, even with focus emulation on every page).
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The Chromium the browser files launch, or null when they are skipped (not in this run, or none installed). */
export function chromiumFor(project: TestProject): string | null {
  // The CLI's file filters (undefined for a full run); internal to Vitest but stable across 3 and 4.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (filters && !filters.some((f) => f.includes('browser'))) return null;
  if (!existsSync(CHROMIUM)) {
    // CI installs Chromium (.ci/run) and must run the browser tests; elsewhere they are skipped with a note.
    if (process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: the browser tests cannot run`);
    console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
    return null;
  }
  return CHROMIUM;
}

export function launchBrowser(executablePath: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
  });
}
