// Anonymous feedback and reports of wrong information, their moderation, and what the providing
// organization then sees; on SQLite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { Client } from '../../../testing/app.js';
import { servicesTestWorld } from '../testing/setup.js';
import { servicePath } from '../queries.js';

const world = servicesTestWorld();
const { as } = world;
const legal = () => world.id('Legal aid for civil documents');

describe('feedback and reports: anonymous, moderated, shown to the organization', () => {
  it('each form has its own page, so the service page carries no form and is kept ready for every visitor', async () => {
    const anon = new Client(world.t.app);
    const page = servicePath({ id: legal(), name_en: 'Legal aid for civil documents', name_ar: null });
    const first = await anon.get(page);
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain('name="_csrf"');
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.body).toContain(`href="/services/${legal()}/feedback"`);
    expect(first.body).toContain(`href="/services/${legal()}/report"`);
    // the second anonymous visit is the kept copy: the same validator, answered 304 when asked
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    expect((await new Client(world.t.app).get(page, { 'if-none-match': etag })).statusCode).toBe(304);

    for (const form of ['feedback', 'report'] as const) {
      const formPage = await anon.get(`/services/${legal()}/${form}`);
      expect(formPage.statusCode).toBe(200);
      expect(formPage.body).toContain('name="_csrf"');
      expect(formPage.body).toContain(`action="/services/${legal()}/${form}"`);
      expect(formPage.body).toContain(`href="${page}"`);
    }
    // refused: the form's page again, 400, with what was typed kept
    const refused = await anon.post(`/services/${legal()}/report`, { wrong_field: 'hours', comment: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`action="/services/${legal()}/report"`);
    expect(refused.body).toMatch(/<option[^>]+value="hours"[^>]+selected|<option[^>]+selected[^>]+value="hours"/);
    expect((await anon.get(`/services/not-a-service/feedback`)).statusCode).toBe(404);
  });

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
    const row = await world.t.handle.db
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
    const keys = await world.t.handle.db.selectFrom('rate_limits').select('key').execute();
    expect(keys.some((k) => k.key.includes('127.0.0.1'))).toBe(false);
  });

  it('refuses an empty or malformed form with the reason beside it, and writes nothing', async () => {
    const c = await as(null);
    await c.get(servicePath({ id: legal(), name_en: 'Legal aid for civil documents', name_ar: null }));
    const count = async () =>
      Number(
        (
          await world.t.handle.db
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
    const row = await world.t.handle.db
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
      (await noon.post(`/services/manage/reports/resolve?org=${world.orgs.noon}`, { id: String(row.id) })).statusCode,
    ).toBe(404);
    expect(
      (await wathiqa.post(`/services/manage/reports/resolve?org=${world.orgs.wathiqa}`, { id: String(row.id) }))
        .statusCode,
    ).toBe(303);
  });

  it('takes ten a day from one visitor; the eleventh is refused (429) with the reason, and nothing is stored', async () => {
    const visitor = new Client(world.t.app, '198.51.100.7');
    const page = servicePath({ id: legal(), name_en: 'Legal aid for civil documents', name_ar: null });
    await visitor.get(page);
    const stored = async () =>
      (await world.t.handle.db.selectFrom('svc_feedback').select('id').where('service_id', '=', legal()).execute())
        .length;
    const before = await stored();
    for (let i = 0; i < 10; i++)
      expect((await visitor.post(`/services/${legal()}/feedback`, { rating: '4' })).statusCode).toBe(303);
    for (const [form, body] of [
      ['feedback', { rating: '4', comment: 'مرة أخرى' }],
      ['report', { wrong_field: 'hours', comment: 'مرة أخرى' }],
    ] as const) {
      const refused = await visitor.post(`/services/${legal()}/${form}`, body);
      expect(refused.statusCode, form).toBe(429);
      expect(refused.body).toContain('وصلتنا ملاحظات كثيرة اليوم من هذا الاتصال');
      expect(refused.body).toContain('مرة أخرى'); // what was typed comes back
    }
    expect(await stored()).toBe(before + 10);
  });
});
