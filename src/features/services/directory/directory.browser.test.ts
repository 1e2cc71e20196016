// A walk through the services directory in Chromium on a phone-size screen: search "عيادة مجانية"
// in A'zaz, open the service, find the call link with its number read left to right, leave
// feedback. No console errors, nothing requested from outside 127.0.0.1, no sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPhonePage, pageProblems, startServer, type TestServer } from '../../../testing/browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ seed: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const overflow = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

describe('finding a free clinic on a phone', () => {
  for (const javaScript of [true, false]) {
    it(`searches, opens the service, sees the call link and leaves feedback (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const page = await newPhonePage(browser, { javaScript });
      await page.goto(`${server.baseUrl}/services`);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await page.fill('#f-q', 'عيادة مجانية');
      await page.fill('#f-town', 'أعزاز');
      await Promise.all([page.waitForURL(/\/services\?/), page.click('form.svc-search button[type=submit]')]);
      const first = page.locator('.svc-card h2 a').first();
      expect(await first.textContent()).toBe('عيادة النساء المجانية');
      if (javaScript) expect(await page.evaluate(overflow)).toBeLessThanOrEqual(0);

      await Promise.all([page.waitForURL(/\/services\/[0-9a-f-]{36}\/free-women-s-clinic$/), first.click()]);
      expect(await page.locator('h1').textContent()).toBe('عيادة النساء المجانية');
      const tel = page.locator('.svc-call a[href^="tel:"]').first();
      expect(await tel.getAttribute('href')).toBe('tel:+963944000101');
      const number = tel.locator('bdi[dir="ltr"]');
      expect(await number.textContent()).toBe('+963 944 000 101');
      if (javaScript) {
        expect(await number.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
        expect(await page.evaluate(overflow)).toBeLessThanOrEqual(0);
      }

      await page.check('input[name=got_service][value=yes]');
      await page.check('input[name=rating][value="5"]');
      await page.fill('textarea[name=comment]', 'استقبال جيد');
      await Promise.all([page.waitForURL(/#feedback$/), page.click(`form[action$="/feedback"] button[type=submit]`)]);
      expect(await page.locator('.flash').textContent()).toContain('شكراً لك');
      const stored = await server.handle.db
        .selectFrom('svc_feedback')
        .select(['status', 'comment'])
        .where('comment', '=', 'استقبال جيد')
        .execute();
      expect(stored.length).toBeGreaterThan(0);
      expect(stored[0]!.status).toBe('pending');

      expect(pageProblems(page)).toEqual({ consoleErrors: [], externalRequests: [] });
      await page.context().close();
    });
  }

  it('shows the map and the printable leaflet without outside requests', async () => {
    const page = await newPhonePage(browser);
    await page.goto(`${server.baseUrl}/services/map`);
    expect(await page.locator('svg path.district').count()).toBe(8);
    await Promise.all([page.waitForURL(/\/towns\/C\d+\/services$/), page.locator('svg a circle.town').first().click()]);
    await page.click('text=منشور للطباعة');
    expect(await page.locator('main.leaflet').count()).toBe(1);
    expect(pageProblems(page)).toEqual({ consoleErrors: [], externalRequests: [] });
    await page.context().close();
  });
});
