// Published figures of programmes (issue 14) as one linked release: the attack of the issue —
// /indicators minus /indicators?project=1 gives project 2's trainees — re-run through HTTP, and
// every label the pages print compared with the stored value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { feasibleRange, type KnownSum } from '../../../testing/lp-audit.js';
import {
  importTrainees,
  attendFirstSession,
  created,
  programmesWorld,
  traineeNames,
  withCertificates,
  withCourse,
  withProject,
  type World,
} from '../testing/world.js';
import { buildIndicators, type Cell } from './report.js';

let w: World;
let p1: number;
let p2: number;
let course1: number;
let course2: number;

/** Imports trainees of A (name prefix, gender of each), 22 years old in A'zaz, and returns their ids. */
const importOfA = (prefix: string, genders: ('أنثى' | 'ذكر')[]) =>
  importTrainees(
    w,
    prefix,
    genders.map((gender) => ({ gender, age: 22, town: 'أعزاز' })),
  );

beforeAll(async () => {
  w = await programmesWorld();
  // Project 1: the world's four trainees and 24 more (12 women, 12 men), all at the first session.
  await withCertificates(w);
  p1 = w.ids.project!;
  course1 = w.ids.course!;
  const more = await importOfA('متدربة المشروع الأول', [
    ...Array.from({ length: 12 }, () => 'أنثى' as const),
    ...Array.from({ length: 12 }, () => 'ذكر' as const),
  ]);
  await attendFirstSession(w, w.ids.cohort!, more);
  // Project 2: three trainees (2 women, 1 man, in A'zaz) — the probe.
  p2 = await withProject(w, { name_ar: 'مشروع ثانٍ', name_en: 'Second project' });
  await withCourse(w);
  course2 = w.ids.course!;
  const three = await importOfA('متدرب المشروع الثاني', ['أنثى', 'أنثى', 'ذكر']);
  const cohort = await created(
    w.as.staffA.post(`/trainings/${course2}/cohorts`, {
      organization_id: String(w.ids.orgA),
      label: 'الدفعة الثانية',
      start_date: '2026-04-01',
      end_date: '2026-04-10',
      town_pcode: 'C1564',
      trainers: 'م. ليلى',
    }),
    /cohorts\/(\d+)/,
  );
  const s = await w.as.staffA.post(`/programmes/cohorts/${cohort}/sessions`, { held_on: '2026-04-01', topic: 'جلسة' });
  expect(s.statusCode).toBe(303);
  await attendFirstSession(w, cohort, three);
}, 120_000);
afterAll(() => w.t.close());

type Published = { key: string; shown: number | null; hidden: 'small' | 'withheld' | null };

/** Every figure a page prints, by its key: a number, or the label of a hidden one. */
function figuresOf(html: string): Published[] {
  const out: Published[] = [];
  for (const m of html.matchAll(/<data value="(\d+)" data-figure="([^"]+)">/g))
    out.push({ key: m[2]!, shown: Number(m[1]), hidden: null });
  for (const m of html.matchAll(/data-figure="([^"]+)" data-hidden="(small|withheld)">([^<]*)</g)) {
    out.push({ key: m[1]!, shown: null, hidden: m[2] as 'small' | 'withheld' });
    // the words match the kind: "fewer than 10" only on a small figure, "withheld" otherwise
    expect(m[3]).toBe(m[2] === 'small' ? 'أقل من 10' : 'محجوب');
  }
  return out;
}

const pages = () => [
  '/indicators',
  `/indicators?project=${p1}`,
  `/indicators?project=${p2}`,
  '/trainings',
  `/projects/${p1}`,
  `/projects/${p2}`,
  `/trainings/${course1}`,
  `/trainings/${course2}`,
];

async function collect(): Promise<Map<string, Published>> {
  const all = new Map<string, Published>();
  for (const path of pages()) {
    const res = await w.as.anon.get(path);
    expect(res.statusCode, path).toBe(200);
    for (const f of figuresOf(res.body)) {
      const seen = all.get(f.key);
      // one figure, one disclosure wherever it is printed
      if (seen) expect(seen, `${f.key} on ${path}`).toEqual(f);
      all.set(f.key, f);
    }
  }
  return all;
}

