// Indicators: the release — the disclosure control of every figure about people (core/stats/release.ts,
// decision 0004). The atoms are people by the courses they trained in and completed, and activity
// participants; the figures are those of every scope of a family (report.ts chooses the family and
// builds the tables from what this protects), and the activity reports' figures, fixed as each
// report printed them.
import { fromJson } from '../../../core/db/helpers.js';
import {
  protectReleaseOffThread,
  type Disclosure,
  type EarlierFigure,
  type FigureInput,
  type ProtectedFigure,
} from '../../../core/stats/release.js';
import { ageBands, genders } from '../rules.js';
import type { AgeBand, Gender } from '../tables.js';

/** What an activity report printed: the counts it was made from and how each figure was shown. */
export type PublishedFigures = {
  /** `<gender>|<age band>` → participants, as they were when the report was made */
  counts: Record<string, number>;
  shown: Record<ReportFigure, Disclosure>;
};
export type ReportFigure = 'f' | 'm' | 'total';
export const reportFigures: ReportFigure[] = ['f', 'm', 'total'];

export type EnrolmentFact = {
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

function tally(map: Map<string, number>, key: string, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}

export type Participants = { activityId: number; projectId: number; ageBand: string; gender: string; n: number };
/** Activity reports: figures already published (fixed) and those of the report being made. */
export type Reports = { atoms: Map<string, number>; earlier: EarlierFigure[]; figures: FigureInput[] };
export type ScopeRows = { towns: string[]; orgs: string[]; courses: string[] };

/**
 * One linked release: the figures of every scope of the family, protected together. Atoms are
 * people by the courses they trained in and completed, gender, age band, town and organization (a
 * person who trained in two projects is one atom, counted once in either scope and once in both),
 * and activity participants by activity, age band and gender. Figure keys:
 * `<scope>:<table>:<row>:<column>`, and `r<activity>:<f|m|total>` for an activity report's.
 */
export async function protectFamily(
  facts: EnrolmentFact[],
  participants: Participants[],
  coursesOf: Map<number, number[]>,
  scopes: { key: string; projects: number[] }[],
  threshold: number,
  withOrgs: boolean,
  reports: Reports,
): Promise<{ figures: Map<string, ProtectedFigure>; inputs: FigureInput[]; scopeRows: Map<string, ScopeRows> }> {
  const atoms = new Map<string, number>();
  // One atom per kind of person: the courses they trained in and completed, gender, age band, town
  // and organization — so the tables by course, by completion and by age or town count the same
  // atoms, and none is the difference of others (a course's women are the age table's women).
  const byPerson = new Map<number, { fact: EnrolmentFact; trained: Set<number>; completed: Set<number> }>();
  const projectOf = new Map<number, number>();
  for (const f of facts) {
    let p = byPerson.get(f.traineeId);
    if (!p) byPerson.set(f.traineeId, (p = { fact: f, trained: new Set(), completed: new Set() }));
    if (f.trained) p.trained.add(f.courseId);
    if (f.completed) p.completed.add(f.courseId);
    projectOf.set(f.courseId, f.projectId);
  }
  type PersonAtom = {
    name: string;
    trained: Set<number>;
    completed: Set<number>;
    /** the projects trained in, and completed in */
    projects: number[];
    completedIn: number[];
    gender: string;
    age: string;
    town: string;
    org: string;
  };
  const personAtoms = new Map<string, PersonAtom>();
  const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
  for (const { fact: f, trained, completed } of byPerson.values()) {
    if (!trained.size && !completed.size) continue;
    const name = `t|${sorted(trained).join('.')}|${sorted(completed).join('.')}|${f.gender}|${f.ageBand}|${f.town}|${f.organizationId}`;
    tally(atoms, name);
    personAtoms.set(name, {
      name,
      trained,
      completed,
      projects: sorted(new Set([...trained].map((c) => projectOf.get(c)!))),
      completedIn: sorted(new Set([...completed].map((c) => projectOf.get(c)!))),
      gender: f.gender,
      age: f.ageBand,
      town: f.town,
      org: String(f.organizationId),
    });
  }
  const activitiesOf = new Map<number, Set<number>>();
  for (const pa of participants) {
    tally(atoms, participantAtom(pa.activityId, pa.gender, pa.ageBand), pa.n);
    activitiesOf.set(pa.projectId, (activitiesOf.get(pa.projectId) ?? new Set()).add(pa.activityId));
  }
  for (const [k, v] of reports.atoms) tally(atoms, k, v);
  for (const [k, v] of atoms) if (v === 0) atoms.delete(k);
  const has = (a: string) => atoms.has(a);

  const figures: FigureInput[] = reports.figures.map((f) => ({ ...f, atoms: f.atoms.filter(has) }));
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
    const inCourse = (field: 'trained' | 'completed') => (r: string, g: string) =>
      [...personAtoms.values()].filter((a) => a[field].has(Number(r)) && a.gender === g).map((a) => a.name);
    grid('trainedByCourse', courses.map(String), inCourse('trained'), false);
    grid('completedByCourse', courses.map(String), inCourse('completed'), false);
    const activities = scope.projects.flatMap((p) => [...(activitiesOf.get(p) ?? [])]);
    grid('participantsByAge', ages, (r, g) => activities.map((a) => participantAtom(a, g, r)).filter(has), true);
    if (withOrgs) grid('trainedByOrganization', orgs, people_('org'), false);
    add(
      'completed',
      [...personAtoms.values()].filter((a) => a.completedIn.some((p) => inScope.has(p))).map((a) => a.name),
    );
    scopeRows.set(scope.key, { towns, orgs, courses: courses.map(String) });
  }
  const earlier = reports.earlier.map((f) => ({ ...f, atoms: f.atoms.filter(has) }));
  const protectedFigures = await protectReleaseOffThread({ threshold, atoms, figures, earlier });
  return { figures: protectedFigures, inputs: figures, scopeRows };
}

