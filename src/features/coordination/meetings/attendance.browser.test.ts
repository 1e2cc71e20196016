// Taking attendance on a phone (384 px wide) with JavaScript disabled: the organizer of the
// general meeting ticks who came, adds a guest without an account, and sees the quorum counted
// per organization — nothing leaves 127.0.0.1, nothing overflows the screen.
import { describe, expect, it } from 'vitest';
import { newPhonePage, pageProblems, signInInBrowser } from '../../../testing/browser.js';
import { makeUser, TEST_PASSWORD } from '../../../testing/app.js';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { useBrowser } from '../testing/browser.js';

const s = useBrowser();

describe('attendance on a phone without JavaScript', () => {
  it('records who attended for which organization and counts the quorum', async () => {
    const db = s.server.handle.db;
    const net = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
    const secret = newTotpSecret();
    await makeUser(db, { username: 'coordinator_phone', network: [net.id, 'networkEditor'], totpSecret: secret });
    const general = await db
      .selectFrom('coord_meetings')
      .select(['id', 'quorum_orgs'])
      .where('kind', '=', 'general')
      .executeTakeFirstOrThrow();
    // The organizer starts from an empty roll call.
    await db.deleteFrom('coord_attendance').where('meeting_id', '=', general.id).execute();

    const page = await newPhonePage(s.browser, { javaScript: false });
    await signInInBrowser(page, s.server.baseUrl, 'coordinator_phone', TEST_PASSWORD, secret);
    await page.goto(`${s.server.baseUrl}/meetings/${general.id}/attendance`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const boxes = page.locator('input[type=checkbox][name=present]');
    const count = await boxes.count();
    expect(count).toBeGreaterThanOrEqual(9);
    // Each checkbox is big enough to tap and the page does not scroll sideways.
    const box = await page.locator('label.checkbox').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(20);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);

    // Tick the admins of the first four organizations (one person each), then a guest of a fifth.
    const fieldsets = page.locator('form fieldset');
    const groups = await fieldsets.count();
    expect(groups).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < 4; i++) await fieldsets.nth(i).locator('input[name=present]').first().check();
    await page.fill('input[name=guest_name]', 'ضيفة من الفريق الميداني');
    const fifth = await fieldsets.nth(4).locator('legend').innerText();
    await page.selectOption('select[name=guest_org]', { label: fifth.trim() });
    await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/attendance"] button[type=submit]')]);
    expect(page.url()).toContain(`/meetings/${general.id}/attendance`);
    expect(await page.locator('.flash').first().innerText()).toContain('حُفظ الحضور');
    // Five organizations present, five needed: the quorum is reached.
    expect(general.quorum_orgs).toBe(5);
    expect(await page.locator('#quorum').innerText()).toContain('النصاب مكتمل');
    expect(await page.locator('input[name=present]:checked').count()).toBe(4);
    expect(await page.textContent('body')).toContain('ضيفة من الفريق الميداني');

    const rows = await db
      .selectFrom('coord_attendance')
      .selectAll()
      .where('meeting_id', '=', general.id)
      .where('present', '=', 1)
      .execute();
    expect(new Set(rows.map((r) => r.organization_id)).size).toBe(5);
    expect(rows.length).toBe(5);

    // Untick one: four organizations, no quorum.
    await fieldsets.nth(0).locator('input[name=present]').first().uncheck();
    await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/attendance"] button[type=submit]')]);
    expect(await page.locator('#quorum').innerText()).toContain('النصاب غير مكتمل');

    // The meeting page shows the same, and nothing went wrong on the way.
    await page.goto(`${s.server.baseUrl}/meetings/${general.id}`);
    expect(await page.textContent('main')).toContain('النصاب غير مكتمل');
    const problems = pageProblems(page);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });
});
