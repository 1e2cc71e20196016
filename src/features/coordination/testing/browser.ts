// The server and Chromium of a browser test file: started before its tests, closed after.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
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
