// Programmes through HTTP, as people use it: permissions and isolation between member
// organizations, completion rules, attendance, certificates and their public verification,
// removal on request, indicators with suppression, and exports (formula neutralization).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTotpSecret } from '../../core/auth/totp.js';
import {
  buildTestApp,
  Client,
  makeNetwork,
  makeOrganization,
  makeUser,
  signIn,
  type TestApp,
} from '../../testing/app.js';
import { importGazetteer } from '../../core/towns/queries.js';
import { getItem, publishItem } from '../publishing/queries.js';

let t: TestApp;
const ids: Record<string, number> = {};
const clients: Record<string, Client> = {};

const GAZ =
  'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
  'C1594,تل عار شرقية,Tal Aar Sharqiyeh,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.5,37.1\n' +
  'C1564,أعزاز,Aazaz,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.58,37.04\n' +
  'C1767,منبج,Menbij,SY020500,منبج,Menbij,SY0205,منبج,Menbij,SY02,حلب,Aleppo,36.52,37.95\n';

async function client(userId: number) {
  const c = new Client(t.app);
  await signIn(t, c, userId);
  await c.get('/projects'); // any page: the sign-out form carries a CSRF token
  return c;
}

const db = () => t.handle.db;

beforeAll(async () => {
  t = await buildTestApp();
  await importGazetteer(db(), GAZ, { now: t.clock.now });
  const net = await makeNetwork(db());
  ids.net = net;
  ids.orgA = await makeOrganization(db(), net, 'Alpha');
  ids.orgB = await makeOrganization(db(), net, 'Beta');
  ids.orgC = await makeOrganization(db(), net, 'Gamma'); // not in the project
  await db()
    .insertInto('organization_towns')
    .values([
      { organization_id: ids.orgA, town_pcode: 'C1594' },
      { organization_id: ids.orgB, town_pcode: 'C1564' },
    ])
    .execute();
  const users = {
    admin: await makeUser(db(), { username: 'p_admin', network: [net, 'networkAdmin'], totpSecret: newTotpSecret() }),
    staffA: await makeUser(db(), { username: 'p_staff_a', org: [ids.orgA, 'orgStaff'], totpSecret: newTotpSecret() }),
    adminA: await makeUser(db(), { username: 'p_admin_a', org: [ids.orgA, 'orgAdmin'], totpSecret: newTotpSecret() }),
    staffB: await makeUser(db(), { username: 'p_staff_b', org: [ids.orgB, 'orgStaff'], totpSecret: newTotpSecret() }),
    staffC: await makeUser(db(), { username: 'p_staff_c', org: [ids.orgC, 'orgStaff'], totpSecret: newTotpSecret() }),
    member: await makeUser(db(), { username: 'p_member' }),
  };
  for (const [k, u] of Object.entries(users)) {
    ids[k] = u.id;
    clients[k] = await client(u.id);
  }
  clients.anon = new Client(t.app);
  await clients.anon.get('/login');
});
afterAll(() => t.close());

const loc = (res: { headers: Record<string, unknown> }) => String(res.headers.location ?? '');
const idFrom = (url: string, re: RegExp) => Number(re.exec(url)![1]);

