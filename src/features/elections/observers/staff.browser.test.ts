// A coordinator's corrections on a phone (384 px) with JavaScript off (issue #16): correct a
// station and an observer, revoke an observer and restore them — each through its confirm step —
// and print observer cards, one A4 page each, right to left. Nothing leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  newPhonePage,
  pageProblems,
  signInInBrowser,
  startServer,
  type TestServer,
} from '../../../testing/browser.js';
import { makeUser, TEST_PASSWORD } from '../../../testing/app.js';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { seededOrganizer, smallElection } from '../testing/browser.js';
import type { Fixture } from '../testing/fixture.js';

let server: TestServer;
let browser: Browser;
let fx: Fixture;
const secret = newTotpSecret();

beforeAll(async () => {
  server = await startServer({ seed: true });
  const db = server.handle.db;
  const organizer = await seededOrganizer(db);
  fx = await smallElection(db, organizer, 'BS');
  await makeUser(db, { username: 'election_phone', org: [organizer.organizerOrgId, 'orgStaff'], totpSecret: secret });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// one sign-in for the file: a second one would reuse the same one-time code, which is refused
let phone: Page | null = null;
async function signedIn(): Promise<Page> {
  if (!phone) {
    phone = await newPhonePage(browser, { javaScript: false });
    await signInInBrowser(phone, server.baseUrl, 'election_phone', TEST_PASSWORD, secret);
  }
  return phone;
}

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
}

const observerRow = (id: number) =>
  server.handle.db.selectFrom('observers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('a coordinator on a phone, without JavaScript', () => {
  it('corrects a station', async () => {
    const db = server.handle.db;
    const st = await db
      .selectFrom('polling_stations')
      .select(['id', 'centre_id'])
      .where('id', '=', fx.stations[0]!.id)
      .executeTakeFirstOrThrow();
    const page = await signedIn();
    await page.goto(`${server.baseUrl}/elections/${fx.electionId}/centres/${st.centre_id}`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await submit(page, `a[href*="?station=${st.id}"]`);
    const form = `form[action$="/stations/${st.id}"]`;
    await page.fill(`${form} input[name=registered_women]`, '280');
    await page.fill(`${form} input[name=registered_men]`, '');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await submit(page, `${form} button[type=submit]`);
    const after = await db.selectFrom('polling_stations').selectAll().where('id', '=', st.id).executeTakeFirstOrThrow();
    expect(after.registered_women).toBe(280);
    expect(after.registered_men).toBeNull();
    expect(pageProblems(page)).toEqual({ consoleErrors: [], externalRequests: [] });
  });

  it('corrects an observer, revokes them and restores them, each after a confirm step', async () => {
    const o = fx.observers[0]!;
    const page = await signedIn();
    const base = `/elections/${fx.electionId}/observers/${o.id}`;
    await page.goto(`${server.baseUrl}${base}`);
    await page.fill(`form[action="${base}"] input[name=name]`, 'سلمى المصحَّحة');
    await submit(page, `form[action="${base}"] button[type=submit]`);
    expect((await observerRow(o.id)).name).toBe('سلمى المصحَّحة');

    // revoke: the first button only opens the question; nothing happens until it is confirmed
    await page.goto(`${server.baseUrl}${base}`);
    await page.click(`details:has(form[action="${base}/revoke"]) > summary`);
    expect(await page.isVisible(`form[action="${base}/revoke"] [role=alert]`)).toBe(true);
    expect((await observerRow(o.id)).status).toBe('active');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
    await submit(page, `form[action="${base}/revoke"] button[type=submit]`);
    expect((await observerRow(o.id)).status).toBe('revoked');
    expect(await page.getAttribute('#observer-status', 'data-status')).toBe('revoked');

    // restore, confirmed the same way
    await page.click(`details:has(form[action="${base}/restore"]) > summary`);
    expect((await observerRow(o.id)).status).toBe('revoked');
    await submit(page, `form[action="${base}/restore"] button[type=submit]`);
    expect((await observerRow(o.id)).status).toBe('active');
    expect(await page.getAttribute('#observer-status', 'data-status')).toBe('active');
    expect(pageProblems(page)).toEqual({ consoleErrors: [], externalRequests: [] });
  });

  it('prints an observer card on one A4 page, right to left', async () => {
    const o = fx.observers[1]!;
    const page = await signedIn();
    const list = `/elections/${fx.electionId}/observers`;
    await page.goto(`${server.baseUrl}${list}`);
    await page.check(`input[name=observers][value="${o.id}"]`);
    await page.click(`form[action="${list}/cards"] details.confirm > summary`);
    await submit(page, `form[action="${list}/cards"] details.confirm button[type=submit]`);
    expect(await page.locator('.observer-card').count()).toBe(1);
    expect(await page.getAttribute('.observer-card', 'data-code')).toBe(o.code);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.$eval('.observer-card', (el) => getComputedStyle(el).direction)).toBe('rtl');
    // the secret was new: the one the fixture knew no longer matches
    const printed = (await page.textContent('[data-secret]'))!.trim();
    expect(printed).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(printed).not.toBe(o.secret);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    const size = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    expect([Math.round(Number(size![1])), Math.round(Number(size![2]))]).toEqual([595, 842]);
    expect(pageProblems(page)).toEqual({ consoleErrors: [], externalRequests: [] });
  });
});
