// The editorial workflow through HTTP, as people use it: who may write, submit, publish, schedule,
// feature and return; what stays hidden from other organizations; revisions; uploads.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  Client,
  history,
  idFrom,
  itemFormFields,
  itemRow,
  newDraft,
  postMultipart,
  published,
  signIn,
  useWorld,
} from '../testing/fixtures.js';
import { makeDemoPdf } from '../testing/seed.js';
import { publishDue } from './actions.js';
import { withoutWordJoiners } from '../../../core/i18n/slash-forms.js';

const w = useWorld();
const form = (over: Record<string, string | string[]> = {}) => itemFormFields(w.orgA, over);

describe('editorial workflow', () => {
  it('keeps the workspace to staff and editors; route levels refuse the rest', async () => {
    expect((await w.clients.anon!.get('/publishing/new?kind=activity')).statusCode).toBe(303);
    expect((await w.clients.member!.get('/publishing/new?kind=activity')).statusCode).toBe(404);
    expect((await w.clients.staffA!.get('/publishing/network/new?kind=news')).statusCode).toBe(404);
    expect((await w.clients.editor!.get('/publishing/network/new?kind=news')).statusCode).toBe(200);
    const dash = await w.clients.member!.get('/publishing');
    expect(dash.statusCode).toBe(200);
    expect(dash.body).not.toContain('/publishing/items/');
    // Staff may not write the network's news or pages, nor for another organization.
    expect((await w.clients.staffA!.get(`/publishing/new?kind=news&org=${w.orgA}`)).statusCode).toBe(404);
    expect((await w.clients.staffA!.get(`/publishing/new?kind=activity&org=${w.orgB}`)).statusCode).toBe(404);
  });

  it('org staff draft for their own organization only; bad input writes nothing', async () => {
    const before = (await w.t.handle.db.selectFrom('pub_items').select('id').execute()).length;
    const c = w.clients.staffA!;
    await c.get(`/publishing/new?kind=activity&org=${w.orgA}`);
    const other = await c.post('/publishing/new?kind=activity', form({ organization_id: String(w.orgB) }));
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('لا يمكن النشر باسم هذه المنظمة');
    const noTitle = await c.post('/publishing/new?kind=activity', form({ title: '  ' }));
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.body).toContain('هذا الحقل مطلوب');
    const badTown = await c.post('/publishing/new?kind=activity', form({ towns: 'C9999' }));
    expect(badTown.statusCode).toBe(400);
    expect(badTown.body).toContain('C9999');
    const extra = await c.post('/publishing/new?kind=activity', { ...form(), status: 'published' });
    expect(extra.statusCode).toBe(400);
    const english = new Client(w.t.app);
    await signIn(w.t, english, w.u.staffA!);
    await english.get(`/publishing/new?kind=activity&org=${w.orgA}&lang=en`);
    const en = await english.post('/publishing/new?kind=activity', form({ title: '' }));
    expect(en.statusCode).toBe(400);
    expect(en.body).toMatch(/required/i);
    expect((await w.t.handle.db.selectFrom('pub_items').select('id').execute()).length).toBe(before);

    const id = await newDraft(w, c);
    const row = await itemRow(w, id);
    expect(row).toMatchObject({ status: 'draft', organization_id: w.orgA, kind: 'activity', created_by: w.u.staffA });
  });

  it('another organization cannot see a draft (404 everywhere), nor can the public', async () => {
    const id = await newDraft(w, w.clients.staffA!);
    for (const path of [`/publishing/items/${id}`, `/publishing/items/${id}/edit`]) {
      expect((await w.clients.staffB!.get(path)).statusCode, path).toBe(404);
      expect((await w.clients.adminB!.get(path)).statusCode, path).toBe(404);
      expect((await w.clients.member!.get(path)).statusCode, path).toBe(404);
    }
    const slugged = `/activities/${id}/${encodeURIComponent('زيارة-إلى-المجلس-المحلي-في-تل-عار')}`;
    expect((await w.clients.anon!.get(slugged)).statusCode).toBe(404);
    expect((await w.clients.staffB!.get(slugged)).statusCode).toBe(404);
    // Their own staff see a preview; the network's editors see nothing until it is submitted.
    const preview = await w.clients.staffA!.get(slugged);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('معاينة');
    expect(preview.headers['cache-control']).toBe('no-store');
    expect((await w.clients.editor!.get(`/publishing/items/${id}`)).statusCode).toBe(404);
    expect((await w.clients.editor!.get(slugged)).statusCode).toBe(404);
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    expect((await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(303);
    expect((await w.clients.editor!.get(`/publishing/items/${id}`)).statusCode).toBe(200);
    // Other organizations cannot act on it either.
    expect((await w.clients.adminB!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(404);
    expect((await w.clients.staffB!.post(`/publishing/items/${id}/edit`, form())).statusCode).toBe(404);
    expect((await itemRow(w, id)).status).toBe('submitted');
  });

  it('staff draft, the org admin submits, the editor returns with a comment, then publishes', async () => {
    const id = await newDraft(w, w.clients.staffA!);
    // Staff cannot submit, editors' actions are out of reach for the organization.
    expect((await w.clients.staffA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(404);
    expect((await w.clients.adminA!.post(`/publishing/items/${id}/publish`, {})).statusCode).toBe(404);
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    const sub = await w.clients.adminA!.post(`/publishing/items/${id}/submit`, { comment: 'جاهز للنشر' });
    expect(sub.statusCode).toBe(303);
    expect((await itemRow(w, id)).status).toBe('submitted');
    // Submitted items are locked for the organization.
    expect((await w.clients.staffA!.get(`/publishing/items/${id}/edit`)).statusCode).toBe(404);

    await w.clients.editor!.get(`/publishing/items/${id}`);
    const empty = await w.clients.editor!.post(`/publishing/items/${id}/return`, { comment: '' });
    expect(empty.statusCode).toBe(400);
    expect((await itemRow(w, id)).status).toBe('submitted');
    const ret = await w.clients.editor!.post(`/publishing/items/${id}/return`, {
      comment: 'يلزم ذكر عدد الحاضرين/ات.',
    });
    expect(ret.statusCode).toBe(303);
    const page = await w.clients.staffA!.get(`/publishing/items/${id}`);
    expect(withoutWordJoiners(page.body)).toContain('يلزم ذكر عدد الحاضرين/ات.');
    expect(page.body).toContain('أُعيد للتعديل');

    await w.clients.staffA!.get(`/publishing/items/${id}/edit`);
    const edit = await w.clients.staffA!.post(`/publishing/items/${id}/edit`, form({ body: 'حضر خمسون من الأهالي.' }));
    expect(edit.statusCode).toBe(303);
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    expect((await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {})).statusCode).toBe(303);
    await w.clients.editor!.get(`/publishing/items/${id}`);
    const pub = await w.clients.editor!.post(`/publishing/items/${id}/publish`, { publish_at: '' });
    expect(pub.statusCode).toBe(303);
    const row = await itemRow(w, id);
    expect(row.status).toBe('published');
    expect(row.published_at).toBe(w.t.clock.now.toISOString());
    const url = String((await w.t.app.inject({ url: `/activities/${id}` })).headers.location);
    const res = await w.clients.anon!.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('حضر خمسون من الأهالي.');
    const { events, audit } = await history(w, id);
    expect(events).toEqual(['created', 'submitted', 'returned', 'edited', 'submitted', 'published']);
    expect(audit).toContain('publishing.published');
  });

  it('schedules: hidden until the time comes, then public everywhere at once; the job records it', async () => {
    const id = await newDraft(w, w.clients.staffA!, { title: 'حملة نظافة في أعزاز', towns: 'C1564' });
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {});
    await w.clients.editor!.get(`/publishing/items/${id}`);
    const bad = await w.clients.editor!.post(`/publishing/items/${id}/publish`, { publish_at: 'tomorrow' });
    expect(bad.statusCode).toBe(400);
    // 2026-06-28T09:00Z is 12:00 in Damascus; schedule for 15:00 Damascus time.
    const res = await w.clients.editor!.post(`/publishing/items/${id}/publish`, { publish_at: '2026-06-28T15:00' });
    expect(res.statusCode).toBe(303);
    const row = await itemRow(w, id);
    expect(row.status).toBe('scheduled');
    expect(row.publish_at).toBe('2026-06-28T12:00:00.000Z');
    const url = `/activities/${id}/${encodeURIComponent('حملة-نظافة-في-أعزاز')}`;
    const everywhere = async () => ({
      page: (await w.clients.anon!.get(url)).statusCode,
      search: (await w.clients.anon!.get('/search?q=نظافه')).body.includes('حملة نظافة في أعزاز'),
      listing: (await w.clients.anon!.get('/activities?town=C1564')).body.includes('حملة نظافة في أعزاز'),
      feed: (await w.clients.anon!.get('/feeds/towns/C1564.xml')).body.includes(`/activities/${id}</id>`),
      sitemap: (await w.clients.anon!.get('/sitemap.xml')).body.includes(`/activities/${id}/`),
      town: (await w.clients.anon!.get('/towns/C1564')).body.includes('حملة نظافة في أعزاز'),
    });
    const nowhere = { page: 404, search: false, listing: false, feed: false, sitemap: false, town: false };
    const shown = { page: 200, search: true, listing: true, feed: true, sitemap: true, town: true };
    expect(await everywhere()).toEqual(nowhere);
    w.t.clock.advance(3 * 3600_000 + 1000);
    try {
      expect(await everywhere()).toEqual(shown);
      // Reading wrote nothing; the publish-due job records it, at the time it was due.
      expect((await itemRow(w, id)).status).toBe('scheduled');
      expect(await publishDue(w.t.handle.db, w.t.clock.now)).toBe(1);
      expect(await itemRow(w, id)).toMatchObject({
        status: 'published',
        published_at: '2026-06-28T12:00:00.000Z',
        first_published_at: '2026-06-28T12:00:00.000Z',
        publish_at: null,
      });
      expect(await everywhere()).toEqual(shown);
      expect(await publishDue(w.t.handle.db, w.t.clock.now)).toBe(0);
    } finally {
      w.t.clock.set('2026-06-28T09:00:00.000Z');
    }
  });

  it('records a due publication before a write, so the history reads as if it had been recorded on time', async () => {
    const id = await newDraft(w, w.clients.staffA!, { title: 'تقرير مجدول', body: 'النص كما جُدول.' });
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {});
    await w.clients.editor!.get(`/publishing/items/${id}`);
    // 09:00Z is 12:00 in Damascus: due in two minutes (the editor's session stays fresh).
    await w.clients.editor!.post(`/publishing/items/${id}/publish`, { publish_at: '2026-06-28T12:02' });
    expect((await itemRow(w, id)).status).toBe('scheduled');
    w.t.clock.advance(3 * 60_000);
    try {
      // Due but not yet recorded: the workspace shows it published, and an edit is a published edit.
      expect((await w.clients.editor!.get(`/publishing/items/${id}`)).body).toContain('/unpublish');
      await w.clients.editor!.get(`/publishing/items/${id}/edit`);
      const bad = await w.clients.editor!.post(`/publishing/items/${id}/edit`, form({ title: '' }));
      expect(bad.statusCode).toBe(400);
      expect((await itemRow(w, id)).status).toBe('scheduled');
      const edit = await w.clients.editor!.post(
        `/publishing/items/${id}/edit`,
        form({ title: 'تقرير مجدول', body: 'النص بعد التصحيح.' }),
      );
      expect(edit.statusCode).toBe(303);
      const { events, revisions, audit } = await history(w, id);
      expect(events.slice(-3)).toEqual(['scheduled', 'published', 'edited']);
      expect(revisions).toEqual([
        { number: 1, body: 'النص كما جُدول.' },
        { number: 2, body: 'النص بعد التصحيح.' },
      ]);
      expect(audit).toContain('publishing.published_item_edited');
      expect((await w.clients.anon!.get('/search?q=التصحيح')).body).toContain('تقرير مجدول');
    } finally {
      w.t.clock.set('2026-06-28T09:00:00.000Z');
    }
  });

  it('features on the home page and unpublishes (gone from the site, search and feeds)', async () => {
    const id = await published(w, { title: 'يوم مفتوح للمنظمات في الباب', towns: ['C1202'], summary: 'لقاء مفتوح.' });
    expect((await w.clients.staffA!.post(`/publishing/items/${id}/feature`, { featured: '1' })).statusCode).toBe(404);
    await w.clients.editor!.get(`/publishing/items/${id}`);
    expect((await w.clients.editor!.post(`/publishing/items/${id}/feature`, { featured: 'yes' })).statusCode).toBe(400);
    expect((await w.clients.editor!.post(`/publishing/items/${id}/feature`, { featured: '1' })).statusCode).toBe(303);
    const home = await w.clients.anon!.get('/');
    const featured = home.body.slice(home.body.indexOf('id="h-featured"'), home.body.indexOf('id="h-latest"'));
    expect(featured).toContain('يوم مفتوح للمنظمات في الباب');
    expect(home.body).toMatch(/<form method="get" action="\/services"[^>]*>/);

    expect((await w.clients.adminA!.post(`/publishing/items/${id}/unpublish`, {})).statusCode).toBe(404);
    expect(
      (await w.clients.editor!.post(`/publishing/items/${id}/unpublish`, { comment: 'خطأ في التاريخ' })).statusCode,
    ).toBe(303);
    expect((await itemRow(w, id)).status).toBe('unpublished');
    expect((await w.clients.anon!.get(`/activities/${id}/x`)).statusCode).toBe(404);
    expect((await w.clients.anon!.get('/search?q=يوم مفتوح للمنظمات')).body).not.toContain(`/activities/${id}/`);
    expect((await w.clients.anon!.get('/feeds/activities.xml')).body).not.toContain(`/activities/${id}`);
    expect((await w.clients.anon!.get('/')).body).not.toContain('يوم مفتوح للمنظمات في الباب');
    const doc = await w.t.handle.db
      .selectFrom('search_documents')
      .select('id')
      .where('ref_id', '=', String(id))
      .executeTakeFirst();
    expect(doc).toBeUndefined();
  });

  it('approves a pseudonymous byline by publishing it, and says it is a pseudonym', async () => {
    const c = w.clients.staffA!;
    await c.get(`/publishing/new?kind=opinion&org=${w.orgA}`);
    const missing = await c.post('/publishing/new?kind=opinion', form({ byline: '', byline_pseudonym: 'on' }));
    expect(missing.statusCode).toBe(400);
    const res = await c.post(
      '/publishing/new?kind=opinion',
      form({ title: 'رأي في المياه', byline: 'أم سامر', byline_pseudonym: 'on' }),
    );
    const id = idFrom(res.headers.location);
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {});
    await w.clients.editor!.get(`/publishing/items/${id}`);
    await w.clients.editor!.post(`/publishing/items/${id}/publish`, {});
    const page = await w.clients.anon!.get(`/opinion/${id}/${encodeURIComponent('رأي-في-المياه')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<bdi class="author">أم سامر</bdi>');
    expect(page.body).toContain('اسم مستعار');
    expect(page.body).toContain('itemtype="https://schema.org/OpinionNewsArticle"');
  });
});

describe('revisions', () => {
  it('keeps every version after publication and shows the current one', async () => {
    const id = await newDraft(w, w.clients.staffA!, { title: 'تقرير للتصحيح', body: 'النص الأول.' });
    await w.clients.adminA!.get(`/publishing/items/${id}`);
    await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {});
    await w.clients.editor!.get(`/publishing/items/${id}`);
    await w.clients.editor!.post(`/publishing/items/${id}/publish`, {});
    // Published items are the editor's to change.
    expect((await w.clients.staffA!.get(`/publishing/items/${id}/edit`)).statusCode).toBe(404);
    await w.clients.editor!.get(`/publishing/items/${id}/edit`);
    for (const body of ['النص الثاني.', 'النص الثالث.']) {
      w.t.clock.advance(60_000);
      const res = await w.clients.editor!.post(`/publishing/items/${id}/edit`, form({ title: 'تقرير للتصحيح', body }));
      expect(res.statusCode).toBe(303);
    }
    w.t.clock.set('2026-06-28T09:00:00.000Z');
    const revs = (await history(w, id)).revisions;
    expect(revs).toEqual([
      { number: 1, body: 'النص الأول.' },
      { number: 2, body: 'النص الثاني.' },
      { number: 3, body: 'النص الثالث.' },
    ]);
    const first = await w.clients.staffA!.get(`/publishing/items/${id}/revisions/1`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('النص الأول.');
    expect((await w.clients.staffB!.get(`/publishing/items/${id}/revisions/1`)).statusCode).toBe(404);
    expect((await w.clients.staffA!.get(`/publishing/items/${id}/revisions/9`)).statusCode).toBe(404);
    const pub = await w.clients.anon!.get(`/activities/${id}/${encodeURIComponent('تقرير-للتصحيح')}`);
    expect(pub.body).toContain('النص الثالث.');
    expect(pub.body).not.toContain('النص الأول.');
    // The search index follows the edit.
    expect((await w.clients.anon!.get('/search?q=الثالث')).body).toContain('تقرير للتصحيح');
  });
});

describe('uploads', () => {
  it('re-encodes a cover into responsive, lazy images and keeps a resource file private until published', async () => {
    const c = w.clients.staffA!;
    await c.get(`/publishing/new?kind=resource&org=${w.orgA}`);
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 40, g: 120, b: 90 } } })
      .png()
      .toBuffer();
    const fields = {
      ...form({ title: 'دليل الناخب المصوّر', towns: '' }),
      resource_type: 'leaflet',
      collection: '',
      file_pages: '2',
    };
    delete (fields as Record<string, unknown>).activity_date;
    const svg = await postMultipart(w, c, '/publishing/new?kind=resource', fields, {
      cover: { name: 'x.svg', type: 'image/svg+xml', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
    });
    expect(svg.statusCode).toBe(400);
    const res = await postMultipart(w, c, '/publishing/new?kind=resource', fields, {
      cover: { name: 'cover.png', type: 'image/png', data: png },
      file: { name: 'guide.pdf', type: 'application/pdf', data: makeDemoPdf('Voter guide', 2) },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const id = idFrom(res.headers.location);
    const download = `/resources/download/${id}`;
    expect((await w.clients.anon!.get(download)).statusCode).toBe(404);
    expect((await w.clients.staffB!.get(download)).statusCode).toBe(404);
    expect((await c.get(download)).statusCode).toBe(200);

    await w.clients.adminA!.get(`/publishing/items/${id}`);
    await w.clients.adminA!.post(`/publishing/items/${id}/submit`, {});
    await w.clients.editor!.get(`/publishing/items/${id}`);
    await w.clients.editor!.post(`/publishing/items/${id}/publish`, {});
    const file = await w.clients.anon!.get(download);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(String(file.headers['content-disposition'])).toMatch(
      /^attachment; filename="wasl-resource-\d+\.pdf"; filename\*=UTF-8''/,
    );
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const moved = await w.clients.anon!.get(`/resources/${id}`);
    expect(decodeURIComponent(String(moved.headers.location))).toBe(`/resources/${id}/دليل-الناخب-المصور`);
    const page = await w.clients.anon!.get(String(moved.headers.location));
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
    const bytes = (await w.t.app.inject({ url: small })).rawPayload.length;
    expect(bytes).toBeLessThan(60 * 1024);
    // Listings lazy-load their thumbnails.
    const list = await w.clients.anon!.get('/resources');
    expect(list.body).toMatch(/<img class="pub-thumb"[^>]*loading="lazy"/);
  });
});
