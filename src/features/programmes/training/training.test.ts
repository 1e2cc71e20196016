// Training through HTTP: courses by the coordinators; a member's cohort with sessions, enrolment of
// its own trainees, attendance on one form, scores, completion by the rule and certificates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attendedIn,
  cohortForm,
  courseForm,
  idFrom,
  loc,
  programmesWorld,
  scoresOf,
  withCohort,
  withTrainees,
  type World,
} from '../testing/world.js';

let w: World;
let traineeIds: number[];
beforeAll(async () => {
  w = await programmesWorld({ project: true });
  traineeIds = await withTrainees(w);
});
afterAll(() => w.t.close());

describe('training', () => {
  it('coordinators add a course; other members cannot', async () => {
    const course = courseForm;
    expect((await w.as.staffB.post(`/projects/${w.ids.project}/courses`, course)).statusCode).toBe(404);
    expect((await w.as.staffA.post(`/projects/${w.ids.project}/courses`, { ...course, hours: '0' })).statusCode).toBe(
      400,
    );
    const res = await w.as.staffA.post(`/projects/${w.ids.project}/courses`, course);
    expect(res.statusCode).toBe(303);
    w.ids.course = idFrom(loc(res), /trainings\/(\d+)/);
    const pub = await w.as.anon.get(`/trainings/${w.ids.course}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('المناصرة');
    expect((await w.as.anon.get('/trainings')).body).toContain(`/trainings/${w.ids.course}`);
  });

  it('a cohort: sessions, enrolment, attendance on one form, scores, completion by the rule', async () => {
    const form = cohortForm(w);
    expect(
      (await w.as.staffA.post(`/trainings/${w.ids.course}/cohorts`, { ...form, end_date: '2026-02-01' })).statusCode,
    ).toBe(400);
    expect((await w.as.staffC.post(`/trainings/${w.ids.course}/cohorts`, form)).statusCode).toBe(404);
    // Created with five sessions and A's four trainees enrolled (each step answered 303).
    const { cohortId, sessions, enr } = await withCohort(w, traineeIds);
    // B's trainee cannot be enrolled in A's cohort.
    expect(
      (await w.as.staffA.post(`/programmes/cohorts/${cohortId}/enrol`, { trainee: String(w.ids.traineeB) })).statusCode,
    ).toBe(400);
    for (const path of [`/programmes/cohorts/${cohortId}`]) {
      expect((await w.as.staffB.get(path)).statusCode).toBe(404);
      expect((await w.as.admin.get(path)).statusCode).toBe(404);
    }
    for (const [s, session] of sessions.entries()) {
      const present = [0, 1, 2, 3].filter((i) => attendedIn[i]!.includes(s)).map((i) => String(enr(i)));
      expect((await w.as.staffB.post(`/programmes/sessions/${session.id}/attendance`, { present })).statusCode).toBe(
        404,
      );
      const page = await w.as.staffA.get(`/programmes/sessions/${session.id}/attendance`);
      expect(page.body).toContain('name="present"');
      expect((await w.as.staffA.post(`/programmes/sessions/${session.id}/attendance`, { present })).statusCode).toBe(
        303,
      );
    }
    // An enrolment of another cohort is refused.
    expect(
      (await w.as.staffA.post(`/programmes/sessions/${sessions[0]!.id}/attendance`, { present: '999999' })).statusCode,
    ).toBe(400);
    // Scores: t0 post 70, t1 post 60 (exactly the minimum), t2 post 90 (but 60% attendance), t3 post 50.
    const scores = scoresOf(enr);
    expect(
      (await w.as.staffA.post(`/programmes/cohorts/${cohortId}/scores`, { ...scores, [`post_${enr(0)}`]: '101' }))
        .statusCode,
    ).toBe(400);
    expect((await w.as.staffA.post(`/programmes/cohorts/${cohortId}/scores`, scores)).statusCode).toBe(303);
    expect((await w.as.staffA.post(`/programmes/cohorts/${cohortId}/certificates`, {})).statusCode).toBe(303);
    const certs = await w.db
      .selectFrom('programme_certificates')
      .innerJoin('programme_enrolments', 'programme_enrolments.id', 'programme_certificates.enrolment_id')
      .select(['programme_enrolments.trainee_id', 'programme_certificates.code', 'programme_certificates.id'])
      .execute();
    // Completed: t0 (5/5, 70) and t1 (4/5 = 80%, 60); not t2 (60%) nor t3 (post-test 50).
    expect(certs.map((c) => c.trainee_id).sort()).toEqual([traineeIds[0], traineeIds[1]].sort());
    for (const c of certs) expect(c.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/);
    // Issuing again does not duplicate.
    await w.as.staffA.post(`/programmes/cohorts/${cohortId}/certificates`, {});
    expect(await w.db.selectFrom('programme_certificates').select('id').execute()).toHaveLength(2);
  });
});