describe('projects', () => {
  it('a network admin creates a project; bad input re-renders with errors and writes nothing', async () => {
    const bad = await clients.admin!.post('/projects', {
      name_ar: '',
      name_en: 'X',
      start_date: '2026-02-30',
      coordinator_org_id: String(ids.orgA),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('هذا الحقل مطلوب');
    expect(bad.body).toContain('التاريخ غير صالح');
    expect(await db().selectFrom('programme_projects').select('id').execute()).toHaveLength(0);

    const unknownTown = await clients.admin!.post('/projects', {
      name_ar: 'مشروع',
      name_en: 'Project',
      start_date: '2026-01-01',
      coordinator_org_id: String(ids.orgA),
      towns: 'C9999',
    });
    expect(unknownTown.statusCode).toBe(400);
    expect(unknownTown.body).toContain('C9999');

    const res = await clients.admin!.post('/projects', {
      name_ar: 'مشروع 10% شباب',
      name_en: '10% Youth',
      supporter_ar: 'جهة داعمة',
      supporter_en: 'A supporter',
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      coordinator_org_id: String(ids.orgA),
      members: [String(ids.orgA), String(ids.orgB)],
      towns: 'C1594, C1564',
      goals_ar: 'أهداف',
      is_public: 'on',
    });
    expect(res.statusCode).toBe(303);
    ids.project = idFrom(loc(res), /\/projects\/(\d+)/);
    const page = await clients.anon!.get(`/projects/${ids.project}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('مشروع 10% شباب');
    expect(page.body).toContain('جهة داعمة');
    const list = await clients.anon!.get('/projects');
    expect(list.body).toContain(`/projects/${ids.project}`);
  });

  it('only network admins create projects; staff of other members cannot edit', async () => {
    expect((await clients.staffA!.post('/projects', { name_ar: 'x' })).statusCode).toBe(404);
    expect((await clients.member!.get('/projects/new')).statusCode).toBe(404);
    expect((await clients.anon!.get('/projects/new')).statusCode).toBe(303);
    expect((await clients.staffB!.get(`/projects/${ids.project}/edit`)).statusCode).toBe(404);
    expect((await clients.staffA!.get(`/projects/${ids.project}/edit`)).statusCode).toBe(200);
  });

  it('a coordinator edits the project but cannot hand it to another member', async () => {
    const form = {
      name_ar: 'مشروع 10% شباب',
      name_en: '10% Youth',
      start_date: '2026-01-01',
      coordinator_org_id: String(ids.orgB),
      members: [String(ids.orgA), String(ids.orgB)],
      towns: 'C1594, C1564',
      is_public: 'on',
    };
    const res = await clients.staffA!.post(`/projects/${ids.project}/edit`, form);
    expect(res.statusCode).toBe(400);
    const ok = await clients.staffA!.post(`/projects/${ids.project}/edit`, {
      ...form,
      coordinator_org_id: String(ids.orgA),
    });
    expect(ok.statusCode).toBe(303);
  });

  it('the internal page is for the participating members and network admins only', async () => {
    expect((await clients.staffA!.get(`/projects/${ids.project}/internal`)).statusCode).toBe(200);
    expect((await clients.staffB!.get(`/projects/${ids.project}/internal`)).statusCode).toBe(200);
    expect((await clients.admin!.get(`/projects/${ids.project}/internal`)).statusCode).toBe(200);
    expect((await clients.staffC!.get(`/projects/${ids.project}/internal`)).statusCode).toBe(404);
    expect((await clients.member!.get(`/projects/${ids.project}/internal`)).statusCode).toBe(404);
    expect((await clients.anon!.get(`/projects/${ids.project}/internal`)).statusCode).toBe(303);
  });

  it('targets: coordinators add them; a custom one needs a value; others cannot', async () => {
    const bad = await clients.staffA!.post(`/projects/${ids.project}/targets`, {
      metric: 'custom',
      label_ar: 'مؤشر',
      label_en: 'x',
      target: '10',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await clients.staffA!.post(`/projects/${ids.project}/targets`, {
      metric: 'trained',
      label_ar: '=HYPERLINK("http://evil.example","اضغط")',
      label_en: 'Trained',
      target: '20',
    });
    expect(ok.statusCode).toBe(303);
    expect(
      (
        await clients.staffB!.post(`/projects/${ids.project}/targets`, {
          metric: 'visits',
          label_ar: 'x',
          label_en: 'x',
          target: '3',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a project that is not public answers 404 to the public and shows to its members', async () => {
    const res = await clients.admin!.post('/projects', {
      name_ar: 'مشروع داخلي',
      name_en: 'Internal project',
      start_date: '2026-01-01',
      coordinator_org_id: String(ids.orgB),
    });
    const id = idFrom(loc(res), /\/projects\/(\d+)/);
    expect((await clients.anon!.get(`/projects/${id}`)).statusCode).toBe(404);
    expect((await clients.anon!.get('/projects')).body).not.toContain('مشروع داخلي');
    expect((await clients.staffB!.get(`/projects/${id}`)).statusCode).toBe(200);
    expect((await clients.staffA!.get(`/projects/${id}`)).statusCode).toBe(404);
  });
});

describe('activities and visits', () => {
  it('a member records an activity with participants; its notes stay with that member', async () => {
    const form: Record<string, string> = {
      organization_id: String(ids.orgA),
      kind: 'workshop',
      title: 'ورشة الشباب والمجلس',
      held_on: '2026-03-10',
      town_pcode: 'C1594',
      summary: 'ما جرى',
      notes: 'ملاحظة سرية للمنظمة',
      n_f_a18_24: '7',
      n_m_a18_24: '5',
    };
    expect((await clients.staffB!.post(`/projects/${ids.project}/activities`, form)).statusCode).toBe(400); // not B's org
    expect((await clients.staffC!.post(`/projects/${ids.project}/activities`, form)).statusCode).toBe(404);
    const res = await clients.staffA!.post(`/projects/${ids.project}/activities`, form);
    expect(res.statusCode).toBe(303);
    ids.activity = idFrom(loc(res), /activities\/(\d+)/);
    const own = await clients.staffA!.get(`/programmes/activities/${ids.activity}`);
    expect(own.body).toContain('ملاحظة سرية للمنظمة');
    const other = await clients.staffB!.get(`/programmes/activities/${ids.activity}`);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('ملاحظة سرية للمنظمة');
    expect((await clients.staffC!.get(`/programmes/activities/${ids.activity}`)).statusCode).toBe(404);
    expect((await clients.staffB!.get(`/programmes/activities/${ids.activity}/edit`)).statusCode).toBe(404);
  });

  it('publishing an activity submits an activity report with suppressed participant figures', async () => {
    expect((await clients.staffB!.post(`/programmes/activities/${ids.activity}/publish`, {})).statusCode).toBe(404);
    const res = await clients.staffA!.post(`/programmes/activities/${ids.activity}/publish`, {});
    expect(res.statusCode).toBe(303);
    const row = await db()
      .selectFrom('programme_activities')
      .select(['published_url', 'published_item_id'])
      .where('id', '=', ids.activity!)
      .executeTakeFirstOrThrow();
    expect(row.published_item_id).toBeGreaterThan(0);
    const item = await getItem(db(), row.published_item_id!);
    expect(item?.status).toBe('submitted');
    const body = JSON.stringify(item);
    expect(body).toContain('ورشة الشباب والمجلس');
    expect(body).not.toContain('ملاحظة سرية');
    // 7 women and 5 men: both under ten, hidden; the total (12) is shown.
    expect(body).toContain('أقل من');
  });

  it('a report shows on the public project page once published, and never names a project that is not public', async () => {
    // Submitted above, not published yet: the public project page does not list it.
    expect((await clients.anon!.get(`/projects/${ids.project}`)).body).not.toContain('ورشة الشباب والمجلس');
    const row = await db()
      .selectFrom('programme_activities')
      .select('published_item_id')
      .where('id', '=', ids.activity!)
      .executeTakeFirstOrThrow();
    await publishItem(db(), row.published_item_id!, ids.admin!, t.clock.now);
    expect((await clients.anon!.get(`/projects/${ids.project}`)).body).toContain('ورشة الشباب والمجلس');

    const made = await clients.admin!.post('/projects', {
      name_ar: 'مشروع غير معلن',
      name_en: 'Unannounced project',
      start_date: '2026-01-01',
      coordinator_org_id: String(ids.orgB),
      towns: 'C1564',
    });
    const projectId = idFrom(loc(made), /\/projects\/(\d+)/);
    const act = await clients.staffB!.post(`/projects/${projectId}/activities`, {
      organization_id: String(ids.orgB),
      kind: 'meeting',
      title: 'لقاء تشاوري',
      held_on: '2026-03-12',
      town_pcode: 'C1564',
      summary: 'ما جرى',
    });
    expect(act.statusCode).toBe(303);
    const activityId = idFrom(loc(act), /activities\/(\d+)/);
    expect((await clients.staffB!.post(`/programmes/activities/${activityId}/publish`, {})).statusCode).toBe(303);
    const published = await db()
      .selectFrom('programme_activities')
      .select('published_item_id')
      .where('id', '=', activityId)
      .executeTakeFirstOrThrow();
    const item = JSON.stringify(await getItem(db(), published.published_item_id!));
    expect(item).toContain('لقاء تشاوري');
    expect(item).not.toContain('مشروع غير معلن');
    expect(item).not.toContain('Unannounced project');
  });

  it('a visit with recommendations tracked through follow-ups', async () => {
    const res = await clients.staffB!.post(`/projects/${ids.project}/visits`, {
      organization_id: String(ids.orgB),
      institution_type: 'local_council',
      institution_name: 'المجلس المحلي في أعزاز',
      town_pcode: 'C1564',
      visited_on: '2026-04-01',
      who_went: 'منسقة، متدربان',
      notes: 'انطباع داخلي',
    });
    expect(res.statusCode).toBe(303);
    ids.visit = idFrom(loc(res), /visits\/(\d+)/);
    expect(
      (await clients.staffB!.post(`/programmes/visits/${ids.visit}/recommendations`, { text: '' })).statusCode,
    ).toBe(400);
    expect(
      (await clients.staffA!.post(`/programmes/visits/${ids.visit}/recommendations`, { text: 'x' })).statusCode,
    ).toBe(404);
    await clients.staffB!.post(`/programmes/visits/${ids.visit}/recommendations`, {
      text: 'مقعد للشباب في اللجان',
      addressed_to: 'رئاسة المجلس',
    });
    const rec = await db()
      .selectFrom('programme_recommendations')
      .select('id')
      .where('visit_id', '=', ids.visit!)
      .executeTakeFirstOrThrow();
    expect(
      (
        await clients.staffA!.post(`/programmes/recommendations/${rec.id}/follow-up`, {
          status: 'adopted',
          followed_on: '2026-05-01',
        })
      ).statusCode,
    ).toBe(404);
    const fu = await clients.staffB!.post(`/programmes/recommendations/${rec.id}/follow-up`, {
      status: 'adopted',
      response: 'وافق المجلس',
      note: 'اتصال',
      followed_on: '2026-05-01',
    });
    expect(fu.statusCode).toBe(303);
    const page = await clients.staffA!.get(`/programmes/visits/${ids.visit}`);
    expect(page.body).toContain('مقعد للشباب في اللجان');
    expect(page.body).toContain('معتمدة');
    expect(page.body).not.toContain('انطباع داخلي');
    expect((await clients.staffB!.get(`/programmes/visits/${ids.visit}`)).body).toContain('انطباع داخلي');
  });
});

describe('training', () => {
  it('coordinators add a course; other members cannot', async () => {
    const course = {
      title_ar: 'المناصرة',
      title_en: 'Advocacy',
      topic_ar: 'حملات',
      hours: '18',
      min_attendance_pct: '80',
      min_post_score: '60',
    };
    expect((await clients.staffB!.post(`/projects/${ids.project}/courses`, course)).statusCode).toBe(404);
    expect((await clients.staffA!.post(`/projects/${ids.project}/courses`, { ...course, hours: '0' })).statusCode).toBe(
      400,
    );
    const res = await clients.staffA!.post(`/projects/${ids.project}/courses`, course);
    expect(res.statusCode).toBe(303);
    ids.course = idFrom(loc(res), /trainings\/(\d+)/);
    const pub = await clients.anon!.get(`/trainings/${ids.course}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('المناصرة');
    expect((await clients.anon!.get('/trainings')).body).toContain(`/trainings/${ids.course}`);
  });

  it('registers trainees only with consent, and only for the member the staff works for', async () => {
    const base = {
      organization_id: String(ids.orgA),
      name: 'ريم الحسن',
      gender: 'f',
      age_band: 'a18_24',
      town_pcode: 'C1594',
      phone: '+963 944 000 111',
      consent_version: '2026-01',
    };
    const noConsent = await clients.staffA!.post('/programmes/trainees', base);
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('دون موافقة');
    expect(await db().selectFrom('programme_trainees').select('id').execute()).toHaveLength(0);
    expect((await clients.staffB!.post('/programmes/trainees', { ...base, consent: 'on' })).statusCode).toBe(404);
    const names = ['ريم الحسن', 'عمر الشيخ', 'سارة العلي', 'يزن قدور'];
    ids.trainees = 0;
    const traineeIds: number[] = [];
    for (const [i, name] of names.entries()) {
      const res = await clients.staffA!.post('/programmes/trainees', {
        ...base,
        name,
        gender: i % 2 ? 'm' : 'f',
        consent: 'on',
      });
      expect(res.statusCode).toBe(303);
      traineeIds.push(idFrom(loc(res), /trainees\/(\d+)/));
    }
    (globalThis as Record<string, unknown>).traineeIds = traineeIds;
    const row = await db()
      .selectFrom('programme_trainees')
      .selectAll()
      .where('id', '=', traineeIds[0]!)
      .executeTakeFirstOrThrow();
    expect(row.consent_version).toBe('2026-01');
    expect(row.consent_at).toBe(t.clock.now.toISOString());
    // B registers its own trainee.
    const resB = await clients.staffB!.post('/programmes/trainees', {
      ...base,
      organization_id: String(ids.orgB),
      town_pcode: 'C1564',
      name: 'خديجة الكردي',
      consent: 'on',
    });
    expect(resB.statusCode).toBe(303);
    ids.traineeB = idFrom(loc(resB), /trainees\/(\d+)/);
  });

  it("member A's trainees are invisible to member B and to network admins", async () => {
    const traineeIds = (globalThis as Record<string, unknown>).traineeIds as number[];
    const listA = await clients.staffA!.get('/programmes/trainees');
    expect(listA.body).toContain('ريم الحسن');
    expect(listA.body).not.toContain('خديجة الكردي');
    const listB = await clients.staffB!.get('/programmes/trainees');
    expect(listB.body).toContain('خديجة الكردي');
    expect(listB.body).not.toContain('ريم الحسن');
    expect((await clients.staffB!.get(`/programmes/trainees?org=${ids.orgA}`)).statusCode).toBe(404);
    for (const c of [clients.staffB!, clients.staffC!]) {
      expect((await c.get(`/programmes/trainees/${traineeIds[0]}`)).statusCode).toBe(404);
      expect((await c.post(`/programmes/trainees/${traineeIds[0]}/remove`, { confirm: 'on' })).statusCode).toBe(404);
    }
    expect((await clients.admin!.get(`/programmes/trainees/${traineeIds[0]}`)).statusCode).toBe(404);
    expect((await clients.admin!.get('/programmes/trainees')).statusCode).toBe(404);
    expect((await clients.member!.get(`/programmes/trainees/${traineeIds[0]}`)).statusCode).toBe(404);
    // The internal project page shows other members only aggregated.
    const internal = await clients.staffB!.get(`/projects/${ids.project}/internal`);
    expect(internal.body).not.toContain('ريم الحسن');
  });

  it('a cohort: sessions, enrolment, attendance on one form, scores, completion by the rule', async () => {
    const traineeIds = (globalThis as Record<string, unknown>).traineeIds as number[];
    const cohortForm = {
      organization_id: String(ids.orgA),
      label: 'الدفعة الأولى',
      start_date: '2026-03-01',
      end_date: '2026-03-20',
      town_pcode: 'C1594',
      trainers: 'م. ليلى',
    };
    expect(
      (await clients.staffA!.post(`/trainings/${ids.course}/cohorts`, { ...cohortForm, end_date: '2026-02-01' }))
        .statusCode,
    ).toBe(400);
    expect((await clients.staffC!.post(`/trainings/${ids.course}/cohorts`, cohortForm)).statusCode).toBe(404);
    const res = await clients.staffA!.post(`/trainings/${ids.course}/cohorts`, cohortForm);
    expect(res.statusCode).toBe(303);
    const cohortId = idFrom(loc(res), /cohorts\/(\d+)/);
    ids.cohort = cohortId;
    for (let d = 1; d <= 5; d++)
      expect(
        (
          await clients.staffA!.post(`/programmes/cohorts/${cohortId}/sessions`, {
            held_on: `2026-03-0${d}`,
            topic: `جلسة ${d}`,
          })
        ).statusCode,
      ).toBe(303);
    // B's trainee cannot be enrolled in A's cohort.
    expect(
      (await clients.staffA!.post(`/programmes/cohorts/${cohortId}/enrol`, { trainee: String(ids.traineeB) }))
        .statusCode,
    ).toBe(400);
    expect(
      (await clients.staffA!.post(`/programmes/cohorts/${cohortId}/enrol`, { trainee: traineeIds.map(String) }))
        .statusCode,
    ).toBe(303);
    for (const path of [`/programmes/cohorts/${cohortId}`]) {
      expect((await clients.staffB!.get(path)).statusCode).toBe(404);
      expect((await clients.admin!.get(path)).statusCode).toBe(404);
    }
    const sessions = await db()
      .selectFrom('programme_sessions')
      .select('id')
      .where('cohort_id', '=', cohortId)
      .orderBy('held_on')
      .execute();
    const enrolments = await db()
      .selectFrom('programme_enrolments')
      .select(['id', 'trainee_id'])
      .where('cohort_id', '=', cohortId)
      .execute();
    const enr = (i: number) => enrolments.find((e) => e.trainee_id === traineeIds[i])!.id;
    // attended: t0 5/5, t1 4/5, t2 3/5, t3 5/5
    const attendedIn: Record<number, number[]> = {
      0: [0, 1, 2, 3, 4],
      1: [0, 1, 2, 3],
      2: [0, 1, 2],
      3: [0, 1, 2, 3, 4],
    };
    for (const [s, session] of sessions.entries()) {
      const present = [0, 1, 2, 3].filter((i) => attendedIn[i]!.includes(s)).map((i) => String(enr(i)));
      expect(
        (await clients.staffB!.post(`/programmes/sessions/${session.id}/attendance`, { present })).statusCode,
      ).toBe(404);
      const page = await clients.staffA!.get(`/programmes/sessions/${session.id}/attendance`);
      expect(page.body).toContain('name="present"');
      expect(
        (await clients.staffA!.post(`/programmes/sessions/${session.id}/attendance`, { present })).statusCode,
      ).toBe(303);
    }
    // An enrolment of another cohort is refused.
    expect(
      (await clients.staffA!.post(`/programmes/sessions/${sessions[0]!.id}/attendance`, { present: '999999' }))
        .statusCode,
    ).toBe(400);
    // Scores: t0 post 70, t1 post 60 (exactly the minimum), t2 post 90 (but 60% attendance), t3 post 50.
    const scores: Record<string, string> = {};
    [70, 60, 90, 50].forEach((post, i) => {
      scores[`pre_${enr(i)}`] = '40';
      scores[`post_${enr(i)}`] = String(post);
    });
    expect(
      (await clients.staffA!.post(`/programmes/cohorts/${cohortId}/scores`, { ...scores, [`post_${enr(0)}`]: '101' }))
        .statusCode,
    ).toBe(400);
    expect((await clients.staffA!.post(`/programmes/cohorts/${cohortId}/scores`, scores)).statusCode).toBe(303);
    expect((await clients.staffA!.post(`/programmes/cohorts/${cohortId}/certificates`, {})).statusCode).toBe(303);
    const certs = await db()
      .selectFrom('programme_certificates')
      .innerJoin('programme_enrolments', 'programme_enrolments.id', 'programme_certificates.enrolment_id')
      .select(['programme_enrolments.trainee_id', 'programme_certificates.code', 'programme_certificates.id'])
      .execute();
    // Completed: t0 (5/5, 70) and t1 (4/5 = 80%, 60); not t2 (60%) nor t3 (post-test 50).
    expect(certs.map((c) => c.trainee_id).sort()).toEqual([traineeIds[0], traineeIds[1]].sort());
    for (const c of certs) expect(c.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
    (globalThis as Record<string, unknown>).certs = certs;
    // Issuing again does not duplicate.
    await clients.staffA!.post(`/programmes/cohorts/${cohortId}/certificates`, {});
    expect(await db().selectFrom('programme_certificates').select('id').execute()).toHaveLength(2);
  });
});

describe('certificates', () => {
  type Cert = { trainee_id: number; code: string; id: number };
  const certs = () => (globalThis as Record<string, unknown>).certs as Cert[];

  it('the public page confirms a certificate with only the name, course and date', async () => {
    const c = certs()[0]!;
    const res = await clients.anon!.get(`/certificates/${c.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/ريم الحسن|عمر الشيخ/);
    expect(res.body).toContain('المناصرة');
    expect(res.body).toContain('noindex');
    expect(res.body).not.toContain('944'); // no phone
    expect(res.body).not.toContain('C1594');
    // Lower case with dashes, from the lookup form, redirects to the canonical code.
    const typed = c.code.toLowerCase().replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3');
    const lookup = await clients.anon!.get(`/certificates?code=${typed}`);
    expect(lookup.statusCode).toBe(303);
    expect(loc(lookup)).toBe(`/certificates/${c.code}`);
    expect((await clients.anon!.get('/certificates?code=0OIL')).statusCode).toBe(400);
    expect((await clients.anon!.get('/certificates/AAAAAAAAAAAA')).statusCode).toBe(404);
  });

  it('the printable certificate is staff-only, A4, right to left, through a stylesheet link', async () => {
    const c = certs()[0]!;
    expect((await clients.staffB!.get(`/programmes/certificates/${c.id}/print`)).statusCode).toBe(404);
    const res = await clients.staffA!.get(`/programmes/certificates/${c.id}/print`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ar-SY" dir="rtl">');
    expect(res.body).toMatch(/<link rel="stylesheet" href="\/programmes\/assets\/programmes\.[0-9a-f]{10}\.css"/);
    expect(res.body).not.toMatch(/style=/);
    const css = /href="(\/programmes\/assets\/[^"]+)"/.exec(res.body)![1]!;
    const sheet = await clients.anon!.get(css);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain('size: A4');
    // English on request only.
    expect((await clients.staffA!.get(`/programmes/certificates/${c.id}/print?version=en`)).statusCode).toBe(404);
    await clients.staffA!.get(`/programmes/certificates/${c.id}`);
    expect(
      (await clients.staffA!.post(`/programmes/certificates/${c.id}/english`, { name_en: 'Reem Al-Hasan' })).statusCode,
    ).toBe(303);
    const en = await clients.staffA!.get(`/programmes/certificates/${c.id}/print?version=en`);
    expect(en.body).toContain('<html lang="en" dir="ltr">');
    expect(en.body).toContain('Reem Al-Hasan');
  });

  it('a revoked certificate is not found', async () => {
    const c = certs()[1]!;
    expect((await clients.staffB!.post(`/programmes/certificates/${c.id}/revoke`, {})).statusCode).toBe(404);
    expect((await clients.staffA!.post(`/programmes/certificates/${c.id}/revoke`, {})).statusCode).toBe(303);
    expect((await clients.anon!.get(`/certificates/${c.code}`)).statusCode).toBe(404);
  });

  it('a trainee’s details are corrected on request by their member only; the certificate shows the new name', async () => {
    const c = certs()[0]!;
    const before = await db()
      .selectFrom('programme_trainees')
      .selectAll()
      .where('id', '=', c.trainee_id)
      .executeTakeFirstOrThrow();
    const form = {
      name: 'ريم الحسن المصحَّح',
      gender: before.gender,
      age_band: before.age_band,
      town_pcode: before.town_pcode,
      affiliation: '',
      phone: '',
    };
    // Another member, a network admin: nothing to see, nothing changed.
    for (const who of ['staffB', 'admin'] as const) {
      expect((await clients[who]!.get(`/programmes/trainees/${c.trainee_id}/edit`)).statusCode).toBe(404);
      await clients[who]!.get('/programmes');
      expect([403, 404]).toContain(
        (await clients[who]!.post(`/programmes/trainees/${c.trainee_id}/edit`, form)).statusCode,
      );
    }
    const page = await clients.staffA!.get(`/programmes/trainees/${c.trainee_id}/edit`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(before.name);
    expect(page.body).not.toContain('name="consent"');
    // Bad input: a clear message, nothing written.
    const bad = await clients.staffA!.post(`/programmes/trainees/${c.trainee_id}/edit`, {
      ...form,
      name: '',
      phone: 'abc',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error');
    expect(
      await db().selectFrom('programme_trainees').selectAll().where('id', '=', c.trainee_id).executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect((await clients.staffA!.post(`/programmes/trainees/${c.trainee_id}/edit`, form)).statusCode).toBe(303);
    const after = await db()
      .selectFrom('programme_trainees')
      .selectAll()
      .where('id', '=', c.trainee_id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ name: form.name, affiliation: null, phone: null, consent_at: before.consent_at });
    expect((await clients.anon!.get(`/certificates/${c.code}`)).body).toContain(form.name);
    const log = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'programmes.trainee.corrected')
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.details).not.toContain('ريم');
  });

  it('removal on request deletes the trainee and everything about them; the certificate no longer verifies', async () => {
    const c = certs()[0]!;
    const page = await clients.staffA!.get(`/programmes/trainees/${c.trainee_id}`);
    expect(page.statusCode).toBe(200);
    expect((await clients.staffA!.post(`/programmes/trainees/${c.trainee_id}/remove`, {})).statusCode).toBe(400);
    expect(
      (await clients.staffA!.post(`/programmes/trainees/${c.trainee_id}/remove`, { confirm: 'on' })).statusCode,
    ).toBe(303);
    expect(
      await db().selectFrom('programme_trainees').select('id').where('id', '=', c.trainee_id).execute(),
    ).toHaveLength(0);
    expect(
      await db().selectFrom('programme_enrolments').select('id').where('trainee_id', '=', c.trainee_id).execute(),
    ).toHaveLength(0);
    expect(
      await db().selectFrom('programme_certificates').select('id').where('code', '=', c.code).execute(),
    ).toHaveLength(0);
    expect((await clients.anon!.get(`/certificates/${c.code}`)).statusCode).toBe(404);
    const log = await db()
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'programmes.trainee.removed')
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.details).not.toContain('ريم');
  });
});

describe('indicators and exports', () => {
  it('public indicators hide small cells; the internal ones use the lower threshold', async () => {
    const pub = await clients.anon!.get(`/indicators?project=${ids.project}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('أقل من 10');
    // 3 trainees remain (2 women, 1 man in A's cohort): no exact count of them in public.
    expect(pub.body).not.toMatch(/<strong>3<\/strong>/);
    const internal = await clients.staffB!.get(`/programmes/indicators?project=${ids.project}`);
    expect(internal.statusCode).toBe(200);
    expect(internal.body).toContain('أقل من 5');
    expect(internal.body).not.toContain('ريم');
    expect((await clients.staffC!.get(`/programmes/indicators?project=${ids.project}`)).statusCode).toBe(404);
    expect((await clients.member!.get('/programmes/indicators')).statusCode).toBe(404);
  });

  it('CSV export: BOM, suppressed cells, formulas neutralized, audit-logged', async () => {
    const res = await clients.anon!.get(`/indicators/export?project=${ids.project}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""اضغط"")"`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(res.body).toContain('أقل من 10');
    const log = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'programmes.indicators.exported')
      .execute();
    expect(log.length).toBeGreaterThan(0);
  });

  it('XLSX export: right-to-left sheet, formula text neutralized', async () => {
    const res = await clients.staffA!.get(`/programmes/indicators/export?project=${ids.project}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]?.rightToLeft).toBe(true);
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(`'=HYPERLINK("http://evil.example","اضغط")`);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in (v as object))).toBe(false);
    const log = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('action', '=', 'programmes.indicators.exported.internal')
      .execute();
    expect(log[0]!.actor_user_id).toBe(ids.staffA);
  });
});
