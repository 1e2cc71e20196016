// The public site and the editorial workflow through HTTP, as people use them: who may write,
// submit, publish, schedule, feature and return; what stays hidden from other organizations;
// revisions; slugs; listings with filters and pagination; feeds; uploads; sections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  buildTestApp,
  Client,
  makeNetwork,
  makeOrganization,
  makeUser,
  signIn,
  type TestApp,
} from '../../testing/app.js';
import { newTotpSecret } from '../../core/auth/totp.js';
import { importGazetteer } from '../../core/towns/queries.js';
import { createItem, publishItem, type ItemInput } from './queries.js';
import { makeDemoPdf } from './seed.js';
import { xmlProblems } from './xml-wellformed.js';

const GAZETTEER =
  'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
  'C1594,تل عار شرقية,Eastern Tal Aar,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.5,37.1\n' +
  'C1202,الباب,Al Bab,SY020500,الباب,Al Bab,SY0205,الباب,Al Bab,SY02,حلب,Aleppo,36.37,37.51\n' +
  'C1564,أعزاز,Azaz,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.58,37.04\n';

let t: TestApp;
let net: number;
let orgA: number;
let orgB: number;
const u: Record<string, number> = {};
const clients: Record<string, Client> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.handle.db;
  await importGazetteer(db, GAZETTEER, { now: t.clock.now });
  net = await makeNetwork(db);
  orgA = await makeOrganization(db, net, 'Ghiras');
  orgB = await makeOrganization(db, net, 'Noon');
  const staff = { totpSecret: newTotpSecret() };
  u.staffA = (await makeUser(db, { username: 'staff_a', org: [orgA, 'orgStaff'], ...staff })).id;
  u.adminA = (await makeUser(db, { username: 'admin_a', org: [orgA, 'orgAdmin'], ...staff })).id;
  u.staffB = (await makeUser(db, { username: 'staff_b', org: [orgB, 'orgStaff'], ...staff })).id;
  u.adminB = (await makeUser(db, { username: 'admin_b', org: [orgB, 'orgAdmin'], ...staff })).id;
  u.editor = (await makeUser(db, { username: 'editor', network: [net, 'networkEditor'], ...staff })).id;
  u.member = (await makeUser(db, { username: 'member' })).id;
  for (const [k, id] of Object.entries(u)) {
    clients[k] = new Client(t.app);
    await signIn(t, clients[k]!, id);
  }
  clients.anon = new Client(t.app);
});
afterAll(() => t.close());

const baseForm = (over: Record<string, string | string[]> = {}) => ({
  organization_id: String(orgA),
  lang: 'ar',
  title: 'زيارة إلى المجلس المحلي في تل عار',
  summary: 'ناقش الأهالي جدول ضخ المياه.',
  body: 'ناقش **الأهالي** مع المجلس انقطاع المياه.',
  byline: '',
  towns: 'C1594',
  topics: ['water', 'local-governance'],
  activity_date: '2026-06-20',
  cover_alt: '',
  file_pages: '',
  external_url: '',
  translation_of: '',
  ...over,
});

