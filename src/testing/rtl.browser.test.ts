// Phones (issue #17): the busiest tables — an election's results, the indicators, an organization's
// staff list — at 384 px with the text at 200 % (the browser's default font size doubled, as a
// person who needs larger text sets it). No word may be broken inside (no `overflow-wrap: anywhere`
// or `word-break: break-all`, and no word's letters on two lines), and the page never scrolls
// sideways: a wide table scrolls inside its own box. Screenshots go to a temporary folder (named in
// the output), never into the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newTotpSecret } from '../core/auth/totp.js';
import { makeUser, TEST_PASSWORD } from './app.js';
import { newPhonePage, pageProblems, useBrowser, signInInBrowser } from './browser.js';

const env = useBrowser();
const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-rtl-'));
beforeAll(() => {
  console.info(`rtl screenshots: ${shots}`);
});

/** A phone page at 384 px. */
const largeTextPage = (): Promise<Page> => newPhonePage(env.browser);

/**
 * Doubles the text as a person's text-size setting does: the root size from 16 px to 32 px, which
 * every rem and em of the style sheet follows (headless Chromium ignores Page.setFontSizes; set through the CSSOM, which the
 * page's Content-Security-Policy allows).
 */
async function doubleText(page: Page) {
  await page.evaluate(() => {
    document.documentElement.style.setProperty('font-size', '200%');
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

type Layout = {
  rootFontPx: number;
  scrollWidth: number;
  innerWidth: number;
  breakingStyles: string[];
  brokenWords: string[];
  words: number;
  tables: number;
};

/** What the page looks like to the person: the root text size, sideways scroll, and split words. */
function readLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const describe = (el: Element) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      (el.classList.length ? `.${[...el.classList].join('.')}` : '');
    const breakingStyles: string[] = [];
    for (const el of document.querySelectorAll('body, body *')) {
      const s = getComputedStyle(el);
      if (s.overflowWrap === 'anywhere' || s.wordBreak === 'break-all' || s.wordBreak === 'break-word')
        breakingStyles.push(`${describe(el)}: overflow-wrap ${s.overflowWrap}, word-break ${s.wordBreak}`);
    }
    // Each word (between spaces, or a slash or dash where a line may end) must sit on one line: the
    // boxes of its letters share one line, whatever the direction of each run. A slash between two
    // Arabic letters is inside a word («الموظفون/ات»): the line may not end there either.
    const brokenWords: string[] = [];
    let words = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, [hidden]')) continue;
      const text = node.textContent ?? '';
      for (const m of text.matchAll(/(?:[^\s/\-–—]|(?<=[\u0621-\u0652\u0670])\/(?=\u2060?[\u0621-\u064A]))+/g)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (!rects.length) continue;
        words++;
        const lineHeight = Math.min(...rects.map((r) => r.height));
        const tops = rects.map((r) => r.top + r.height / 2);
        if (Math.max(...tops) - Math.min(...tops) > lineHeight / 2)
          brokenWords.push(`${m[0]} (in ${describe(parent)} < ${describe(parent.parentElement ?? parent)})`);
      }
    }
    return {
      rootFontPx: parseFloat(getComputedStyle(document.documentElement).fontSize),
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      breakingStyles,
      brokenWords,
      words,
      tables: document.querySelectorAll('main table').length,
    };
  });
}

async function expectReadable(page: Page, url: string, name: string, minTables: number) {
  const res = await page.goto(env.server.baseUrl + url);
  expect(res?.status(), url).toBe(200);
  await doubleText(page);
  await page.screenshot({ path: path.join(shots, `${name}-384px-200pct.png`), fullPage: true });
  const layout = await readLayout(page);
  expect(layout.rootFontPx, 'the text is at 200 %').toBe(32);
  expect(layout.tables, `${url}: tables on the page`).toBeGreaterThanOrEqual(minTables);
  expect(layout.words, `${url}: words measured`).toBeGreaterThan(50);
  expect(layout.breakingStyles, `${url}: styles that cut words`).toEqual([]);
  expect(layout.brokenWords, `${url}: words split over two lines`).toEqual([]);
  expect(layout.scrollWidth, `${url}: the page scrolls sideways`).toBeLessThanOrEqual(layout.innerWidth);
  expect(pageProblems(page).consoleErrors).toEqual([]);
  expect(pageProblems(page).externalRequests).toEqual([]);
}

