// Correcting the governance page on a phone (384 px wide) with JavaScript disabled: a network admin
// renames the licensing committee and one of its seats, adds a seat by mistake and removes it (the
// question says beforehand that it is deleted), removes a seat that had a holder (the question says
// it is archived, and it is), and a visitor who is not signed in sees the corrected page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPhonePage, pageProblems, signInInBrowser } from '../../../testing/browser.js';
import { makeUser, TEST_PASSWORD } from '../../../testing/app.js';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { expectPhonePage, go, useBrowser } from '../testing/browser.js';

const s = useBrowser();

const COMMITTEE = 'لجنة الترخيص والعلاقة مع المجالس المحلية';
const RENAMED = 'لجنة التراخيص والمجالس المحلية';

/** The card of the body whose heading is `name`. */
const card = (page: Page, name: string) => page.locator('section.card', { has: page.getByRole('heading', { name }) });

/** Opens a record's edit page, opens the remove step and reads its question; then confirms. */
async function removeThroughConfirm(page: Page, editHref: string, remove: string, confirm: string) {
  await go(page, `a[href="${editHref}"]`);
  await expectPhonePage(page);
  const question = page.locator('details.confirm p[role=alert]');
  expect(await question.isVisible()).toBe(false);
  await page.getByText(remove, { exact: true }).click();
  expect(await question.isVisible()).toBe(true);
  const asked = await question.innerText();
  const button = page.locator('details.confirm button[type=submit]');
  expect((await button.innerText()).trim()).toBe(confirm);
  await go(page, button);
  return asked;
}

describe('governance corrected on a phone without JavaScript', () => {
  it('a network admin renames, deletes and archives through the confirm step; the public page shows it', async () => {
    const db = s.server.handle.db;
    const base = s.server.baseUrl;
    const net = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
    const secret = newTotpSecret();
    await makeUser(db, { username: 'governance_phone', network: [net.id, 'networkAdmin'], totpSecret: secret });
    const committee = await db
      .selectFrom('coord_bodies')
      .select('id')
      .where('name_ar', '=', COMMITTEE)
      .executeTakeFirstOrThrow();
    const seats = await db
      .selectFrom('coord_seats')
      .select(['id', 'title_ar'])
      .where('body_id', '=', committee.id)
      .orderBy('id')
      .execute();
    const coordinatorSeat = seats.find((x) => x.title_ar === 'تنسيق اللجنة')!;
    const memberSeat = seats.find((x) => x.title_ar === 'عضوية')!;

    const page = await newPhonePage(s.browser, { javaScript: false });
    await signInInBrowser(page, base, 'governance_phone', TEST_PASSWORD, secret);
    await page.goto(`${base}/governance`);
    await expectPhonePage(page);

    // 1. The committee's name, corrected from its edit page.
    await go(page, card(page, COMMITTEE).locator(`a[href="/governance/bodies/${committee.id}/edit"]`));
    expect(await page.locator('h1').innerText()).toBe('تعديل الهيئة');
    await expectPhonePage(page);
    expect(await page.inputValue('input[name=name_ar]')).toBe(COMMITTEE);
    await page.fill('input[name=name_ar]', RENAMED);
    await go(page, 'form[action$="/edit"] button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/governance');
    expect(await page.locator('.flash').first().innerText()).toContain('حُفظت التعديلات.');
    expect(await card(page, RENAMED).count()).toBe(1);
    expect(await card(page, COMMITTEE).count()).toBe(0);

    // 2. A seat's name, corrected the same way.
    await go(page, `a[href="/governance/seats/${coordinatorSeat.id}/edit"]`);
    expect(await page.locator('h1').innerText()).toBe('تعديل المقعد');
    await page.fill('input[name=title_ar]', 'تنسيق لجنة التراخيص');
    await go(page, 'form[action$="/edit"] button[type=submit]');
    expect(await card(page, RENAMED).innerText()).toContain('تنسيق لجنة التراخيص');

    // 3. A seat added by mistake, then removed: the question says it is deleted for good.
    const committeeCard = card(page, RENAMED);
    await committeeCard.getByText('إضافة مقعد', { exact: true }).click();
    await committeeCard.locator('input[name=title_ar]').fill('مقعد أضيف خطأ');
    await go(
      page,
      committeeCard.locator(`form[action="/governance/bodies/${committee.id}/seats"] button[type=submit]`),
    );
    expect(await card(page, RENAMED).innerText()).toContain('مقعد أضيف خطأ');
    const added = await db
      .selectFrom('coord_seats')
      .select('id')
      .where('title_ar', '=', 'مقعد أضيف خطأ')
      .executeTakeFirstOrThrow();
    const deleteQuestion = await removeThroughConfirm(
      page,
      `/governance/seats/${added.id}/edit`,
      'حذف المقعد…',
      'تأكيد الحذف',
    );
    expect(deleteQuestion).toContain('يُحذف المقعد نهائيًا');
    expect(new URL(page.url()).pathname).toBe('/governance');
    expect(await page.locator('.flash').first().innerText()).toContain('حُذف السجل.');
    expect(await card(page, RENAMED).innerText()).not.toContain('مقعد أضيف خطأ');
    expect(await db.selectFrom('coord_seats').select('id').where('id', '=', added.id).executeTakeFirst()).toBe(
      undefined,
    );

    // 4. A seat that had a holder: the question says beforehand it is archived, and it is.
    const archiveQuestion = await removeThroughConfirm(
      page,
      `/governance/seats/${memberSeat.id}/edit`,
      'حذف المقعد…',
      'تأكيد الأرشفة',
    );
    expect(archiveQuestion).toContain('فيُؤرشف بدل أن يُحذف');
    expect(await page.locator('.flash').first().innerText()).toContain('أُرشف السجل، وبقي محفوظًا.');
    expect(await card(page, RENAMED).innerText()).not.toContain('لينا حمدان');
    const kept = await db
      .selectFrom('coord_seats')
      .select('archived_at')
      .where('id', '=', memberSeat.id)
      .executeTakeFirstOrThrow();
    expect(kept.archived_at).not.toBeNull();
    expect(
      await db.selectFrom('coord_terms').select('id').where('seat_id', '=', memberSeat.id).executeTakeFirst(),
    ).toBeDefined();
    await expectPhonePage(page);

    // 5. The public page, for a visitor who is not signed in.
    const visitor = await newPhonePage(s.browser, { javaScript: false });
    await visitor.goto(`${base}/governance`);
    await expectPhonePage(visitor);
    const shown = await card(visitor, RENAMED).innerText();
    expect(shown).toContain('تنسيق لجنة التراخيص');
    expect(shown).not.toContain('عضوية');
    expect(shown).not.toContain('مقعد أضيف خطأ');
    expect(await card(visitor, COMMITTEE).count()).toBe(0);
    expect(await visitor.locator('a[href$="/edit"]').count()).toBe(0);

    for (const p of [page, visitor]) {
      const problems = pageProblems(p);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.externalRequests).toEqual([]);
    }
  });
});
