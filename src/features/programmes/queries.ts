// Programmes queries: named Kysely functions taking `db` first. Functions reading one member's
// records (trainees, rosters, attendance, certificates) take the organization or return rows with
// `organization_id`, and routes check it with authorize() before showing anything.
import type { Db } from '../../core/db/index.js';
import type { ActivityKind, AgeBand, Gender, InstitutionType, RecommendationStatus, TargetMetric } from './tables.js';
import { isComplete, newCertificateCode } from './rules.js';

// ——— towns and organizations (read-only lookups) ———

export async function townNames(db: Db, pcodes: string[]) {
  const unique = [...new Set(pcodes)].filter(Boolean);
  if (!unique.length) return new Map<string, { name_ar: string; name_en: string }>();
  const rows = await db
    .selectFrom('towns')
    .select(['pcode', 'name_ar', 'name_en'])
    .where('pcode', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.pcode, { name_ar: r.name_ar, name_en: r.name_en }]));
}

export async function existingTownCodes(db: Db, pcodes: string[]): Promise<Set<string>> {
  if (!pcodes.length) return new Set();
  const rows = await db.selectFrom('towns').select('pcode').where('pcode', 'in', pcodes).execute();
  return new Set(rows.map((r) => r.pcode));
}

export async function organizationNames(db: Db, ids: number[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<number, { name_ar: string; name_en: string }>();
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { name_ar: r.name_ar, name_en: r.name_en }]));
}

export async function activeOrganizations(db: Db, networkId: number) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name_ar', 'name_en'])
    .where('network_id', '=', networkId)
    .where('status', '=', 'active')
    .orderBy('name_ar')
    .execute();
}

export async function defaultNetworkId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('networks').select('id').orderBy('id').executeTakeFirst();
  return row?.id ?? null;
}

// ——— projects ———

export type ProjectInput = {
  coordinator_org_id: number;
  name_ar: string;
  name_en: string;
  supporter_ar: string;
  supporter_en: string;
  start_date: string;
  end_date: string | null;
  summary_ar: string;
  summary_en: string;
  goals_ar: string;
  goals_en: string;
  is_public: boolean;
  members: number[];
  towns: string[];
};

export async function listProjects(db: Db, networkId: number) {
  const rows = await db
    .selectFrom('programme_projects')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const members = rows.length
    ? await db
        .selectFrom('programme_project_members')
        .select(['project_id', 'organization_id'])
        .where(
          'project_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    memberOrgIds: members.filter((m) => m.project_id === r.id).map((m) => m.organization_id),
  }));
}

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof getProject>>>;

export async function getProject(db: Db, id: number) {
  const row = await db.selectFrom('programme_projects').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [members, towns] = await Promise.all([
    db.selectFrom('programme_project_members').select('organization_id').where('project_id', '=', id).execute(),
    db
      .selectFrom('programme_project_towns')
      .innerJoin('towns', 'towns.pcode', 'programme_project_towns.town_pcode')
      .select(['towns.pcode', 'towns.name_ar', 'towns.name_en'])
      .where('programme_project_towns.project_id', '=', id)
      .orderBy('towns.name_ar')
      .execute(),
  ]);
  return { ...row, memberOrgIds: members.map((m) => m.organization_id), towns };
}

/** A project with its members and towns, in one transaction. The coordinator is always a member. */
export async function saveProject(
  db: Db,
  id: number | null,
  networkId: number,
  input: ProjectInput,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const values = {
      coordinator_org_id: input.coordinator_org_id,
      name_ar: input.name_ar,
      name_en: input.name_en,
      supporter_ar: input.supporter_ar,
      supporter_en: input.supporter_en,
      start_date: input.start_date,
      end_date: input.end_date,
      summary_ar: input.summary_ar,
      summary_en: input.summary_en,
      goals_ar: input.goals_ar,
      goals_en: input.goals_en,
      is_public: input.is_public ? 1 : 0,
      updated_at: now.toISOString(),
    };
    let projectId = id;
    if (projectId === null) {
      const row = await trx
        .insertInto('programme_projects')
        .values({ ...values, network_id: networkId, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      projectId = row.id;
    } else {
      await trx.updateTable('programme_projects').set(values).where('id', '=', projectId).execute();
      await trx.deleteFrom('programme_project_members').where('project_id', '=', projectId).execute();
      await trx.deleteFrom('programme_project_towns').where('project_id', '=', projectId).execute();
    }
    const members = [...new Set([input.coordinator_org_id, ...input.members])];
    await trx
      .insertInto('programme_project_members')
      .values(members.map((organization_id) => ({ project_id: projectId!, organization_id })))
      .execute();
    const towns = [...new Set(input.towns)];
    if (towns.length)
      await trx
        .insertInto('programme_project_towns')
        .values(towns.map((town_pcode) => ({ project_id: projectId!, town_pcode })))
        .execute();
    return projectId;
  });
}

