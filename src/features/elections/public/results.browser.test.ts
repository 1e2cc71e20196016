// A large election's results on a phone with JavaScript off (#14): 384 px, Arabic; the page links
// lead to the next hundred centres and to one town's centres, and nothing scrolls sideways.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeUser } from '../../../testing/app.js';
import { newPhonePage, useBrowser } from '../../../testing/browser.js';
import { getElection } from '../queries.js';
import { approveStatement, draftStatement } from '../statements/actions.js';
import { newOrganizer } from '../testing/browser.js';
import { ensureTown, goodSheet, makeElectionFixture } from '../testing/fixture.js';

const env = useBrowser({ seed: false });
let url: string;

beforeAll(async () => {
  const db = env.server.handle.db;
  const organizer = await newOrganizer(db);
  const [drafter, approver] = [(await makeUser(db)).id, (await makeUser(db)).id];
  const now = new Date();
  const fx = await makeElectionFixture(db, {
    ...organizer,
    userId: drafter,
    now,
    stations: 220,
  });
  url = `${env.server.baseUrl}/elections/${fx.electionId}/results`;
  // 110 centres: the last ten in a second town
  await ensureTown(db, 'C1594', 'تل عار', "Tal'ar");
  await db.insertInto('election_towns').values({ election_id: fx.electionId, town_pcode: 'C1594' }).execute();
  const last = await db
    .selectFrom('polling_centres')
    .select('id')
    .where('election_id', '=', fx.electionId)
    .orderBy('code', 'desc')
    .limit(10)
    .execute();
  await db
    .updateTable('polling_centres')
    .set({ town_pcode: 'C1594' })
    .where(
      'id',
      'in',
      last.map((c) => c.id),
    )
    .execute();
  await db
    .insertInto('count_sheets')
    .values(
      fx.stations.map((s, i) => ({
        election_id: fx.electionId,
        station_id: s.id,
        form_slug: 'count',
        status: 'agreed' as const,
        values_json: JSON.stringify(goodSheet(30 + (i % 40), 40 + (i % 30))),
        flags: '[]',
        decided_by: null,
        decided_at: null,
        decision_note: '',
        updated_at: now.toISOString(),
      })),
    )
    .execute();
  const i18n = env.server.app.wasl.i18n;
  const tr = { ar: i18n.translator('ar', { digits: 'latn' }), en: i18n.translator('en', { digits: 'latn' }) };
  const e = (await getElection(db, fx.electionId))!;
  const blank = { remarks_ar: '', remarks_en: '', change_note_ar: '', change_note_en: '' };
  await draftStatement(db, e, { cutoff: now, ...blank }, tr, drafter, now);
  const d = await db
    .selectFrom('election_statements')
    .select('id')
    .where('election_id', '=', fx.electionId)
    .executeTakeFirstOrThrow();
  expect(await approveStatement(db, fx.electionId, d.id, approver, now)).toBe(1);
});

const centres = (page: Page) => page.locator('[data-figure^="ce:"][data-figure$=":v"]').count();
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

describe('a large election’s results on a phone without JavaScript', () => {
  it('pages through the centres and opens one town by plain links', async () => {
    const page = await newPhonePage(env.browser, { javaScript: false });
    await page.goto(url);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await centres(page)).toBe(100);
    expect(await noSidewaysScroll(page)).toBe(true);
    await Promise.all([page.waitForURL(/page=2/), page.click('nav.results-pages >> nth=0 >> a:text-is("2")')]);
    expect(await centres(page)).toBe(10);
    expect(await page.textContent('#centres')).toContain('المراكز من 101 إلى 110');
    expect(await noSidewaysScroll(page)).toBe(true);
    await Promise.all([page.waitForURL(/town=C1594/), page.click('nav.results-towns a:has-text("تل عار")')]);
    expect(await centres(page)).toBe(10);
    expect(await page.locator('nav.results-pages').count()).toBe(0);
    expect(await page.textContent('nav.results-towns [aria-current]')).toContain('تل عار');
    expect(await noSidewaysScroll(page)).toBe(true);
    // the files are a link away
    const csv = page.locator('a[href$="/results.csv"]');
    expect(await csv.textContent()).toContain('إكسل');
  });
});
