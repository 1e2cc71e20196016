// The public directory through HTTP, on SQLite and PostgreSQL: search (words, town and nearby
// towns, category, group, open now, free), a service's page and its canonical address (Arabic
// slugs percent-encoded), the town pages, leaflet and map.
import { describe, expect, it } from 'vitest';
import { NOW, importDirectly, servicesTestWorld } from '../testing/setup.js';
import { slugify } from '../../../core/text/slug.js';
import { servicePath } from '../queries.js';
import { withoutWordJoiners } from '../../../core/i18n/slash-forms.js';

const world = servicesTestWorld();
const { as } = world;
const clinic = () => world.id('Free women’s clinic');

describe('search', () => {
  it('finds "عيادة مجانية" in A’zaz, by the town’s name or its P-code, with a tel link read left to right', async () => {
    const c = await as(null);
    for (const town of ['أعزاز', 'اعزاز', 'C1564']) {
      const res = await c.get(`/services?q=${encodeURIComponent('عيادة مجانية')}&town=${encodeURIComponent(town)}`);
      expect(res.statusCode).toBe(200);
      const first = res.body.indexOf('<li class="card svc-card">');
      expect(first).toBeGreaterThan(0);
      const card = res.body.slice(first, res.body.indexOf('</ul></li>', res.body.indexOf('svc-facts', first)) + 10);
      expect(card).toContain('عيادة النساء المجانية');
      expect(card).toContain('<a href="tel:+963944000101"><bdi dir="ltr">+963 944 000 101</bdi></a>');
      expect(card).toContain('مفتوح الآن حتى 14:00');
      expect(card).toMatch(/آخر تأكيد للمعلومات: 28 حزيران، 2026/);
    }
  });

  it('includes nearby towns, nearest first, and says how far', async () => {
    // Qabasin (C1209) has the mobile legal team; the al-Bab office is a few km away.
    const res = await (await as(null)).get(`/services?q=${encodeURIComponent('وثائق')}&town=C1209`);
    expect(res.statusCode).toBe(200);
    const mobile = res.body.indexOf('الفريق القانوني المتنقل');
    const office = res.body.indexOf('مساعدة قانونية في الوثائق المدنية');
    expect(mobile).toBeGreaterThan(0);
    expect(office).toBeGreaterThan(mobile);
    expect(res.body).toMatch(/على بعد \d+ كيلومتر/);
  });

  it('filters by category, target group, free and open now (all together as AND)', async () => {
    const c = await as(null);
    const byCategory = await c.get('/services?category=education');
    expect(byCategory.body).toContain('صفوف التقوية');
    expect(byCategory.body).not.toContain('عيادة النساء المجانية');
    const byGroup = await c.get('/services?group=returnees');
    expect(withoutWordJoiners(byGroup.body)).toContain('مكتب مساعدة العائدين/ات');
    expect(byGroup.body).not.toContain('صفوف التقوية');
    // Sunday 12:00: the clinic (Sat–Thu 08–14) is open; the youth training (Sun 15–18) is not yet.
    const open = await c.get('/services?open_now=1');
    expect(open.body).toContain('عيادة النساء المجانية');
    expect(open.body).not.toContain('تدريب المهارات الحياتية للشباب');
    // Closed for repairs this fortnight.
    expect(open.body).not.toContain('جلسات الدعم الجماعي للبالغين');
    const both = await c.get('/services?open_now=1&category=training');
    expect(both.body).not.toContain('تدريب المهارات الحياتية للشباب');
    expect(both.body).toContain('دورات مهنية');
    const free = await c.get('/services?free=1');
    expect(free.body).toContain('عيادة النساء المجانية');
  });

  it('answers Friday with the next opening, and says so on the card', async () => {
    world.t.clock.set('2026-07-03T08:00:00Z'); // Friday 11:00
    try {
      const res = await (await as(null)).get(`/services?q=${encodeURIComponent('عيادة')}`);
      expect(res.body).toContain('مغلق الآن، يفتح غداً الساعة 08:00');
      const open = await (await as(null)).get('/services?open_now=1');
      // Not among the open services (there are none), only among those that open next.
      expect(open.body).toContain('<h2 aria-live="polite">لا نتائج</h2>');
      const [results, opensNext] = open.body.split('class="svc-opens-next"');
      expect(results).not.toContain('عيادة النساء المجانية');
      expect(opensNext).toContain('عيادة النساء المجانية');
    } finally {
      world.t.clock.set(NOW);
    }
  });

  it('when a town has nothing matching, shows the nearest matching services with their distance', async () => {
    // Manbij (C1767) has no psychosocial support within 15 km; the nearest is farther away.
    const c = await as(null);
    const res = await c.get('/services?category=psychosocial&town=C1767');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('لا خدمة مطابقة في منبج ولا على بعد 15 كم منها. أقرب الخدمات المطابقة:');
    const nearest = res.body.slice(res.body.indexOf('class="svc-nearest"'));
    expect(nearest).toMatch(/على بعد (\d+|[٠-٩]+) كيلومتراً?/);
    expect(nearest).not.toContain('لا توجد خدمات مطابقة');
    // Nearest first: the distances printed never decrease.
    const kms = [...nearest.matchAll(/على بعد (\d+) كيلومتر/g)].map((m) => Number(m[1]));
    expect(kms.length).toBeGreaterThan(0);
    expect([...kms].sort((a, b) => a - b)).toEqual(kms);
    // Only services that match: all psychosocial.
    expect(nearest).not.toContain('عيادة النساء المجانية');
    const en = await c.get('/services?lang=en&category=psychosocial&town=C1767');
    expect(en.body).toContain('Nothing matches in Menbij or within 15 km of it. The nearest matching services:');
    expect(en.body).toMatch(/\d+ km away/);
    // Where something matches, no fallback is shown.
    const azaz = await c.get('/services?category=health&town=C1564');
    expect(azaz.body).not.toContain('svc-nearest');
  });

  it('"open now" at night answers with what opens next, and when', async () => {
    world.t.clock.set('2026-06-28T20:00:00Z'); // Sunday 23:00 in Damascus
    try {
      const res = await (await as(null)).get('/services?open_now=1&category=health');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('لا خدمة مطابقة مفتوحة الآن. هذه أقرب ما يفتح منها:');
      const next = res.body.slice(res.body.indexOf('class="svc-opens-next"'));
      expect(next).toContain('عيادة النساء المجانية');
      expect(next).toContain('مغلق الآن، يفتح غداً الساعة 08:00');
      const en = await (await as(null)).get('/services?lang=en&open_now=1&category=health');
      expect(en.body).toContain('Nothing matching is open now. These open next:');
    } finally {
      world.t.clock.set(NOW);
    }
  });

  it('after a search the form folds into a summary above the results; before, it is open', async () => {
    const c = await as(null);
    const blank = await c.get('/services');
    expect(blank.body).toContain('<details class="svc-search-box" open');
    const res = await c.get(`/services?q=${encodeURIComponent('عيادة')}&town=C1564&free=1`);
    expect(res.body).toMatch(/<details class="svc-search-box">\s*<summary>/);
    expect(res.body).toContain('عيادة · C1564 · المجانية فقط');
    expect(res.body.indexOf('<details')).toBeLessThan(res.body.indexOf('svc-card'));
  });

  it('is in English too, and tolerates nonsense in the query', async () => {
    const c = await as(null);
    const en = await c.get('/services?lang=en&q=clinic');
    expect(en.body).toContain('Free women’s clinic');
    expect(en.body).toContain('Open now until 14:00');
    const odd = await c.get('/services?town=%3Cscript%3E&category=nope&page=-3&open_now=yes');
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('<script>');
  });
});

