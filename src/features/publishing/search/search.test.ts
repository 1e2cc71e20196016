// Site search over published items: Arabic spelling variants find the text, results are ranked
// by relevance then recency with highlighted excerpts, filters narrow them, and the same data
// gives the same pages on SQLite and PostgreSQL (this file runs on both in CI; the expected
// orders and scores below are pinned, so a dialect that differs fails here).
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/use-app.js';
import { indexDocument, searchDocuments } from '../../../core/search/index.js';
import { KINDS } from '../queries.js';
import { itemInput, makeNetwork, makeOrganization, makeUser } from '../testing/fixtures.js';
import { createItem, publishItem, unpublishItem, type ItemInput } from '../workspace/actions.js';

const t = useTestApp();
let net: number;
let orgA: number;
let orgB: number;
let editor: number;

const ids: Record<string, number> = {};
async function publish(key: string, over: Partial<ItemInput>, daysAgo: number) {
  const at = new Date(t.clock.now.getTime() - daysAgo * 86_400_000);
  const id = await createItem(t.handle.db, net, itemInput(orgA, over), editor, at);
  await publishItem(t.handle.db, id, editor, at);
  ids[key] = id;
}

beforeAll(async () => {
  const db = t.handle.db;
  net = await makeNetwork(db);
  orgA = await makeOrganization(db, net, 'Ghiras');
  orgB = await makeOrganization(db, net, 'Wathiqa');
  editor = (await makeUser(db, { network: [net, 'networkEditor'] })).id;
  await publish(
    'water-title',
    {
      title: 'انقطاع المياه في تل عار',
      summary: 'الأهالي يطالبون بجدول ضخ.',
      body: 'ناقش الأهالي مع المجلس المحلي انقطاع المياه عن الحي الشمالي.',
      towns: ['C1594'],
      topics: ['water'],
    },
    10,
  );
  await publish(
    'water-body',
    {
      title: 'يوم تدريبي للجان الأحياء',
      body: 'تحدث المشاركون عن المياه مرة واحدة.',
      towns: ['C1594'],
      topics: ['civic-participation'],
    },
    5,
  );
  await publish(
    'water-old',
    { title: 'المياه في تل عار: ملف', kind: 'local_issue', body: 'شبكة المياه قديمة.', towns: ['C1594', 'C1595'] },
    400,
  );
  await publish(
    'school',
    {
      title: 'مدرسة مارع تفتح صفوف التقوية',
      body: 'صفوف للمتدرّبات والمتدرّبين في مارع.',
      towns: ['C1643'],
      organizationId: orgB,
    },
    3,
  );
  await publish(
    'docs',
    {
      title: 'تسجيل الولادات في الباب',
      kind: 'resource',
      resourceType: 'guide',
      body: 'دليل لتسجيل الزواج والولادات أمام المحكمة في أعزاز والباب.',
      towns: ['C1202'],
      organizationId: orgB,
      topics: ['documentation'],
    },
    20,
  );
  await publish(
    'english',
    { title: 'Water cuts in Tal Aar', lang: 'en', body: 'Residents met the council about water.' },
    2,
  );
  // Not published: never found.
  await createItem(db, net, itemInput(orgA, { title: 'مسودة عن المياه' }), editor, t.clock.now);
  // An index entry of another kind with no topic behind it (left over): its source checks its own
  // table, so the site search never shows it.
  await indexDocument(db, {
    kind: 'forum_topic',
    refId: 1,
    networkId: net,
    lang: 'ar',
    title: 'المياه في المنتدى',
    body: 'المياه',
    publishedAt: t.clock.now.toISOString(),
  });
});

async function titles(q: string, extra: Partial<Parameters<typeof searchDocuments>[2]> = {}) {
  const res = await searchDocuments(t.handle.db, t.handle.dialect, {
    q,
    kinds: KINDS,
    networkId: net,
    limit: 20,
    offset: 0,
    now: t.clock.now,
    ...extra,
  });
  return res.hits.map((h) => h.title);
}

