// The public site through HTTP: canonical slugs, the article page, listings with filters and
// pagination, the library, the sections other pages show, static pages.
import { describe, expect, it } from 'vitest';
import { published, useWorld } from '../testing/fixtures.js';

const w = useWorld();

describe('public pages', () => {
  it('redirects a missing or wrong slug to the canonical URL; a wrong kind is 404', async () => {
    const id = await published(w, { title: 'Youth day in Azaz', lang: 'en', towns: ['C1564'] });
    const canonical = `/activities/${id}/youth-day-in-azaz`;
    for (const path of [`/activities/${id}`, `/activities/${id}/old-title`, `/activities/${id}/youth-day-in-azaz-x`]) {
      const res = await w.t.app.inject({ url: path });
      expect(res.statusCode, path).toBe(301);
      expect(res.headers.location).toBe(canonical);
    }
    expect((await w.t.app.inject({ url: canonical })).statusCode).toBe(200);
    expect((await w.t.app.inject({ url: `/news/${id}/youth-day-in-azaz` })).statusCode).toBe(404);
    expect((await w.t.app.inject({ url: `/activities/99999/x` })).statusCode).toBe(404);
    expect((await w.t.app.inject({ url: `/activities/abc` })).statusCode).toBe(404);
    const ar = await published(w, { title: 'يوم الشباب في أعزاز' });
    const res = await w.t.app.inject({ url: `/activities/${ar}` });
    expect(decodeURIComponent(String(res.headers.location))).toBe(`/activities/${ar}/يوم-الشباب-في-أعزاز`);
    expect((await w.t.app.inject({ url: String(res.headers.location) })).statusCode).toBe(200);
  });

  it('renders the article for reading and sharing: dir/lang, byline, house date, OpenGraph, schema.org, no raw HTML', async () => {
    const id = await published(w, {
      title: 'جلسة حوار حول <المياه>',
      summary: 'ملخص & تفاصيل',
      body: '## ما جرى\n\nنص [رابط](javascript:alert(1)) و<script>alert(1)</script>',
      byline: 'Ahmed_99!',
      towns: ['C1594'],
      topics: ['water'],
    });
    const res = await w.t.app.inject({ url: `/activities/${id}/x` });
    const page = await w.t.app.inject({ url: String(res.headers.location) });
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
    // No script from the body (the layout's own offline script for visitors is the only one).
    expect(html).not.toMatch(/<script(?! src="\/offline\/page\.js")/);
    expect(html).not.toContain('alert(1)</script>');
    expect(html).not.toContain('href="javascript:');
    // Share links are plain links: nothing is loaded from the services.
    expect(html).not.toMatch(/<(img|script|iframe)[^>]+(wa\.me|t\.me|facebook)/);
    // One stylesheet, the site's, which carries this feature's print rules.
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(sheets).toEqual([expect.stringMatching(/^\/assets\/style\.[0-9a-f]{10}\.css$/)]);
    const sheet = await w.t.app.inject({ url: sheets[0]! });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toMatch(/@media print \{\s*\.pub-share,/);
  });

  it('paginates and filters listings by town, organization, topic, language and year', async () => {
    const older = new Date('2025-03-01T10:00:00Z');
    for (let i = 0; i < 14; i++) {
      await published(
        w,
        {
          title: `نشاط رقم ${i} في الباب`,
          towns: ['C1202'],
          organizationId: i % 2 ? w.orgB : w.orgA,
          topics: i % 3 === 0 ? ['youth'] : [],
          lang: i === 5 ? 'en' : 'ar',
        },
        i < 4 ? older : new Date(w.t.clock.now.getTime() - i * 60_000),
      );
    }
    const first = await w.t.app.inject({ url: '/activities?town=C1202' });
    expect(first.statusCode).toBe(200);
    expect(first.body.match(/class="card pub-card"/g)!.length).toBe(12);
    expect(first.body).toContain('rel="next" href="/activities?town=C1202&amp;page=2"');
    expect(first.body).toContain(
      '<link rel="alternate" type="application/atom+xml" title="منشورات عن الباب" href="/feeds/towns/C1202.xml"',
    );
    const second = await w.t.app.inject({ url: '/activities?town=C1202&page=2' });
    expect(second.body.match(/class="card pub-card"/g)!.length).toBe(2);
    const count = async (q: string) =>
      ((await w.t.app.inject({ url: `/activities?${q}` })).body.match(/class="card pub-card"/g) ?? []).length;
    expect(await count('town=C1202&year=2025')).toBe(4);
    expect(await count(`town=C1202&org=${w.orgB}`)).toBe(7);
    expect(await count('town=C1202&topic=youth')).toBe(5);
    expect(await count('town=C1202&content=en')).toBe(1);
    // the items' language never switches the interface or leaves a cookie
    const english = await w.t.app.inject({ url: '/activities?town=C1202&content=en' });
    expect(english.body).toContain('<html lang="ar');
    expect(english.headers['set-cookie'] ?? '').not.toMatch(/lang/);
    // Nonsense filters are ignored, not errors.
    const odd = await w.t.app.inject({ url: '/activities?town=<x>&year=abc&topic=nope&page=-3&lang=fr' });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('<x>');
    expect((await w.t.app.inject({ url: '/activities?page=999' })).statusCode).toBe(200);
  });

  it('lists the lessons-learned collection and filters the library by type', async () => {
    await published(w, {
      kind: 'resource',
      title: 'دليل الناخب',
      resourceType: 'leaflet',
      collection: 'lessons-learned',
    });
    await published(w, { kind: 'resource', title: 'حقيبة أدوات تقدير الاحتياجات', resourceType: 'toolkit' });
    const lessons = await w.t.app.inject({ url: '/resources/lessons-learned' });
    expect(lessons.statusCode).toBe(200);
    expect(lessons.body).toContain('دليل الناخب');
    expect(lessons.body).not.toContain('حقيبة أدوات تقدير الاحتياجات');
    expect(lessons.body).toContain('href="/feeds/lessons-learned.xml"');
    const toolkits = await w.t.app.inject({ url: '/resources?type=toolkit' });
    expect(toolkits.body).toContain('حقيبة أدوات تقدير الاحتياجات');
    expect(toolkits.body).not.toContain('دليل الناخب');
  });

  it('shows a town its activities and local issues, and an organization its publications', async () => {
    await published(w, { kind: 'local_issue', title: 'المياه في تل عار', towns: ['C1594'] });
    const town = await w.t.app.inject({ url: '/towns/C1594' });
    expect(town.body).toContain('id="h-town-activities"');
    expect(town.body).toContain('id="h-town-issues"');
    expect(town.body).toContain('المياه في تل عار');
    const org = await w.t.app.inject({ url: `/organizations/${w.orgB}` });
    const page = org.statusCode === 301 ? await w.t.app.inject({ url: String(org.headers.location) }) : org;
    expect(page.body).toContain('id="h-org-publications"');
    expect(page.body).toContain(`href="/follow?feed=${encodeURIComponent(`/feeds/organizations/${w.orgB}.xml`)}"`);
  });

  it('tells a reader whose interface is in the other language that the text is not in theirs', async () => {
    const id = await published(w, { title: 'جلسة حوار عن المياه', lang: 'ar' });
    const url = `/activities/${id}`;
    const open = async (lang: string) => {
      let res = await w.t.app.inject({ url: `${url}?lang=${lang}` });
      if (res.statusCode === 301) res = await w.t.app.inject({ url: `${res.headers.location as string}?lang=${lang}` });
      return res.body;
    };
    expect(await open('en')).toContain('This text is in Arabic; there is no English version of it yet.');
    expect(await open('ar')).not.toContain('هذا النص بالعربية');
  });

  it('serves static pages by key in the reader’s language', async () => {
    const ar = await published(w, {
      kind: 'page',
      organizationId: null,
      pageKey: 'about',
      title: 'عن الشبكة',
      body: 'نحن شبكة.',
    });
    await published(w, {
      kind: 'page',
      organizationId: null,
      pageKey: 'about',
      title: 'About us',
      lang: 'en',
      translationOf: ar,
      body: 'We are a network.',
    });
    expect((await w.t.app.inject({ url: '/pages/about' })).body).toContain('نحن شبكة.');
    expect((await w.t.app.inject({ url: '/pages/about?lang=en' })).body).toContain('We are a network.');
    expect((await w.t.app.inject({ url: '/pages/missing' })).statusCode).toBe(404);
    expect((await w.t.app.inject({ url: '/pages/..%2F' })).statusCode).toBe(404);
  });

  it("a signed-in reader's article shows an item related to it as soon as it is published", async () => {
    const id = await published(w, { title: 'Wells of Tal Rifaat', lang: 'en', towns: ['C1594'], topics: ['water'] });
    const url = `/activities/${id}/wells-of-tal-rifaat`;
    const reader = w.clients.member!;
    const first = await reader.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body).not.toContain('Pumps repaired in Tal Rifaat');
    await published(w, { title: 'Pumps repaired in Tal Rifaat', lang: 'en', towns: ['C1594'] });
    expect((await reader.get(url)).body).toContain('Pumps repaired in Tal Rifaat');
  });
});
