// The observer app in Chromium at 384 px, in Arabic (#16): a count sheet whose figures do not add
// up (valid + invalid ≠ voters) is not saved at the first tap — a warning in Arabic names the rule
// with both sides, inside the screen's width; a second tap saves it as typed (the server flags it,
// nothing is changed). A sheet that adds up is saved at once, with no warning.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPhonePage, pageProblems, useBrowser } from '../../../testing/browser.js';
import { newOrganizer, smallElection } from '../testing/browser.js';
import { goodSheet, type Fixture } from '../testing/fixture.js';

const env = useBrowser({ seed: false });
let fx: Fixture;

beforeAll(async () => {
  const db = env.server.handle.db;
  fx = await smallElection(db, await newOrganizer(db));
});

const sheetsOf = (observerId: number) =>
  env.server.handle.db
    .selectFrom('observation_submissions')
    .select(['answers', 'flags'])
    .where('observer_id', '=', observerId)
    .execute();

async function openCountForm(page: Page) {
  await page.click('#forms button:has-text("استمارة count")');
  await page.waitForSelector('#v-form:not([hidden])');
}

async function fill(page: Page, sheet: Record<string, number>) {
  for (const [field, value] of Object.entries(sheet)) await page.fill(`input[name="a_${field}"]`, String(value));
}

describe('the observer app checks a count sheet before saving it', () => {
  it('warns in Arabic when valid + invalid ≠ voters, saves only on a second tap; a sheet that adds up is saved at once', async () => {
    const page = await newPhonePage(env.browser);
    const o = fx.observers[0]!;
    await page.goto(`${env.server.baseUrl}/observe/`);
    await page.waitForSelector('body[data-ready="1"]');
    await page.fill('#code', o.code);
    await page.fill('#secret', o.secret);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#v-home:not([hidden])');

    // 50 women and 60 men voted, but 90 valid and 6 invalid ballots were typed: 96 against 110.
    await openCountForm(page);
    const broken = goodSheet(50, 60, { valid: 90, invalid: 6, votes_l1: 45, votes_l2: 45 });
    await fill(page, broken);
    await page.click('#report button[type=submit]');
    const warning = page.locator('#form-warn');
    await warning.waitFor({ state: 'visible' });
    const text = (await warning.textContent()) ?? '';
    expect(text).toContain('هذه الأرقام لا تتطابق');
    expect(text).toContain('(96 / 110)');
    // the warning is in the app's language and direction, and fits the phone's width
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await warning.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    const box = (await warning.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(384);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(384);
    expect(await page.textContent('#save')).toBe('الحفظ كما هي');
    // nothing saved yet: still on the form, no report in the outbox or on the server
    expect(await page.isVisible('#v-form')).toBe(true);
    expect(await page.getAttribute('#outbox-summary', 'data-waiting')).not.toBe('1');
    expect(await sheetsOf(o.id)).toHaveLength(0);

    // Saving again keeps the figures as typed; the server flags them.
    await page.click('#report button[type=submit]');
    await page.waitForSelector('#v-home:not([hidden])');
    await expect.poll(() => sheetsOf(o.id).then((r) => r.length), { timeout: 20_000 }).toBe(1);
    const [saved] = await sheetsOf(o.id);
    expect(JSON.parse(saved!.answers)).toMatchObject({ valid: 90, invalid: 6, voters_women: 50, voters_men: 60 });
    expect(JSON.parse(saved!.flags)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'rule', rule: 'valid + invalid = voters' })]),
    );

    // A sheet that adds up goes straight to the outbox.
    await openCountForm(page);
    expect(await warning.isHidden()).toBe(true);
    await page.selectOption('#station', String(fx.stations[0]!.id));
    await fill(page, goodSheet(40, 45));
    await page.click('#report button[type=submit]');
    await page.waitForSelector('#v-home:not([hidden])');
    await expect.poll(() => sheetsOf(o.id).then((r) => r.length), { timeout: 20_000 }).toBe(2);

    expect(pageProblems(page).consoleErrors).toEqual([]);
    expect(pageProblems(page).externalRequests).toEqual([]);
  });
});
