// Courses, cohorts, sessions, enrolment, attendance and scores; completion by the course's rule.
// Cohorts belong to one member: routes check `organization_id` before showing anything.
import type { Selectable } from 'kysely';
import type { Db } from '../../../core/db/index.js';
import { flag, isSet } from '../../../core/db/helpers.js';
import { deleteIn, insertRow, updateIn } from '../../../core/db/rows.js';
import { countOf } from '../../../core/db/rows.js';
import { isComplete } from '../rules.js';
import type { ProgrammeCohortsTable, ProgrammeCoursesTable } from '../tables.js';

/** What the course form writes: everything but the ids and times. */
export type CourseInput = Omit<Selectable<ProgrammeCoursesTable>, 'id' | 'project_id' | 'created_at' | 'updated_at'>;

export async function listCourses(db: Db, opts: { projectId?: number; projectIds?: number[] } = {}) {
  let q = db.selectFrom('programme_courses').selectAll();
  if (opts.projectId !== undefined) q = q.where('project_id', '=', opts.projectId);
  if (opts.projectIds !== undefined) {
    if (!opts.projectIds.length) return [];
    q = q.where('project_id', 'in', opts.projectIds);
  }
  return q.orderBy('id').execute();
}

export type CourseRow = NonNullable<Awaited<ReturnType<typeof getCourse>>>;

export async function getCourse(db: Db, id: number) {
  return db.selectFrom('programme_courses').selectAll().where('id', '=', id).executeTakeFirst() ?? null;
}

export async function saveCourse(db: Db, id: number | null, projectId: number, input: CourseInput, now: Date) {
  const at = now.toISOString();
  if (id !== null) {
    await updateIn(db, 'programme_courses', id, {}, { ...input, updated_at: at });
    return id;
  }
  return insertRow(db, 'programme_courses', { ...input, project_id: projectId, created_at: at, updated_at: at });
}

/** How many cohorts ran a course: a course with cohorts is their history and is not deleted. */
export const countCohorts = (db: Db, courseId: number): Promise<number> =>
  countOf(db, 'programme_cohorts', { course_id: courseId });

export const deleteCourse = (db: Db, id: number) => deleteIn(db, 'programme_courses', id, {});

export type CohortInput = Omit<Selectable<ProgrammeCohortsTable>, 'id' | 'course_id' | 'created_at'>;

export async function listCohorts(db: Db, opts: { courseId?: number; organizationIds?: number[] }) {
  let q = db
    .selectFrom('programme_cohorts')
    .innerJoin('programme_courses', 'programme_courses.id', 'programme_cohorts.course_id')
    .select([
      'programme_cohorts.id',
      'programme_cohorts.course_id',
      'programme_cohorts.organization_id',
      'programme_cohorts.label',
      'programme_cohorts.start_date',
      'programme_cohorts.end_date',
      'programme_cohorts.town_pcode',
      'programme_courses.title_ar',
      'programme_courses.title_en',
      'programme_courses.project_id',
    ]);
  if (opts.courseId !== undefined) q = q.where('programme_cohorts.course_id', '=', opts.courseId);
  if (opts.organizationIds !== undefined) {
    if (!opts.organizationIds.length) return [];
    q = q.where('programme_cohorts.organization_id', 'in', opts.organizationIds);
  }
  return q.orderBy('programme_cohorts.start_date', 'desc').orderBy('programme_cohorts.id', 'desc').execute();
}

export type CohortRow = NonNullable<Awaited<ReturnType<typeof getCohort>>>;

