// Correcting a licence file on a phone (384 px wide) with JavaScript disabled: a staff member of
// Wathiqa opens the organization's file at al-Bab, corrects the day a document was handed in to a
// day in 2022, and removes a visit recorded by mistake — the question first, then the visit is gone
// and the planned one stays. Every page is right to left and never scrolls sideways.
import { describe, expect, it } from 'vitest';
import { newPhonePage, pageProblems, signInInBrowser } from '../../../testing/browser.js';
import { makeUser, TEST_PASSWORD } from '../../../testing/app.js';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { expectPhonePage, go, useBrowser } from '../testing/browser.js';

const s = useBrowser();

const COUNCIL = 'المجلس المحلي في الباب';
const DOCUMENT = 'صور الهويات';
const WRONG_VISIT = 'محامية من وثيقة';
const PLANNED_VISIT = 'لجنة الترخيص في الشبكة ووثيقة';

describe('a licence file corrected on a phone without JavaScript', () => {
  it("a member's staff corrects a document's day to 2022 and removes a visit through the confirm step", async () => {
    const db = s.server.handle.db;
    const base = s.server.baseUrl;
    const org = await db
      .selectFrom('organizations')
      .select('id')
      .where('name_ar', '=', 'رابطة وثيقة للمساعدة القانونية')
      .executeTakeFirstOrThrow();
    const secret = newTotpSecret();
    await makeUser(db, { username: 'wathiqa_phone', org: [org.id, 'orgStaff'], totpSecret: secret });
    const licence = await db
      .selectFrom('coord_licences')
      .innerJoin('coord_councils', 'coord_councils.id', 'coord_licences.council_id')
      .select('coord_licences.id')
      .where('coord_licences.organization_id', '=', org.id)
      .where('coord_councils.name_ar', '=', COUNCIL)
      .executeTakeFirstOrThrow();
    const doc = await db
      .selectFrom('coord_licence_documents')
      .select(['id', 'submitted_on'])
      .where('licence_id', '=', licence.id)
      .where('name', '=', DOCUMENT)
      .executeTakeFirstOrThrow();
    expect(doc.submitted_on).toBeNull();

    const page = await newPhonePage(s.browser, { javaScript: false });
    await signInInBrowser(page, base, 'wathiqa_phone', TEST_PASSWORD, secret);
    await page.goto(`${base}/licensing`);
    await expectPhonePage(page);
    await go(page, page.getByRole('link', { name: COUNCIL }).first());
    expect(new URL(page.url()).pathname).toBe(`/licensing/${licence.id}`);
    expect(await page.locator('h1').innerText()).toContain(COUNCIL);
    await expectPhonePage(page);

    // 1. The document not yet handed in: its correction opens under it, and the day is set to 2022.
    const item = page.locator('li', { hasText: DOCUMENT }).filter({ has: page.locator('details') });
    expect(await item.innerText()).toContain('لم تُقدَّم');
    await item.getByText('تصحيح', { exact: true }).click();
    const correction = item.locator(`form[action="/licensing/${licence.id}/documents/${doc.id}"]`);
    expect(await correction.locator('input[name=name]').inputValue()).toBe(DOCUMENT);
    await correction.locator('input[name=submitted_on]').fill('2022-11-15');
    await expectPhonePage(page);
    await go(page, correction.locator('button[type=submit]'));
    expect(new URL(page.url()).pathname).toBe(`/licensing/${licence.id}`);
    expect(await page.locator('.flash').first().innerText()).toContain('تم الحفظ.');
    const corrected = page.locator('li', { hasText: DOCUMENT }).filter({ has: page.locator('details') });
    expect(await corrected.innerText()).toContain('قُدّمت في');
    expect(await corrected.innerText()).not.toContain('لم تُقدَّم');
    const day = corrected.locator('time').first();
    expect(await day.getAttribute('datetime')).toBe('2022-11-15');
    expect(await day.innerText()).toMatch(/2022|٢٠٢٢/);
    expect(
      (await db.selectFrom('coord_licence_documents').select('submitted_on').where('id', '=', doc.id).execute())[0],
    ).toEqual({ submitted_on: '2022-11-15' });

    // 2. A visit recorded by mistake: its correction page asks before removing it.
    const visits = await db
      .selectFrom('coord_licence_visits')
      .select(['id', 'who_went'])
      .where('licence_id', '=', licence.id)
      .execute();
    const wrong = visits.find((v) => v.who_went === WRONG_VISIT)!;
    expect(visits.some((v) => v.who_went === PLANNED_VISIT)).toBe(true);
    await go(page, page.locator(`#visit-${wrong.id}`).getByRole('link', { name: 'تصحيح سجل الزيارة' }));
    expect(new URL(page.url()).pathname).toBe(`/licensing/${licence.id}/visits/${wrong.id}/edit`);
    expect(await page.locator('h1').innerText()).toBe('تصحيح سجل الزيارة');
    expect(await page.inputValue('input[name=who_went]')).toBe(WRONG_VISIT);
    await expectPhonePage(page);
    const question = page.locator('details.confirm p[role=alert]');
    expect(await question.isVisible()).toBe(false);
    await page.locator('details.confirm summary').click();
    expect(await question.isVisible()).toBe(true);
    expect(await question.innerText()).toContain('يُحذف سجل هذه الزيارة نهائيًا');
    await expectPhonePage(page);
    const confirm = page.locator('details.confirm button[type=submit]');
    expect((await confirm.innerText()).trim()).toBe('نعم، احذف');
    await go(page, confirm);
    expect(new URL(page.url()).pathname).toBe(`/licensing/${licence.id}`);
    expect(await page.locator('.flash').first().innerText()).toContain('حُذف السجل.');
    const main = await page.locator('main').innerText();
    expect(main).not.toContain(WRONG_VISIT);
    expect(main).toContain(PLANNED_VISIT);
    expect(await page.locator(`#visit-${wrong.id}`).count()).toBe(0);
    expect(
      await db.selectFrom('coord_licence_visits').select('id').where('id', '=', wrong.id).executeTakeFirst(),
    ).toBeUndefined();
    await expectPhonePage(page);

    const problems = pageProblems(page);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);

    // The removed visit's page is gone too.
    const gone = await page.goto(`${base}/licensing/${licence.id}/visits/${wrong.id}/edit`);
    expect(gone?.status()).toBe(404);
  });
});