describe('page weight (first visit budget: HTML well under 20 KB compressed, no script)', () => {
  it('the results page and a service page', async () => {
    const c = await as(null);
    const service = (await c.get(`/services/${clinic()}`)).headers.location as string;
    for (const url of [`/services?q=${encodeURIComponent('عيادة مجانية')}&town=C1564`, '/services', service]) {
      const res = await world.t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.rawPayload.length, url).toBeLessThan(20_000);
      expect(res.body).not.toContain('<script');
    }
  });
});

describe('a service’s page', () => {
  it('redirects a wrong slug to the canonical address (301)', async () => {
    const c = await as(null);
    const res = await c.get(`/services/${clinic()}/wrong-slug`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/services/${clinic()}/free-women-s-clinic`);
    const bare = await c.get(`/services/${clinic()}`);
    expect(bare.statusCode).toBe(301);
    const page = await c.get(res.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<bdi dir="ltr">+963 944 000 101</bdi>');
    expect(page.body).toContain('ساعات رمضان');
    expect(page.body).toContain('الأوقات بتوقيت دمشق');
    expect(page.body).toContain('قرب دوار الساعة');
  });

  it('redirects to an Arabic slug percent-encoded (never a raw Location, never a 500), and the address answers', async () => {
    // A service with no English name (imported), so its slug is Arabic.
    const id = 'a7a7a7a7-a7a7-47a7-87a7-a7a7a7a7a7a7';
    const name = 'عيادة الأمل للنساء';
    const imported = await importDirectly(world.t, {
      id,
      name,
      status: 'active',
      organization: { id: 'b8b8b8b8-b8b8-48b8-88b8-b8b8b8b8b8b8', name: 'جمعية الأمل', description: 'x' },
      service_areas: [{ id: 'c9c9c9c9-c9c9-49c9-89c9-c9c9c9c9c9c9', extent: 'C1564', extent_type: 'ocha_pcode' }],
    });
    expect(imported.ok).toBe(true);
    const canonical = `/services/${id}/${slugify(name)}`;
    const c = await as(null);
    const ascii = /^[\x21-\x7e]+$/;
    // Every public route that answers with the service's canonical address.
    for (const url of [`/services/${id}`, `/services/${id}/wrong-slug`, `/services/${id.toUpperCase()}/x`]) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(301);
      const location = res.headers.location as string;
      expect(location, url).toMatch(ascii);
      expect(location, url).toContain('%D8%');
      expect(decodeURIComponent(location)).toBe(canonical);
      const page = await c.get(location);
      expect(page.statusCode, location).toBe(200);
      expect(page.body).toContain(name);
    }
    // Feedback and reports send the visitor back to the page (303), encoded the same way.
    for (const [form, body] of [
      ['feedback', { rating: '5' }],
      ['report', { wrong_field: 'phone', comment: 'الرقم خطأ' }],
    ] as const) {
      const res = await c.post(`/services/${id}/${form}`, body, { formPage: `/services/${id}/${form}` });
      expect(res.statusCode, form).toBe(303);
      const location = res.headers.location as string;
      expect(location).toMatch(ascii);
      expect(decodeURIComponent(location)).toBe(`${canonical}#feedback`);
      expect((await c.get(location.split('#')[0]!)).statusCode).toBe(200);
    }
    // A town's pages redirect a lower-case P-code to the upper-case one.
    for (const suffix of ['/services', '/services/leaflet']) {
      const res = await c.get(`/towns/c1564${suffix}`);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(`/towns/C1564${suffix}`);
      expect((await c.get(res.headers.location as string)).statusCode).toBe(200);
    }
  });

  it('is 404 for an unknown or malformed id', async () => {
    const c = await as(null);
    expect((await c.get('/services/00000000-0000-4000-8000-000000000000/x')).statusCode).toBe(404);
    expect((await c.get('/services/not-an-id/x')).statusCode).toBe(404);
  });

  it('marks details not confirmed for six months, in public and to the organization', async () => {
    const furat = world.id('Legal awareness sessions');
    const c = await as(null);
    const loc = (await c.get(`/services/${furat}/x`)).headers.location as string;
    const page = await c.get(loc);
    expect(page.body).toContain('لم تُؤكَّد منذ أكثر من ستة أشهر');
    const fresh = await c.get(servicePath({ id: clinic(), name_en: 'Free women’s clinic', name_ar: null }));
    expect(fresh.body).not.toContain('لم تُؤكَّد منذ أكثر من ستة أشهر');
  });
});

