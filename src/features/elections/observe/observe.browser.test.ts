// The observer app in Chromium: sign in, lose the connection, open the app again from the
// service worker's copy, file two reports into the outbox, come back online and see both
// acknowledged exactly once — the server holds exactly two rows. Nothing leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPhonePage, pageProblems, startServer, type TestServer } from '../../../testing/browser.js';
import { seededOrganizer, smallElection } from '../testing/browser.js';
import type { Fixture } from '../testing/fixture.js';

let server: TestServer;
let browser: Browser;
let fx: Fixture;

beforeAll(async () => {
  server = await startServer({ seed: true });
  fx = await smallElection(server.handle.db, await seededOrganizer(server.handle.db), 'BR');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const rowsFor = (observerId: number) =>
  server.handle.db
    .selectFrom('observation_submissions')
    .select(['id', 'idempotency_key', 'answers'])
    .where('observer_id', '=', observerId)
    .execute();

describe('the observer app', () => {
  it('keeps reports offline and sends each exactly once when the connection returns', async () => {
    const page = await newPhonePage(browser);
    const context = page.context();
    const o = fx.observers[0]!;
    await page.goto(`${server.baseUrl}/observe`);
    await page.waitForSelector('body[data-ready="1"]');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.fill('#code', o.code);
    await page.fill('#secret', o.secret);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#v-home:not([hidden])');
    expect(await page.textContent('#stations')).toContain(fx.stations[0]!.label);
    // the service worker has the shell before the connection goes
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    // the app opens again with no connection, from the service worker's copy
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]');
    await page.waitForSelector('#v-home:not([hidden])');
    expect(await page.textContent('#net')).toContain('غير متصل');

    // two reports of the "station" form, filed while offline
    for (const [room, staff] of [
      ['yes', '٣'],
      ['no', '1'],
    ] as const) {
      await page.click('#forms button >> nth=0');
      await page.waitForSelector('#v-form:not([hidden])');
      await page.check(`input[name="a_women_room"][value="${room}"]`);
      await page.check('input[name="a_accessible"][value="yes"]');
      await page.fill('input[name="a_staff_women"]', staff);
      await page.click('#report button[type=submit]');
      await page.waitForSelector('#v-home:not([hidden])');
    }
    await page.waitForSelector('#outbox-summary[data-waiting="2"]');
    expect(await page.locator('#outbox li').count()).toBe(2);
    expect(await rowsFor(o.id)).toHaveLength(0);

    // back online: the outbox empties, and only after the server acknowledged each report
    await context.setOffline(false);
    await page.waitForSelector('#outbox-summary[data-waiting="0"][data-sent="2"]', { timeout: 45_000 });
    expect(await page.locator('#outbox li').count()).toBe(0);
    const rows = await rowsFor(o.id);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => JSON.parse(r.answers).staff_women).sort()).toEqual([1, 3]);
    // nothing is sent again: another round of syncing changes nothing
    await page.click('#sync');
    await page.waitForTimeout(500);
    expect(await rowsFor(o.id)).toHaveLength(2);
    // the device keeps no sent report
    const kept = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const req = indexedDB.open('wasl-observe');
          req.onsuccess = () => {
            const all = req.result.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => resolve(all.result.length);
          };
        }),
    );
    expect(kept).toBe(0);

    const problems = pageProblems(page);
    expect(problems.externalRequests).toEqual([]);
    // a request that fails while offline is logged by Chromium itself; nothing else may be
    expect(problems.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/.test(e))).toEqual(
      [],
    );
  });

  it('shows the observer that access was revoked, and keeps unsent reports', async () => {
    const page = await newPhonePage(browser, { locale: 'en' });
    const o = fx.observers[1]!;
    await page.goto(`${server.baseUrl}/observe/?lang=en`);
    await page.waitForSelector('body[data-ready="1"]');
    await page.fill('#code', o.code);
    await page.fill('#secret', o.secret);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#v-home:not([hidden])');
    await page.context().setOffline(true);
    await page.click('#forms button >> nth=0');
    await page.check('input[name="a_women_room"][value="yes"]');
    await page.check('input[name="a_accessible"][value="no"]');
    await page.click('#report button[type=submit]');
    await page.waitForSelector('#outbox-summary[data-waiting="1"]');
    await server.handle.db.updateTable('observers').set({ status: 'revoked' }).where('id', '=', o.id).execute();
    await server.handle.db.deleteFrom('observer_tokens').where('observer_id', '=', o.id).execute();
    await page.context().setOffline(false);
    await page.waitForSelector('#v-login:not([hidden])', { timeout: 45_000 });
    expect(await page.textContent('#login-error')).toMatch(/access has ended/i);
    expect(await page.locator('#outbox li').count()).toBe(1);
    expect(await rowsFor(o.id)).toHaveLength(0);
  });
});