async function itemRow(id: number) {
  return t.handle.db.selectFrom('pub_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function idFrom(location: unknown): number {
  const m = /\/publishing\/items\/(\d+)$/.exec(String(location));
  expect(m, String(location)).not.toBeNull();
  return Number(m![1]);
}

async function newDraft(client: Client, over: Record<string, string | string[]> = {}, kind = 'activity') {
  await client.get(`/publishing/new?kind=${kind}&org=${orgA}`);
  const res = await client.post(`/publishing/new?kind=${kind}`, baseForm(over));
  expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
  return idFrom(res.headers.location);
}

async function publicUrl(id: number) {
  const res = await t.app.inject({ url: `/activities/${id}` });
  return res.statusCode === 301 ? String(res.headers.location) : null;
}

function input(over: Partial<ItemInput> = {}): ItemInput {
  return {
    kind: 'activity',
    organizationId: orgA,
    lang: 'ar',
    title: 'عنوان',
    summary: '',
    body: '',
    byline: '',
    bylinePseudonym: false,
    towns: [],
    topics: [],
    collection: null,
    resourceType: null,
    pageKey: null,
    translationOf: null,
    localIssueId: null,
    projectId: null,
    activityDate: null,
    coverAlt: '',
    filePages: null,
    externalUrl: null,
    ...over,
  };
}

async function published(over: Partial<ItemInput>, at: Date = t.clock.now) {
  const id = await createItem(t.handle.db, net, input(over), u.editor!, at);
  await publishItem(t.handle.db, id, u.editor!, at);
  return id;
}

describe('editorial workflow', () => {
  it('keeps the workspace to staff and editors; route levels refuse the rest', async () => {
    expect((await clients.anon!.get('/publishing/new?kind=activity')).statusCode).toBe(303);
    expect((await clients.member!.get('/publishing/new?kind=activity')).statusCode).toBe(404);
    expect((await clients.staffA!.get('/publishing/network/new?kind=news')).statusCode).toBe(404);
    expect((await clients.editor!.get('/publishing/network/new?kind=news')).statusCode).toBe(200);
    const dash = await clients.member!.get('/publishing');
    expect(dash.statusCode).toBe(200);
    expect(dash.body).not.toContain('/publishing/items/');
    // Staff may not write the network's news or pages, nor for another organization.
    expect((await clients.staffA!.get(`/publishing/new?kind=news&org=${orgA}`)).statusCode).toBe(404);
    expect((await clients.staffA!.get(`/publishing/new?kind=activity&org=${orgB}`)).statusCode).toBe(404);
  });

  it('org staff draft for their own organization only; bad input writes nothing', async () => {
    const before = (await t.handle.db.selectFrom('pub_items').select('id').execute()).length;
    const c = clients.staffA!;
    await c.get(`/publishing/new?kind=activity&org=${orgA}`);
    const other = await c.post('/publishing/new?kind=activity', baseForm({ organization_id: String(orgB) }));
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('لا يمكن النشر باسم هذه المنظمة');
    const noTitle = await c.post('/publishing/new?kind=activity', baseForm({ title: '  ' }));
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.body).toContain('هذا الحقل مطلوب');
    const badTown = await c.post('/publishing/new?kind=activity', baseForm({ towns: 'C9999' }));
    expect(badTown.statusCode).toBe(400);
    expect(badTown.body).toContain('C9999');
    const extra = await c.post('/publishing/new?kind=activity', { ...baseForm(), status: 'published' });
    expect(extra.statusCode).toBe(400);
    const english = new Client(t.app);
    await signIn(t, english, u.staffA!);
    await english.get(`/publishing/new?kind=activity&org=${orgA}&lang=en`);
    const en = await english.post('/publishing/new?kind=activity', baseForm({ title: '' }));
    expect(en.statusCode).toBe(400);
    expect(en.body).toMatch(/required/i);
    expect((await t.handle.db.selectFrom('pub_items').select('id').execute()).length).toBe(before);

    const id = await newDraft(c);
    const row = await itemRow(id);
    expect(row).toMatchObject({ status: 'draft', organization_id: orgA, kind: 'activity', created_by: u.staffA });
  });

  it('another organization cannot see a draft (404 everywhere), nor can the public', async () => {
    const id = await newDraft(clients.staffA!);
    for (const path of [`/publishing/items/${id}`, `/publishing/items/${id}/edit`]) {
      expect((await clients.staffB!.get(path)).statusCode, path).toBe(404);
      expect((await clients.adminB!.get(path)).statusCode, path).toBe(404);
      expect((await clients.member!.get(path)).statusCode, path).toBe(404);
    }
    const slugged = `/activities/${id}/${encodeURIComponent('زيارة-إلى-المجلس-المحلي-في-تل-عار')}`;
    expect((await clients.anon!.get(slugged)).statusCode).toBe(404);
    expect((await clients.staffB!.get(slugged)).statusCode).toBe(404);
    // Their own staff see a preview; the network's editors see nothing until it is submitted.
    const preview = await clients.staffA!.get(slugged);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('معاينة');
    expect(preview.headers['cache-control']).toBe('no-store');
    expect((await clients.editor!.get(`/publishing/items/${id}`)).statusCode).toBe(404);
    expect((await clients.editor!.get(slugged)).statusCode).toBe(404);
    await clients.adminA!.get(`/publishing/items/${id}`);
    expect((await clients.adminA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(303);
    expect((await clients.editor!.get(`/publishing/items/${id}`)).statusCode).toBe(200);
    // Other organizations cannot act on it either.
    expect((await clients.adminB!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(404);
    expect((await clients.staffB!.post(`/publishing/items/${id}/edit`, baseForm())).statusCode).toBe(404);
    expect((await itemRow(id)).status).toBe('submitted');
  });

  it('staff draft, the org admin submits, the editor returns with a comment, then publishes', async () => {
    const id = await newDraft(clients.staffA!);
    // Staff cannot submit, editors' actions are out of reach for the organization.
    expect((await clients.staffA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(404);
    expect((await clients.adminA!.post(`/publishing/items/${id}/publish`, {})).statusCode).toBe(404);
    await clients.adminA!.get(`/publishing/items/${id}`);
    const sub = await clients.adminA!.post(`/publishing/items/${id}/submit`, { comment: 'جاهز للنشر' });
    expect(sub.statusCode).toBe(303);
    expect((await itemRow(id)).status).toBe('submitted');
    // Submitted items are locked for the organization.
    expect((await clients.staffA!.get(`/publishing/items/${id}/edit`)).statusCode).toBe(404);

    await clients.editor!.get(`/publishing/items/${id}`);
    const empty = await clients.editor!.post(`/publishing/items/${id}/return`, { comment: '' });
    expect(empty.statusCode).toBe(400);
    expect((await itemRow(id)).status).toBe('submitted');
    const ret = await clients.editor!.post(`/publishing/items/${id}/return`, { comment: 'يلزم ذكر عدد الحاضرين/ات.' });
    expect(ret.statusCode).toBe(303);
    const page = await clients.staffA!.get(`/publishing/items/${id}`);
    expect(page.body).toContain('يلزم ذكر عدد الحاضرين/ات.');
    expect(page.body).toContain('أُعيد للتعديل');

    await clients.staffA!.get(`/publishing/items/${id}/edit`);
    const edit = await clients.staffA!.post(
      `/publishing/items/${id}/edit`,
      baseForm({ body: 'حضر خمسون من الأهالي.' }),
    );
    expect(edit.statusCode).toBe(303);
    await clients.adminA!.get(`/publishing/items/${id}`);
    expect((await clients.adminA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(303);
    await clients.editor!.get(`/publishing/items/${id}`);
    const pub = await clients.editor!.post(`/publishing/items/${id}/publish`, { publish_at: '' });
    expect(pub.statusCode).toBe(303);
    const row = await itemRow(id);
    expect(row.status).toBe('published');
    expect(row.published_at).toBe(t.clock.now.toISOString());
    const url = (await publicUrl(id))!;
    const res = await clients.anon!.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('حضر خمسون من الأهالي.');
    const events = await t.handle.db
      .selectFrom('pub_events')
      .select('action')
      .where('item_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'created',
      'submitted',
      'returned',
      'edited',
      'submitted',
      'published',
    ]);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('publishing.published');
  });

  it('schedules: hidden until the time comes, then public and searchable', async () => {
    const id = await newDraft(clients.staffA!, { title: 'حملة نظافة في أعزاز', towns: 'C1564' });
    await clients.adminA!.get(`/publishing/items/${id}`);
    await clients.adminA!.post(`/publishing/items/${id}/submit`, {});
    await clients.editor!.get(`/publishing/items/${id}`);
    const bad = await clients.editor!.post(`/publishing/items/${id}/publish`, { publish_at: 'tomorrow' });
    expect(bad.statusCode).toBe(400);
    // 2026-06-28T09:00Z is 12:00 in Damascus; schedule for 15:00 Damascus time.
    const res = await clients.editor!.post(`/publishing/items/${id}/publish`, { publish_at: '2026-06-28T15:00' });
    expect(res.statusCode).toBe(303);
    const row = await itemRow(id);
    expect(row.status).toBe('scheduled');
    expect(row.publish_at).toBe('2026-06-28T12:00:00.000Z');
    const url = `/activities/${id}/${encodeURIComponent('حملة-نظافة-في-أعزاز')}`;
    expect((await clients.anon!.get(url)).statusCode).toBe(404);
    expect((await clients.anon!.get('/search?q=نظافة')).body).not.toContain('حملة نظافة');
    t.clock.advance(3 * 3600_000 + 1000);
    try {
      expect((await clients.anon!.get(url)).statusCode).toBe(200);
      expect((await clients.anon!.get('/search?q=نظافه')).body).toContain('حملة نظافة في أعزاز');
      expect((await itemRow(id)).status).toBe('published');
    } finally {
      t.clock.set('2026-06-28T09:00:00.000Z');
    }
  });

  it('features on the home page and unpublishes (gone from the site, search and feeds)', async () => {
    const id = await published({ title: 'يوم مفتوح للمنظمات في الباب', towns: ['C1202'], summary: 'لقاء مفتوح.' });
    expect((await clients.staffA!.post(`/publishing/items/${id}/feature`, { featured: '1' })).statusCode).toBe(404);
    await clients.editor!.get(`/publishing/items/${id}`);
    expect((await clients.editor!.post(`/publishing/items/${id}/feature`, { featured: 'yes' })).statusCode).toBe(400);
    expect((await clients.editor!.post(`/publishing/items/${id}/feature`, { featured: '1' })).statusCode).toBe(303);
    const home = await clients.anon!.get('/');
    const featured = home.body.slice(home.body.indexOf('id="h-featured"'), home.body.indexOf('id="h-latest"'));
    expect(featured).toContain('يوم مفتوح للمنظمات في الباب');
    expect(home.body).toMatch(/<form method="get" action="\/services"[^>]*>/);

    expect((await clients.adminA!.post(`/publishing/items/${id}/unpublish`, {})).statusCode).toBe(404);
    expect(
      (await clients.editor!.post(`/publishing/items/${id}/unpublish`, { comment: 'خطأ في التاريخ' })).statusCode,
    ).toBe(303);
    expect((await itemRow(id)).status).toBe('unpublished');
    expect((await clients.anon!.get(`/activities/${id}/x`)).statusCode).toBe(404);
    expect((await clients.anon!.get('/search?q=يوم مفتوح للمنظمات')).body).not.toContain(`/activities/${id}/`);
    expect((await clients.anon!.get('/feeds/activities.xml')).body).not.toContain(`/activities/${id}`);
    expect((await clients.anon!.get('/')).body).not.toContain('يوم مفتوح للمنظمات في الباب');
    const doc = await t.handle.db
      .selectFrom('search_documents')
      .select('id')
      .where('ref_id', '=', String(id))
      .executeTakeFirst();
    expect(doc).toBeUndefined();
  });

  it('approves a pseudonymous byline by publishing it, and says it is a pseudonym', async () => {
    const c = clients.staffA!;
    await c.get(`/publishing/new?kind=opinion&org=${orgA}`);
    const missing = await c.post('/publishing/new?kind=opinion', baseForm({ byline: '', byline_pseudonym: 'on' }));
    expect(missing.statusCode).toBe(400);
    const res = await c.post(
      '/publishing/new?kind=opinion',
      baseForm({ title: 'رأي في المياه', byline: 'أم سامر', byline_pseudonym: 'on' }),
    );
    const id = idFrom(res.headers.location);
    await clients.adminA!.get(`/publishing/items/${id}`);
    await clients.adminA!.post(`/publishing/items/${id}/submit`, {});
    await clients.editor!.get(`/publishing/items/${id}`);
    await clients.editor!.post(`/publishing/items/${id}/publish`, {});
    const page = await clients.anon!.get(`/opinion/${id}/${encodeURIComponent('رأي-في-المياه')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<bdi class="author">أم سامر</bdi>');
    expect(page.body).toContain('اسم مستعار');
    expect(page.body).toContain('itemtype="https://schema.org/OpinionNewsArticle"');
  });
});

describe('revisions', () => {
  it('keeps every version after publication and shows the current one', async () => {
    const id = await newDraft(clients.staffA!, { title: 'تقرير للتصحيح', body: 'النص الأول.' });
    await clients.adminA!.get(`/publishing/items/${id}`);
    await clients.adminA!.post(`/publishing/items/${id}/submit`, {});
    await clients.editor!.get(`/publishing/items/${id}`);
    await clients.editor!.post(`/publishing/items/${id}/publish`, {});
    // Published items are the editor's to change.
    expect((await clients.staffA!.get(`/publishing/items/${id}/edit`)).statusCode).toBe(404);
    await clients.editor!.get(`/publishing/items/${id}/edit`);
    for (const body of ['النص الثاني.', 'النص الثالث.']) {
      t.clock.advance(60_000);
      const res = await clients.editor!.post(
        `/publishing/items/${id}/edit`,
        baseForm({ title: 'تقرير للتصحيح', body }),
      );
      expect(res.statusCode).toBe(303);
    }
    t.clock.set('2026-06-28T09:00:00.000Z');
    const revs = await t.handle.db
      .selectFrom('pub_revisions')
      .select(['number', 'body'])
      .where('item_id', '=', id)
      .orderBy('number')
      .execute();
    expect(revs).toEqual([
      { number: 1, body: 'النص الأول.' },
      { number: 2, body: 'النص الثاني.' },
      { number: 3, body: 'النص الثالث.' },
    ]);
    const first = await clients.staffA!.get(`/publishing/items/${id}/revisions/1`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('النص الأول.');
    expect((await clients.staffB!.get(`/publishing/items/${id}/revisions/1`)).statusCode).toBe(404);
    expect((await clients.staffA!.get(`/publishing/items/${id}/revisions/9`)).statusCode).toBe(404);
    const pub = await clients.anon!.get(`/activities/${id}/${encodeURIComponent('تقرير-للتصحيح')}`);
    expect(pub.body).toContain('النص الثالث.');
    expect(pub.body).not.toContain('النص الأول.');
    // The search index follows the edit.
    expect((await clients.anon!.get('/search?q=الثالث')).body).toContain('تقرير للتصحيح');
  });
});

describe('public pages', () => {
  it('redirects a missing or wrong slug to the canonical URL; a wrong kind is 404', async () => {
    const id = await published({ title: 'Youth day in Azaz', lang: 'en', towns: ['C1564'] });
    const canonical = `/activities/${id}/youth-day-in-azaz`;
    for (const path of [`/activities/${id}`, `/activities/${id}/old-title`, `/activities/${id}/youth-day-in-azaz-x`]) {
      const res = await t.app.inject({ url: path });
      expect(res.statusCode, path).toBe(301);
      expect(res.headers.location).toBe(canonical);
    }
    expect((await t.app.inject({ url: canonical })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/news/${id}/youth-day-in-azaz` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/activities/99999/x` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/activities/abc` })).statusCode).toBe(404);
    const ar = await published({ title: 'يوم الشباب في أعزاز' });
    const res = await t.app.inject({ url: `/activities/${ar}` });
    expect(decodeURIComponent(String(res.headers.location))).toBe(`/activities/${ar}/يوم-الشباب-في-أعزاز`);
    expect((await t.app.inject({ url: String(res.headers.location) })).statusCode).toBe(200);
  });

  it('renders the article for reading and sharing: dir/lang, byline, house date, OpenGraph, schema.org, no raw HTML', async () => {
    const id = await published({
      title: 'جلسة حوار حول <المياه>',
      summary: 'ملخص & تفاصيل',
      body: '## ما جرى\n\nنص [رابط](javascript:alert(1)) و<script>alert(1)</script>',
      byline: 'Ahmed_99!',
      towns: ['C1594'],
      topics: ['water'],
    });
    const res = await t.app.inject({ url: `/activities/${id}/x` });
    const page = await t.app.inject({ url: String(res.headers.location) });
    const html = page.body;
    expect(html).toContain('<html lang="ar-SY" dir="rtl">');
    expect(html).toContain('<h1 itemprop="headline" dir="auto">جلسة حوار حول &lt;المياه></h1>');
    expect(html).not.toContain('<المياه');
    expect(html).toContain('<bdi class="author">Ahmed_99!</bdi>');
    expect(html).toContain('28 حزيران، 2026');
    expect(html).toMatch(/<meta property="og:title" content="جلسة حوار حول (&lt;|<)المياه(&gt;|>)"/);
    expect(html).toContain('<meta property="og:type" content="article"');
    expect(html).toMatch(/<link rel="canonical" href="http:\/\/127\.0\.0\.1:3000\/activities\/\d+\/[^"]+"/);
    expect(html).toContain('itemtype="https://schema.org/Article"');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(html).toContain('href="/towns/C1594"');
    expect(html).toContain('href="/topics/water"');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="javascript:');
    // Share links are plain links: nothing is loaded from the services.
    expect(html).not.toMatch(/<(img|script|iframe)[^>]+(wa\.me|t\.me|facebook)/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/publishing\.[0-9a-f]{10}\.css"/);
    const css = /href="(\/assets\/publishing\.[0-9a-f]{10}\.css)"/.exec(html)![1]!;
    const sheet = await t.app.inject({ url: css });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain('@media print');
  });

  it('paginates and filters listings by town, organization, topic, language and year', async () => {
    const older = new Date('2025-03-01T10:00:00Z');
    for (let i = 0; i < 14; i++) {
      await published(
        {
          title: `نشاط رقم ${i} في الباب`,
          towns: ['C1202'],
          organizationId: i % 2 ? orgB : orgA,
          topics: i % 3 === 0 ? ['youth'] : [],
          lang: i === 5 ? 'en' : 'ar',
        },
        i < 4 ? older : new Date(t.clock.now.getTime() - i * 60_000),
      );
    }
    const first = await t.app.inject({ url: '/activities?town=C1202' });
    expect(first.statusCode).toBe(200);
    expect(first.body.match(/class="card pub-card"/g)!.length).toBe(12);
    expect(first.body).toContain('rel="next" href="/activities?town=C1202&amp;page=2"');
    expect(first.body).toContain(
      '<link rel="alternate" type="application/atom+xml" title="منشورات عن الباب" href="/feeds/towns/C1202.xml"',
    );
    const second = await t.app.inject({ url: '/activities?town=C1202&page=2' });
    expect(second.body.match(/class="card pub-card"/g)!.length).toBe(2);
    const count = async (q: string) =>
      ((await t.app.inject({ url: `/activities?${q}` })).body.match(/class="card pub-card"/g) ?? []).length;
    expect(await count('town=C1202&year=2025')).toBe(4);
    expect(await count(`town=C1202&org=${orgB}`)).toBe(7);
    expect(await count('town=C1202&topic=youth')).toBe(5);
    expect(await count('town=C1202&lang=en')).toBe(1);
    // Nonsense filters are ignored, not errors.
    const odd = await t.app.inject({ url: '/activities?town=<x>&year=abc&topic=nope&page=-3&lang=fr' });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('<x>');
    expect((await t.app.inject({ url: '/activities?page=999' })).statusCode).toBe(200);
  });

  it('serves well-formed Atom feeds per kind, town and organization, and a sitemap', async () => {
    const id = await published({
      title: 'عنوان فيه <script>alert(1)</script> & ]]> \u0007',
      summary: 'ملخص "مقتبس" وَ \'آخر\'',
      towns: ['C1594'],
      organizationId: orgB,
      topics: ['water'],
    });
    await published({ kind: 'resource', title: 'دليل الناخب', resourceType: 'leaflet', collection: 'lessons-learned' });
    for (const url of [
      '/feeds/activities.xml',
      '/feeds/all.xml',
      '/feeds/resources.xml',
      '/feeds/lessons-learned.xml',
      '/feeds/towns/C1594.xml',
      `/feeds/organizations/${orgB}.xml`,
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(xmlProblems(res.body), url).toEqual({ problems: [], root: 'feed' });
      expect(res.body).toContain('<entry');
    }
    const town = (await t.app.inject({ url: '/feeds/towns/C1594.xml' })).body;
    expect(town).toContain(`/activities/${id}</id>`);
    expect(town).toContain('&lt;script&gt;');
    for (const bad of [
      '/feeds/pages.xml',
      '/feeds/nope.xml',
      '/feeds/towns/C0000.xml',
      '/feeds/organizations/99999.xml',
      '/feeds/activities.json',
    ])
      expect((await t.app.inject({ url: bad })).statusCode, bad).toBe(404);
    const map = await t.app.inject({ url: '/sitemap.xml' });
    expect(xmlProblems(map.body)).toEqual({ problems: [], root: 'urlset' });
    expect(map.body).toContain(`/activities/${id}/`);
    expect(map.body).toContain('<loc>http://127.0.0.1:3000/resources/lessons-learned</loc>');
  });

  it('lists the lessons-learned collection and filters the library by type', async () => {
    await published({ kind: 'resource', title: 'حقيبة أدوات تقدير الاحتياجات', resourceType: 'toolkit' });
    const lessons = await t.app.inject({ url: '/resources/lessons-learned' });
    expect(lessons.statusCode).toBe(200);
    expect(lessons.body).toContain('دليل الناخب');
    expect(lessons.body).not.toContain('حقيبة أدوات تقدير الاحتياجات');
    expect(lessons.body).toContain('href="/feeds/lessons-learned.xml"');
    const toolkits = await t.app.inject({ url: '/resources?type=toolkit' });
    expect(toolkits.body).toContain('حقيبة أدوات تقدير الاحتياجات');
    expect(toolkits.body).not.toContain('دليل الناخب');
  });

  it('shows a town its activities and local issues, and an organization its publications', async () => {
    await published({ kind: 'local_issue', title: 'المياه في تل عار', towns: ['C1594'] });
    const town = await t.app.inject({ url: '/towns/C1594' });
    expect(town.body).toContain('id="h-town-activities"');
    expect(town.body).toContain('id="h-town-issues"');
    expect(town.body).toContain('المياه في تل عار');
    const org = await t.app.inject({ url: `/organizations/${orgB}` });
    const page = org.statusCode === 301 ? await t.app.inject({ url: String(org.headers.location) }) : org;
    expect(page.body).toContain('id="h-org-publications"');
    expect(page.body).toContain(`href="/feeds/organizations/${orgB}.xml"`);
  });

  it('serves static pages by key in the reader’s language', async () => {
    const ar = await published({
      kind: 'page',
      organizationId: null,
      pageKey: 'about',
      title: 'عن الشبكة',
      body: 'نحن شبكة.',
    });
    await published({
      kind: 'page',
      organizationId: null,
      pageKey: 'about',
      title: 'About us',
      lang: 'en',
      translationOf: ar,
      body: 'We are a network.',
    });
    expect((await t.app.inject({ url: '/pages/about' })).body).toContain('نحن شبكة.');
    expect((await t.app.inject({ url: '/pages/about?lang=en' })).body).toContain('We are a network.');
    expect((await t.app.inject({ url: '/pages/missing' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/pages/..%2F' })).statusCode).toBe(404);
  });
});

describe('uploads', () => {
  function multipart(
    fields: Record<string, string | string[]>,
    files: Record<string, { name: string; type: string; data: Buffer }>,
  ) {
    const boundary = '----waslboundary' + Math.random().toString(16).slice(2);
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(fields))
      for (const item of Array.isArray(v) ? v : [v])
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${item}\r\n`));
    for (const [k, f] of Object.entries(files)) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
        ),
        f.data,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
  }

  async function postMultipart(
    client: Client,
    url: string,
    fields: Record<string, string | string[]>,
    files: Parameters<typeof multipart>[1],
  ) {
    const { payload, contentType } = multipart({ _csrf: client.csrf!, ...fields }, files);
    return t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': contentType, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
  }

  it('re-encodes a cover into responsive, lazy images and keeps a resource file private until published', async () => {
    const c = clients.staffA!;
    await c.get(`/publishing/new?kind=resource&org=${orgA}`);
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 40, g: 120, b: 90 } } })
      .png()
      .toBuffer();
    const fields = {
      ...baseForm({ title: 'دليل الناخب المصوّر', towns: '' }),
      resource_type: 'leaflet',
      collection: '',
      file_pages: '2',
    };
    delete (fields as Record<string, unknown>).activity_date;
    const svg = await postMultipart(c, '/publishing/new?kind=resource', fields, {
      cover: { name: 'x.svg', type: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
    });
    expect(svg.statusCode).toBe(400);
    const res = await postMultipart(c, '/publishing/new?kind=resource', fields, {
      cover: { name: 'cover.png', type: 'image/png', data: png },
      file: { name: 'guide.pdf', type: 'application/pdf', data: makeDemoPdf('Voter guide', 2) },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const id = idFrom(res.headers.location);
    const download = `/resources/download/${id}`;
    expect((await clients.anon!.get(download)).statusCode).toBe(404);
    expect((await clients.staffB!.get(download)).statusCode).toBe(404);
    expect((await c.get(download)).statusCode).toBe(200);

    await clients.adminA!.get(`/publishing/items/${id}`);
    await clients.adminA!.post(`/publishing/items/${id}/submit`, {});
    await clients.editor!.get(`/publishing/items/${id}`);
    await clients.editor!.post(`/publishing/items/${id}/publish`, {});
    const file = await clients.anon!.get(download);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(
      /^attachment; filename="wasl-resource-\d+\.pdf"; filename\*=UTF-8''/,
    );
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const moved = await clients.anon!.get(`/resources/${id}`);
    expect(decodeURIComponent(String(moved.headers.location))).toBe(`/resources/${id}/دليل-الناخب-المصور`);
    const page = await clients.anon!.get(String(moved.headers.location));
    expect(page.statusCode).toBe(200);
    const img = /<img class="pub-cover"[^>]*>/.exec(page.body)![0];
    expect(img).toMatch(
      /srcset="\/media\/[0-9a-f-]+\/[0-9a-f-]+-320\.webp 320w, \/media\/[^ ]+-640\.webp 640w, \/media\/[^ ]+-1280\.webp 1280w"/,
    );
    expect(img).toMatch(/width="1280" height="720"/);
    expect(page.body).toContain('صفحتان');
    expect(page.body).toContain(`href="${download}"`);
    // The phone-width variant is small.
    const small = /src="(\/media\/[^"]+-640\.webp)"/.exec(img)![1]!;
    const bytes = (await t.app.inject({ url: small })).rawPayload.length;
    expect(bytes).toBeLessThan(60 * 1024);
    // Listings lazy-load their thumbnails.
    const list = await clients.anon!.get('/resources');
    expect(list.body).toMatch(/<img class="pub-thumb"[^>]*loading="lazy"/);
  });
});
