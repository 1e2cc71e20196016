// The forum in Debian's Chromium on a 384 px phone with JavaScript turned off: a member starts a
// topic, another member replies quoting it, a third flags the reply, a moderator hides it from
// the review queue. Names are in <bdi>, user text has dir="auto", mixed Arabic/Latin titles take
// their own direction, nothing leaves 127.0.0.1 and the console stays clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DEMO_TEST_PASSWORD,
  launchBrowser,
  newPhonePage,
  pageProblems,
  signInInBrowser,
  startServer,
  type TestServer,
} from '../../testing/browser.js';
import { newTotpSecret } from '../../core/auth/totp.js';
import { makeUser, TEST_PASSWORD } from '../../testing/app.js';
import { withoutWordJoiners } from '../../core/i18n/slash-forms.js';

let server: TestServer;
let browser: Browser;
const totp = newTotpSecret();

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const db = server.handle.db;
  // The demo moderator has set up two-step verification.
  await db
    .updateTable('users')
    .set({ totp_secret: totp, totp_enabled: 1 })
    .where('username', '=', 'moderator')
    .execute();
  await makeUser(db, { username: 'lina_reader', displayName: 'Lina ليلى', email: null });
  await makeUser(db, { username: 'omar_reader', displayName: 'Omar عمر', email: null });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function expectClean(page: Page) {
  const p = pageProblems(page);
  expect(p.consoleErrors).toEqual([]);
  expect(p.externalRequests).toEqual([]);
}

/** Every element showing a person's name is a <bdi>; every post body and the title carry dir="auto". */
async function expectIsolation(page: Page) {
  const authors = await page.$$eval('.author, .mention', (els) => els.map((e) => e.tagName));
  expect(authors.length).toBeGreaterThan(0);
  expect(new Set(authors)).toEqual(new Set(['BDI']));
  expect(await page.getAttribute('main h1', 'dir')).toBe('auto');
  const bodies = await page.$$eval('.post-body', (els) => els.map((e) => e.getAttribute('dir')));
  expect(bodies.length).toBeGreaterThan(0);
  expect(new Set(bodies)).toEqual(new Set(['auto']));
}

/** A phone without JavaScript, signed in as this person. */
async function signedInPhone(username: string, password: string, totpSecret?: string) {
  const page = await newPhonePage(browser, { javaScript: false });
  await signInInBrowser(page, server.baseUrl, username, password, totpSecret);
  return page;
}

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
}

