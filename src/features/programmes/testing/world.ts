// The programmes tests' one set-up: an app with three member organizations (A and B in the
// project, C outside it) in towns of the gazetteer, a network admin, staff of each member, a
// signed-in member of none, an anonymous visitor — each with a client that keeps its cookies —
// and the steps that bring the story to where a test starts (a project, a course, trainees, a
// cohort with certificates), taken through HTTP as people take them.
import { expect } from 'vitest';
import { newTotpSecret } from '../../../core/auth/totp.js';
import { importGazetteer } from '../../../core/towns/queries.js';
import * as app from '../../../testing/app.js';

const GAZ =
  'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon\n' +
  'C1594,تل عار شرقية,Tal Aar Sharqiyeh,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.5,37.1\n' +
  'C1564,أعزاز,Aazaz,SY020400,أعزاز,Aazaz,SY0204,أعزاز,Aazaz,SY02,حلب,Aleppo,36.58,37.04\n' +
  'C1767,منبج,Menbij,SY020500,منبج,Menbij,SY0205,منبج,Menbij,SY02,حلب,Aleppo,36.52,37.95\n';

type Who = 'admin' | 'staffA' | 'adminA' | 'staffB' | 'staffC' | 'member' | 'anon';
type Response = { statusCode: number; headers: Record<string, unknown> };

export type World = {
  t: app.TestApp;
  db: app.TestApp['handle']['db'];
  ids: Record<string, number>;
  as: Record<Who, app.Client>;
};

export const loc = (res: Response) => String(res.headers.location ?? '');
export const idFrom = (url: string, re: RegExp) => Number(re.exec(url)![1]);

/** A POST that must be accepted (303); its Location's id. */
export async function created(res: Promise<Response>, re: RegExp): Promise<number> {
  const r = await res;
  expect(r.statusCode).toBe(303);
  return idFrom(loc(r), re);
}

/** The world; with `project`, the public project of A and B too (ids.project). */
export async function programmesWorld(opts: { project?: boolean } = {}): Promise<World> {
  const t = await app.buildTestApp();
  const db = t.handle.db;
  await importGazetteer(db, GAZ, { now: t.clock.now });
  const net = await app.makeNetwork(db);
  const ids: Record<string, number> = { net };
  ids.orgA = await app.makeOrganization(db, net, 'Alpha');
  ids.orgB = await app.makeOrganization(db, net, 'Beta');
  ids.orgC = await app.makeOrganization(db, net, 'Gamma'); // not in the project
  await db
    .insertInto('organization_towns')
    .values([
      { organization_id: ids.orgA, town_pcode: 'C1594' },
      { organization_id: ids.orgB, town_pcode: 'C1564' },
    ])
    .execute();
  const people: [Exclude<Who, 'anon'>, Parameters<typeof app.makeUser>[1]][] = [
    ['admin', { username: 'p_admin', network: [net, 'networkAdmin'], totpSecret: newTotpSecret() }],
    ['staffA', { username: 'p_staff_a', org: [ids.orgA, 'orgStaff'], totpSecret: newTotpSecret() }],
    ['adminA', { username: 'p_admin_a', org: [ids.orgA, 'orgAdmin'], totpSecret: newTotpSecret() }],
    ['staffB', { username: 'p_staff_b', org: [ids.orgB, 'orgStaff'], totpSecret: newTotpSecret() }],
    ['staffC', { username: 'p_staff_c', org: [ids.orgC, 'orgStaff'], totpSecret: newTotpSecret() }],
    ['member', { username: 'p_member' }],
  ];
  const as = {} as Record<Who, app.Client>;
  for (const [key, spec] of people) {
    const user = await app.makeUser(db, spec);
    ids[key] = user.id;
    as[key] = new app.Client(t.app);
    await app.signIn(t, as[key], user.id);
    await as[key].get('/projects'); // any page: the sign-out form carries a CSRF token
  }
  as.anon = new app.Client(t.app);
  await as.anon.get('/login');
  const w = { t, db, ids, as };
  if (opts.project) await withProject(w);
  return w;
}

export const projectForm = (w: World, fields: Record<string, string | string[]> = {}) => ({
  name_ar: 'مشروع 10% شباب',
  name_en: '10% Youth',
  start_date: '2026-01-01',
  coordinator_org_id: String(w.ids.orgA),
  members: [String(w.ids.orgA), String(w.ids.orgB)],
  towns: 'C1594, C1564',
  is_public: 'on',
  ...fields,
});