export const participantAtom = (activity: number, gender: string, age: string) => `pa|${activity}|${age}|${gender}`;

/** The atoms of one of an activity report's figures, over `atom(gender, age)`. */
const reportAtoms = (figure: ReportFigure, atom: (g: string, age: string) => string) =>
  (figure === 'total' ? (genders as string[]) : [figure]).flatMap((g) => (ageBands as string[]).map((a) => atom(g, a)));

/**
 * The activity reports of the shared release: every published report's figures as it printed
 * them (over the activity's counts when they have not changed since, otherwise over the counts it
 * was made from), and the figures of the report being made, if any.
 */
export function activityReports(
  published: { id: number; published_figures: string | null }[],
  participants: Participants[],
  making: number | undefined,
): Reports {
  const reports: Reports = { atoms: new Map(), earlier: [], figures: [] };
  const countsOf = new Map<number, Record<string, number>>();
  for (const p of participants) {
    const c = countsOf.get(p.activityId) ?? {};
    c[`${p.gender}|${p.ageBand}`] = (c[`${p.gender}|${p.ageBand}`] ?? 0) + p.n;
    countsOf.set(p.activityId, c);
  }
  const same = (a: Record<string, number>, b: Record<string, number>) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
  for (const row of published) {
    const snapshot = fromJson<PublishedFigures | null>(row.published_figures, null);
    if (!snapshot || row.id === making) continue;
    let atom = (g: string, age: string) => participantAtom(row.id, g, age);
    if (!same(snapshot.counts, countsOf.get(row.id) ?? {})) {
      // corrected since: the printed figures are sums of the counts of then
      atom = (g, age) => `pr|${row.id}|${age}|${g}`;
      for (const [k, n] of Object.entries(snapshot.counts)) {
        const [g, age] = k.split('|');
        reports.atoms.set(atom(g!, age!), n);
      }
    }
    for (const f of reportFigures)
      reports.earlier.push({
        key: `r${row.id}:${f}`,
        atoms: reportAtoms(f, atom),
        shown: snapshot.shown[f] === 'shown',
      });
  }
  if (making !== undefined)
    for (const f of reportFigures)
      reports.figures.push({
        key: `r${making}:${f}`,
        atoms: reportAtoms(f, (g, age) => participantAtom(making, g, age)),
      });
  return reports;
}