describe('forum without JavaScript', () => {
  let topicUrl = '';

  it('lets a member start a topic with a mixed Arabic/Latin title', async () => {
    const page = await signedInPhone('member', DEMO_TEST_PASSWORD);
    await page.goto(`${server.baseUrl}/forum`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The categories an anonymous visitor cannot see are visible to a member, except the staff space.
    const body = withoutWordJoiners((await page.textContent('main'))!); // as the reader reads it
    expect(body).toContain('مساحة المتدربين/ات الشباب');
    expect(body).not.toContain('تنسيق فرق الشبكة');
    await submit(page, 'a[href^="/forum/c/1/"]');
    await submit(page, 'a[href="/forum/c/1/new"]');
    await page.fill('input[name=title]', 'Water pump في تل عار: متى يعود الضخ؟');
    await page.fill(
      'textarea[name=body]',
      'المضخة متوقفة منذ الخميس. Someone from the council said **next week**، هل من خبر أحدث؟',
    );
    await submit(page, 'form[action="/forum/c/1/new"] button[type=submit]');
    expect(page.url()).toMatch(/\/forum\/t\/\d+\//);
    topicUrl = page.url();
    expect(await page.textContent('main h1')).toBe('Water pump في تل عار: متى يعود الضخ؟');
    // A title that starts in Latin letters resolves to left-to-right through dir="auto".
    expect(await page.$eval('main h1', (h) => getComputedStyle(h).direction)).toBe('ltr');
    expect(await page.textContent('.post .author')).toBe('Sham_92');
    expect(await page.innerHTML('.post-body')).toContain('<strong>next week</strong>');
    await expectIsolation(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expectClean(page);
  });

  it('lets another member reply by quoting it', async () => {
    const page = await signedInPhone('lina_reader', TEST_PASSWORD);
    await page.goto(topicUrl);
    await submit(page, '.post footer a[href*="quote="]');
    const prefilled = await page.inputValue('textarea[name=body]');
    expect(prefilled).toMatch(/^> \[#\d+\]\(http:\/\/[^)]+\/forum\/p\/\d+\) Sham\\_92:\n> /);
    await page.fill('textarea[name=body]', `${prefilled}عندنا في الحي الشرقي نفس المشكلة. my number is 0944 123 456`);
    await submit(page, 'form[action$="/reply"] button[type=submit]');
    expect(page.url()).toMatch(/#p\d+$/);
    const posts = await page.$$('.post');
    expect(posts.length).toBe(2);
    const reply = posts[1]!;
    expect(await reply.$eval('.author', (e) => e.textContent)).toBe('Lina ليلى');
    expect(await reply.$eval('.post-body blockquote', (e) => e.textContent)).toContain('المضخة متوقفة منذ الخميس');
    // The quoted author is told.
    const notes = await server.handle.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.type', 'u.username'])
      .where('u.username', '=', 'member')
      .execute();
    expect(notes.map((n) => n.type)).toContain('forum.quote');
    await expectIsolation(page);
    expectClean(page);
  });

  it('lets a third member flag the reply and a moderator hide it from the review queue', async () => {
    const member = await signedInPhone('omar_reader', TEST_PASSWORD);
    await member.goto(topicUrl);
    await submit(member, '.post:nth-of-type(2) footer a[href$="/flag"]');
    await member.check('input[name=reason][value=personal_info]');
    await member.fill('textarea[name=note]', 'phone number in the last line');
    await submit(member, 'form[action$="/flag"] button[type=submit]');
    expect(await member.textContent('.flash')).toContain('وصل البلاغ');
    expectClean(member);

    const mod = await signedInPhone('moderator', DEMO_TEST_PASSWORD, totp);
    await mod.goto(`${server.baseUrl}/forum/review`);
    const first = mod.locator('ol.card-list > li').first();
    expect(await first.textContent()).toContain('phone number in the last line');
    expect(await mod.textContent('main')).not.toContain('Omar'); // who flagged is never shown
    await first.locator('input[name=reason]').fill('رقم هاتف شخصي');
    await Promise.all([mod.waitForLoadState('load'), first.locator('button[value=hide]').click()]);
    expect(mod.url()).toContain('/forum/review');
    expectClean(mod);

    const visitor = await newPhonePage(browser, { javaScript: false });
    await visitor.goto(topicUrl);
    const second = visitor.locator('.post').nth(1);
    expect(await second.textContent()).toContain('أُخفيت هذه المشاركة');
    expect(await visitor.textContent('main')).not.toContain('0944');
    await visitor.goto(`${server.baseUrl}/forum/moderation-log`);
    const log = withoutWordJoiners((await visitor.textContent('main'))!);
    expect(log).toContain('إخفاء مشاركة');
    expect(log).toContain('مشرف/ة');
    expect(log).toContain('رقم هاتف شخصي');
    expect(log).not.toContain('Omar');
    expect(log).not.toContain('مشرف/ة المنتدى'); // the moderator's own display name
    expectClean(visitor);
  });

  it('serves a well-formed Atom feed for a public category', async () => {
    const page = await newPhonePage(browser, { javaScript: true });
    await page.goto(`${server.baseUrl}/forum`);
    const result = await page.evaluate(async () => {
      const text = await (await fetch('/forum/c/1/feed.atom')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        entries: doc.getElementsByTagName('entry').length,
        titles: [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('title')[0]?.textContent),
      };
    });
    expect(result.error).toBe(0);
    expect(result.entries).toBeGreaterThan(0);
    expect(result.titles).toContain('Water pump في تل عار: متى يعود الضخ؟');
    expectClean(page);
  });
});