export async function getCohort(db: Db, id: number) {
  const row = await db
    .selectFrom('programme_cohorts')
    .innerJoin('programme_courses', 'programme_courses.id', 'programme_cohorts.course_id')
    .selectAll('programme_cohorts')
    .select([
      'programme_courses.title_ar',
      'programme_courses.title_en',
      'programme_courses.project_id',
      'programme_courses.min_attendance_pct',
      'programme_courses.min_post_score',
      'programme_courses.hours',
    ])
    .where('programme_cohorts.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function saveCohort(db: Db, courseId: number, input: CohortInput, now: Date) {
  const row = await db
    .insertInto('programme_cohorts')
    .values({ ...input, course_id: courseId, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Corrects a cohort's details; the member running it stays. */
export const updateCohort = (db: Db, id: number, input: Omit<CohortInput, 'organization_id'>) =>
  updateIn(db, 'programme_cohorts', id, {}, input);

/** Certificates of the cohort that still stand: attendance they were issued on is not deleted. */
export async function standingCertificates(db: Db, where: { cohortId: number } | { enrolmentId: number }) {
  let q = db
    .selectFrom('programme_certificates')
    .innerJoin('programme_enrolments', 'programme_enrolments.id', 'programme_certificates.enrolment_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('programme_certificates.revoked_at', 'is', null);
  q =
    'cohortId' in where
      ? q.where('programme_enrolments.cohort_id', '=', where.cohortId)
      : q.where('programme_enrolments.id', '=', where.enrolmentId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Deletes a cohort with its sessions, enrolments, attendance, scores and revoked certificates. */
export async function deleteCohort(db: Db, id: number) {
  await db.transaction().execute(async (trx) => {
    await removeEnrolmentsOf(trx, 'cohort_id', id);
    await trx.deleteFrom('programme_sessions').where('cohort_id', '=', id).execute();
    await trx.deleteFrom('programme_cohorts').where('id', '=', id).execute();
  });
}

/** Enrolments with their attendance and certificates (foreign keys cascade too; done here explicitly). */
export async function removeEnrolments(db: Db, ids: number[]) {
  if (!ids.length) return;
  await db.deleteFrom('programme_certificates').where('enrolment_id', 'in', ids).execute();
  await db.deleteFrom('programme_attendance').where('enrolment_id', 'in', ids).execute();
  await db.deleteFrom('programme_enrolments').where('id', 'in', ids).execute();
}

/** Removes a cohort's or a trainee's enrolments (as removeEnrolments); says how many there were. */
export async function removeEnrolmentsOf(db: Db, of: 'cohort_id' | 'trainee_id', id: number): Promise<number> {
  const enrolments = await db.selectFrom('programme_enrolments').select('id').where(of, '=', id).execute();
  await removeEnrolments(
    db,
    enrolments.map((e) => e.id),
  );
  return enrolments.length;
}

/** Enrolments with their trainee, cohort and course (every one has all three): what most reads of training start from. */
export const enrolmentsWithTraineeAndCourse = (db: Db) =>
  db
    .selectFrom('programme_enrolments')
    .innerJoin('programme_trainees', 'programme_trainees.id', 'programme_enrolments.trainee_id')
    .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_enrolments.cohort_id')
    .innerJoin('programme_courses', 'programme_courses.id', 'programme_cohorts.course_id');

export type EnrolmentRow = NonNullable<Awaited<ReturnType<typeof getEnrolment>>>;

/** An enrolment with the trainee's name and its cohort's member. */
export async function getEnrolment(db: Db, id: number) {
  return (
    (await enrolmentsWithTraineeAndCourse(db)
      .select([
        'programme_enrolments.id',
        'programme_enrolments.cohort_id',
        'programme_enrolments.trainee_id',
        'programme_cohorts.organization_id',
        'programme_cohorts.label',
        'programme_trainees.name',
      ])
      .where('programme_enrolments.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

/** A cohort's sessions in order, each with whether its attendance was taken. */
export async function listSessions(db: Db, cohortId: number) {
  const rows = await db
    .selectFrom('programme_sessions')
    .selectAll()
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('programme_attendance')
            .select('programme_attendance.session_id')
            .whereRef('programme_attendance.session_id', '=', 'programme_sessions.id'),
        )
        .as('taken'),
    )
    .where('cohort_id', '=', cohortId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, taken: r.taken === true || Number(r.taken) === 1 }));
}

export type SessionListRow = Awaited<ReturnType<typeof listSessions>>[number];

export async function addSession(db: Db, cohortId: number, input: { held_on: string; topic: string }, now: Date) {
  const row = await db
    .insertInto('programme_sessions')
    .values({ cohort_id: cohortId, ...input, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const updateSession = (db: Db, id: number, input: { held_on: string; topic: string }) =>
  updateIn(db, 'programme_sessions', id, {}, input);

/** Deletes a session and the attendance taken in it. */
export async function deleteSession(db: Db, id: number) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('programme_attendance').where('session_id', '=', id).execute();
    await trx.deleteFrom('programme_sessions').where('id', '=', id).execute();
  });
}

/** Clears a session's sheet: its attendance is "not taken" again. */
export async function clearAttendance(db: Db, sessionId: number) {
  await db.deleteFrom('programme_attendance').where('session_id', '=', sessionId).execute();
}

/** Sessions of these members' cohorts held between two days whose attendance was not taken. */
export async function sessionsWithoutAttendance(db: Db, organizationIds: number[], from: string, to: string) {
  if (!organizationIds.length) return [];
  return db
    .selectFrom('programme_sessions')
    .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_sessions.cohort_id')
    .select([
      'programme_sessions.id',
      'programme_sessions.held_on',
      'programme_sessions.topic',
      'programme_cohorts.label',
    ])
    .where('programme_cohorts.organization_id', 'in', organizationIds)
    .where('programme_sessions.held_on', '>=', from)
    .where('programme_sessions.held_on', '<=', to)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('programme_attendance')
            .select('programme_attendance.session_id')
            .whereRef('programme_attendance.session_id', '=', 'programme_sessions.id'),
        ),
      ),
    )
    .orderBy('programme_sessions.held_on')
    .orderBy('programme_sessions.id')
    .execute();
}

export async function getSession(db: Db, id: number) {
  return (
    (await db
      .selectFrom('programme_sessions')
      .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_sessions.cohort_id')
      .selectAll('programme_sessions')
      .select(['programme_cohorts.organization_id', 'programme_cohorts.label'])
      .where('programme_sessions.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export type RosterRow = Awaited<ReturnType<typeof cohortRoster>>[number];

/** The cohort's trainees with attendance, scores, completion and certificate. */
export async function cohortRoster(db: Db, cohort: CohortRow) {
  const [rows, sessions, attendance] = await Promise.all([
    enrolmentsWithTraineeAndCourse(db)
      .leftJoin('programme_certificates', 'programme_certificates.enrolment_id', 'programme_enrolments.id')
      .select([
        'programme_enrolments.id',
        'programme_enrolments.trainee_id',
        'programme_enrolments.pre_score',
        'programme_enrolments.post_score',
        'programme_trainees.name',
        'programme_trainees.gender',
        'programme_trainees.age_band',
        'programme_certificates.id as certificate_id',
        'programme_certificates.code as certificate_code',
        'programme_certificates.revoked_at',
      ])
      .where('programme_enrolments.cohort_id', '=', cohort.id)
      .orderBy('programme_trainees.name')
      .execute(),
    db.selectFrom('programme_sessions').select('id').where('cohort_id', '=', cohort.id).execute(),
    db
      .selectFrom('programme_attendance')
      .innerJoin('programme_sessions', 'programme_sessions.id', 'programme_attendance.session_id')
      .select(['programme_attendance.enrolment_id', 'programme_attendance.session_id'])
      .where('programme_sessions.cohort_id', '=', cohort.id)
      .where('programme_attendance.present', '=', 1)
      .execute(),
  ]);
  const rule = { minAttendancePct: cohort.min_attendance_pct, minPostScore: cohort.min_post_score };
  return rows.map((r) => {
    const attended = attendance.filter((a) => a.enrolment_id === r.id).length;
    const facts = { sessions: sessions.length, attended, postScore: r.post_score };
    return { ...r, sessions: sessions.length, attended, completed: isComplete(rule, facts) };
  });
}

export async function enrol(db: Db, cohortId: number, traineeIds: number[], now: Date): Promise<number> {
  if (!traineeIds.length) return 0;
  const existing = await db
    .selectFrom('programme_enrolments')
    .select('trainee_id')
    .where('cohort_id', '=', cohortId)
    .execute();
  const have = new Set(existing.map((e) => e.trainee_id));
  const fresh = [...new Set(traineeIds)].filter((id) => !have.has(id));
  if (fresh.length)
    await db
      .insertInto('programme_enrolments')
      .values(
        fresh.map((trainee_id) => ({
          cohort_id: cohortId,
          trainee_id,
          pre_score: null,
          post_score: null,
          created_at: now.toISOString(),
        })),
      )
      .execute();
  return fresh.length;
}

export async function sessionAttendance(db: Db, sessionId: number) {
  const rows = await db
    .selectFrom('programme_attendance')
    .select(['enrolment_id', 'present'])
    .where('session_id', '=', sessionId)
    .execute();
  return new Map(rows.map((r) => [r.enrolment_id, isSet(r.present)]));
}

/** One sheet per session: every enrolled trainee is marked present or absent, in one transaction. */
export async function saveAttendance(db: Db, sessionId: number, enrolmentIds: number[], present: Set<number>) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('programme_attendance').where('session_id', '=', sessionId).execute();
    if (enrolmentIds.length)
      await trx
        .insertInto('programme_attendance')
        .values(
          enrolmentIds.map((enrolment_id) => ({
            session_id: sessionId,
            enrolment_id,
            present: flag(present.has(enrolment_id)),
          })),
        )
        .execute();
  });
}

export async function saveScores(
  db: Db,
  cohortId: number,
  scores: Map<number, { pre: number | null; post: number | null }>,
) {
  await db.transaction().execute(async (trx) => {
    for (const [enrolmentId, s] of scores) {
      await trx
        .updateTable('programme_enrolments')
        .set({ pre_score: s.pre, post_score: s.post })
        .where('id', '=', enrolmentId)
        .where('cohort_id', '=', cohortId)
        .execute();
    }
  });
}
