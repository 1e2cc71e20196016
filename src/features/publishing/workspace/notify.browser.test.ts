// Issue #17, "in the loop", in a real browser without JavaScript: an editor returns a draft on a
// phone, and the staff member who wrote it finds the notice on their start page and in
// /notifications, opens it and lands on the item with the editor's comment.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPhonePage, pageProblems, useBrowser, signInInBrowser } from '../../../testing/browser.js';
import { makeOrganization, makeUser, TEST_PASSWORD } from '../../../testing/app.js';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { createItem, submitItem } from './actions.js';
import { itemInput } from '../testing/fixtures.js';

const env = useBrowser();

async function submitButton(page: Page, action: string) {
  await Promise.all([page.waitForLoadState('load'), page.click(`form[action="${action}"] button[type=submit]`)]);
}

function expectClean(page: Page) {
  expect(pageProblems(page).consoleErrors).toEqual([]);
  expect(pageProblems(page).externalRequests).toEqual([]);
}

describe('a returned draft reaches its writer, without JavaScript', () => {
  it('the editor returns it; the writer sees it on /start and in /notifications, and opens it', async () => {
    const db = env.server.handle.db;
    const net = await db.selectFrom('networks').select('id').executeTakeFirstOrThrow();
    const org = await makeOrganization(db, net.id, 'جمعية الحي');
    const secrets = { writer: newTotpSecret(), admin: newTotpSecret(), editor: newTotpSecret() };
    const writer = await makeUser(db, { username: 'writer_phone', org: [org, 'orgStaff'], totpSecret: secrets.writer });
    const admin = await makeUser(db, { username: 'admin_phone', org: [org, 'orgAdmin'], totpSecret: secrets.admin });
    await makeUser(db, { username: 'editor_phone', network: [net.id, 'networkEditor'], totpSecret: secrets.editor });
    const title = 'جلسة استماع مع المجلس المحلي';
    const id = await createItem(db, net.id, itemInput(org, { title, towns: [] }), writer.id, new Date());
    await submitItem(db, id, admin.id, new Date());

    const editor = await newPhonePage(env.browser, { javaScript: false });
    await signInInBrowser(editor, env.server.baseUrl, 'editor_phone', TEST_PASSWORD, secrets.editor);
    await editor.goto(`${env.server.baseUrl}/publishing/items/${id}`);
    await editor.fill(`form[action="/publishing/items/${id}/return"] textarea[name=comment]`, 'يلزم ذكر موعد الجلسة.');
    await submitButton(editor, `/publishing/items/${id}/return`);
    expect(new URL(editor.url()).pathname).toBe(`/publishing/items/${id}`);
    expect(await editor.locator('.flash').first().innerText()).not.toBe('');
    expectClean(editor);

    const page = await newPhonePage(env.browser, { javaScript: false });
    await signInInBrowser(page, env.server.baseUrl, 'writer_phone', TEST_PASSWORD, secrets.writer);
    // Signing in lands on the start page, whose first block is what is new.
    expect(new URL(page.url()).pathname).toBe('/start');
    const notice = `أعاد التحرير «${title}» مع ملاحظات للتعديل.`;
    expect(await page.locator('.start-block .notification-list').innerText()).toContain(notice);
    expect(await page.locator('a.notify-link').innerText()).toContain('واحد جديد');

    await page.goto(`${env.server.baseUrl}/notifications`);
    const item = page.locator('li.notification--unread', { hasText: notice });
    expect(await item.count()).toBe(1);
    expect(await item.locator('.notification-kind').innerText()).toBe('مادة أُعيدت للتعديل');
    await Promise.all([page.waitForLoadState('load'), item.locator('form.notification-open button').click()]);
    expect(new URL(page.url()).pathname).toBe(`/publishing/items/${id}`);
    expect(await page.textContent('main')).toContain('يلزم ذكر موعد الجلسة.');

    // Opened means read: the header count is gone, the list shows it as read.
    await page.goto(`${env.server.baseUrl}/notifications`);
    expect(await page.locator('li.notification--unread').count()).toBe(0);
    expect(await page.locator('li.notification', { hasText: notice }).count()).toBe(1);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    expectClean(page);
  });
});
