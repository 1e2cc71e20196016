// Indicators: figures by project, course, town, gender and age band, computed from the records
// and published only through small-cell suppression (core/stats/suppression.ts).
//
// People counted: a trainee is "trained" once they attended at least one session of a course,
// and "completed" when the course's rule is met. Counts of people go through suppression;
// counts of activities, visits and recommendations (events, not people) are shown as they are.
// Tables that share margins with another are suppressed as if their margins were public, and
// the headline figures are taken from the margins of the one table published with totals, so
// that no figure shown in one place undoes a cell hidden in another.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.js';
import { suppressCount, suppressTable, type SuppressedTable } from '../../../core/stats/suppression.js';
import {
  activityKinds,
  ageBands,
  genders,
  institutionTypes,
  isComplete,
  personMetrics,
  recommendationStatuses,
} from '../rules.js';
import type { AgeBand, Gender, RecommendationStatus, TargetMetric } from '../tables.js';

export type Scope = { networkId: number; projectId?: number | null; publicOnly: boolean };

type EnrolmentFact = {
  traineeId: number;
  gender: Gender;
  ageBand: AgeBand;
  town: string;
  organizationId: number;
  courseId: number;
  projectId: number;
  trained: boolean;
  completed: boolean;
};

async function projectIdsInScope(db: Db, scope: Scope): Promise<number[]> {
  let q = db.selectFrom('programme_projects').select('id').where('network_id', '=', scope.networkId);
  if (scope.projectId) q = q.where('id', '=', scope.projectId);
  if (scope.publicOnly) q = q.where('is_public', '=', 1);
  return (await q.execute()).map((r) => r.id);
}