describe('town pages, leaflet and map', () => {
  it('lists a town’s services, on its own page and as a section of the town page', async () => {
    const c = await as(null);
    const list = await c.get('/towns/C1564/services');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('عيادة النساء المجانية');
    expect(list.body).toContain('دورات مهنية');
    expect((await c.get('/towns/c1564/services')).statusCode).toBe(301);
    expect((await c.get('/towns/C0000/services')).statusCode).toBe(404);
    const town = await c.get('/towns/C1564');
    expect(town.body).toContain('خدمات في هذه البلدة');
    expect(town.body).toContain('عيادة النساء المجانية');
  });

  it('prints a one-page leaflet without the site’s header', async () => {
    const res = await (await as(null)).get('/towns/C1202/services/leaflet');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('class="leaflet"');
    expect(res.body).not.toContain('site-header');
    expect(res.body).toContain('<bdi dir="ltr">+963 944 000 201</bdi>');
  });

  it('the leaflet has hours, landmarks, phones, nearby towns’ services with km, the site address and a QR code — never open/closed', async () => {
    for (const at of [NOW, '2026-06-28T20:00:00Z']) {
      world.t.clock.set(at);
      try {
        const res = await (await as(null)).get('/towns/C1564/services/leaflet');
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain('<html lang="ar-SY" dir="rtl">');
        // Weekly hours, days with the same hours together.
        expect(res.body).toContain('الأوقات: السبت–الخميس 08:00–14:00');
        expect(res.body).toContain('قرب دوار الساعة، الطابق الأول فوق الصيدلية');
        expect(res.body).toContain('خدمات في البلدات القريبة (حتى 25 كم)');
        const nearby = res.body.slice(res.body.indexOf('class="leaflet-nearby"'));
        expect(nearby).toMatch(/على بعد \d+ كيلومتر/);
        expect(res.body).toContain('<bdi dir="ltr">http://127.0.0.1:3000/towns/C1564/services</bdi>');
        expect(res.body).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
        // Nothing that depends on the moment of printing.
        expect(res.body).not.toMatch(/مفتوح الآن|مغلق الآن|يفتح غداً|svc-open/);
      } finally {
        world.t.clock.set(NOW);
      }
    }
    const en = await (await as(null)).get('/towns/C1564/services/leaflet?lang=en');
    expect(en.body).toContain('Hours: Saturday–Thursday 08:00–14:00');
    expect(en.body).not.toMatch(/Open now|Closed now|Opens/);
  });

  it('draws the map on the server: district outlines, town points linking to town pages, credit', async () => {
    const res = await (await as(null)).get('/services/map');
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<path class="district"/g)?.length).toBe(8);
    expect(res.body).toContain('href="/towns/C1564/services"');
    expect(res.body).toContain('CC BY 3.0 IGO');
    expect(res.body).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
