// Indicators: figures by project, course, town, gender and age band, computed from the records
// and published only through one linked release (core/stats/release.ts, decision 0004).
//
// People counted: a trainee is "trained" once they attended at least one session of a course,
// and "completed" when the course's rule is met. Counts of people go through disclosure control;
// counts of activities, visits and recommendations (events, not people) are shown as they are.
// Every figure of every scope a visitor can ask for (all public projects together, each one on
// its own) is protected together, so that no page, filter or export undoes a figure hidden on
// another: /indicators minus /indicators?project=1 gives nothing back. The same release holds what
// may leave the network otherwise: each project's figures for sharing (the export of the internal
// page, non-public projects included) and the participant figures of every activity report, fixed
// as each report printed them.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.js';
import type { EarlierFigure, ProtectedFigure } from '../../../core/stats/release.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import {
  activityKinds,
  ageBands,
  genders,
  institutionTypes,
  isComplete,
  personMetrics,
  recommendationStatuses,
} from '../rules.js';
import { rowsWhereIn } from '../../../core/db/rows.js';
import type { RecommendationStatus, TargetMetric } from '../tables.js';
import { enrolmentsWithTraineeAndCourse } from '../training/queries.js';
import { activityReports, protectFamily, type EnrolmentFact, type ReportFigure, type Reports } from './protection.js';

