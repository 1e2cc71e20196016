// The server and Chromium of a browser test file: started before its tests, closed after; and what
// coordination's phone tests check on every page they visit.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, type TestServer } from '../../../testing/browser.js';

export function useBrowser(): { server: TestServer; browser: Browser } {
  const s = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    s.server = await startServer();
    s.browser = await launchBrowser();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  return s;
}

/** The page as a phone shows it: right to left, in Arabic, and never scrolling sideways. */
export async function expectPhonePage(page: Page): Promise<void> {
  expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  expect(await page.getAttribute('html', 'lang')).toMatch(/^ar\b/);
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(sideways, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** Clicks what leads to another page (a link or a submit button) and waits for that page. */
export async function go(page: Page, selector: string | ReturnType<Page['locator']>): Promise<void> {
  const target = typeof selector === 'string' ? page.locator(selector) : selector;
  await Promise.all([page.waitForEvent('load'), target.click()]);
}
