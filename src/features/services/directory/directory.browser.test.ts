// A walk through the services directory in Chromium on a phone-size screen: search "عيادة مجانية"
// in A'zaz, open the service, find the call link with its number read left to right, leave
// feedback. No console errors, nothing requested from outside 127.0.0.1, no sideways scrolling.
import { describe, expect, it } from 'vitest';
import { newPhonePage, pageProblems, useBrowser } from '../../../testing/browser.js';

const env = useBrowser({ seed: true });

const overflow = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

describe('finding a free clinic on a phone', () => {
  for (const javaScript of [true, false]) {
    it(`searches, opens the service, sees the call link and leaves feedback (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const page = await newPhonePage(env.browser, { javaScript });
      await page.goto(`${env.server.baseUrl}/services`);
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

      // the form is a page of its own, reached from the service
      await Promise.all([page.waitForURL(/\/feedback$/), page.click('#feedback a[href$="/feedback"]')]);
      await page.check('input[name=got_service][value=yes]');
      await page.check('input[name=rating][value="5"]');
      await page.fill('textarea[name=comment]', 'استقبال جيد');
      await Promise.all([page.waitForURL(/#feedback$/), page.click(`form[action$="/feedback"] button[type=submit]`)]);
      expect(await page.locator('.flash').textContent()).toContain('شكراً لك');
      const stored = await env.server.handle.db
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
    const page = await newPhonePage(env.browser);
    await page.goto(`${env.server.baseUrl}/services/map`);
    expect(await page.locator('svg path.district').count()).toBe(8);
    await Promise.all([page.waitForURL(/\/towns\/C\d+\/services$/), page.locator('svg a circle.town').first().click()]);
    await page.click('text=منشور للطباعة');
    expect(await page.locator('main.leaflet').count()).toBe(1);
    expect(pageProblems(page)).toEqual({ consoleErrors: [], externalRequests: [] });
    await page.context().close();
  });

  it('on a phone (384 px) the results start above the fold: the form folds into a summary after a search', async () => {
    for (const javaScript of [true, false]) {
      const page = await newPhonePage(env.browser, { javaScript });
      await page.goto(
        `${env.server.baseUrl}/services?q=${encodeURIComponent('عيادة')}&town=${encodeURIComponent('أعزاز')}`,
      );
      expect(await page.locator('details.svc-search-box').getAttribute('open')).toBeNull();
      const card = await page.locator('.svc-card').first().boundingBox();
      expect(card).not.toBeNull();
      // The card's heading is on the first screen (800 px high).
      expect(card!.y + 40).toBeLessThan(800);
      // The summary opens the form again.
      await page.click('details.svc-search-box > summary');
      expect(await page.locator('#f-q').isVisible()).toBe(true);
      expect(await page.inputValue('#f-q')).toBe('عيادة');
      if (javaScript) expect(await page.evaluate(overflow)).toBeLessThanOrEqual(0);
      expect(pageProblems(page)).toEqual({ consoleErrors: [], externalRequests: [] });
      await page.context().close();
    }
  });

  it('with nothing matching in a town, the nearest services come with their distance, above the fold', async () => {
    const page = await newPhonePage(env.browser);
    await page.goto(`${env.server.baseUrl}/services?category=psychosocial&town=C1767`);
    const nearest = page.locator('.svc-nearest .svc-card').first();
    expect(await nearest.textContent()).toMatch(/على بعد \d+ كيلومتر/);
    const box = await nearest.boundingBox();
    expect(box!.y + 40).toBeLessThan(800);
    expect(pageProblems(page)).toEqual({ consoleErrors: [], externalRequests: [] });
    await page.context().close();
  });

  it('prints the leaflet on one A4 page, right to left, with hours and without the moment’s open/closed state', async () => {
    for (const pcode of ['C1564', 'C1202', 'C1643']) {
      const page = await newPhonePage(env.browser);
      await page.goto(`${env.server.baseUrl}/towns/${pcode}/services/leaflet`);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('main.leaflet').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      expect(await page.locator('.leaflet .no-print').first().isVisible()).toBe(false);
      const text = (await page.locator('main.leaflet').textContent()) ?? '';
      expect(text).toContain('الأوقات:');
      expect(text).not.toMatch(/مفتوح الآن|مغلق الآن|يفتح/);
      // The QR code is drawn (an inline image, nothing fetched from elsewhere).
      expect(
        await page.locator('.leaflet-site img').evaluate((img) => (img as HTMLImageElement).naturalWidth),
      ).toBeGreaterThan(0);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages.length, pcode).toBe(1);
      expect(pageProblems(page)).toEqual({ consoleErrors: [], externalRequests: [] });
      await page.context().close();
    }
  });
});
