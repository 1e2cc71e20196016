// The services directory through HTTP, on SQLite and PostgreSQL: search (words, town and nearby
// towns, category, group, open now, free), a service's page, the town pages, leaflet and map,
// anonymous feedback and its moderation, and what each role may do (org A cannot touch org B's).
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { loadAleppoSeed } from '../../core/towns/seed.js';
import { seedDemoServices } from './seed.js';
import { servicePath } from './queries.js';

let t: TestApp;
let ids: Record<string, string>;
let orgs: Record<string, number>;
const people: Record<string, number> = {};

// Sunday 28 June 2026, 12:00 in Damascus.
const NOW = '2026-06-28T09:00:00.000Z';

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.handle.db;
  await loadAleppoSeed(db, new Date(NOW));
  const net = await makeNetwork(db);
  orgs = {};
  for (const key of ['noon', 'wathiqa', 'diyaa', 'sanabel', 'amal', 'jusoor', 'ghiras', 'basma', 'furat'])
    orgs[key] = await makeOrganization(db, net, key);
  ids = await seedDemoServices(db, orgs, new Date(NOW));
  const staff = async (name: string, opts: Parameters<typeof makeUser>[1]) =>
    (people[name] = (await makeUser(db, { username: name, totpSecret: newTotpSecret(), ...opts })).id);
  await staff('noonStaff', { org: [orgs.noon!, 'orgStaff'] });
  await staff('wathiqaAdmin', { org: [orgs.wathiqa!, 'orgAdmin'] });
  await staff('moderator', { network: [net, 'moderator'] });
  await staff('editor', { network: [net, 'networkEditor'] });
  await staff('admin', { network: [net, 'networkAdmin'] });
  people.member = (await makeUser(db, { username: 'plainmember' })).id;
});
afterAll(() => t.close());

async function as(name: string | null) {
  const c = new Client(t.app);
  if (name) await signIn(t, c, people[name]!);
  return c;
}
const clinic = () => ids['Free women’s clinic']!;
const legal = () => ids['Legal aid for civil documents']!;

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
    expect(byGroup.body).toContain('مكتب مساعدة العائدين/ات');
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
    t.clock.set('2026-07-03T08:00:00Z'); // Friday 11:00
    try {
      const res = await (await as(null)).get(`/services?q=${encodeURIComponent('عيادة')}`);
      expect(res.body).toContain('مغلق الآن، يفتح غداً الساعة 08:00');
      const open = await (await as(null)).get('/services?open_now=1');
      expect(open.body).not.toContain('عيادة النساء المجانية');
    } finally {
      t.clock.set(NOW);
    }
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
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
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

  it('is 404 for an unknown or malformed id', async () => {
    const c = await as(null);
    expect((await c.get('/services/00000000-0000-4000-8000-000000000000/x')).statusCode).toBe(404);
    expect((await c.get('/services/not-an-id/x')).statusCode).toBe(404);
  });

  it('marks details not confirmed for six months, in public and to the organization', async () => {
    const furat = ids['Legal awareness sessions']!;
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

  it('draws the map on the server: district outlines, town points linking to town pages, credit', async () => {
    const res = await (await as(null)).get('/services/map');
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<path class="district"/g)?.length).toBe(8);
    expect(res.body).toContain('href="/towns/C1564/services"');
    expect(res.body).toContain('CC BY 3.0 IGO');
    expect(res.body).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});