describe('search normalization', () => {
  it.each([
    ['المياة', 'ة typed for ه'],
    ['المِيَاهُ', 'with tashkeel'],
    ['مياه', 'without the article'],
    ['والمياه', 'with a conjunction and the article'],
  ])('%s (%s) finds the water items', async (q) => {
    // Titles with the word first, newest first; the dictionary makes "water" the same word.
    expect(await titles(q)).toEqual([
      'Water cuts in Tal Aar',
      'انقطاع المياه في تل عار',
      'المياه في تل عار: ملف',
      'يوم تدريبي للجان الأحياء',
    ]);
  });

  it('finds words typed without hamza, with ه for ة, and in Arabic-Indic digits', async () => {
    // أهالي and "residents" are one word in the dictionary.
    expect(await titles('الاهالي')).toEqual(['Water cuts in Tal Aar', 'انقطاع المياه في تل عار']);
    expect(await titles('اعزاز')).toEqual(['تسجيل الولادات في الباب']);
    expect(await titles('مدرسه مارع')).toEqual(['مدرسة مارع تفتح صفوف التقوية']);
    expect(await titles('المتدربات')).toEqual(['مدرسة مارع تفتح صفوف التقوية']);
    expect(await titles('water')).toEqual([
      'Water cuts in Tal Aar',
      'انقطاع المياه في تل عار',
      'المياه في تل عار: ملف',
      'يوم تدريبي للجان الأحياء',
    ]);
    expect(await titles('مسودة')).toEqual([]);
    expect(await titles('   ')).toEqual([]);
  });

  it('ranks title hits above body hits, and pins identical scores on both databases', async () => {
    const res = await searchDocuments(t.handle.db, t.handle.dialect, {
      q: 'المياه',
      kinds: KINDS,
      networkId: net,
      limit: 10,
      offset: 0,
      now: t.clock.now,
    });
    // The score is the tier: 2 the word is in the title, 0 only in the body; newest first within.
    expect(res.total).toBe(4);
    expect(res.hits.map((h) => [h.kind, h.title, h.score])).toEqual([
      ['activity', 'Water cuts in Tal Aar', 2],
      ['activity', 'انقطاع المياه في تل عار', 2],
      ['local_issue', 'المياه في تل عار: ملف', 2],
      ['activity', 'يوم تدريبي للجان الأحياء', 0],
    ]);
    // Paging gives the same order in slices.
    const page2 = await searchDocuments(t.handle.db, t.handle.dialect, {
      q: 'المياه',
      kinds: KINDS,
      networkId: net,
      limit: 2,
      offset: 2,
      now: t.clock.now,
    });
    expect(page2.hits.map((h) => h.title)).toEqual(['المياه في تل عار: ملف', 'يوم تدريبي للجان الأحياء']);
  });

  it('filters by kind, town, organization, topic, language and year', async () => {
    expect(await titles('المياه', { kinds: ['local_issue'] })).toEqual(['المياه في تل عار: ملف']);
    expect(await titles('المياه', { facets: { town: 'C1595' } })).toEqual(['المياه في تل عار: ملف']);
    expect(await titles('الباب', { facets: { organization: String(orgB) } })).toEqual(['تسجيل الولادات في الباب']);
    expect(await titles('المياه', { facets: { topic: 'water' } })).toEqual(['انقطاع المياه في تل عار']);
    expect(await titles('tal', { facets: { language: 'en' } })).toEqual(['Water cuts in Tal Aar']);
    expect(await titles('المياه', { facets: { year: '2025' } })).toEqual(['المياه في تل عار: ملف']);
  });

  it('drops an unpublished item from the index', async () => {
    expect(await titles('water cuts')).toEqual(['Water cuts in Tal Aar']);
    await unpublishItem(t.handle.db, ids['english']!, editor, t.clock.now, null);
    expect(await titles('water cuts')).toEqual([]);
    expect(await titles('water')).not.toContain('Water cuts in Tal Aar');
  });
});

describe('the /search page', () => {
  it('shows ranked results with <mark> highlights, escaped, for a misspelled query', async () => {
    const res = await t.app.inject({ url: `/search?q=${encodeURIComponent('المياة')}` });
    expect(res.statusCode).toBe(200);
    const body = res.body;
    const order = ['انقطاع المياه في تل عار', 'المياه في تل عار: ملف', 'يوم تدريبي للجان الأحياء'].map((s) =>
      body.indexOf(s),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).toContain('<mark>المياه</mark>');
    expect(body).toMatch(/<p class="pub-excerpt" lang="ar" dir="auto">/);
    expect(body).not.toContain('المياه في المنتدى');
    expect(body).not.toContain('مسودة عن المياه');
    expect(body).toContain('3 نتائج');
  });

  it('filters by kind and town through the form, and browses without words', async () => {
    const res = await t.app.inject({ url: `/search?q=${encodeURIComponent('المياه')}&kind=local-issues` });
    expect(res.body).toContain('المياه في تل عار: ملف');
    expect(res.body).not.toContain('انقطاع المياه في تل عار');
    const town = await t.app.inject({ url: `/search?q=${encodeURIComponent('تسجيل')}&town=C1202` });
    expect(town.body).toContain('تسجيل الولادات في الباب');
    const browse = await t.app.inject({ url: `/search?org=${orgB}` });
    expect(browse.body).toContain('مدرسة مارع تفتح صفوف التقوية');
    expect(browse.body).toContain('تسجيل الولادات في الباب');
    expect(browse.body).not.toContain('انقطاع المياه');
  });

  it('survives hostile and oversized queries', async () => {
    for (const q of [
      '"',
      "'; DROP TABLE pub_items; --",
      'NEAR(a b)',
      'a* OR b',
      '<script>alert(1)</script>',
      'ا'.repeat(500),
      ':* & | !',
    ]) {
      const res = await t.app.inject({ url: `/search?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, q).toBe(200);
      expect(res.body).not.toContain('<script>alert(1)</script>');
    }
  });
});