describe('programmes figures: one linked release', () => {
  it('every label the public pages print is true of the stored value', async () => {
    const published = await collect();
    const truth = new Map<string, Cell>();
    const network = (await w.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
    for (const projectId of [null, p1, p2]) {
      const r = await buildIndicators(w.db, { networkId: network, projectId, publicOnly: true }, PUBLIC_THRESHOLD);
      for (const tb of r.tables)
        for (const c of [...tb.cells.flat(), ...tb.rowTotals, ...tb.colTotals, tb.grandTotal])
          if (c) truth.set(c.id, c);
      truth.set(r.headline.completed.id, r.headline.completed);
    }
    // The stored values themselves, counted apart from the report: project 2 trained 2 women, 1 man.
    expect(truth.get(`p${p2}:trainedByAge:total:f`)?.value).toBe(2);
    expect(truth.get(`p${p2}:trainedByAge:total:m`)?.value).toBe(1);
    expect(truth.get(`p${p1}:trainedByAge:total:total`)?.value).toBe(28);
    expect(published.size).toBeGreaterThan(20);
    let small = 0;
    for (const [key, f] of published) {
      const stored = truth.get(key);
      expect(stored, key).toBeDefined();
      const v = stored!.value;
      if (f.shown !== null) expect(f.shown, key).toBe(v);
      else if (f.hidden === 'small') {
        small++;
        expect(v >= 1 && v < PUBLIC_THRESHOLD, `${key} = ${v} said "fewer than"`).toBe(true);
      } else expect(v === 0 || v >= PUBLIC_THRESHOLD, `${key} = ${v} said "withheld"`).toBe(true);
    }
    expect(small).toBeGreaterThan(0);
  });

  it('a page minus a filtered page recovers nothing: no figure is the difference of two shown ones', async () => {
    const published = await collect();
    // The two projects share no trainee, so all = project 1 + project 2 for every figure.
    const suffixes = new Set([...published.keys()].filter((k) => k.startsWith('all:')).map((k) => k.slice(4)));
    let compared = 0;
    for (const s of suffixes) {
      const trio = ['all', `p${p1}`, `p${p2}`].map((scope) => published.get(`${scope}:${s}`));
      if (trio.some((f) => !f)) continue;
      compared++;
      const hidden = trio.filter((f) => f!.shown === null).length;
      expect(hidden, `${s}: one hidden figure among all / project 1 / project 2`).not.toBe(1);
    }
    expect(compared).toBeGreaterThan(5);
    // The issue's probe: project 2's women and men are not on any public page.
    expect(published.get(`p${p2}:trainedByAge:total:f`)?.hidden).toBe('small');
    expect(published.get(`all:trainedByAge:total:f`)?.shown ?? null).not.toBe(
      (published.get(`p${p1}:trainedByAge:total:f`)?.shown ?? -1) + 2,
    );
  });

  it('exports say the same: "fewer than 10" and "withheld" with the note, never a small number', async () => {
    for (const q of ['', `project=${p1}&`, `project=${p2}&`]) {
      const res = await w.as.anon.get(`/indicators/export?${q}format=csv`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('أقل من 10');
      expect(res.body).toContain('لا ننشر عدد أشخاص');
    }
  });

  it('solved as an attacker would (HiGHS), every page, filter and course page together pin down no hidden count', async () => {
    // The people, as the story entered them: who they are and where they trained and completed.
    type Person = { gender: string; town: string; project: number; course: number; completed: boolean };
    const people: Person[] = [
      // the world's four in A's cohort (women and men in turn, Tal Aar); the first two completed
      ...traineeNames.map((_, i) => ({
        gender: i % 2 ? 'm' : 'f',
        town: 'C1594',
        project: p1,
        course: course1,
        completed: i < 2,
      })),
      ...Array.from({ length: 24 }, (_, i) => ({
        gender: i < 12 ? 'f' : 'm',
        town: 'C1564',
        project: p1,
        course: course1,
        completed: false,
      })),
      ...['f', 'f', 'm'].map((gender) => ({ gender, town: 'C1564', project: p2, course: course2, completed: false })),
    ];
    const atomsOf = (key: string): string[] | null => {
      const [scope, table, row, col] = key.split(':');
      const inScope = (p: Person) => scope === 'all' || scope === `p${p.project}`;
      const g = (p: Person) => col === undefined || col === 'total' || p.gender === col;
      const pick = (f: (p: Person) => boolean) =>
        people.flatMap((p, i) => (inScope(p) && g(p) && f(p) ? [String(i)] : []));
      if (table === 'trainedByAge') return pick(() => row === 'total' || row === 'a18_24');
      if (table === 'trainedByTown') return pick((p) => p.town === row);
      if (table === 'trainedByCourse') return pick((p) => String(p.course) === row);
      if (table === 'completedByCourse') return pick((p) => p.completed && String(p.course) === row);
      if (table === 'completed') return pick((p) => p.completed);
      return null; // activity participants: none in this story
    };
    const known: KnownSum[] = [];
    const hidden: { key: string; atoms: string[]; small: boolean }[] = [];
    for (const [key, f] of await collect()) {
      const atoms = atomsOf(key);
      if (!atoms) continue;
      if (f.shown !== null) {
        expect(f.shown, key).toBe(atoms.length);
        known.push({ atoms, value: f.shown });
      } else if (atoms.length) hidden.push({ key, atoms, small: f.hidden === 'small' });
    }
    expect(known.length).toBeGreaterThan(20);
    expect(hidden.filter((h) => h.small).length).toBeGreaterThan(0);
    for (const h of hidden) {
      const range = await feasibleRange(known, h.atoms);
      expect(range.max, `${h.key} = ${h.atoms.length} is pinned down`).toBeGreaterThan(range.min);
      if (h.small) expect(range.max, `${h.key} cannot reach 10`).toBeGreaterThanOrEqual(PUBLIC_THRESHOLD);
    }
  });
});
