// Projects through HTTP: who creates, edits and sees them (public, internal), and targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idFrom, loc, programmesWorld, target, type World } from '../testing/world.js';

let w: World;
beforeAll(async () => {
  w = await programmesWorld();
});
afterAll(() => w.t.close());

/** The network admin posts a new project: the fields a project must have, and any `more`. */
const postProject = (nameAr: string, nameEn: string, startDate: string, orgId: number, more = {}) =>
  w.as.admin.post('/projects', {
    name_ar: nameAr,
    name_en: nameEn,
    start_date: startDate,
    coordinator_org_id: String(orgId),
    ...more,
  });

describe('projects', () => {
  it('a network admin creates a project; bad input re-renders with errors and writes nothing', async () => {
    const bad = await postProject('', 'X', '2026-02-30', w.ids.orgA);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('هذا الحقل مطلوب');
    expect(bad.body).toContain('التاريخ غير صالح');
    expect(await w.db.selectFrom('programme_projects').select('id').execute()).toHaveLength(0);

    const unknownTown = await postProject('مشروع', 'Project', '2026-01-01', w.ids.orgA, { towns: 'C9999' });
    expect(unknownTown.statusCode).toBe(400);
    expect(unknownTown.body).toContain('C9999');

    const res = await w.as.admin.post('/projects', {
      name_ar: 'مشروع 10% شباب',
      name_en: '10% Youth',
      supporter_ar: 'جهة داعمة',
      supporter_en: 'A supporter',
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      coordinator_org_id: String(w.ids.orgA),
      members: [String(w.ids.orgA), String(w.ids.orgB)],
      towns: 'C1594, C1564',
      goals_ar: 'أهداف',
      is_public: 'on',
    });
    expect(res.statusCode).toBe(303);
    w.ids.project = idFrom(loc(res), /\/projects\/(\d+)/);
    const page = await w.as.anon.get(`/projects/${w.ids.project}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('مشروع 10% شباب');
    expect(page.body).toContain('جهة داعمة');
    const list = await w.as.anon.get('/projects');
    expect(list.body).toContain(`/projects/${w.ids.project}`);
  });

  it('only network admins create projects; staff of other members cannot edit', async () => {
    expect((await w.as.staffA.post('/projects', { name_ar: 'x' })).statusCode).toBe(404);
    expect((await w.as.member.get('/projects/new')).statusCode).toBe(404);
    expect((await w.as.anon.get('/projects/new')).statusCode).toBe(303);
    expect((await w.as.staffB.get(`/projects/${w.ids.project}/edit`)).statusCode).toBe(404);
    expect((await w.as.staffA.get(`/projects/${w.ids.project}/edit`)).statusCode).toBe(200);
  });

  it('a coordinator edits the project but cannot hand it to another member', async () => {
    const form = {
      name_ar: 'مشروع 10% شباب',
      name_en: '10% Youth',
      start_date: '2026-01-01',
      coordinator_org_id: String(w.ids.orgB),
      members: [String(w.ids.orgA), String(w.ids.orgB)],
      towns: 'C1594, C1564',
      is_public: 'on',
    };
    const res = await w.as.staffA.post(`/projects/${w.ids.project}/edit`, form);
    expect(res.statusCode).toBe(400);
    const ok = await w.as.staffA.post(`/projects/${w.ids.project}/edit`, {
      ...form,
      coordinator_org_id: String(w.ids.orgA),
    });
    expect(ok.statusCode).toBe(303);
  });

  it('the internal page is for the participating members and network admins only', async () => {
    expect((await w.as.staffA.get(`/projects/${w.ids.project}/internal`)).statusCode).toBe(200);
    expect((await w.as.staffB.get(`/projects/${w.ids.project}/internal`)).statusCode).toBe(200);
    expect((await w.as.admin.get(`/projects/${w.ids.project}/internal`)).statusCode).toBe(200);
    expect((await w.as.staffC.get(`/projects/${w.ids.project}/internal`)).statusCode).toBe(404);
    expect((await w.as.member.get(`/projects/${w.ids.project}/internal`)).statusCode).toBe(404);
    expect((await w.as.anon.get(`/projects/${w.ids.project}/internal`)).statusCode).toBe(303);
  });

  it('targets: coordinators add them; a custom one needs a value; others cannot', async () => {
    const bad = await w.as.staffA.post(
      `/projects/${w.ids.project}/targets`,
      target({ metric: 'custom', label_ar: 'مؤشر', label_en: 'x', target: '10' }),
    );
    expect(bad.statusCode).toBe(400);
    const ok = await w.as.staffA.post(`/projects/${w.ids.project}/targets`, target());
    expect(ok.statusCode).toBe(303);
    expect(
      (
        await w.as.staffB.post(`/projects/${w.ids.project}/targets`, {
          metric: 'visits',
          label_ar: 'x',
          label_en: 'x',
          target: '3',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a project that is not public answers 404 to the public and shows to its members', async () => {
    const res = await postProject('مشروع داخلي', 'Internal project', '2026-01-01', w.ids.orgB);
    const id = idFrom(loc(res), /\/projects\/(\d+)/);
    expect((await w.as.anon.get(`/projects/${id}`)).statusCode).toBe(404);
    expect((await w.as.anon.get('/projects')).body).not.toContain('مشروع داخلي');
    expect((await w.as.staffB.get(`/projects/${id}`)).statusCode).toBe(200);
    expect((await w.as.staffA.get(`/projects/${id}`)).statusCode).toBe(404);
  });
});
