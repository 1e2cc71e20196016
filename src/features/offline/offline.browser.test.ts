// Offline reading in Chromium on a phone-size screen: save a town pack and an article, lose the
// connection, open the town's services, a service, the leaflet and the article from the phone; an
// unsaved page shows the offline page; back online after the article was unpublished, it is gone
// from "saved on this phone". And a signed-in person's pages never enter the phone's cache.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TEST_PASSWORD, newPhonePage, pageProblems, useBrowser, signInInBrowser } from '../../testing/browser.js';
import { itemPath } from '../publishing/queries.js';
import { unpublishItem } from '../publishing/workspace/actions.js';
import { townsWithServices } from '../services/directory/queries.js';
import { PAGES } from './client/shared.js';

const env = useBrowser();

const ready = (page: Page) => page.waitForSelector('body[data-offline-ready="1"]', { timeout: 20_000 });
/** Paths kept in the phone's cache. */
const keptPaths = (page: Page) =>
  page.evaluate(async (name) => {
    const keys = await (await caches.open(name)).keys();
    return keys.map((k) => k.url.slice(location.origin.length));
  }, PAGES);

describe('offline reading', () => {
  it('keeps a town pack and an article, opens them offline, and lets a withdrawn article go', async () => {
    const db = env.server.app.wasl.db;
    const town = (await townsWithServices(db)).sort((a, b) => b.count - a.count)[0]!;
    const article = await db
      .selectFrom('pub_items')
      .selectAll()
      .where('kind', '=', 'news')
      .where('status', '=', 'published')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const articlePath = encodeURI(itemPath(article));
    const base = env.server.baseUrl;
    const page = await newPhonePage(env.browser);

    // The first visit installs the worker; the town's page then offers its pack with its size.
    await page.goto(`${base}/towns/${town.pcode}/services`);
    await ready(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const pack = page.locator('.offline-pack button');
    await expect.poll(() => pack.textContent()).toMatch(/احفظ هذه البلدة.*\(.+ك\.ب\)/);
    await pack.click();
    await page.waitForSelector('.offline-pack:has-text("هذه البلدة محفوظة")', { timeout: 30_000 });
    const kept = await keptPaths(page);
    const service = kept.find((p) => /^\/services\/[\w-]+\/./.test(p))!;
    expect(service).toBeTruthy();
    expect(kept).toContain(`/towns/${town.pcode}/services/leaflet`);

    // An article, saved with its button.
    await page.goto(`${base}${articlePath}`);
    await ready(page);
    await page.click('.offline-save button');
    await page.waitForSelector('.offline-save a[href="/offline"]');
    expect(await keptPaths(page)).toContain(articlePath);

    // A resource, with its file.
    const resource = await db
      .selectFrom('pub_items')
      .selectAll()
      .where('kind', '=', 'resource')
      .where('status', '=', 'published')
      .where('file_media_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const resourcePath = encodeURI(itemPath(resource));
    await page.goto(`${base}${resourcePath}`);
    await ready(page);
    await page.click('.offline-save button');
    await page.waitForSelector('.offline-save a[href="/offline"]');
    expect(await keptPaths(page)).toContain(`/resources/download/${resource.id}`);

    // No connection: everything saved opens from the phone, saying so.
    await page.context().setOffline(true);
    for (const path of [
      `/towns/${town.pcode}/services`,
      service,
      `/towns/${town.pcode}/services/leaflet`,
      articlePath,
    ]) {
      const res = await page.goto(`${base}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await page.getAttribute('body', 'data-offline-saved'), path).toBeTruthy();
    }
    expect(await page.locator('h1').first().textContent()).toContain(article.title);
    await page.goto(`${base}${resourcePath}`);
    const file = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), bytes: (await res.arrayBuffer()).byteLength };
    }, `/resources/download/${resource.id}`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('application/pdf');
    expect(file.bytes).toBeGreaterThan(100);
    await page.waitForSelector('.offline-note');

    // A page never opened: the offline page, in Arabic, listing what is kept.
    await page.goto(`${base}/forum`);
    await page.waitForSelector('#offline-missed:not([hidden])');
    expect(await page.locator('#offline-missed').textContent()).toContain('أنت غير متصل');
    await page.waitForSelector(`#offline-saved a[href="${articlePath}"]`);

    // The saved page itself opens offline, without the notice.
    await page.goto(`${base}/offline`);
    await page.waitForSelector(`#offline-saved a[href="${articlePath}"]`);
    expect(await page.locator('#offline-missed').isHidden()).toBe(true);

    // The network withdraws the article; back online, the next refresh removes it from the phone.
    const editor = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
    await unpublishItem(db, article.id, editor.id, new Date(), 'withdrawn');
    await page.context().setOffline(false);
    await page.goto(`${base}/offline`);
    await ready(page);
    expect(await page.locator(`#offline-saved a[href="${articlePath}"]`).count()).toBe(0);
    expect(await page.locator(`#offline-saved a[href="${service}"]`).count()).toBe(1);
    expect(await keptPaths(page)).not.toContain(articlePath);
    expect(await page.locator('#offline-usage').textContent()).toMatch(/من/);

    expect(pageProblems(page).externalRequests).toEqual([]);
    expect(pageProblems(page).consoleErrors).toEqual([]);
  });

  it('never keeps a page a signed-in person sees', async () => {
    const page = await newPhonePage(env.browser);
    const base = env.server.baseUrl;
    await page.goto(`${base}/`);
    await ready(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => keptPaths(page)).toContain('/'); // a public page, kept while anonymous
    await signInInBrowser(page, base, 'member', DEMO_TEST_PASSWORD);
    expect(await page.locator('form[action="/logout"]').count()).toBe(1);
    for (const path of ['/account', '/towns', '/news', '/notifications']) await page.goto(`${base}${path}`);
    // Signed in, the layout has no slot and no script; the worker still answers, from the network.
    expect(await page.locator('#offline-slot').count()).toBe(0);
    const kept = await keptPaths(page);
    for (const path of ['/account', '/towns', '/news', '/notifications']) expect(kept).not.toContain(path);
    // and the home page kept before signing in is served fresh, signed in
    await page.goto(`${base}/`);
    expect(await page.locator('form[action="/logout"]').count()).toBe(1);
  });
});
