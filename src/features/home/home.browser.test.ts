// The foundation in a real browser (Debian's Chromium, 384 px wide): Arabic right-to-left by
// default, the language switch, sign-up, sign-in with two-step verification, sign-out — with no
// console errors and no request leaving 127.0.0.1. Items refer to docs/rtl-checklist.md.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_TEST_PASSWORD, newPhonePage, pageProblems, useBrowser } from '../../testing/browser.js';
import { totpCodeAt } from '../../core/auth/totp.js';

const env = useBrowser();

function expectClean(page: Page) {
  const p = pageProblems(page);
  expect(p.consoleErrors).toEqual([]);
  expect(p.externalRequests).toEqual([]);
}

describe('home page, right to left', () => {
  it('is Arabic and RTL by default, mirrors the navigation and never overflows a phone screen', async () => {
    const page = await newPhonePage(env.browser);
    await page.goto(env.server.baseUrl + '/');
    // 1. lang and dir
    expect(await page.getAttribute('html', 'lang')).toBe('ar-SY');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // 3. flex rows mirror: the first nav item sits to the right of the last
    const xs = await page.$$eval('.main-nav li', (lis) => lis.map((li) => li.getBoundingClientRect().x));
    expect(xs.length).toBeGreaterThan(1);
    expect(xs[0]!).toBeGreaterThan(xs[xs.length - 1]!);
    // 12. no horizontal overflow, text-align start
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.$eval('body', (b) => getComputedStyle(b).textAlign)).toBe('start');
    // 11. Arabic text is not letter-spaced nor italic
    const style = await page.$eval('main h1', (h) => ({
      ls: getComputedStyle(h).letterSpacing,
      fs: getComputedStyle(h).fontStyle,
    }));
    expect(style).toEqual({ ls: 'normal', fs: 'normal' });
    // 14. Western digits by default: no Arabic-Indic digit anywhere
    expect(await page.textContent('body')).not.toMatch(/[٠-٩]/);
    // 13. the language switcher names the language in its own words, with lang and hreflang
    const sw = await page.$eval('a.lang-switch', (a) => ({
      lang: a.getAttribute('lang'),
      hreflang: a.getAttribute('hreflang'),
      text: a.textContent,
    }));
    expect(sw).toEqual({ lang: 'en', hreflang: 'en', text: 'English' });
    expectClean(page);
  });

  it('mirrors logical borders, inline-end badges and directional icons (stylesheet rules 2, 4, 8)', async () => {
    const page = await newPhonePage(env.browser);
    await page.goto(env.server.baseUrl + '/');
    const result = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML(
        'beforeend',
        '<p class="flash" id="t-flash">x</p><div class="card" id="t-card"><span class="badge badge--corner" id="t-badge">b</span></div><span class="icon--dir" id="t-icon">→</span><span id="t-plain">⌕</span>',
      );
      const flash = getComputedStyle(document.getElementById('t-flash')!);
      const card = document.getElementById('t-card')!.getBoundingClientRect();
      const badge = document.getElementById('t-badge')!.getBoundingClientRect();
      return {
        right: flash.borderRightWidth,
        left: flash.borderLeftWidth,
        badgeAtLeft: badge.left - card.left < card.right - badge.right,
        icon: getComputedStyle(document.getElementById('t-icon')!).transform,
        plain: getComputedStyle(document.getElementById('t-plain')!).transform,
      };
    });
    expect(result.right).toBe('4px');
    expect(result.left).toBe('0px');
    expect(result.badgeAtLeft).toBe(true);
    expect(result.icon).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    expect(result.plain).toBe('none');
  });

  it('switches to English and remembers it', async () => {
    const page = await newPhonePage(env.browser);
    await page.goto(env.server.baseUrl + '/organizations');
    await Promise.all([page.waitForLoadState('load'), page.click('a.lang-switch')]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(new URL(page.url()).pathname).toBe('/organizations');
    await page.goto(env.server.baseUrl + '/');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    const xs = await page.$$eval('.main-nav li', (lis) => lis.map((li) => li.getBoundingClientRect().x));
    expect(xs[0]!).toBeLessThan(xs[xs.length - 1]!);
    expectClean(page);
  });

  it('shows phone numbers left to right inside Arabic text (rule 7)', async () => {
    const page = await newPhonePage(env.browser);
    await page.goto(env.server.baseUrl + '/organizations/1'); // redirects to the canonical URL; the demo's first member lists a phone
    const bdi = page.locator('a[href^="tel:"] bdi').first();
    expect(await bdi.getAttribute('dir')).toBe('ltr');
    expect(await bdi.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    // "+963 …" reads left to right: the country code's box is left of the last digits' box
    const order = await bdi.evaluate((el) => {
      const range = document.createRange();
      const text = el.firstChild!;
      range.setStart(text, 0);
      range.setEnd(text, 4);
      const first = range.getBoundingClientRect().x;
      range.setStart(text, text.textContent!.length - 3);
      range.setEnd(text, text.textContent!.length);
      return first < range.getBoundingClientRect().x;
    });
    expect(order).toBe(true);
    expectClean(page);
  });
});

describe('accounts in the browser', () => {
  it('signs up with a pseudonym, inputs have the right direction, and signs out', async () => {
    const page = await newPhonePage(env.browser);
    await page.goto(env.server.baseUrl + '/signup');
    // 9. email/password inputs are LTR; text inputs carry dir=auto and dirname
    expect(await page.$eval('input[name=email]', (i) => getComputedStyle(i).direction)).toBe('ltr');
    expect(await page.getAttribute('input[name=display_name]', 'dir')).toBe('auto');
    expect(await page.getAttribute('input[name=display_name]', 'dirname')).toBe('display_name.dir');
    await page.fill('input[name=username]', 'browser_user');
    await page.fill('input[name=display_name]', 'Ahmed_99!');
    await page.fill('input[name=password]', 'a long browser secret');
    await page.fill('input[name=password_confirm]', 'a long browser secret');
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/signup"] button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/account');
    // 6. the user name is isolated in <bdi> and keeps its punctuation
    expect(await page.textContent('.account-nav bdi')).toBe('Ahmed_99!');
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/logout"] button')]);
    expect(await page.locator('a[href="/login"]').count()).toBe(1);
    expectClean(page);
  });

  it('sets up two-step verification for an admin, then signs in with a TOTP code', async () => {
    const page = await newPhonePage(env.browser);
    await page.goto(env.server.baseUrl + '/login');
    await page.fill('input[name=identifier]', 'chair');
    await page.fill('input[name=password]', DEMO_TEST_PASSWORD);
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/login"] button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/account/2fa');
    const secret = (await page.textContent('code.code'))!.replace(/\s+/g, '');
    expect(await page.locator('img[src^="data:image/png"]').count()).toBe(1);
    await page.fill('input[name=code]', await totpCodeAt(secret, new Date()));
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/account/2fa/enable"] button')]);
    expect(await page.locator('ul.code li').count()).toBe(10);
    await page.goto(env.server.baseUrl + '/admin');
    expect(await page.locator('main h1').count()).toBe(1);
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/logout"] button')]);

    // sign in again: password, then the code from the authenticator (next 30-second step)
    await page.goto(env.server.baseUrl + '/login');
    await page.fill('input[name=identifier]', 'chair');
    await page.fill('input[name=password]', DEMO_TEST_PASSWORD);
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/login"] button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe('/login/2fa');
    await page.fill('input[name=code]', await totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await Promise.all([page.waitForLoadState('load'), page.click('form[action="/login/2fa"] button[type=submit]')]);
    await page.goto(env.server.baseUrl + '/admin');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expectClean(page);
  });
});