/** How many of `values` are each word of a vocabulary: every word listed, 0 when none is. */
function countsByVocabulary(vocabulary: readonly string[], values: string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(vocabulary.map((k) => [k, 0]));
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

export { reportFigures, type PublishedFigures, type ReportFigure } from './protection.js';

export type Scope = {
  networkId: number;
  projectId?: number | null;
  publicOnly: boolean;
  /** an activity whose report is being published: its participant figures join the release */
  reportActivity?: number;
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
    enrolmentsWithTraineeAndCourse(db)
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

/** A published figure about people: its true value, how it is disclosed, and its key. */
export type Cell = ProtectedFigure & { id: string };

export type IndicatorTable = {
  key: string;
  /** row keys: age bands, P-codes, course ids, organization ids (as strings) */
  rows: string[];
  cols: string[];
  withTotals: boolean;
  cells: Cell[][];
  rowTotals: Cell[];
  colTotals: Cell[];
  grandTotal: Cell | null;
};

export type TargetProgress = {
  id: number;
  projectId: number;
  metric: TargetMetric;
  label_ar: string;
  label_en: string;
  target: number;
  /** a count of events or a manual value; for a person metric, the value only when shown */
  actual: number | null;
  /** person metrics: the protected figure the page prints */
  figure?: Cell;
};

export type IndicatorReport = {
  threshold: number;
  projectIds: number[];
  headline: {
    trained: Cell;
    trainedWomen: Cell;
    trainedMen: Cell;
    completed: Cell;
    activities: number;
    participants: Cell;
    visits: number;
    recommendations: number;
  };
  tables: IndicatorTable[];
  activitiesByKind: Record<string, number>;
  visitsByInstitution: Record<string, number>;
  recommendationsByStatus: Record<RecommendationStatus, number>;
  targets: TargetProgress[];
  /** the figures of the activity report being made (`Scope.reportActivity`, shared release only) */
  activityReport?: Record<ReportFigure, Cell>;
};

/** The number a page may print for a figure: its value when shown, otherwise nothing. */
export const shownValue = (f: Cell | null | undefined): number | null =>
  f && f.disclosure === 'shown' ? f.value : null;

/**
 * The scopes released together with the scope's. Figures at the public threshold are one shared
 * release: a scope for all public projects together and one for each project of the network
 * (what /indicators, its filter, /trainings and /projects/:id show, and what the internal page
 * exports for sharing, non-public projects included). Figures at the internal threshold are the
 * scope's projects alone, for the participating members' eyes only — protected around every
 * figure the shared release shows, which insiders can read too (see buildIndicators).
 */
async function familyOf(db: Db, scope: Scope, threshold: number) {
  const projects = await db
    .selectFrom('programme_projects')
    .select(['id', 'is_public'])
    .where('network_id', '=', scope.networkId)
    .orderBy('id')
    .execute();
  const publicIds = projects.filter((p) => Number(p.is_public) === 1).map((p) => p.id);
  const requested = scope.projectId ?? null;
  // people are atoms over the courses they took, of all the network's projects, in either release:
  // so the two share atoms and the internal one can be protected around the shared one
  const allIds = projects.map((p) => p.id);
  const sharedScopes = [
    { key: 'all', projects: publicIds },
    ...projects.map((p) => ({ key: `p${p.id}`, projects: [p.id] })),
  ];
  if (threshold >= PUBLIC_THRESHOLD)
    return {
      shared: true,
      scopes: sharedScopes,
      sharedScopes,
      allIds,
      key: requested !== null ? `p${requested}` : 'all',
      scopeOf: (id: number) => `p${id}`,
    };
  const ids = await projectIdsInScope(db, scope);
  return {
    shared: false,
    scopes: [{ key: 'x', projects: ids }],
    sharedScopes,
    allIds,
    key: 'x',
    scopeOf: (_id: number) => 'x',
  };
}

export async function buildIndicators(db: Db, scope: Scope, threshold: number): Promise<IndicatorReport> {
  const projectIds = await projectIdsInScope(db, scope);
  const family = await familyOf(db, scope, threshold);
  const familyIds = family.allIds;
  const facts = await enrolmentFacts(db, familyIds);
  const courseRows = familyIds.length
    ? await db
        .selectFrom('programme_courses')
        .select(['id', 'project_id'])
        .where('project_id', 'in', familyIds)
        .orderBy('id')
        .execute()
    : [];
  const coursesOf = new Map<number, number[]>();
  for (const c of courseRows) coursesOf.set(c.project_id, [...(coursesOf.get(c.project_id) ?? []), c.id]);
  // Participants of every activity of the network (a report of a non-public project's activity is
  // public too).
  const participantRows = family.allIds.length
    ? await db
        .selectFrom('programme_activity_counts')
        .innerJoin('programme_activities', 'programme_activities.id', 'programme_activity_counts.activity_id')
        .select([
          'programme_activities.id',
          'programme_activities.project_id',
          'programme_activity_counts.gender',
          'programme_activity_counts.age_band',
          'programme_activity_counts.count',
        ])
        .where('programme_activities.project_id', 'in', family.allIds)
        .execute()
    : [];
  const participants = participantRows.map((r) => ({
    activityId: r.id,
    projectId: r.project_id,
    ageBand: r.age_band,
    gender: r.gender,
    n: Number(r.count),
  }));
  const published = family.allIds.length
    ? await db
        .selectFrom('programme_activities')
        .select(['id', 'published_figures'])
        .where('project_id', 'in', family.allIds)
        .where('published_figures', 'is not', null)
        .orderBy('id')
        .execute()
    : [];
  const sharedReports = activityReports(published, participants, family.shared ? scope.reportActivity : undefined);
  // the shared release (no table by organization: that is for the participating members only)
  const shared = (reports: Reports) =>
    protectFamily(facts, participants, coursesOf, family.sharedScopes, PUBLIC_THRESHOLD, false, reports);
  let release: Awaited<ReturnType<typeof protectFamily>>;
  if (family.shared) release = await shared(sharedReports);
  else {
    // Insiders read the public pages and reports too: whatever those show is fixed, as published
    // earlier, and the internal figures hide around it — a figure the internal page withholds is
    // not the public total minus a public part.
    const outside = await shared(sharedReports);
    const shown: EarlierFigure[] = [
      ...outside.inputs
        .filter((f) => outside.figures.get(f.key)?.disclosure === 'shown')
        .map((f) => ({ key: `shared:${f.key}`, atoms: f.atoms, shown: true })),
      ...sharedReports.earlier.filter((f) => f.shown),
    ];
    release = await protectFamily(facts, participants, coursesOf, family.scopes, threshold, true, {
      atoms: sharedReports.atoms,
      earlier: shown,
      figures: [],
    });
  }
  const cell = (scopeKey: string, key: string): Cell => {
    const id = `${scopeKey}:${key}`;
    const f = release.figures.get(id);
    return f ? { ...f, id } : { value: 0, disclosure: 'shown', id };
  };
  const rowsOf = release.scopeRows.get(family.key) ?? { towns: [], orgs: [], courses: [] };
  const gs = genders as string[];
  const table = (scopeKey: string, key: string, rows: string[], withTotals: boolean): IndicatorTable => ({
    key,
    rows,
    cols: gs,
    withTotals,
    cells: rows.map((r) => gs.map((g) => cell(scopeKey, `${key}:${r}:${g}`))),
    rowTotals: withTotals ? rows.map((r) => cell(scopeKey, `${key}:${r}:total`)) : [],
    colTotals: withTotals ? gs.map((g) => cell(scopeKey, `${key}:total:${g}`)) : [],
    grandTotal: withTotals ? cell(scopeKey, `${key}:total:total`) : null,
  });

  // Activities, their participants, visits and recommendations.
  const [activities, visits] = await Promise.all([
    rowsWhereIn(db, 'programme_activities', ['id', 'kind', 'project_id'], 'project_id', projectIds),
    rowsWhereIn(db, 'programme_visits', ['id', 'institution_type', 'project_id'], 'project_id', projectIds),
  ]);
  const activitiesByKind = countsByVocabulary(
    activityKinds,
    activities.map((a) => a.kind),
  );
  const visitsByInstitution = countsByVocabulary(
    institutionTypes,
    visits.map((v) => v.institution_type),
  );
  const recs = visits.length
    ? await db
        .selectFrom('programme_recommendations')
        .select(['visit_id', 'status', sql<number>`count(*)`.as('n')])
        .where(
          'visit_id',
          'in',
          visits.map((v) => v.id),
        )
        .groupBy(['visit_id', 'status'])
        .execute()
    : [];
  const recommendationsByStatus = Object.fromEntries(recommendationStatuses.map((s) => [s, 0])) as Record<
    RecommendationStatus,
    number
  >;
  for (const r of recs) recommendationsByStatus[r.status] += Number(r.n);

  const ages = ageBands as string[];
  const peopleTable = table(family.key, 'trainedByAge', ages, true);
  const participantTable = table(family.key, 'participantsByAge', ages, true);
  const tables: IndicatorTable[] = [
    peopleTable,
    table(family.key, 'trainedByTown', rowsOf.towns, false),
    table(family.key, 'trainedByCourse', rowsOf.courses, false),
    table(family.key, 'completedByCourse', rowsOf.courses, false),
    participantTable,
  ];
  if (!family.shared) tables.push(table(family.key, 'trainedByOrganization', rowsOf.orgs, false));

  const fIdx = gs.indexOf('f');
  const mIdx = gs.indexOf('m');
  const recommendationsTotal = Object.values(recommendationsByStatus).reduce((a, b) => a + b, 0);
  const headline = {
    trained: peopleTable.grandTotal!,
    trainedWomen: peopleTable.colTotals[fIdx]!,
    trainedMen: peopleTable.colTotals[mIdx]!,
    completed: cell(family.key, 'completed'),
    activities: activities.length,
    participants: participantTable.grandTotal!,
    visits: visits.length,
    recommendations: recommendationsTotal,
  };

  // Targets: person metrics take the figure of the project's own scope in the same release.
  const targetRows = projectIds.length
    ? await db
        .selectFrom('programme_targets')
        .selectAll()
        .where('project_id', 'in', projectIds)
        .orderBy('project_id')
        .orderBy('id')
        .execute()
    : [];
  // Event targets count each project's own events (events, not people: no release).
  const projectOfVisit = new Map(visits.map((v) => [v.id, v.project_id]));
  type Events = Record<'activities' | 'visits' | 'recommendations_adopted', number>;
  const events = new Map<number, Events & Partial<Record<TargetMetric, number>>>();
  const eventsOf = (pid: number) => {
    let e = events.get(pid);
    if (!e) events.set(pid, (e = { activities: 0, visits: 0, recommendations_adopted: 0 }));
    return e;
  };
  for (const a of activities) eventsOf(a.project_id).activities++;
  for (const v of visits) eventsOf(v.project_id).visits++;
  for (const r of recs)
    if (r.status === 'adopted' || r.status === 'implemented')
      eventsOf(projectOfVisit.get(r.visit_id)!).recommendations_adopted += Number(r.n);
  const personFigure = (pid: number, metric: TargetMetric): Cell | undefined => {
    const s = family.scopeOf(pid);
    if (metric === 'trained') return cell(s, 'trainedByAge:total:total');
    if (metric === 'trained_women') return cell(s, 'trainedByAge:total:f');
    if (metric === 'completed') return cell(s, 'completed');
    if (metric === 'participants') return cell(s, 'participantsByAge:total:total');
    return undefined;
  };
  const targets: TargetProgress[] = targetRows.map((t) => {
    const figure = personMetrics.has(t.metric) ? personFigure(t.project_id, t.metric) : undefined;
    const actual =
      t.metric === 'custom'
        ? t.manual_value
        : figure
          ? shownValue(figure)
          : (events.get(t.project_id)?.[t.metric] ?? 0);
    return {
      id: t.id,
      projectId: t.project_id,
      metric: t.metric,
      label_ar: t.label_ar,
      label_en: t.label_en,
      target: t.target,
      actual,
      figure,
    };
  });

  const reportCell = (f: ReportFigure): Cell => {
    const id = `r${scope.reportActivity}:${f}`;
    return { ...release.figures.get(id)!, id };
  };
  return {
    threshold,
    projectIds,
    headline,
    tables,
    activitiesByKind,
    visitsByInstitution,
    recommendationsByStatus,
    targets,
    activityReport:
      family.shared && scope.reportActivity !== undefined
        ? { f: reportCell('f'), m: reportCell('m'), total: reportCell('total') }
        : undefined,
  };
}