describe('feedback and reports: anonymous, moderated, shown to the organization', () => {
  it('stores only what was typed, waiting for moderation', async () => {
    const c = await as(null);
    const page = servicePath({ id: legal(), name_en: 'Legal aid for civil documents', name_ar: null });
    await c.get(page);
    const res = await c.post(`/services/${legal()}/feedback`, {
      got_service: 'yes',
      rating: '4',
      comment: 'ساعدوني في تسجيل ابني',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}#feedback`);
    const row = await t.handle.db
      .selectFrom('svc_feedback')
      .selectAll()
      .where('service_id', '=', legal())
      .where('kind', '=', 'feedback')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', got_service: 'yes', rating: 4, comment: 'ساعدوني في تسجيل ابني' });
    expect(Object.keys(row).sort()).toEqual(
      [
        'comment',
        'created_at',
        'got_service',
        'id',
        'kind',
        'moderated_at',
        'moderated_by',
        'rating',
        'resolved_at',
        'service_id',
        'status',
        'wrong_field',
      ].sort(),
    );
    const keys = await t.handle.db.selectFrom('rate_limits').select('key').execute();
    expect(keys.some((k) => k.key.includes('127.0.0.1'))).toBe(false);
  });

  it('refuses an empty or malformed form with the reason beside it, and writes nothing', async () => {
    const c = await as(null);
    await c.get(servicePath({ id: legal(), name_en: 'Legal aid for civil documents', name_ar: null }));
    const count = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('svc_feedback')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect((await c.post(`/services/${legal()}/feedback`, { comment: '' })).statusCode).toBe(400);
    const bad = await c.post(`/services/${legal()}/feedback`, { rating: '9' });
    expect(bad.statusCode).toBe(400);
    const report = await c.post(`/services/${legal()}/report`, { wrong_field: 'phone', comment: '' });
    expect(report.statusCode).toBe(400);
    expect(report.body).toContain('هذا الحقل مطلوب');
    // A bot filling the hidden field is thanked and ignored.
    expect(
      (await c.post(`/services/${legal()}/report`, { wrong_field: 'phone', comment: 'x', website: 'http://spam' }))
        .statusCode,
    ).toBe(400);
    expect(await count()).toBe(before);
  });

  it('moderators approve; only the providing organization then sees it', async () => {
    const anon = await as(null);
    await anon.get(servicePath({ id: legal(), name_en: 'x', name_ar: null }));
    await anon.post(`/services/${legal()}/report`, { wrong_field: 'hours', comment: 'يفتحون الساعة العاشرة فعلياً' });
    expect((await anon.get('/services/moderation')).statusCode).toBe(303);
    expect((await (await as('member')).get('/services/moderation')).statusCode).toBe(404);
    expect((await (await as('noonStaff')).get('/services/moderation')).statusCode).toBe(404);
    const mod = await as('moderator');
    const queue = await mod.get('/services/moderation');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('يفتحون الساعة العاشرة فعلياً');
    const row = await t.handle.db
      .selectFrom('svc_feedback')
      .select('id')
      .where('comment', '=', 'يفتحون الساعة العاشرة فعلياً')
      .executeTakeFirstOrThrow();
    const wathiqa = await as('wathiqaAdmin');
    expect((await wathiqa.get('/services/manage')).body).not.toContain('يفتحون الساعة العاشرة فعلياً');
    expect((await mod.post('/services/moderation', { id: String(row.id), decision: 'approve' })).statusCode).toBe(303);
    expect((await mod.post('/services/moderation', { id: String(row.id), decision: 'approve' })).statusCode).toBe(404);
    const manage = await wathiqa.get('/services/manage');
    expect(manage.body).toContain('يفتحون الساعة العاشرة فعلياً');
    expect((await (await as('noonStaff')).get('/services/manage')).body).not.toContain('يفتحون الساعة العاشرة فعلياً');
    // The organization marks the report dealt with; another organization cannot.
    const noon = await as('noonStaff');
    await noon.get('/services/manage');
    expect(
      (await noon.post(`/services/manage/reports/resolve?org=${orgs.noon}`, { id: String(row.id) })).statusCode,
    ).toBe(404);
    expect(
      (await wathiqa.post(`/services/manage/reports/resolve?org=${orgs.wathiqa}`, { id: String(row.id) })).statusCode,
    ).toBe(303);
  });
});

describe('organizations manage their own services, and only theirs', () => {
  it('anonymous people are sent to sign in; members without a staff role get 404', async () => {
    expect((await (await as(null)).get(`/services/${clinic()}/edit`)).statusCode).toBe(303);
    expect((await (await as('member')).get(`/services/${clinic()}/edit`)).statusCode).toBe(404);
    expect((await (await as('admin')).get(`/services/${clinic()}/edit`)).statusCode).toBe(404);
  });

  it('org B cannot see or change org A’s service, hours or place (404, nothing changed)', async () => {
    const other = await as('wathiqaAdmin');
    expect((await other.get(`/services/${clinic()}/edit`)).statusCode).toBe(404);
    expect((await other.get(`/services/${clinic()}/hours`)).statusCode).toBe(404);
    await other.get('/services/manage');
    const edit = await other.post(`/services/${clinic()}/edit`, {
      name_ar: 'مخترقة',
      name_en: 'Hacked',
      status: 'active',
      categories: 'health',
      cost: 'free',
      area: 'C1564',
    });
    expect(edit.statusCode).toBe(404);
    expect((await other.post(`/services/${clinic()}/confirm`, {})).statusCode).toBe(404);
    expect(
      (await other.post(`/services/${clinic()}/hours`, { kind: 'closure', valid_from: '2026-07-01' })).statusCode,
    ).toBe(404);
    const loc = await t.handle.db
      .selectFrom('svc_service_at_locations')
      .select('location_id')
      .where('service_id', '=', clinic())
      .executeTakeFirstOrThrow();
    expect((await other.get(`/services/locations/${loc.location_id}/edit`)).statusCode).toBe(404);
    expect((await other.get(`/services/manage?org=${orgs.noon}`)).statusCode).toBe(404);
    const row = await t.handle.db
      .selectFrom('svc_services')
      .select('name_en')
      .where('id', '=', clinic())
      .executeTakeFirstOrThrow();
    expect(row.name_en).toBe('Free women’s clinic');
  });

  it('staff edit their service; bad input comes back with the reason and writes nothing', async () => {
    const c = await as('noonStaff');
    const form = await c.get(`/services/${clinic()}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="عيادة النساء المجانية"');
    const bad = await c.post(`/services/${clinic()}/edit`, {
      name_ar: '',
      name_en: 'x',
      status: 'active',
      cost: 'free',
      area: 'C1564',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('يُرجى اختيار فئة واحدة على الأقل');
    const unknownTown = await c.post(`/services/${clinic()}/edit`, {
      name_ar: 'عيادة',
      name_en: 'Clinic',
      status: 'active',
      categories: 'health',
      cost: 'free',
      area: 'C99999',
    });
    expect(unknownTown.statusCode).toBe(400);
    expect(unknownTown.body).toContain('C99999');
    expect(
      (
        await t.handle.db
          .selectFrom('svc_services')
          .select('name_ar')
          .where('id', '=', clinic())
          .executeTakeFirstOrThrow()
      ).name_ar,
    ).toBe('عيادة النساء المجانية');
  });

  it('staff add a Friday-closed week, a closure, and delete an entry; the public page follows', async () => {
    const c = await as('wathiqaAdmin');
    const mobile = ids['Mobile legal-aid team']!;
    await c.get(`/services/${mobile}/hours`);
    const invalid = await c.post(`/services/${mobile}/hours`, { kind: 'closure', valid_from: '' });
    expect(invalid.statusCode).toBe(400);
    const ok = await c.post(`/services/${mobile}/hours`, {
      kind: 'closure',
      valid_from: '2026-06-28',
      valid_to: '2026-06-30',
      label_ar: 'عطلة',
      label_en: 'Holiday',
    });
    expect(ok.statusCode).toBe(303);
    const search = await (await as(null)).get(`/services?q=${encodeURIComponent('الفريق القانوني')}`);
    expect(search.body).toContain('مغلق الآن، يفتح يوم الأربعاء الساعة 09:00');
    const entry = await t.handle.db
      .selectFrom('svc_schedules')
      .select('id')
      .where('service_id', '=', mobile)
      .where('closed', '=', 1)
      .executeTakeFirstOrThrow();
    expect((await c.post(`/services/${mobile}/hours/delete`, { id: entry.id })).statusCode).toBe(303);
    expect((await c.post(`/services/${mobile}/hours/delete`, { id: entry.id })).statusCode).toBe(404);
  });

  it('“confirm details” stamps today; six months later the organization is told again', async () => {
    const c = await as('noonStaff');
    await c.get('/services/manage');
    expect((await c.post(`/services/${clinic()}/confirm`, {})).statusCode).toBe(303);
    t.clock.set('2027-02-01T09:00:00Z');
    try {
      const again = await as('noonStaff');
      const manage = await again.get('/services/manage');
      expect(manage.body).toMatch(/خدمتان لم تُؤكَّد معلوماتهما منذ أكثر من ستة أشهر/);
      await again.post(`/services/${clinic()}/confirm`, {});
      const row = await t.handle.db
        .selectFrom('svc_services')
        .select(['assured_date'])
        .where('id', '=', clinic())
        .executeTakeFirstOrThrow();
      expect(row.assured_date).toBe('2027-02-01');
      expect((await again.get('/services/manage')).body).toMatch(/خدمة واحدة لم تُؤكَّد/);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('staff create a service with a new place, then find it in search', async () => {
    const c = await as('noonStaff');
    await c.get('/services/locations/new');
    const badPlace = await c.post('/services/locations/new', { name_ar: 'نقطة', name_en: 'Point', town: 'C0001' });
    expect(badPlace.statusCode).toBe(400);
    expect(
      (await c.post('/services/locations/new', { name_ar: 'نقطة سجو', name_en: 'Sajo point', town: 'C1565' }))
        .statusCode,
    ).toBe(303);
    const loc = await t.handle.db
      .selectFrom('svc_locations')
      .select('id')
      .where('name_en', '=', 'Sajo point')
      .executeTakeFirstOrThrow();
    await c.get('/services/new');
    const res = await c.post('/services/new', {
      name_ar: 'توزيع حقائب الكرامة',
      name_en: 'Dignity kits',
      status: 'active',
      categories: ['protection'],
      groups: ['women'],
      cost: 'free',
      locations: loc.id,
      phone: '+963 944 000 111',
    });
    expect(res.statusCode).toBe(303);
    const found = await (await as(null)).get(`/services?q=${encodeURIComponent('حقائب الكرامة')}`);
    expect(found.body).toContain('توزيع حقائب الكرامة');
  });
});

describe('network coordination and administration', () => {
  it('coverage by town and category, with gaps, for network editors only', async () => {
    expect((await (await as('noonStaff')).get('/services/coverage')).statusCode).toBe(404);
    const res = await (await as('editor')).get('/services/coverage');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/towns/C1564/services"');
    expect(res.body).toContain('class="gap"');
    expect(res.body).toMatch(/\d+ فجوة|فجوتان|فجوة واحدة/);
  });

  it('import and export pages are for network admins only', async () => {
    expect((await (await as('editor')).get('/services/admin')).statusCode).toBe(404);
    const admin = await as('admin');
    expect((await admin.get('/services/admin')).statusCode).toBe(200);
    const json = await admin.get('/services/admin/export.json');
    expect(json.statusCode).toBe(200);
    const services = JSON.parse(json.body) as { id: string }[];
    expect(services.some((s) => s.id === clinic())).toBe(true);
    const zip = await admin.get('/services/admin/export.zip');
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('an admin imports HSDS JSON; rejected records are listed and nothing is written', async () => {
    const admin = await as('admin');
    await admin.get('/services/admin');
    const upload = async (content: string) => {
      const boundary = '----wasltest';
      const body = [
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}\r\n`,
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.json"\r\nContent-Type: application/json\r\n\r\n${content}\r\n`,
        `--${boundary}--\r\n`,
      ].join('');
      return t.app.inject({
        method: 'POST',
        url: '/services/admin/import',
        payload: body,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
    };
    const org = { id: 'a1a1a1a1-a1a1-41a1-81a1-a1a1a1a1a1a1', name: 'Partner', description: 'x' };
    const bad = await upload(
      JSON.stringify([{ id: 'b2b2b2b2-b2b2-42b2-82b2-b2b2b2b2b2b2', name: 'X', status: 'maybe', organization: org }]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('status: must be one of');
    const good = await upload(
      JSON.stringify([
        {
          id: 'b2b2b2b2-b2b2-42b2-82b2-b2b2b2b2b2b2',
          name: 'خدمة مستوردة للاختبار',
          status: 'active',
          organization: org,
        },
      ]),
    );
    expect(good.statusCode).toBe(200);
    const found = await (await as(null)).get(`/services?q=${encodeURIComponent('مستوردة')}`);
    expect(found.body).toContain('خدمة مستوردة للاختبار');
  });

  it('refuses a zip that would unpack to more than 50 MB, or hold too many files, before inflating it', async () => {
    const admin = await as('admin');
    await admin.get('/services/admin?lang=en');
    const upload = (zip: Uint8Array) => {
      const boundary = '----wasltest';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.zip"\r\nContent-Type: application/zip\r\n\r\n`,
        ),
        Buffer.from(zip),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: '/services/admin/import?lang=en',
        payload: body,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
    };
    const bomb = zipSync({ 'services.csv': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const many = zipSync(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}.csv`, strToU8('id\n')])));
    for (const zip of [bomb, many]) {
      const res = await upload(zip);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('The file could not be read');
    }
  });
});