async function enrolmentFacts(db: Db, projectIds: number[]): Promise<EnrolmentFact[]> {
  if (!projectIds.length) return [];
  const [rows, sessions, attended] = await Promise.all([
    db
      .selectFrom('programme_enrolments')
      .innerJoin('programme_trainees', 'programme_trainees.id', 'programme_enrolments.trainee_id')
      .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_enrolments.cohort_id')
      .innerJoin('programme_courses', 'programme_courses.id', 'programme_cohorts.course_id')
      .select([
        'programme_enrolments.id',
        'programme_enrolments.trainee_id',
        'programme_enrolments.post_score',
        'programme_enrolments.cohort_id',
        'programme_trainees.gender',
        'programme_trainees.age_band',
        'programme_trainees.town_pcode',
        'programme_trainees.organization_id',
        'programme_courses.id as course_id',
        'programme_courses.project_id',
        'programme_courses.min_attendance_pct',
        'programme_courses.min_post_score',
      ])
      .where('programme_courses.project_id', 'in', projectIds)
      .execute(),
    db
      .selectFrom('programme_sessions')
      .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_sessions.cohort_id')
      .innerJoin('programme_courses', 'programme_courses.id', 'programme_cohorts.course_id')
      .select(['programme_sessions.cohort_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('programme_courses.project_id', 'in', projectIds)
      .groupBy('programme_sessions.cohort_id')
      .execute(),
    db
      .selectFrom('programme_attendance')
      .innerJoin('programme_enrolments', 'programme_enrolments.id', 'programme_attendance.enrolment_id')
      .innerJoin('programme_cohorts', 'programme_cohorts.id', 'programme_enrolments.cohort_id')
      .innerJoin('programme_courses', 'programme_courses.id', 'programme_cohorts.course_id')
      .select(['programme_attendance.enrolment_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('programme_courses.project_id', 'in', projectIds)
      .where('programme_attendance.present', '=', 1)
      .groupBy('programme_attendance.enrolment_id')
      .execute(),
  ]);
  const sessionsOf = new Map(sessions.map((s) => [s.cohort_id, Number(s.n)]));
  const attendedOf = new Map(attended.map((a) => [a.enrolment_id, Number(a.n)]));
  return rows.map((r) => {
    const facts = {
      sessions: sessionsOf.get(r.cohort_id) ?? 0,
      attended: attendedOf.get(r.id) ?? 0,
      postScore: r.post_score,
    };
    return {
      traineeId: r.trainee_id,
      gender: r.gender,
      ageBand: r.age_band,
      town: r.town_pcode,
      organizationId: r.organization_id,
      courseId: r.course_id,
      projectId: r.project_id,
      trained: facts.attended > 0,
      completed: isComplete({ minAttendancePct: r.min_attendance_pct, minPostScore: r.min_post_score }, facts),
    };
  });
}

export type IndicatorTable = SuppressedTable & {
  key: string;
  /** row keys: age bands, P-codes, course ids, organization ids (as strings) */
  rows: string[];
  cols: string[];
  withTotals: boolean;
};

export type TargetProgress = {
  id: number;
  projectId: number;
  metric: TargetMetric;
  label_ar: string;
  label_en: string;
  target: number;
  actual: number | null;
};

export type IndicatorReport = {
  threshold: number;
  projectIds: number[];
  headline: {
    trained: number | null;
    trainedWomen: number | null;
    trainedMen: number | null;
    completed: number | null;
    activities: number;
    participants: number | null;
    visits: number;
    recommendations: number;
  };
  tables: IndicatorTable[];
  activitiesByKind: Record<string, number>;
  visitsByInstitution: Record<string, number>;
  recommendationsByStatus: Record<RecommendationStatus, number>;
  targets: TargetProgress[];
};

function table(
  key: string,
  rows: string[],
  cols: string[],
  counts: Map<string, number>,
  threshold: number,
  withTotals: boolean,
): IndicatorTable {
  const cells = rows.map((r) => cols.map((c) => counts.get(`${r}|${c}`) ?? 0));
  return { key, rows, cols, withTotals, ...suppressTable(cells, threshold, { withTotals }) };
}

function tally(map: Map<string, number>, key: string, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}

export async function buildIndicators(db: Db, scope: Scope, threshold: number): Promise<IndicatorReport> {
  const projectIds = await projectIdsInScope(db, scope);
  const facts = await enrolmentFacts(db, projectIds);

  // People: one row per trainee who trained (in any course of the scope).
  const people = new Map<number, EnrolmentFact>();
  const completers = new Set<number>();
  for (const f of facts) {
    if (f.trained && !people.has(f.traineeId)) people.set(f.traineeId, f);
    if (f.completed) completers.add(f.traineeId);
  }
  const byAge = new Map<string, number>();
  const byTown = new Map<string, number>();
  const byOrg = new Map<string, number>();
  for (const p of people.values()) {
    tally(byAge, `${p.ageBand}|${p.gender}`);
    tally(byTown, `${p.town}|${p.gender}`);
    tally(byOrg, `${p.organizationId}|${p.gender}`);
  }
  // Enrolments by course: trained and completed.
  const trainedByCourse = new Map<string, number>();
  const completedByCourse = new Map<string, number>();
  for (const f of facts) {
    if (f.trained) tally(trainedByCourse, `${f.courseId}|${f.gender}`);
    if (f.completed) tally(completedByCourse, `${f.courseId}|${f.gender}`);
  }
  const courseIds = [...new Set(facts.map((f) => f.courseId))].sort((a, b) => a - b);
  const courses = projectIds.length
    ? (
        await db
          .selectFrom('programme_courses')
          .select('id')
          .where('project_id', 'in', projectIds)
          .orderBy('id')
          .execute()
      ).map((c) => c.id)
    : [];
  const allCourses = [...new Set([...courses, ...courseIds])].map(String);
  const towns = [...new Set([...people.values()].map((p) => p.town))].sort();
  const orgs = [...new Set([...people.values()].map((p) => String(p.organizationId)))].sort();

  // Activities, their participants, visits and recommendations.
  const activities = projectIds.length
    ? await db.selectFrom('programme_activities').select(['id', 'kind']).where('project_id', 'in', projectIds).execute()
    : [];
  const participantCounts = activities.length
    ? await db
        .selectFrom('programme_activity_counts')
        .select(['gender', 'age_band', (eb) => eb.fn.sum<number>('count').as('n')])
        .where(
          'activity_id',
          'in',
          activities.map((a) => a.id),
        )
        .groupBy(['gender', 'age_band'])
        .execute()
    : [];
  const participants = new Map<string, number>();
  for (const c of participantCounts) tally(participants, `${c.age_band}|${c.gender}`, Number(c.n));
  const activitiesByKind: Record<string, number> = Object.fromEntries(activityKinds.map((k) => [k, 0]));
  for (const a of activities) activitiesByKind[a.kind] = (activitiesByKind[a.kind] ?? 0) + 1;

  const visits = projectIds.length
    ? await db
        .selectFrom('programme_visits')
        .select(['id', 'institution_type'])
        .where('project_id', 'in', projectIds)
        .execute()
    : [];
  const visitsByInstitution: Record<string, number> = Object.fromEntries(institutionTypes.map((k) => [k, 0]));
  for (const v of visits) visitsByInstitution[v.institution_type] = (visitsByInstitution[v.institution_type] ?? 0) + 1;
  const recs = visits.length
    ? await db
        .selectFrom('programme_recommendations')
        .select(['status', sql<number>`count(*)`.as('n')])
        .where(
          'visit_id',
          'in',
          visits.map((v) => v.id),
        )
        .groupBy('status')
        .execute()
    : [];
  const recommendationsByStatus = Object.fromEntries(recommendationStatuses.map((s) => [s, 0])) as Record<
    RecommendationStatus,
    number
  >;
  for (const r of recs) recommendationsByStatus[r.status] = Number(r.n);

  const ages = ageBands as string[];
  const gs = genders as string[];
  const peopleTable = table('trainedByAge', ages, gs, byAge, threshold, true);
  const participantTable = table('participantsByAge', ages, gs, participants, threshold, true);
  const tables: IndicatorTable[] = [
    peopleTable,
    table('trainedByTown', towns, gs, byTown, threshold, false),
    table('trainedByCourse', allCourses, gs, trainedByCourse, threshold, false),
    table('completedByCourse', allCourses, gs, completedByCourse, threshold, false),
    participantTable,
  ];
  if (!scope.publicOnly) tables.push(table('trainedByOrganization', orgs, gs, byOrg, threshold, false));

  const fIdx = gs.indexOf('f');
  const mIdx = gs.indexOf('m');
  const recommendationsTotal = Object.values(recommendationsByStatus).reduce((a, b) => a + b, 0);
  const headline = {
    trained: peopleTable.grandTotal,
    trainedWomen: peopleTable.colTotals[fIdx] ?? null,
    trainedMen: peopleTable.colTotals[mIdx] ?? null,
    completed: suppressCount(completers.size, threshold),
    activities: activities.length,
    participants: participantTable.grandTotal,
    visits: visits.length,
    recommendations: recommendationsTotal,
  };

  // Targets: person metrics take the (suppressed) figure the page already shows.
  const targetRows = projectIds.length
    ? await db
        .selectFrom('programme_targets')
        .selectAll()
        .where('project_id', 'in', projectIds)
        .orderBy('project_id')
        .orderBy('id')
        .execute()
    : [];
  // Per-project actuals when several projects are in scope.
  const perProject = new Map<number, Record<TargetMetric, number | null>>();
  for (const pid of new Set(targetRows.map((t) => t.project_id))) {
    if (projectIds.length === 1) {
      perProject.set(pid, {
        trained: headline.trained,
        trained_women: headline.trainedWomen,
        completed: headline.completed,
        activities: headline.activities,
        participants: headline.participants,
        visits: headline.visits,
        recommendations_adopted: recommendationsByStatus.adopted + recommendationsByStatus.implemented,
        custom: null,
      });
    } else {
      const sub = await buildIndicators(db, { ...scope, projectId: pid }, threshold);
      perProject.set(pid, {
        trained: sub.headline.trained,
        trained_women: sub.headline.trainedWomen,
        completed: sub.headline.completed,
        activities: sub.headline.activities,
        participants: sub.headline.participants,
        visits: sub.headline.visits,
        recommendations_adopted: sub.recommendationsByStatus.adopted + sub.recommendationsByStatus.implemented,
        custom: null,
      });
    }
  }
  const targets: TargetProgress[] = targetRows.map((t) => {
    const actual =
      t.metric === 'custom'
        ? t.manual_value
        : personMetrics.has(t.metric)
          ? (perProject.get(t.project_id)?.[t.metric] ?? null)
          : (perProject.get(t.project_id)?.[t.metric] ?? 0);
    return {
      id: t.id,
      projectId: t.project_id,
      metric: t.metric,
      label_ar: t.label_ar,
      label_en: t.label_en,
      target: t.target,
      actual,
    };
  });

  return {
    threshold,
    projectIds,
    headline,
    tables,
    activitiesByKind,
    visitsByInstitution,
    recommendationsByStatus,
    targets,
  };
}
