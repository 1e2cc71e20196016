// The feeds and the sitemap through HTTP: well-formed Atom per kind, town and organization,
// hostile titles escaped, unknown feeds 404.
import { describe, expect, it } from 'vitest';
import { published, useWorld } from '../testing/fixtures.js';
import { xmlProblems } from '../testing/xml-wellformed.js';

const w = useWorld();

describe('feeds and sitemap', () => {
  it('serves well-formed Atom feeds per kind, town and organization, and a sitemap', async () => {
    const id = await published(w, {
      title: 'عنوان فيه <script>alert(1)</script> & ]]> \u0007',
      summary: 'ملخص "مقتبس" وَ \'آخر\'',
      towns: ['C1594'],
      organizationId: w.orgB,
      topics: ['water'],
    });
    await published(w, {
      kind: 'resource',
      title: 'دليل الناخب',
      resourceType: 'leaflet',
      collection: 'lessons-learned',
    });
    for (const url of [
      '/feeds/activities.xml',
      '/feeds/all.xml',
      '/feeds/resources.xml',
      '/feeds/lessons-learned.xml',
      '/feeds/towns/C1594.xml',
      `/feeds/organizations/${w.orgB}.xml`,
    ]) {
      const res = await w.t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      expect(xmlProblems(res.body), url).toEqual({ problems: [], root: 'feed' });
      expect(res.body).toContain('<entry');
    }
    const town = (await w.t.app.inject({ url: '/feeds/towns/C1594.xml' })).body;
    expect(town).toContain(`/activities/${id}</id>`);
    expect(town).toContain('&lt;script&gt;');
    for (const bad of [
      '/feeds/pages.xml',
      '/feeds/nope.xml',
      '/feeds/towns/C0000.xml',
      '/feeds/organizations/99999.xml',
      '/feeds/activities.json',
    ])
      expect((await w.t.app.inject({ url: bad })).statusCode, bad).toBe(404);
    const map = await w.t.app.inject({ url: '/sitemap.xml' });
    expect(xmlProblems(map.body)).toEqual({ problems: [], root: 'urlset' });
    expect(map.body).toContain(`/activities/${id}/`);
    expect(map.body).toContain('<loc>http://127.0.0.1:3000/resources/lessons-learned</loc>');
  });
});

describe('following in a news app', () => {
  /** The words a person reads on a page: no tags, scripts or attribute values. */
  const visibleText = (html: string) =>
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');

  it('links the public pages to a plain explanation with the address to paste, never to raw XML or the word Atom', async () => {
    await published(w, { title: 'نشاط في تل عار', towns: ['C1594'], organizationId: w.orgB });
    for (const [url, feed] of [
      ['/towns/C1594', '/feeds/towns/C1594.xml'],
      [`/organizations/${w.orgB}`, `/feeds/organizations/${w.orgB}.xml`],
      ['/activities', '/feeds/activities.xml'],
    ] as const) {
      let page = await w.t.app.inject({ url });
      if (page.statusCode === 301) page = await w.t.app.inject({ url: page.headers.location as string });
      expect(page.statusCode, url).toBe(200);
      expect(visibleText(page.body), url).not.toMatch(/Atom|خلاصة/);
      expect(page.body, url).toContain(`href="/follow?feed=${encodeURIComponent(feed)}"`);
      // feed readers still find a listing's feed in the page's head
      if (url === '/activities')
        expect(page.body, url).toMatch(/<link(?=[^>]+rel="alternate")(?=[^>]+application\/atom\+xml)[^>]+>/);

      for (const lang of ['ar', 'en']) {
        const follow = await w.t.app.inject({ url: `/follow?feed=${encodeURIComponent(feed)}&lang=${lang}` });
        expect(follow.statusCode).toBe(200);
        expect(follow.body).toContain(`value="${w.t.app.wasl.config.baseUrl}${feed}"`);
        expect(visibleText(follow.body)).not.toMatch(/Atom|XML/);
      }
    }
  });

  it('offers only this site’s feeds: any other address shows the feed of everything', async () => {
    for (const feed of ['https://evil.example/x.xml', '/feeds/../admin.xml', '/login', 'javascript:alert(1)']) {
      const res = await w.t.app.inject({ url: `/follow?feed=${encodeURIComponent(feed)}` });
      expect(res.statusCode, feed).toBe(200);
      expect(res.body).toContain(`value="${w.t.app.wasl.config.baseUrl}/feeds/all.xml"`);
      // nothing links or points to the address given (the language switch may repeat it, escaped)
      expect(res.body).not.toMatch(/(href|value|src)="(https:\/\/evil|javascript:)/);
    }
  });
});
