// The site search over everything public (issue #15): one Arabic query finds publications,
// services, public forum topics, organizations and towns, grouped by kind with counts and a link
// to each kind; nothing private is ever found; the content-language filter (issue #17) is
// `content`, never the interface's `lang`. Runs on SQLite and, with DATABASE_URL, PostgreSQL: the
// expected orders are written out, so both databases must give the same pages.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../testing/use-app.js';
import { changeCount } from '../../../core/db/changes.js';
import { searchReindexJob, syncSearchSources } from '../../../core/search/index.js';
import { importGazetteer } from '../../../core/towns/queries.js';
import { syncTopicSearch } from '../../forum/topics/indexing.js';
import { saveOrganization } from '../../organizations/queries.js';
import { indexServices } from '../../services/search-index.js';
import { GAZETTEER, itemInput, makeNetwork, makeUser } from '../testing/fixtures.js';
import { createItem, publishItem } from '../workspace/actions.js';

const t = useTestApp();
let net: number;
let other: number;
let editor: number;
let ghiras: number;
let leaving: number;
const iso = (daysAgo: number) => new Date(t.clock.now.getTime() - daysAgo * 86_400_000).toISOString();

const MAREA = 'C1643,مارع,Mare,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.57,37.3\n';

async function org(networkId: number, name_ar: string, name_en: string, description_ar: string, towns: string[]) {
  return saveOrganization(
    t.handle.db,
    null,
    networkId,
    {
      name_ar,
      name_en,
      description_ar,
      description_en: '',
      fields: [],
      phone: null,
      email: null,
      website: null,
      towns,
    },
    t.clock.now,
  );
}

let svcSeq = 0;
async function service(name_ar: string, description_ar: string, status: string, daysAgo: number) {
  const db = t.handle.db;
  const id = `00000000-0000-4000-8000-${String(++svcSeq).padStart(12, '0')}`;
  await db
    .insertInto('svc_services')
    .values({
      id,
      organization_id: 'svc-org',
      name_ar,
      description_ar,
      status,
      is_free: 0,
      extra: '{}',
      created_at: iso(daysAgo),
      last_modified: iso(daysAgo),
    })
    .execute();
  await indexServices(db, [id]);
  return id;
}

