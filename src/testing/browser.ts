// Browser-test helpers: a real Wasl server on 127.0.0.1 (random port) with demo content, and
// Debian's Chromium driven by playwright-core. Pages record console errors and any request that
// would leave the machine, so every browser test can assert "nothing left 127.0.0.1".
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../core/config.js';
import type { DbHandle } from '../core/db/index.js';
import { seedDemoIfEmpty } from '../seed/demo.js';
import { totpCodeAt } from '../core/auth/totp.js';
import { closeApp } from './app.js';
import { createTestDb } from './db.js';

/** Every demo account gets this password in browser tests (never in a real start). */
export const DEMO_TEST_PASSWORD = 'browser-test-password';

export type TestServer = {
  baseUrl: string;
  app: FastifyInstance;
  handle: DbHandle;
  clock: { now: Date | null };
  close(): Promise<void>;
};

/** Starts the app; `clock.now = null` follows the wall clock, a Date freezes it. */
export async function startServer(opts: { seed?: boolean } = {}): Promise<TestServer> {
  const handle = await createTestDb();
  const clock: { now: Date | null } = { now: null };
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '.tmp/browser-data',
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'off',
    PORT: '0',
  });
  const app = await buildApp({ config, handle, clock: () => clock.now ?? new Date(), logger: false });
  if (opts.seed !== false) await seedDemoIfEmpty(app.wasl, { passwords: DEMO_TEST_PASSWORD });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    handle,
    clock,
    close: () => closeApp(app, handle),
  };
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  // playwright gives every launch a fresh, empty profile directory.
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
}

type Problems = { consoleErrors: string[]; externalRequests: string[] };
const problems = new WeakMap<Page, Problems>();

/** A phone-sized page (384 × 800) that records console errors and requests leaving 127.0.0.1. */
export async function newPhonePage(
  browser: Browser,
  opts: { javaScript?: boolean; locale?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 384, height: 800 },
    deviceScaleFactor: 1,
    javaScriptEnabled: opts.javaScript ?? true,
    locale: opts.locale ?? 'ar-SY',
  });
  const page = await context.newPage();
  const p: Problems = { consoleErrors: [], externalRequests: [] };
  problems.set(page, p);
  page.on('console', (msg) => {
    if (msg.type() === 'error') p.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => p.consoleErrors.push(String(err)));
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') p.externalRequests.push(req.url());
  });
  return page;
}

export function pageProblems(page: Page): Problems {
  return problems.get(page) ?? { consoleErrors: [], externalRequests: [] };
}

/** Signs in through the real form; answers the second step when a TOTP secret is given. */
export async function signInInBrowser(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  totpSecret?: string,
) {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=identifier]', username);
  await page.fill('input[name=password]', password);
  // the next page's load event: waitForLoadState would answer at once for the page already loaded,
  // and a loaded machine then reads the URL before the answer has come (a flaky sign-in)
  await Promise.all([page.waitForEvent('load'), page.click('form[action="/login"] button[type=submit]')]);
  // A code is taken once and lasts its 30-second step: when the step turns between reading the
  // code and the server checking it (a loaded machine), the page asks again; the next step's code
  // is then given once more.
  for (let attempt = 0; attempt < 2 && page.url().includes('/login/2fa') && totpSecret; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 200));
    await page.fill('input[name=code]', await totpCodeAt(totpSecret, new Date()));
    await Promise.all([page.waitForEvent('load'), page.click('form[action="/login/2fa"] button[type=submit]')]);
  }
}

/**
 * A Wasl server and Chromium for one test file: both started before its tests, stopped after.
 * Read them as `env.server` and `env.browser` inside the tests.
 */
export function useBrowser(opts: { seed?: boolean } = {}): { server: TestServer; browser: Browser } {
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [env.server, env.browser] = await Promise.all([startServer(opts), launchBrowser()]);
  });
  afterAll(() => Promise.all([env.browser?.close(), env.server?.close()]));
  return env;
}