export async function listTargets(db: Db, projectId: number) {
  return db.selectFrom('programme_targets').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
}

export async function addTarget(
  db: Db,
  projectId: number,
  input: { metric: TargetMetric; label_ar: string; label_en: string; target: number; manual_value: number | null },
  now: Date,
) {
  const row = await db
    .insertInto('programme_targets')
    .values({ project_id: projectId, ...input, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteTarget(db: Db, projectId: number, targetId: number) {
  const res = await db
    .deleteFrom('programme_targets')
    .where('project_id', '=', projectId)
    .where('id', '=', targetId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

// ——— activities ———

export type ActivityInput = {
  organization_id: number;
  kind: ActivityKind;
  title: string;
  held_on: string;
  town_pcode: string;
  summary: string;
  notes: string;
  counts: { gender: Gender; age_band: AgeBand; count: number }[];
};

export async function listActivities(db: Db, projectId: number) {
  const rows = await db
    .selectFrom('programme_activities')
    .select([
      'id',
      'project_id',
      'organization_id',
      'kind',
      'title',
      'held_on',
      'town_pcode',
      'published_item_id',
      'published_url',
    ])
    .where('project_id', '=', projectId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const counts = rows.length
    ? await db
        .selectFrom('programme_activity_counts')
        .select(['activity_id', 'count'])
        .where(
          'activity_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({
    ...r,
    participants: counts.filter((c) => c.activity_id === r.id).reduce((a, c) => a + c.count, 0),
  }));
}

export type ActivityRow = NonNullable<Awaited<ReturnType<typeof getActivity>>>;

export async function getActivity(db: Db, id: number) {
  const row = await db.selectFrom('programme_activities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [counts, photos] = await Promise.all([
    db
      .selectFrom('programme_activity_counts')
      .select(['gender', 'age_band', 'count'])
      .where('activity_id', '=', id)
      .execute(),
    db
      .selectFrom('programme_activity_photos')
      .innerJoin('media', 'media.id', 'programme_activity_photos.media_id')
      .select(['media.id', 'media.variants', 'media.is_public'])
      .where('programme_activity_photos.activity_id', '=', id)
      .orderBy('programme_activity_photos.created_at')
      .execute(),
  ]);
  return {
    ...row,
    counts,
    photos: photos.map((p) => ({
      id: p.id,
      isPublic: p.is_public === 1,
      variants: JSON.parse(p.variants) as Record<string, string>,
    })),
  };
}

export async function saveActivity(
  db: Db,
  id: number | null,
  projectId: number,
  input: ActivityInput,
  userId: number | null,
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const values = {
      organization_id: input.organization_id,
      kind: input.kind,
      title: input.title,
      held_on: input.held_on,
      town_pcode: input.town_pcode,
      summary: input.summary,
      notes: input.notes,
      updated_at: now.toISOString(),
    };
    let activityId = id;
    if (activityId === null) {
      const row = await trx
        .insertInto('programme_activities')
        .values({
          ...values,
          project_id: projectId,
          created_by: userId,
          created_at: now.toISOString(),
          published_item_id: null,
          published_url: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      activityId = row.id;
    } else {
      await trx.updateTable('programme_activities').set(values).where('id', '=', activityId).execute();
      await trx.deleteFrom('programme_activity_counts').where('activity_id', '=', activityId).execute();
    }
    const counts = input.counts.filter((c) => c.count > 0);
    if (counts.length)
      await trx
        .insertInto('programme_activity_counts')
        .values(counts.map((c) => ({ activity_id: activityId!, ...c })))
        .execute();
    return activityId;
  });
}

export async function addActivityPhoto(db: Db, activityId: number, mediaId: string, now: Date) {
  await db
    .insertInto('programme_activity_photos')
    .values({ activity_id: activityId, media_id: mediaId, created_at: now.toISOString() })
    .execute();
}

/**
 * Records the activity report the activity became. Photos stay private: the public report is
 * text (the publishing renderer shows images as their alt text only).
 */
export async function markActivityPublished(db: Db, activityId: number, itemId: number, url: string) {
  await db
    .updateTable('programme_activities')
    .set({ published_item_id: itemId, published_url: url })
    .where('id', '=', activityId)
    .execute();
}

/** Towns a member organization works in plus the project's towns: the choices in forms. */
export async function townChoices(db: Db, opts: { projectId?: number; networkId: number }) {
  const [projectTowns, orgTowns] = await Promise.all([
    opts.projectId
      ? db
          .selectFrom('programme_project_towns')
          .innerJoin('towns', 'towns.pcode', 'programme_project_towns.town_pcode')
          .select(['towns.pcode', 'towns.name_ar', 'towns.name_en'])
          .where('programme_project_towns.project_id', '=', opts.projectId)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('organization_towns')
      .innerJoin('organizations', 'organizations.id', 'organization_towns.organization_id')
      .innerJoin('towns', 'towns.pcode', 'organization_towns.town_pcode')
      .select(['towns.pcode', 'towns.name_ar', 'towns.name_en'])
      .where('organizations.network_id', '=', opts.networkId)
      .execute(),
  ]);
  const seen = new Map<string, { pcode: string; name_ar: string; name_en: string }>();
  for (const t of [...projectTowns, ...orgTowns]) if (!seen.has(t.pcode)) seen.set(t.pcode, t);
  return [...seen.values()].sort((a, b) => a.name_ar.localeCompare(b.name_ar, 'ar'));
}

// ——— advocacy visits and recommendations ———

export type VisitInput = {
  organization_id: number;
  institution_type: InstitutionType;
  institution_name: string;
  town_pcode: string;
  visited_on: string;
  who_went: string;
  notes: string;
};

export async function listVisits(db: Db, projectId: number) {
  const rows = await db
    .selectFrom('programme_visits')
    .select(['id', 'project_id', 'organization_id', 'institution_type', 'institution_name', 'town_pcode', 'visited_on'])
    .where('project_id', '=', projectId)
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const recs = rows.length
    ? await db
        .selectFrom('programme_recommendations')
        .select(['visit_id', 'status'])
        .where(
          'visit_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({ ...r, statuses: recs.filter((x) => x.visit_id === r.id).map((x) => x.status) }));
}

export type VisitRow = NonNullable<Awaited<ReturnType<typeof getVisit>>>;

export async function getVisit(db: Db, id: number) {
  const row = await db.selectFrom('programme_visits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const recommendations = await db
    .selectFrom('programme_recommendations')
    .selectAll()
    .where('visit_id', '=', id)
    .orderBy('id')
    .execute();
  const followups = recommendations.length
    ? await db
        .selectFrom('programme_followups')
        .selectAll()
        .where(
          'recommendation_id',
          'in',
          recommendations.map((r) => r.id),
        )
        .orderBy('followed_on')
        .orderBy('id')
        .execute()
    : [];
  return {
    ...row,
    recommendations: recommendations.map((r) => ({
      ...r,
      followups: followups.filter((f) => f.recommendation_id === r.id),
    })),
  };
}

export async function saveVisit(
  db: Db,
  id: number | null,
  projectId: number,
  input: VisitInput,
  userId: number | null,
  now: Date,
): Promise<number> {
  if (id !== null) {
    await db
      .updateTable('programme_visits')
      .set({ ...input, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    return id;
  }
  const row = await db
    .insertInto('programme_visits')
    .values({
      ...input,
      project_id: projectId,
      created_by: userId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addRecommendation(
  db: Db,
  visitId: number,
  input: { text: string; addressed_to: string },
  now: Date,
) {
  const row = await db
    .insertInto('programme_recommendations')
    .values({
      visit_id: visitId,
      text: input.text,
      addressed_to: input.addressed_to,
      response: '',
      status: 'proposed',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getRecommendation(db: Db, id: number) {
  return db
    .selectFrom('programme_recommendations')
    .innerJoin('programme_visits', 'programme_visits.id', 'programme_recommendations.visit_id')
    .select([
      'programme_recommendations.id',
      'programme_recommendations.visit_id',
      'programme_recommendations.status',
      'programme_visits.organization_id',
      'programme_visits.project_id',
    ])
    .where('programme_recommendations.id', '=', id)
    .executeTakeFirst();
}

/** A follow-up: the new status and response, with a dated note kept in the history. */
export async function followUpRecommendation(
  db: Db,
  id: number,
  input: { status: RecommendationStatus; response: string; note: string; followed_on: string },
  userId: number | null,
  now: Date,
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('programme_recommendations')
      .set({ status: input.status, response: input.response, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('programme_followups')
      .values({
        recommendation_id: id,
        followed_on: input.followed_on,
        note: input.note,
        status: input.status,
        user_id: userId,
        created_at: now.toISOString(),
      })
      .execute();
  });
}

// ——— courses, cohorts, sessions ———

export type CourseInput = {
  title_ar: string;
  title_en: string;
  topic_ar: string;
  topic_en: string;
  objectives_ar: string;
  objectives_en: string;
  hours: number;
  min_attendance_pct: number;
  min_post_score: number | null;
};

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
  if (id !== null) {
    await db
      .updateTable('programme_courses')
      .set({ ...input, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    return id;
  }
  const row = await db
    .insertInto('programme_courses')
    .values({ ...input, project_id: projectId, created_at: now.toISOString(), updated_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type CohortInput = {
  organization_id: number;
  label: string;
  start_date: string;
  end_date: string;
  town_pcode: string;
  trainers: string;
};

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

export async function listSessions(db: Db, cohortId: number) {
  return db
    .selectFrom('programme_sessions')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

export async function addSession(db: Db, cohortId: number, input: { held_on: string; topic: string }, now: Date) {
  const row = await db
    .insertInto('programme_sessions')
    .values({ cohort_id: cohortId, ...input, created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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

// ——— trainees (one member's records) ———

export type TraineeInput = {
  name: string;
  gender: Gender;
  age_band: AgeBand;
  town_pcode: string;
  affiliation: string | null;
  phone: string | null;
  consent_version: string;
};

export async function listTrainees(db: Db, organizationId: number) {
  return db
    .selectFrom('programme_trainees')
    .select(['id', 'organization_id', 'name', 'gender', 'age_band', 'town_pcode', 'affiliation'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

export type TraineeRow = NonNullable<Awaited<ReturnType<typeof getTrainee>>>;

export async function getTrainee(db: Db, id: number) {
  return (await db.selectFrom('programme_trainees').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function createTrainee(
  db: Db,
  organizationId: number,
  input: TraineeInput,
  userId: number | null,
  now: Date,
) {
  const row = await db
    .insertInto('programme_trainees')
    .values({
      ...input,
      organization_id: organizationId,
      consent_at: now.toISOString(),
      created_by: userId,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Corrects a trainee's details (their right to have wrong data put right); consent is unchanged. */
export async function updateTrainee(db: Db, id: number, input: Omit<TraineeInput, 'consent_version'>) {
  await db.updateTable('programme_trainees').set(input).where('id', '=', id).execute();
}

/**
 * Removal on request: the trainee's row, enrolments, attendance, scores and certificates are
 * deleted (foreign keys cascade; done explicitly too, in one transaction, so it does not depend
 * on the cascade being enabled). Their certificates then verify as "not found".
 */
export async function removeTrainee(db: Db, id: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const enrolments = await trx.selectFrom('programme_enrolments').select('id').where('trainee_id', '=', id).execute();
    const ids = enrolments.map((e) => e.id);
    if (ids.length) {
      await trx.deleteFrom('programme_certificates').where('enrolment_id', 'in', ids).execute();
      await trx.deleteFrom('programme_attendance').where('enrolment_id', 'in', ids).execute();
      await trx.deleteFrom('programme_enrolments').where('id', 'in', ids).execute();
    }
    await trx.deleteFrom('programme_trainees').where('id', '=', id).execute();
    return ids.length;
  });
}

export async function traineeEnrolments(db: Db, traineeId: number) {
  return db
    .selectFrom('programme_enrolments')
    .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_enrolments.cohort_id')
    .innerJoin('programme_courses', 'programme_courses.id', 'programme_cohorts.course_id')
    .leftJoin('programme_certificates', 'programme_certificates.enrolment_id', 'programme_enrolments.id')
    .select([
      'programme_enrolments.id',
      'programme_cohorts.id as cohort_id',
      'programme_cohorts.label',
      'programme_courses.title_ar',
      'programme_courses.title_en',
      'programme_certificates.id as certificate_id',
      'programme_certificates.revoked_at',
    ])
    .where('programme_enrolments.trainee_id', '=', traineeId)
    .orderBy('programme_cohorts.start_date')
    .execute();
}

// ——— enrolment, attendance, scores, completion ———

export type RosterRow = Awaited<ReturnType<typeof cohortRoster>>[number];

/** The cohort's trainees with attendance, scores, completion and certificate. */
export async function cohortRoster(db: Db, cohort: CohortRow) {
  const [rows, sessions, attendance] = await Promise.all([
    db
      .selectFrom('programme_enrolments')
      .innerJoin('programme_trainees', 'programme_trainees.id', 'programme_enrolments.trainee_id')
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
  return new Map(rows.map((r) => [r.enrolment_id, r.present === 1]));
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
            present: present.has(enrolment_id) ? 1 : 0,
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

// ——— certificates ———

/** Issues a certificate to every trainee of the cohort who completed and has none yet. */
export async function issueCertificates(db: Db, cohort: CohortRow, now: Date): Promise<number> {
  const roster = await cohortRoster(db, cohort);
  const due = roster.filter((r) => r.completed && r.certificate_id === null);
  for (const r of due) {
    // A collision among 31^12 codes is practically impossible; retry anyway rather than fail.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newCertificateCode();
      const clash = await db
        .selectFrom('programme_certificates')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirst();
      if (clash) continue;
      await db
        .insertInto('programme_certificates')
        .values({ enrolment_id: r.id, code, name_en: null, issued_at: now.toISOString(), revoked_at: null })
        .execute();
      break;
    }
  }
  return due.length;
}

const certificateColumns = [
  'programme_certificates.id',
  'programme_certificates.code',
  'programme_certificates.name_en',
  'programme_certificates.issued_at',
  'programme_certificates.revoked_at',
  'programme_trainees.name',
  'programme_trainees.gender',
  'programme_cohorts.id as cohort_id',
  'programme_cohorts.organization_id',
  'programme_cohorts.label',
  'programme_cohorts.start_date',
  'programme_cohorts.end_date',
  'programme_cohorts.town_pcode',
  'programme_courses.id as course_id',
  'programme_courses.title_ar',
  'programme_courses.title_en',
  'programme_courses.hours',
  'programme_courses.project_id',
] as const;

function certificateQuery(db: Db) {
  return db
    .selectFrom('programme_certificates')
    .innerJoin('programme_enrolments', 'programme_enrolments.id', 'programme_certificates.enrolment_id')
    .innerJoin('programme_trainees', 'programme_trainees.id', 'programme_enrolments.trainee_id')
    .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_enrolments.cohort_id')
    .innerJoin('programme_courses', 'programme_courses.id', 'programme_cohorts.course_id')
    .select(certificateColumns);
}

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof getCertificate>>>;

export async function getCertificate(db: Db, id: number) {
  return (await certificateQuery(db).where('programme_certificates.id', '=', id).executeTakeFirst()) ?? null;
}

/** For public verification: a valid (not revoked) certificate by its code, or null. */
export async function findValidCertificate(db: Db, code: string) {
  const row = await certificateQuery(db)
    .where('programme_certificates.code', '=', code)
    .where('programme_certificates.revoked_at', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

export async function revokeCertificate(db: Db, id: number, now: Date) {
  await db
    .updateTable('programme_certificates')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function setCertificateNameEn(db: Db, id: number, nameEn: string | null) {
  await db.updateTable('programme_certificates').set({ name_en: nameEn }).where('id', '=', id).execute();
}