describe('the busiest tables at 384 px and 200 % text', () => {
  it('election results: no word cut, no sideways scroll', async () => {
    const st = await env.server.handle.db
      .selectFrom('election_statements')
      .select('election_id')
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    const page = await largeTextPage();
    await expectReadable(page, `/elections/${st.election_id}/results`, 'election-results', 1);
  });

  it('indicators: no word cut, no sideways scroll', async () => {
    const page = await largeTextPage();
    await expectReadable(page, '/indicators', 'indicators', 1);
  });

  it("an organization's staff list: no word cut, no sideways scroll", async () => {
    const db = env.server.handle.db;
    const org = await db
      .selectFrom('memberships')
      .select('organization_id')
      .groupBy('organization_id')
      .orderBy((eb) => eb.fn.countAll(), 'desc')
      .executeTakeFirstOrThrow();
    const secret = newTotpSecret();
    await makeUser(db, { username: 'rtl_org_admin', org: [org.organization_id, 'orgAdmin'], totpSecret: secret });
    const page = await largeTextPage();
    await signInInBrowser(page, env.server.baseUrl, 'rtl_org_admin', TEST_PASSWORD, secret);
    await expectReadable(page, `/organizations/${org.organization_id}/staff`, 'staff-list', 1);
  });

  it('would see a word cut inside and a page scrolling sideways (the measure itself works)', async () => {
    const page = await largeTextPage();
    await page.goto(env.server.baseUrl + '/indicators');
    await doubleText(page);
    await page.evaluate(() => {
      const heading = document.querySelector('main h1') as HTMLElement;
      heading.style.setProperty('overflow-wrap', 'anywhere');
      heading.style.setProperty('width', '3ch');
      const wide = document.createElement('div');
      wide.style.setProperty('width', '2000px');
      wide.style.setProperty('height', '1px');
      document.querySelector('main')!.append(wide);
    });
    const layout = await readLayout(page);
    expect(layout.breakingStyles).toEqual([expect.stringMatching(/^h1.*overflow-wrap anywhere/)]);
    expect(layout.brokenWords.length).toBeGreaterThan(0);
    expect(layout.brokenWords.every((w) => w.includes('(in h1'))).toBe(true);
    expect(layout.scrollWidth).toBeGreaterThan(layout.innerWidth);
  });

  it('keeps a slash form on one line, and would see it split without the joiner', async () => {
    const page = await largeTextPage();
    await page.goto(env.server.baseUrl + '/indicators');
    await doubleText(page);
    // Two paragraphs narrower than «الموظفون/ات», where a line could only end at its slash: one as
    // the pages write it (with the joiner after the slash), one as typed. (Their own
    // overflow-wrap is normal, so only a break opportunity can split the word.)
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const measure = document.createElement('span');
      measure.textContent = 'الموظفون/ات';
      main.append(measure);
      const wordWidth = measure.getBoundingClientRect().width;
      measure.remove();
      for (const text of ['الموظفون/\u2060ات', 'الموظفون/ات']) {
        const p = document.createElement('p');
        p.className = `slash-probe-${text.includes('\u2060') ? 'joined' : 'typed'}`;
        p.textContent = text;
        p.style.setProperty('width', `${Math.round(wordWidth * 0.8)}px`);
        p.style.setProperty('overflow-wrap', 'normal');
        main.append(p);
      }
    });
    const layout = await readLayout(page);
    expect(layout.brokenWords.filter((w) => w.includes('slash-probe'))).toEqual([
      'الموظفون/ات (in p.slash-probe-typed < main#main)',
    ]);
  });
});
