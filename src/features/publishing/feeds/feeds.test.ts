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