/** The public project coordinated by A with B, made by the network admin; its id in ids.project. */
export async function withProject(w: World, fields: Record<string, string | string[]> = {}) {
  w.ids.project = await created(w.as.admin.post('/projects', projectForm(w, fields)), /\/projects\/(\d+)/);
  return w.ids.project;
}

/** A target of the project, by default one whose label is a spreadsheet formula (exports must neutralize it). */
export const target = (fields: Record<string, string> = {}) => ({
  metric: 'trained',
  label_ar: '=HYPERLINK("http://evil.example","اضغط")',
  label_en: 'Trained',
  target: '20',
  ...fields,
});

/** The course "المناصرة" (80% attendance, post-test 60) in the project; its id in ids.course. */
export const courseForm = {
  title_ar: 'المناصرة',
  title_en: 'Advocacy',
  topic_ar: 'حملات',
  hours: '18',
  min_attendance_pct: '80',
  min_post_score: '60',
};

export async function withCourse(w: World) {
  const course = courseForm;
  w.ids.course = await created(w.as.staffA.post(`/projects/${w.ids.project}/courses`, course), /trainings\/(\d+)/);
  return course;
}

export const traineeNames = ['ريم الحسن', 'عمر الشيخ', 'سارة العلي', 'يزن قدور'];

export const traineeForm = (w: World) => ({
  organization_id: String(w.ids.orgA),
  name: 'ريم الحسن',
  gender: 'f',
  age_band: 'a18_24',
  town_pcode: 'C1594',
  phone: '+963 944 000 111',
  consent_version: '2026-01',
});

/** Four of A's trainees (women and men in turn), with consent; and one of B's in ids.traineeB. */
export async function withTrainees(w: World): Promise<number[]> {
  const trainees: number[] = [];
  for (const [i, name] of traineeNames.entries()) {
    const form = { ...traineeForm(w), name, gender: i % 2 ? 'm' : 'f', consent: 'on' };
    trainees.push(await created(w.as.staffA.post('/programmes/trainees', form), /trainees\/(\d+)/));
  }
  w.ids.traineeB = await created(
    w.as.staffB.post('/programmes/trainees', {
      ...traineeForm(w),
      organization_id: String(w.ids.orgB),
      town_pcode: 'C1564',
      name: 'خديجة الكردي',
      consent: 'on',
    }),
    /trainees\/(\d+)/,
  );
  return trainees;
}

export const cohortForm = (w: World) => ({
  organization_id: String(w.ids.orgA),
  label: 'الدفعة الأولى',
  start_date: '2026-03-01',
  end_date: '2026-03-20',
  town_pcode: 'C1594',
  trainers: 'م. ليلى',
});

/** Enrols trainees in a cohort (as `who`); then the cohort's sessions by day and its enrolments. */
async function enrolInCohort(w: World, cohortId: number, trainees: number[], who: Who) {
  const res = await w.as[who].post(`/programmes/cohorts/${cohortId}/enrol`, { trainee: trainees.map(String) });
  expect(res.statusCode).toBe(303);
  const sessions = await w.db
    .selectFrom('programme_sessions')
    .select('id')
    .where('cohort_id', '=', cohortId)
    .orderBy('held_on')
    .execute();
  const enrolments = await w.db
    .selectFrom('programme_enrolments')
    .select(['id', 'trainee_id'])
    .where('cohort_id', '=', cohortId)
    .execute();
  return { sessions, enrolments };
}

/** A's cohort of the course with five sessions and the four trainees enrolled; its id in ids.cohort. */
export async function withCohort(w: World, trainees: number[]) {
  const cohortId = await created(
    w.as.staffA.post(`/trainings/${w.ids.course}/cohorts`, cohortForm(w)),
    /cohorts\/(\d+)/,
  );
  w.ids.cohort = cohortId;
  for (let d = 1; d <= 5; d++) {
    const res = await w.as.staffA.post(`/programmes/cohorts/${cohortId}/sessions`, {
      held_on: `2026-03-0${d}`,
      topic: `جلسة ${d}`,
    });
    expect(res.statusCode).toBe(303);
  }
  const { sessions, enrolments } = await enrolInCohort(w, cohortId, trainees, 'staffA');
  const enr = (i: number) => enrolments.find((e) => e.trainee_id === trainees[i])!.id;
  return { cohortId, sessions, enr };
}