async function category(name_ar: string, visibility: 'public' | 'members' | 'staff') {
  const row = await t.handle.db
    .insertInto('forum_categories')
    .values({
      network_id: net,
      name_ar,
      name_en: name_ar,
      description_ar: '',
      description_en: '',
      position: 0,
      visibility,
      topic_creators: 'members',
      approval: 'none',
      created_at: iso(30),
      updated_at: iso(30),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function topic(categoryId: number, title: string, body: string, daysAgo: number, status = 'visible') {
  const db = t.handle.db;
  const at = iso(daysAgo);
  const tp = await db
    .insertInto('forum_topics')
    .values({
      category_id: categoryId,
      author_id: editor,
      title,
      status: status as 'visible',
      locked: 0,
      pinned: 0,
      post_count: 0,
      last_post_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const post = await db
    .insertInto('forum_posts')
    .values({
      topic_id: tp.id,
      author_id: editor,
      body,
      body_html: `<p>${body}</p>`,
      body_hash: String(tp.id),
      status: 'visible',
      link_count: 0,
      edit_count: 0,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('forum_topics').set({ first_post_id: post.id, post_count: 1 }).where('id', '=', tp.id).execute();
  await syncTopicSearch(db, tp.id);
  return tp.id;
}

async function publish(title: string, body: string, daysAgo: number, lang: 'ar' | 'en' = 'ar') {
  const at = new Date(t.clock.now.getTime() - daysAgo * 86_400_000);
  const id = await createItem(t.handle.db, net, itemInput(null, { title, body, lang }), editor, at);
  await publishItem(t.handle.db, id, editor, at);
}

beforeAll(async () => {
  const db = t.handle.db;
  await importGazetteer(db, GAZETTEER + MAREA, { now: t.clock.now });
  net = await makeNetwork(db);
  other = await db
    .insertInto('networks')
    .values({
      slug: 'other',
      name_ar: 'شبكة أخرى',
      name_en: 'Other network',
      description_ar: '',
      description_en: '',
      region_ar: '',
      region_en: '',
      created_at: iso(0),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
  editor = (await makeUser(db, { network: [net, 'networkEditor'] })).id;

  ghiras = await org(
    net,
    'جمعية غراس التعليمية',
    'Ghiras Educational Association',
    'دروس تقوية ومدارس مؤقتة للأطفال.',
    ['C1643'],
  );
  leaving = await org(net, 'رابطة شباب مارع', 'Marea Youth League', 'نشاطات شبابية.', ['C1643']);
  await org(other, 'منظمة مارع في شبكة أخرى', 'Other network org in Marea', '', ['C1643']);

  await db
    .insertInto('svc_organizations')
    .values({
      id: 'svc-org',
      name_ar: 'جمعية غراس',
      network_id: net,
      member_org_id: ghiras,
      extra: '{}',
      created_at: iso(40),
      updated_at: iso(40),
    })
    .execute();
  await service('دروس تعليمية للأطفال في مارع', 'صفوف تقوية في المدرسة بعد الظهر.', 'active', 4);
  await service('مستوصف مارع', 'معاينة عامة ولقاحات.', 'active', 3);
  await service('توزيع سلال غذائية في مارع', 'كل أسبوعين.', 'temporarily closed', 2);
  await service('دعم نفسي في مارع', 'جلسات فردية.', 'active', 1);
  await service('خدمة مارع المسودة', 'لم تُنشر بعد.', 'inactive', 1);

  const open = await category('نقاشات عامة', 'public');
  const members = await category('للأعضاء', 'members');
  const staff = await category('للموظفين', 'staff');
  await topic(open, 'المدارس في مارع بعد الشتاء', 'كيف حال المدارس؟', 6);
  await topic(members, 'نقاش الأعضاء عن مارع', 'خاص بالأعضاء.', 5);
  await topic(staff, 'ملاحظات الموظفين عن مارع', 'خاص بالموظفين.', 5);
  await topic(open, 'موضوع مخفي عن مارع', 'أخفاه المشرف.', 5, 'hidden');

  await publish('افتتاح مدرسة جديدة في مارع', 'المدرسة تستقبل الأطفال.', 8);
  await publish('School opens in Marea', 'A new school for children.', 7, 'en');
  await createItem(db, net, itemInput(null, { title: 'مسودة عن مارع' }), editor, t.clock.now);

  // Organizations and towns are indexed by the search-reindex job (they are not written by a
  // feature that indexes on save); here it runs once, as it would within a minute.
  await searchReindexJob.run({ db });
  // The organization leaves after it was indexed: it must vanish at once, not at the next run.
  await db.updateTable('organizations').set({ status: 'left' }).where('id', '=', leaving).execute();
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
const search = (q: string, extra = '') => get(`/search?q=${encodeURIComponent(q)}${extra}`);

/** The page's groups in order: [kind, heading count text, result titles]. */
function groups(html: string) {
  const out: [string, string, string[]][] = [];
  for (const m of html.matchAll(/<section class="search-group"[^>]*>([\s\S]*?)<\/section>/g)) {
    const kind = /id="g-([a-z-]+)"/.exec(m[1]!)![1]!;
    const count = /<span class="meta">\(([^)]*)\)<\/span>/.exec(m[1]!)![1]!;
    const titles = [...m[1]!.matchAll(/<h3[^>]*><a href="[^"]*">([^<]*)<\/a><\/h3>/g)].map((x) => x[1]!);
    out.push([kind, count, titles]);
  }
  return out;
}

function titles(html: string) {
  return [...html.matchAll(/<h[23] lang="[a-z]+" dir="auto"><a href="[^"]*">([^<]*)<\/a><\/h[23]>/g)].map((x) => x[1]!);
}

describe('one search over everything public', () => {
  it('finds a publication, services, a forum topic, an organization and a town for one Arabic word, grouped by kind', async () => {
    const res = await search('مارع');
    expect(res.statusCode).toBe(200);
    // Groups in the sources' order; in each, title matches first, then newest; three at most.
    expect(groups(res.body)).toEqual([
      ['publications', 'نتيجة واحدة', ['افتتاح مدرسة جديدة في مارع']],
      ['services', '4 نتائج', ['دعم نفسي في مارع', 'توزيع سلال غذائية في مارع', 'مستوصف مارع']],
      ['forum', 'نتيجة واحدة', ['المدارس في مارع بعد الشتاء']],
      ['organizations', 'نتيجة واحدة', ['جمعية غراس التعليمية']],
      ['towns', 'نتيجة واحدة', ['مارع']],
    ]);
    expect(res.body).toContain('href="/towns/C1643"');
    // More services than the group shows: a link that narrows the search to services.
    expect(res.body).toContain(`href="/search?q=${encodeURIComponent('مارع')}&amp;kind=services"`);
    expect(res.body).toContain('كل نتائج دليل الخدمات');
    expect(res.body).not.toContain(`kind=towns"`);
  });

  it('narrows to one kind through the "all results" link, with every result of it', async () => {
    const res = await search('مارع', '&kind=services');
    expect(res.statusCode).toBe(200);
    expect(titles(res.body)).toEqual([
      'دعم نفسي في مارع',
      'توزيع سلال غذائية في مارع',
      'مستوصف مارع',
      'دروس تعليمية للأطفال في مارع',
    ]);
    expect(res.body).toContain('4 نتائج');
    expect(res.body).not.toContain('href="/towns/C1643"');
    expect(res.body).not.toContain('افتتاح مدرسة');
    const towns = await search('مارع', '&kind=towns');
    expect(titles(towns.body)).toEqual(['مارع']);
    // A publications filter left in the address does not turn another kind into publications.
    const withFilter = await search('مارع', '&kind=services&content=en&town=C1202');
    expect(titles(withFilter.body)).toHaveLength(4);
    expect(withFilter.body).not.toContain('name="content"');
  });

  it('reads the article, broken plurals and synonyms alike in every kind', async () => {
    // التعليمية and تعليمية: the organization (title) and the service (title).
    for (const q of ['التعليمية', 'تعليمية']) {
      const g = groups((await search(q)).body);
      expect(
        g.map(([kind, , list]) => [kind, list]),
        q,
      ).toEqual([
        ['services', ['دروس تعليمية للأطفال في مارع']],
        ['organizations', ['جمعية غراس التعليمية']],
      ]);
    }
    // مدارس is the plural of مدرسة: the publication, the service, the topic and the organization.
    expect(groups((await search('مدارس')).body).map(([kind, , list]) => [kind, list])).toEqual([
      ['publications', ['School opens in Marea', 'افتتاح مدرسة جديدة في مارع']],
      ['services', ['دروس تعليمية للأطفال في مارع']],
      ['forum', ['المدارس في مارع بعد الشتاء']],
      ['organizations', ['جمعية غراس التعليمية']],
    ]);
    // A town typed without its hamza: the town itself first, then the towns of its district.
    expect(groups((await search('اعزاز')).body)).toEqual([['towns', '3 نتائج', ['أعزاز', 'مارع', 'تل عار شرقية']]]);
    // عيادة and مستوصف are one concept in the dictionary.
    expect(groups((await search('عيادة')).body).map(([kind, , list]) => [kind, list])).toEqual([
      ['services', ['مستوصف مارع']],
    ]);
  });

  it('never shows an anonymous visitor a draft, an unpublished service, a private or hidden topic, or an organization that left', async () => {
    const hidden = [
      'مسودة عن مارع',
      'خدمة مارع المسودة',
      'نقاش الأعضاء عن مارع',
      'ملاحظات الموظفين عن مارع',
      'موضوع مخفي عن مارع',
      'رابطة شباب مارع',
      'منظمة مارع في شبكة أخرى',
    ];
    for (const url of ['', '&kind=publications', '&kind=services', '&kind=forum', '&kind=organizations']) {
      const res = await search('مارع', url);
      expect(res.statusCode).toBe(200);
      for (const h of hidden) expect(res.body, `${h} ${url}`).not.toContain(h);
    }
    for (const q of ['المسودة', 'الأعضاء', 'الموظفين', 'مخفي', 'شباب', 'شبكة أخرى']) {
      const res = await search(q);
      expect(groups(res.body), q).toEqual([]);
      expect(res.body).toContain('لا توجد نتائج');
    }
  });

  it('finds an organization added since the last run of the search job once it has run', async () => {
    await org(net, 'مبادرة جسور', 'Jusoor Initiative', '', []);
    expect(groups((await search('جسور')).body)).toEqual([]);
    await syncSearchSources(t.handle.db);
    expect(groups((await search('جسور')).body)).toEqual([['organizations', 'نتيجة واحدة', ['مبادرة جسور']]]);
  });

  it('runs the search job again without writing when nothing changed (the page cache is kept)', async () => {
    const before = await changeCount(t.handle.db);
    expect(await searchReindexJob.run({ db: t.handle.db })).toBe(0);
    expect(await changeCount(t.handle.db)).toBe(before);
  });
});

describe('a query with no words', () => {
  it('points a search that finds nothing to the services directory, with the same words', async () => {
    for (const extra of ['', '&kind=services', '&kind=publications']) {
      const res = await search('زرافة', extra);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('لا توجد نتائج');
      expect(res.body).toContain(`href="/services?q=${encodeURIComponent('زرافة')}"`);
    }
  });

  it('answers spaces or punctuation alone with a clear message, in Arabic and in English', async () => {
    for (const q of ['   ', '؟؟ !!', '\u00a0\u2003']) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).toContain('لا كلمات للبحث عنها');
      expect(groups(res.body)).toEqual([]);
    }
    const english = await get(`/search?q=${encodeURIComponent('  ')}`, { 'accept-language': 'en' });
    expect(english.body).toContain('No words to search for: spaces and punctuation alone are not searched.');
    // Nothing asked yet: the hint, not the message.
    expect((await get('/search')).body).not.toContain('لا كلمات للبحث عنها');
  });

  it('refuses control characters with a 400 page that says why', async () => {
    const res = await get('/search?q=%01%02');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('يحتوي النص على محارف تحكّم');
    const en = await get('/search?q=%20%00', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('The text contains control characters');
  });
});

describe('content language and interface language (issue #17)', () => {
  it('filters the content with content=, without touching the interface language or its cookie', async () => {
    const res = await search('school', '&content=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie'] ?? '').not.toMatch(/wasl_lang/);
    expect(res.body).toMatch(/<html[^>]*lang="ar/);
    expect(titles(res.body)).toEqual(['School opens in Marea']);
    const ar = await search('school', '&content=ar');
    expect(titles(ar.body)).toEqual(['افتتاح مدرسة جديدة في مارع']);
  });

  it('reads an old link with lang= as the interface language only, not as a content filter', async () => {
    const res = await search('مدرسة', '&lang=en');
    expect(res.body).toMatch(/<html[^>]*lang="en/);
    // Both languages' items are still there, and the content filter reads "All".
    expect(titles(res.body)).toContain('افتتاح مدرسة جديدة في مارع');
    expect(titles(res.body)).toContain('School opens in Marea');
  });

  it('tells an English reader in one line when every result is in Arabic', async () => {
    const hint = 'These results are in Arabic only';
    const arabic = await get(`/search?q=${encodeURIComponent('مستوصف')}`, { 'accept-language': 'en' });
    expect(titles(arabic.body)).toEqual(['مستوصف مارع']);
    expect(arabic.body).toContain(hint);
    const mixed = await get(`/search?q=${encodeURIComponent('مدرسة')}`, { 'accept-language': 'en' });
    expect(mixed.body).not.toContain(hint);
    // An Arabic reader is not told.
    expect((await search('مستوصف')).body).not.toContain('These results');
  });
});
