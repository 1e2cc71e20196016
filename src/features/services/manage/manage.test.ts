// Organizations manage their own services, places and hours, and only theirs (another
// organization's are a 404 and stay unchanged); on SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { NOW, servicesTestWorld } from '../testing/setup.js';

const world = servicesTestWorld();
const { as } = world;
const clinic = () => world.id('Free women’s clinic');
/** A service form with all a save needs but a category; each test sets what it is about. */
const serviceForm = (more: Record<string, string>) => ({
  name_ar: 'عيادة',
  name_en: 'Clinic',
  status: 'active',
  cost: 'free',
  area: 'C1564',
  ...more,
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
    const edit = await other.post(
      `/services/${clinic()}/edit`,
      serviceForm({ name_ar: 'مخترقة', name_en: 'Hacked', categories: 'health' }),
    );
    expect(edit.statusCode).toBe(404);
    expect((await other.post(`/services/${clinic()}/confirm`, {})).statusCode).toBe(404);
    expect(
      (await other.post(`/services/${clinic()}/hours`, { kind: 'closure', valid_from: '2026-07-01' })).statusCode,
    ).toBe(404);
    const loc = await world.t.handle.db
      .selectFrom('svc_service_at_locations')
      .select('location_id')
      .where('service_id', '=', clinic())
      .executeTakeFirstOrThrow();
    expect((await other.get(`/services/locations/${loc.location_id}/edit`)).statusCode).toBe(404);
    expect((await other.get(`/services/manage?org=${world.orgs.noon}`)).statusCode).toBe(404);
    const row = await world.t.handle.db
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
    const bad = await c.post(`/services/${clinic()}/edit`, serviceForm({ name_ar: '', name_en: 'x' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('يُرجى اختيار فئة واحدة على الأقل');
    const unknownTown = await c.post(
      `/services/${clinic()}/edit`,
      serviceForm({ categories: 'health', area: 'C99999' }),
    );
    expect(unknownTown.statusCode).toBe(400);
    expect(unknownTown.body).toContain('C99999');
    expect(
      (
        await world.t.handle.db
          .selectFrom('svc_services')
          .select('name_ar')
          .where('id', '=', clinic())
          .executeTakeFirstOrThrow()
      ).name_ar,
    ).toBe('عيادة النساء المجانية');
  });

  it('staff add a Friday-closed week, a closure, and delete an entry; the public page follows', async () => {
    const c = await as('wathiqaAdmin');
    const mobile = world.id('Mobile legal-aid team');
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
    const entry = await world.t.handle.db
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
    world.t.clock.set('2027-02-01T09:00:00Z');
    try {
      const again = await as('noonStaff');
      const manage = await again.get('/services/manage');
      expect(manage.body).toMatch(/خدمتان لم تُؤكَّد معلوماتهما منذ أكثر من ستة أشهر/);
      await again.post(`/services/${clinic()}/confirm`, {});
      const row = await world.t.handle.db
        .selectFrom('svc_services')
        .select(['assured_date'])
        .where('id', '=', clinic())
        .executeTakeFirstOrThrow();
      expect(row.assured_date).toBe('2027-02-01');
      expect((await again.get('/services/manage')).body).toMatch(/خدمة واحدة لم تُؤكَّد/);
    } finally {
      world.t.clock.set(NOW);
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
    const loc = await world.t.handle.db
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