// Attended: t0 5/5, t1 4/5, t2 3/5, t3 5/5. Post-test: 70, 60 (exactly the minimum), 90 (but 60%
// attendance), 50 (under the minimum).
export const attendedIn: Record<number, number[]> = {
  0: [0, 1, 2, 3, 4],
  1: [0, 1, 2, 3],
  2: [0, 1, 2],
  3: [0, 1, 2, 3, 4],
};
export const postScores = [70, 60, 90, 50];

export function scoresOf(enr: (i: number) => number): Record<string, string> {
  const scores: Record<string, string> = {};
  postScores.forEach((post, i) => {
    scores[`pre_${enr(i)}`] = '40';
    scores[`post_${enr(i)}`] = String(post);
  });
  return scores;
}

/** Takes attendance as `attendedIn` says, through the attendance form. */
export async function takeAttendance(w: World, sessions: { id: number }[], enr: (i: number) => number) {
  for (const [s, session] of sessions.entries()) {
    const present = [0, 1, 2, 3].filter((i) => attendedIn[i]!.includes(s)).map((i) => String(enr(i)));
    const res = await w.as.staffA.post(`/programmes/sessions/${session.id}/attendance`, { present });
    expect(res.statusCode).toBe(303);
  }
}

/**
 * Imports trainees named `<prefix> 1`, `<prefix> 2`… for the member of `who` (gender as the file
 * writes it, age, town by name), all consenting; their ids.
 */
export async function importTrainees(
  w: World,
  prefix: string,
  people: { gender: 'أنثى' | 'ذكر'; age: number; town: string }[],
  who: 'staffA' | 'staffB' = 'staffA',
): Promise<number[]> {
  const rows = people.map((p, i) => `${prefix} ${i + 1},${p.gender},${p.age},${p.town},,,نعم`);
  const res = await w.as[who].post('/programmes/trainees/import', {
    organization_id: String(who === 'staffA' ? w.ids.orgA : w.ids.orgB),
    rows: ['name,gender,age,town,affiliation,phone,consent', ...rows].join('\n'),
    consent_version: '2026-01',
    consent: 'on',
  });
  expect(res.statusCode).toBe(303);
  const ids = await w.db.selectFrom('programme_trainees').select('id').where('name', 'like', `${prefix} %`).execute();
  expect(ids).toHaveLength(people.length);
  return ids.map((t) => t.id);
}

/** Enrols trainees in a cohort (as `who`) and marks every enrolment present at its first session. */
export async function attendFirstSession(w: World, cohortId: number, trainees: number[], who: Who = 'staffA') {
  const { sessions, enrolments } = await enrolInCohort(w, cohortId, trainees, who);
  const session = sessions[0];
  if (!session) throw new Error(`cohort ${cohortId} has no session`);
  const res = await w.as[who].post(`/programmes/sessions/${session.id}/attendance`, {
    present: enrolments.map((e) => String(e.id)),
  });
  expect(res.statusCode).toBe(303);
}

export type Cert = { trainee_id: number; code: string; id: number };

export async function certificates(w: World): Promise<Cert[]> {
  return w.db
    .selectFrom('programme_certificates')
    .innerJoin('programme_enrolments', 'programme_enrolments.id', 'programme_certificates.enrolment_id')
    .select(['programme_enrolments.trainee_id', 'programme_certificates.code', 'programme_certificates.id'])
    .orderBy('programme_certificates.id')
    .execute();
}

/** The whole story up to certificates: t0 and t1 completed and hold one each. */
export async function withCertificates(w: World) {
  await withProject(w);
  await withCourse(w);
  const trainees = await withTrainees(w);
  const { cohortId, sessions, enr } = await withCohort(w, trainees);
  await takeAttendance(w, sessions, enr);
  expect((await w.as.staffA.post(`/programmes/cohorts/${cohortId}/scores`, scoresOf(enr))).statusCode).toBe(303);
  expect((await w.as.staffA.post(`/programmes/cohorts/${cohortId}/certificates`, {})).statusCode).toBe(303);
  return { trainees, certs: await certificates(w) };
}

/** A fresh world told up to certificates: the start of the test files about issued certificates. */
export async function worldWithCertificates(): Promise<{ w: World; certs: Cert[] }> {
  const w = await programmesWorld();
  return { w, certs: (await withCertificates(w)).certs };
}
