// A reader on a 384 px phone, in Chromium, over the demo content: finds a town, opens an
// activity, searches with a misspelled Arabic word, downloads a resource, follows a feed, prints
// an article. On every page: Arabic dir/lang, dir on user text, no horizontal overflow, no
// console error, and nothing requested from anywhere but 127.0.0.1.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPhonePage, pageProblems, useBrowser } from '../../../testing/browser.js';

const env = useBrowser({ seed: true });

/** The right-to-left checklist items that apply to a reading page. */
async function checkRtl(page: Page) {
  const facts = await page.evaluate(() => {
    const html = document.documentElement;
    // This feature's user-written text (other features' sections answer for their own).
    const userText = [
      ...document.querySelectorAll(
        '.pub-article h1, .pub-card h2, .pub-card h3, ol.card-list > li > h2, .pub-lead, .pub-excerpt, .byline .author, section[aria-labelledby="h-upcoming"] h3',
      ),
    ];
    const withoutDir = userText
      .filter((el) => !el.hasAttribute('dir') && !el.closest('[dir="auto"]') && el.tagName !== 'BDI')
      .map((el) => el.outerHTML.slice(0, 80));
    const body = getComputedStyle(document.body);
    return {
      count: userText.length,
      lang: html.lang,
      dir: html.dir,
      overflow: html.scrollWidth - html.clientWidth,
      withoutDir,
      letterSpacing: body.letterSpacing,
      textAlign: body.textAlign,
    };
  });
  expect(facts.lang).toBe('ar-SY');
  expect(facts.dir).toBe('rtl');
  expect(facts.overflow, page.url()).toBeLessThanOrEqual(0);
  expect(facts.count, page.url()).toBeGreaterThan(0);
  expect(facts.withoutDir, page.url()).toEqual([]);
  expect(facts.letterSpacing).toBe('normal');
  expect(facts.textAlign).toBe('start');
}

describe('the public site on a phone', () => {
  it('finds a town, opens an activity, searches misspelled, downloads a resource', async () => {
    const page = await newPhonePage(env.browser);
    const base = env.server.baseUrl;

    // The home page: latest activities, the services box, key figures.
    await page.goto(base + '/');
    await checkRtl(page);
    expect(await page.locator('form[action="/services"] input[name=q]').count()).toBe(1);
    expect(await page.locator('#h-latest').count()).toBe(1);

    // Find a town by name, typed without hamza.
    await page.goto(base + '/towns');
    await page.fill('input[name=q]', 'تل عار');
    await Promise.all([page.waitForLoadState('load'), page.press('input[name=q]', 'Enter')]);
    await Promise.all([page.waitForURL(/\/towns\/C1594$/), page.click('a[href="/towns/C1594"]')]);
    await checkRtl(page);
    const activities = page.locator('section[aria-labelledby="h-town-activities"] .card h3 a');
    expect(await activities.count()).toBeGreaterThan(0);

    // Open the activity.
    const title = (await activities.first().textContent())!.trim();
    await Promise.all([page.waitForURL(/\/activities\/\d+\//), activities.first().click()]);
    await checkRtl(page);
    expect((await page.locator('h1').textContent())!.trim()).toBe(title);
    expect(await page.locator('h1').getAttribute('dir')).toBe('auto');
    expect(await page.locator('.prose p').first().getAttribute('dir')).toBe('auto');
    // The cover is responsive and reserves its box.
    const cover = page.locator('img.pub-cover');
    if (await cover.count()) {
      expect(await cover.getAttribute('srcset')).toMatch(/320w.*640w/);
      expect(Number(await cover.getAttribute('width'))).toBeGreaterThan(0);
      const box = await cover.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(384);
    }
    // Printing hides the share links and the related list.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.pub-share').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // Search with a misspelled word: المياة for المياه.
    await page.goto(base + '/search');
    await page.fill('input[name=q]', 'المياة');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.press('input[name=q]', 'Enter')]);
    await checkRtl(page);
    expect(await page.locator('ol.card-list > li').count()).toBeGreaterThan(0);
    expect(await page.locator('.pub-excerpt mark').first().textContent()).toMatch(/المياه/);
    await Promise.all([
      page.waitForURL(/\/(activities|local-issues|opinion|news|resources)\/\d+\//),
      // results come grouped by kind: the first publication
      page.locator('section[aria-labelledby="g-publications"] ol.card-list > li h3 a').first().click(),
    ]);
    await checkRtl(page);

    // The library: open the voter guide and download it.
    await page.goto(base + '/resources');
    await checkRtl(page);
    await Promise.all([
      page.waitForURL(/\/resources\/\d+\//),
      page
        .getByRole('link', { name: /دليل الناخب/ })
        .first()
        .click(),
    ]);
    await checkRtl(page);
    expect(await page.locator('.pub-download').textContent()).toMatch(/PDF/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.pub-download a.button').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');

    // The lessons-learned collection is one link away.
    await page.goto(base + '/resources/lessons-learned');
    await checkRtl(page);
    expect(await page.locator('.card h2').count()).toBeGreaterThan(0);

    const problems = pageProblems(page);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });

  it('listings link their Atom feed, which Chromium parses as well-formed XML', async () => {
    const page = await newPhonePage(env.browser);
    await page.goto(env.server.baseUrl + '/activities');
    const feed = await page.locator('link[rel=alternate][type="application/atom+xml"]').first().getAttribute('href');
    expect(feed).toBe('/feeds/activities.xml');
    for (const url of [feed!, '/feeds/towns/C1594.xml', '/feeds/lessons-learned.xml', '/sitemap.xml']) {
      const parsed = await page.evaluate(async (u) => {
        const text = await (await fetch(u)).text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return {
          error: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.localName,
          entries: doc.getElementsByTagName('entry').length + doc.getElementsByTagName('url').length,
        };
      }, url);
      expect(parsed.error, url).toBe(0);
      expect(['feed', 'urlset']).toContain(parsed.root);
      expect(parsed.entries, url).toBeGreaterThan(0);
    }
    expect(pageProblems(page).consoleErrors).toEqual([]);
    expect(pageProblems(page).externalRequests).toEqual([]);
  });

  it('works without JavaScript: filters are a plain GET form', async () => {
    const page = await newPhonePage(env.browser, { javaScript: false });
    await page.goto(env.server.baseUrl + '/activities');
    await page.selectOption('select[name=town]', 'C1202');
    await Promise.all([page.waitForURL(/town=C1202/), page.click('form.pub-filters button[type=submit]')]);
    const titles = await page.locator('.card h2').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join(' ')).toMatch(/الباب/);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
