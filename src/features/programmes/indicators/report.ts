// Indicators: figures by project, course, town, gender and age band, computed from the records
// and published only through one linked release (core/stats/release.ts, decision 0004).
//
// People counted: a trainee is "trained" once they attended at least one session of a course,
// and "completed" when the course's rule is met. Counts of people go through disclosure control;
// counts of activities, visits and recommendations (events, not people) are shown as they are.
// Every figure of every scope a visitor can ask for (all public projects together, each one on
// its own) is protected together, so that no page, filter or export undoes a figure hidden on
// another: /indicators minus /indicators?project=1 gives nothing back.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.js';
import { protectReleaseOffThread, type ProtectedFigure } from '../../../core/stats/release.js';
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
};

function tally(map: Map<string, number>, key: string, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The number a page may print for a figure: its value when shown, otherwise nothing. */
export const shownValue = (f: Cell | null | undefined): number | null =>
  f && f.disclosure === 'shown' ? f.value : null;

type Participants = { projectId: number; ageBand: string; gender: string; n: number };
type ScopeRows = { towns: string[]; orgs: string[]; courses: string[] };

/**
 * One linked release: the figures of every scope of the family, protected together. Atoms are
 * people by the projects they trained in, gender, age band, town and organization (a person who
 * trained in two projects is one atom, counted once in either scope and once in both), course
 * enrolments by gender, completers by the projects they completed in, and activity participants
 * by project, age band and gender. Figure keys: `<scope>:<table>:<row>:<column>`.
 */
async function protectFamily(
  facts: EnrolmentFact[],
  participants: Participants[],
  coursesOf: Map<number, number[]>,
  scopes: { key: string; projects: number[] }[],
  threshold: number,
  withOrgs: boolean,
): Promise<{ figures: Map<string, ProtectedFigure>; scopeRows: Map<string, ScopeRows> }> {
  const atoms = new Map<string, number>();
  const byPerson = new Map<number, { fact: EnrolmentFact; trained: Set<number>; completed: Set<number> }>();
  for (const f of facts) {
    let p = byPerson.get(f.traineeId);
    if (!p) byPerson.set(f.traineeId, (p = { fact: f, trained: new Set(), completed: new Set() }));
    if (f.trained) p.trained.add(f.projectId);
    if (f.completed) p.completed.add(f.projectId);
    if (f.trained) tally(atoms, `ct|${f.courseId}|${f.gender}`);
    if (f.completed) tally(atoms, `cc|${f.courseId}|${f.gender}`);
  }
  type PersonAtom = { name: string; projects: number[]; gender: string; age: string; town: string; org: string };
  const personAtoms = new Map<string, PersonAtom>();
  const completerAtoms = new Map<string, number[]>();
  for (const { fact: f, trained, completed } of byPerson.values()) {
    if (trained.size) {
      const ps = [...trained].sort((a, b) => a - b);
      const name = `t|${ps.join('.')}|${f.gender}|${f.ageBand}|${f.town}|${f.organizationId}`;
      tally(atoms, name);
      const org = String(f.organizationId);
      personAtoms.set(name, { name, projects: ps, gender: f.gender, age: f.ageBand, town: f.town, org });
    }
    if (completed.size) {
      const ps = [...completed].sort((a, b) => a - b);
      const name = `c|${ps.join('.')}`;
      tally(atoms, name);
      completerAtoms.set(name, ps);
    }
  }
  for (const pa of participants) tally(atoms, `pa|${pa.projectId}|${pa.ageBand}|${pa.gender}`, pa.n);
  for (const [k, v] of atoms) if (v === 0) atoms.delete(k);
  const has = (a: string) => atoms.has(a);

  const figures: { key: string; atoms: string[] }[] = [];
  const scopeRows = new Map<string, ScopeRows>();
  const gs = genders as string[];
  const ages = ageBands as string[];
  for (const scope of scopes) {
    const inScope = new Set(scope.projects);
    const people = [...personAtoms.values()].filter((a) => a.projects.some((p) => inScope.has(p)));
    const courses = scope.projects.flatMap((p) => coursesOf.get(p) ?? []).sort((a, b) => a - b);
    const towns = [...new Set(people.map((a) => a.town))].sort();
    const orgs = [...new Set(people.map((a) => a.org))].sort();
    const add = (key: string, list: string[]) => figures.push({ key: `${scope.key}:${key}`, atoms: list });
    // A grid by gender, with margins when `totals`, over the atoms `pick` chooses for a cell.
    const grid = (name: string, rows: string[], pick: (row: string, g: string) => string[], totals: boolean) => {
      for (const r of rows) for (const g of gs) add(`${name}:${r}:${g}`, pick(r, g));
      if (!totals) return;
      for (const r of rows)
        add(
          `${name}:${r}:total`,
          gs.flatMap((g) => pick(r, g)),
        );
      for (const g of gs)
        add(
          `${name}:total:${g}`,
          rows.flatMap((r) => pick(r, g)),
        );
      add(
        `${name}:total:total`,
        rows.flatMap((r) => gs.flatMap((g) => pick(r, g))),
      );
    };
    const people_ = (field: 'age' | 'town' | 'org') => (r: string, g: string) =>
      people.filter((a) => a[field] === r && a.gender === g).map((a) => a.name);
    grid('trainedByAge', ages, people_('age'), true);
    grid('trainedByTown', towns, people_('town'), false);
    const enrolments = (prefix: string) => (r: string, g: string) => [`${prefix}|${r}|${g}`].filter(has);
    grid('trainedByCourse', courses.map(String), enrolments('ct'), false);
    grid('completedByCourse', courses.map(String), enrolments('cc'), false);
    grid('participantsByAge', ages, (r, g) => scope.projects.map((p) => `pa|${p}|${r}|${g}`).filter(has), true);
    if (withOrgs) grid('trainedByOrganization', orgs, people_('org'), false);
    const completers = [...completerAtoms].filter(([, ps]) => ps.some((p) => inScope.has(p)));
    add(
      'completed',
      completers.map(([name]) => name),
    );
    scopeRows.set(scope.key, { towns, orgs, courses: courses.map(String) });
  }
  return { figures: await protectReleaseOffThread({ threshold, atoms, figures }), scopeRows };
}

/**
 * The projects whose figures are released together with the scope's: for public figures every
 * public project, with a scope for all of them and one for each (what /indicators, its filter,
 * /trainings and /projects/:id can show); otherwise the scope's projects alone.
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
  if (threshold >= PUBLIC_THRESHOLD && (scope.publicOnly || (requested !== null && publicIds.includes(requested)))) {
    const scopes = [{ key: 'all', projects: publicIds }, ...publicIds.map((id) => ({ key: `p${id}`, projects: [id] }))];
    return { scopes, key: requested !== null ? `p${requested}` : 'all', scopeOf: (id: number) => `p${id}` };
  }
  const ids = await projectIdsInScope(db, scope);
  return { scopes: [{ key: 'x', projects: ids }], key: 'x', scopeOf: (_id: number) => 'x' };
}

export async function buildIndicators(db: Db, scope: Scope, threshold: number): Promise<IndicatorReport> {
  const projectIds = await projectIdsInScope(db, scope);
  const family = await familyOf(db, scope, threshold);
  const familyIds = [...new Set(family.scopes.flatMap((s) => s.projects))];
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
  const participantRows = familyIds.length
    ? await db
        .selectFrom('programme_activity_counts')
        .innerJoin('programme_activities', 'programme_activities.id', 'programme_activity_counts.activity_id')
        .select([
          'programme_activities.project_id',
          'programme_activity_counts.gender',
          'programme_activity_counts.age_band',
          (eb) => eb.fn.sum<number>('programme_activity_counts.count').as('n'),
        ])
        .where('programme_activities.project_id', 'in', familyIds)
        .groupBy([
          'programme_activities.project_id',
          'programme_activity_counts.gender',
          'programme_activity_counts.age_band',
        ])
        .execute()
    : [];
  const release = await protectFamily(
    facts,
    participantRows.map((r) => ({ projectId: r.project_id, ageBand: r.age_band, gender: r.gender, n: Number(r.n) })),
    coursesOf,
    family.scopes,
    threshold,
    !scope.publicOnly,
  );
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
  const activities = projectIds.length
    ? await db.selectFrom('programme_activities').select(['id', 'kind']).where('project_id', 'in', projectIds).execute()
    : [];
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
  const peopleTable = table(family.key, 'trainedByAge', ages, true);
  const participantTable = table(family.key, 'participantsByAge', ages, true);
  const tables: IndicatorTable[] = [
    peopleTable,
    table(family.key, 'trainedByTown', rowsOf.towns, false),
    table(family.key, 'trainedByCourse', rowsOf.courses, false),
    table(family.key, 'completedByCourse', rowsOf.courses, false),
    participantTable,
  ];
  if (!scope.publicOnly) tables.push(table(family.key, 'trainedByOrganization', rowsOf.orgs, false));

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
  const adopted = recommendationsByStatus.adopted + recommendationsByStatus.implemented;
  const events = new Map<number, Partial<Record<TargetMetric, number>>>();
  for (const pid of new Set(targetRows.map((t) => t.project_id))) {
    if (projectIds.length === 1) {
      events.set(pid, { activities: headline.activities, visits: headline.visits, recommendations_adopted: adopted });
    } else {
      const sub = await buildIndicators(db, { ...scope, projectId: pid }, threshold);
      events.set(pid, {
        activities: sub.headline.activities,
        visits: sub.headline.visits,
        recommendations_adopted: sub.recommendationsByStatus.adopted + sub.recommendationsByStatus.implemented,
      });
    }
  }
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
