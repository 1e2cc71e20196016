// Activities and advocacy visits through HTTP: recorded by a member for itself, notes private to
// it, reports submitted with suppressed figures, recommendations followed up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getItem, publishItem } from '../../publishing/queries.js';
import { idFrom, loc, programmesWorld, type World } from '../testing/world.js';

let w: World;
beforeAll(async () => {
  w = await programmesWorld({ project: true });
});
afterAll(() => w.t.close());

describe('activities and visits', () => {
  it('a member records an activity with participants; its notes stay with that member', async () => {
    const form: Record<string, string> = {
      organization_id: String(w.ids.orgA),
      kind: 'workshop',
      title: 'ورشة الشباب والمجلس',
      held_on: '2026-03-10',
      town_pcode: 'C1594',
      summary: 'ما جرى',
      notes: 'ملاحظة سرية للمنظمة',
      n_f_a18_24: '7',
      n_m_a18_24: '5',
    };
    expect((await w.as.staffB.post(`/projects/${w.ids.project}/activities`, form)).statusCode).toBe(400); // not B's org
    expect((await w.as.staffC.post(`/projects/${w.ids.project}/activities`, form)).statusCode).toBe(404);
    const res = await w.as.staffA.post(`/projects/${w.ids.project}/activities`, form);
    expect(res.statusCode).toBe(303);
    w.ids.activity = idFrom(loc(res), /activities\/(\d+)/);
    const own = await w.as.staffA.get(`/programmes/activities/${w.ids.activity}`);
    expect(own.body).toContain('ملاحظة سرية للمنظمة');
    const other = await w.as.staffB.get(`/programmes/activities/${w.ids.activity}`);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('ملاحظة سرية للمنظمة');
    expect((await w.as.staffC.get(`/programmes/activities/${w.ids.activity}`)).statusCode).toBe(404);
    expect((await w.as.staffB.get(`/programmes/activities/${w.ids.activity}/edit`)).statusCode).toBe(404);
  });

  it('publishing an activity submits an activity report with suppressed participant figures', async () => {
    expect((await w.as.staffB.post(`/programmes/activities/${w.ids.activity}/publish`, {})).statusCode).toBe(404);
    const res = await w.as.staffA.post(`/programmes/activities/${w.ids.activity}/publish`, {});
    expect(res.statusCode).toBe(303);
    const row = await w.db
      .selectFrom('programme_activities')
      .select(['published_url', 'published_item_id'])
      .where('id', '=', w.ids.activity!)
      .executeTakeFirstOrThrow();
    expect(row.published_item_id).toBeGreaterThan(0);
    const item = await getItem(w.db, row.published_item_id!);
    expect(item?.status).toBe('submitted');
    const body = JSON.stringify(item);
    expect(body).toContain('ورشة الشباب والمجلس');
    expect(body).not.toContain('ملاحظة سرية');
    // 7 women and 5 men: both under ten, hidden; the total (12) is shown.
    expect(body).toContain('أقل من');
  });

  it('a report shows on the public project page once published, and never names a project that is not public', async () => {
    // Submitted above, not published yet: the public project page does not list it.
    expect((await w.as.anon.get(`/projects/${w.ids.project}`)).body).not.toContain('ورشة الشباب والمجلس');
    const row = await w.db
      .selectFrom('programme_activities')
      .select('published_item_id')
      .where('id', '=', w.ids.activity!)
      .executeTakeFirstOrThrow();
    await publishItem(w.db, row.published_item_id!, w.ids.admin!, w.t.clock.now);
    expect((await w.as.anon.get(`/projects/${w.ids.project}`)).body).toContain('ورشة الشباب والمجلس');

    const made = await w.as.admin.post('/projects', {
      name_ar: 'مشروع غير معلن',
      name_en: 'Unannounced project',
      start_date: '2026-01-01',
      coordinator_org_id: String(w.ids.orgB),
      towns: 'C1564',
    });
    const projectId = idFrom(loc(made), /\/projects\/(\d+)/);
    const act = await w.as.staffB.post(`/projects/${projectId}/activities`, {
      organization_id: String(w.ids.orgB),
      kind: 'meeting',
      title: 'لقاء تشاوري',
      held_on: '2026-03-12',
      town_pcode: 'C1564',
      summary: 'ما جرى',
    });
    expect(act.statusCode).toBe(303);
    const activityId = idFrom(loc(act), /activities\/(\d+)/);
    expect((await w.as.staffB.post(`/programmes/activities/${activityId}/publish`, {})).statusCode).toBe(303);
    const published = await w.db
      .selectFrom('programme_activities')
      .select('published_item_id')
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow();
    const item = JSON.stringify(await getItem(w.db, published.published_item_id!));
    expect(item).toContain('لقاء تشاوري');
    expect(item).not.toContain('مشروع غير معلن');
    expect(item).not.toContain('Unannounced project');
  });

  it('a visit with recommendations tracked through follow-ups', async () => {
    const res = await w.as.staffB.post(`/projects/${w.ids.project}/visits`, {
      organization_id: String(w.ids.orgB),
      institution_type: 'local_council',
      institution_name: 'المجلس المحلي في أعزاز',
      town_pcode: 'C1564',
      visited_on: '2026-04-01',
      who_went: 'منسقة، متدربان',
      notes: 'انطباع داخلي',
    });
    expect(res.statusCode).toBe(303);
    w.ids.visit = idFrom(loc(res), /visits\/(\d+)/);
    expect((await w.as.staffB.post(`/programmes/visits/${w.ids.visit}/recommendations`, { text: '' })).statusCode).toBe(
      400,
    );
    expect(
      (await w.as.staffA.post(`/programmes/visits/${w.ids.visit}/recommendations`, { text: 'x' })).statusCode,
    ).toBe(404);
    await w.as.staffB.post(`/programmes/visits/${w.ids.visit}/recommendations`, {
      text: 'مقعد للشباب في اللجان',
      addressed_to: 'رئاسة المجلس',
    });
    const rec = await w.db
      .selectFrom('programme_recommendations')
      .select('id')
      .where('visit_id', '=', w.ids.visit!)
      .executeTakeFirstOrThrow();
    expect(
      (
        await w.as.staffA.post(`/programmes/recommendations/${rec.id}/follow-up`, {
          status: 'adopted',
          followed_on: '2026-05-01',
        })
      ).statusCode,
    ).toBe(404);
    const fu = await w.as.staffB.post(`/programmes/recommendations/${rec.id}/follow-up`, {
      status: 'adopted',
      response: 'وافق المجلس',
      note: 'اتصال',
      followed_on: '2026-05-01',
    });
    expect(fu.statusCode).toBe(303);
    const page = await w.as.staffA.get(`/programmes/visits/${w.ids.visit}`);
    expect(page.body).toContain('مقعد للشباب في اللجان');
    expect(page.body).toContain('معتمدة');
    expect(page.body).not.toContain('انطباع داخلي');
    expect((await w.as.staffB.get(`/programmes/visits/${w.ids.visit}`)).body).toContain('انطباع داخلي');
  });
});
