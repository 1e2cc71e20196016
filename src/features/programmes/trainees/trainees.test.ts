// Trainees through HTTP: registered with consent for the staff's own member only, invisible to
// other members and to network admins, corrected and removed on request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificates,
  idFrom,
  loc,
  programmesWorld,
  scoresOf,
  takeAttendance,
  withCohort,
  withCourse,
  traineeForm,
  type Cert,
  type World,
} from '../testing/world.js';

let w: World;
let traineeIds: number[]; // registered by the first test
beforeAll(async () => void (w = await programmesWorld({ project: true })));
afterAll(() => w.t.close());

describe('trainees', () => {
  it('registers trainees only with consent, and only for the member the staff works for', async () => {
    const base = traineeForm(w);
    const noConsent = await w.as.staffA.post('/programmes/trainees', base);
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('دون موافقة');
    expect(await w.db.selectFrom('programme_trainees').select('id').execute()).toHaveLength(0);
    expect((await w.as.staffB.post('/programmes/trainees', { ...base, consent: 'on' })).statusCode).toBe(404);
    const names = ['ريم الحسن', 'عمر الشيخ', 'سارة العلي', 'يزن قدور'];
    w.ids.trainees = 0;
    traineeIds = [];
    for (const [i, name] of names.entries()) {
      const res = await w.as.staffA.post('/programmes/trainees', {
        ...base,
        name,
        gender: i % 2 ? 'm' : 'f',
        consent: 'on',
      });
      expect(res.statusCode).toBe(303);
      traineeIds.push(idFrom(loc(res), /trainees\/(\d+)/));
    }
    const row = await w.db
      .selectFrom('programme_trainees')
      .selectAll()
      .where('id', '=', traineeIds[0]!)
      .executeTakeFirstOrThrow();
    expect(row.consent_version).toBe('2026-01');
    expect(row.consent_at).toBe(w.t.clock.now.toISOString());
    // B registers its own trainee.
    const resB = await w.as.staffB.post('/programmes/trainees', {
      ...base,
      organization_id: String(w.ids.orgB),
      town_pcode: 'C1564',
      name: 'خديجة الكردي',
      consent: 'on',
    });
    expect(resB.statusCode).toBe(303);
    w.ids.traineeB = idFrom(loc(resB), /trainees\/(\d+)/);
  });

  it("member A's trainees are invisible to member B and to network admins", async () => {
    const listA = await w.as.staffA.get('/programmes/trainees');
    expect(listA.body).toContain('ريم الحسن');
    expect(listA.body).not.toContain('خديجة الكردي');
    const listB = await w.as.staffB.get('/programmes/trainees');
    expect(listB.body).toContain('خديجة الكردي');
    expect(listB.body).not.toContain('ريم الحسن');
    expect((await w.as.staffB.get(`/programmes/trainees?org=${w.ids.orgA}`)).statusCode).toBe(404);
    for (const c of [w.as.staffB, w.as.staffC]) {
      expect((await c.get(`/programmes/trainees/${traineeIds[0]}`)).statusCode).toBe(404);
      expect((await c.post(`/programmes/trainees/${traineeIds[0]}/remove`, { confirm: 'on' })).statusCode).toBe(404);
    }
    expect((await w.as.admin.get(`/programmes/trainees/${traineeIds[0]}`)).statusCode).toBe(404);
    expect((await w.as.admin.get('/programmes/trainees')).statusCode).toBe(404);
    expect((await w.as.member.get(`/programmes/trainees/${traineeIds[0]}`)).statusCode).toBe(404);
    // The internal project page shows other members only aggregated.
    const internal = await w.as.staffB.get(`/projects/${w.ids.project}/internal`);
    expect(internal.body).not.toContain('ريم الحسن');
  });
});

describe('on request', () => {
  let certs: Cert[];
  // A's trainees complete a course (t0 and t1 hold certificates) before they ask.
  beforeAll(async () => {
    await withCourse(w);
    const { cohortId, sessions, enr } = await withCohort(w, traineeIds);
    await takeAttendance(w, sessions, enr);
    await w.as.staffA.post(`/programmes/cohorts/${cohortId}/scores`, scoresOf(enr));
    await w.as.staffA.post(`/programmes/cohorts/${cohortId}/certificates`, {});
    certs = await certificates(w);
    expect(certs).toHaveLength(2);
  });

  it('a trainee’s details are corrected on request by their member only; the certificate shows the new name', async () => {
    const c = certs[0]!;
    const before = await w.db
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
      expect((await w.as[who].get(`/programmes/trainees/${c.trainee_id}/edit`)).statusCode).toBe(404);
      await w.as[who].get('/programmes');
      expect([403, 404]).toContain(
        (await w.as[who].post(`/programmes/trainees/${c.trainee_id}/edit`, form)).statusCode,
      );
    }
    const page = await w.as.staffA.get(`/programmes/trainees/${c.trainee_id}/edit`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(before.name);
    expect(page.body).not.toContain('name="consent"');
    // Bad input: a clear message, nothing written.
    const bad = await w.as.staffA.post(`/programmes/trainees/${c.trainee_id}/edit`, {
      ...form,
      name: '',
      phone: 'abc',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error');
    expect(
      await w.db.selectFrom('programme_trainees').selectAll().where('id', '=', c.trainee_id).executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect((await w.as.staffA.post(`/programmes/trainees/${c.trainee_id}/edit`, form)).statusCode).toBe(303);
    const after = await w.db
      .selectFrom('programme_trainees')
      .selectAll()
      .where('id', '=', c.trainee_id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ name: form.name, affiliation: null, phone: null, consent_at: before.consent_at });
    expect((await w.as.anon.get(`/certificates/${c.code}`)).body).toContain(form.name);
    const log = await w.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'programmes.trainee.corrected')
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.details).not.toContain('ريم');
  });

  it('removal on request deletes the trainee and everything about them; the certificate no longer verifies', async () => {
    const c = certs[0]!;
    const page = await w.as.staffA.get(`/programmes/trainees/${c.trainee_id}`);
    expect(page.statusCode).toBe(200);
    expect((await w.as.staffA.post(`/programmes/trainees/${c.trainee_id}/remove`, {})).statusCode).toBe(400);
    expect((await w.as.staffA.post(`/programmes/trainees/${c.trainee_id}/remove`, { confirm: 'on' })).statusCode).toBe(
      303,
    );
    expect(
      await w.db.selectFrom('programme_trainees').select('id').where('id', '=', c.trainee_id).execute(),
    ).toHaveLength(0);
    expect(
      await w.db.selectFrom('programme_enrolments').select('id').where('trainee_id', '=', c.trainee_id).execute(),
    ).toHaveLength(0);
    expect(
      await w.db.selectFrom('programme_certificates').select('id').where('code', '=', c.code).execute(),
    ).toHaveLength(0);
    expect((await w.as.anon.get(`/certificates/${c.code}`)).statusCode).toBe(404);
    const log = await w.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'programmes.trainee.removed')
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.details).not.toContain('ريم');
  });
});
