// People reached by activities (issue 14): the participant figures of /indicators, its filter, the
// exports, the internal page's download for sharing and every published activity report are one
// release. Read as a visitor would, every label is true of the counts entered, and an attacker
// who solves every number collected (HiGHS, src/testing/lp-audit.ts) pins no hidden one down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feasibleRange, type KnownSum } from '../../../testing/lp-audit.js';
import { publishItem } from '../../publishing/queries.js';
import { ageBands, genders } from '../rules.js';
import { created, programmesWorld, projectForm, type World } from '../testing/world.js';

let w: World;
/** activity id → project id, and the counts entered (`<gender>|<age band>` → n) */
const activities = new Map<number, { project: number; counts: Record<string, number> }>();
let p1: number; // public: A1, A2 (both reported)
let p2: number; // public: A4 (no report)
let q: number; // not public: A3 (reported)
const reported: number[] = [];

type Who = 'staffA' | 'staffB';

async function record(who: Who, org: number, project: number, title: string, counts: Record<string, number>) {
  const form: Record<string, string> = {
    organization_id: String(org),
    kind: 'workshop',
    title,
    held_on: '2026-03-10',
    town_pcode: org === w.ids.orgA ? 'C1594' : 'C1564',
    summary: 'ما جرى',
  };
  for (const [k, n] of Object.entries(counts)) form[`n_${k.replace('|', '_')}`] = String(n);
  const id = await created(w.as[who].post(`/projects/${project}/activities`, form), /activities\/(\d+)/);
  activities.set(id, { project, counts });
  return id;
}

async function publishReport(who: Who, id: number) {
  expect((await w.as[who].post(`/programmes/activities/${id}/publish`, {})).statusCode).toBe(303);
  const row = await w.db
    .selectFrom('programme_activities')
    .select('published_item_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  // an editor publishes it: now anyone can read it
  await publishItem(w.db, row.published_item_id!, w.ids.admin!, w.t.clock.now);
  reported.push(id);
}

beforeAll(async () => {
  w = await programmesWorld({ project: true });
  p1 = w.ids.project!;
  p2 = await created(
    w.as.admin.post('/projects', projectForm(w, { name_ar: 'مشروع ثانٍ', name_en: 'Second' })),
    /\/projects\/(\d+)/,
  );
  q = await created(
    w.as.admin.post('/projects', projectForm(w, { name_ar: 'مشروع داخلي', name_en: 'Inner', is_public: '' })),
    /\/projects\/(\d+)/,
  );
  // A1: 7 women and 5 men, both small. A2: 25 women of the same age band and 14 older men — its
  // women, shown, would give A1's away from the project's 32 (the issue's subtraction).
  const a1 = await record('staffA', w.ids.orgA!, p1, 'ورشة أولى', { 'f|a18_24': 7, 'm|a18_24': 5 });
  const a2 = await record('staffB', w.ids.orgB!, p1, 'ورشة ثانية', { 'f|a18_24': 25, 'm|a25_35': 14 });
  await record('staffA', w.ids.orgA!, p2, 'ورشة المشروع الثاني', { 'f|a18_24': 4, 'm|a25_35': 30 });
  const a3 = await record('staffB', w.ids.orgB!, q, 'لقاء داخلي', { 'f|a18_24': 3, 'm|a18_24': 20 });
  await publishReport('staffA', a1);
  await publishReport('staffB', a2);
  await publishReport('staffB', a3);
}, 120_000);
afterAll(() => w.t.close());

type Read = { key: string; atoms: string[]; shown: number | null; label: 'small' | 'withheld' | null; where: string };

const atom = (activity: number, g: string, age: string) => `${activity}|${g}|${age}`;
const truthOf = (atoms: string[]) =>
  atoms.reduce((s, a) => {
    const [id, g, age] = a.split('|');
    return s + (activities.get(Number(id))!.counts[`${g}|${age}`] ?? 0);
  }, 0);

/** The atoms of a participants figure of a scope: `row` an age band or 'total', `col` a gender or 'total'. */
function participantAtoms(projects: number[], row: string, col: string): string[] {
  const ids = [...activities].filter(([, a]) => projects.includes(a.project)).map(([id]) => id);
  const ages = row === 'total' ? ageBands : [row];
  const gs = col === 'total' ? genders : [col];
  return ids.flatMap((id) => gs.flatMap((g) => ages.map((age) => atom(id, g, age))));
}

const scopeProjects = (scope: string) => (scope === 'all' ? [p1, p2] : [Number(scope.slice(1))]);

/** A printed figure: a number, "fewer than 10" or "withheld" (Arabic, Western digits). */
function reading(text: string): { shown: number | null; label: 'small' | 'withheld' | null } {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { shown: Number(t), label: null };
  if (t === 'أقل من 10') return { shown: null, label: 'small' };
  if (t === 'محجوب') return { shown: null, label: 'withheld' };
  throw new Error(`not a figure: «${t}»`);
}

/** The participants figures of a page, by their keys (`<scope>:participantsByAge:<row>:<col>`). */
function pageFigures(html: string, where: string): Read[] {
  const out: Read[] = [];
  for (const m of html.matchAll(/<(data|span)\b[^>]*data-figure="([^"]+)"[^>]*>([^<]*)</g)) {
    const key = m[2]!;
    const parts = key.split(':');
    if (parts[1] !== 'participantsByAge') continue;
    out.push({
      key,
      atoms: participantAtoms(scopeProjects(parts[0]!), parts[2]!, parts[3]!),
      ...reading(m[3]!),
      where,
    });
  }
  return out;
}

/** The participants table of a CSV export: one row per age band, then the totals. */
function csvFigures(csv: string, scope: string, where: string): Read[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith('المشاركون/ات في الأنشطة حسب الفئة العمرية والجنس'));
  expect(start, where).toBeGreaterThan(0);
  const out: Read[] = [];
  [...ageBands, 'total'].forEach((row, i) => {
    const cells = lines[start + 1 + i]!.split(',').slice(1);
    expect(cells, where).toHaveLength(3);
    ['f', 'm', 'total'].forEach((col, j) =>
      out.push({
        key: `${scope}:participantsByAge:${row}:${col}`,
        atoms: participantAtoms(scopeProjects(scope), row, col),
        ...reading(cells[j]!.replace(/"/g, '')),
        where,
      }),
    );
  });
  return out;
}

/** A published report's line: "المشاركون/ات في الأنشطة: <total> (نساء: <f>، رجال: <m>)". */
function reportFigures(html: string, id: number, where: string): Read[] {
  const m = /مشاركون\/\u2060?ات في الأنشطة: ([^(<]+) \(نساء: ([^،<]+)، رجال: ([^)<]+)\)/.exec(html);
  expect(m, where).not.toBeNull();
  const all = (gs: string[]) => gs.flatMap((g) => ageBands.map((age) => atom(id, g, age)));
  return [
    { key: `r${id}:total`, atoms: all(genders), ...reading(m![1]!), where },
    { key: `r${id}:f`, atoms: all(['f']), ...reading(m![2]!), where },
    { key: `r${id}:m`, atoms: all(['m']), ...reading(m![3]!), where },
  ];
}

/** Everything a visitor (and a donor given the internal page's download) can read. */
async function collect(): Promise<Read[]> {
  const out: Read[] = [];
  for (const path of ['/indicators', `/indicators?project=${p1}`, `/indicators?project=${p2}`]) {
    const res = await w.as.anon.get(path);
    expect(res.statusCode, path).toBe(200);
    out.push(...pageFigures(res.body, path));
  }
  for (const [scope, path, who] of [
    ['all', '/indicators/export?format=csv', 'anon'],
    [`p${p1}`, `/indicators/export?project=${p1}&format=csv`, 'anon'],
    [`p${p2}`, `/indicators/export?project=${p2}&format=csv`, 'anon'],
    // the non-public project's figures, downloaded for sharing from the internal page
    [`p${q}`, `/programmes/indicators/export?project=${q}&format=csv`, 'staffB'],
  ] as const) {
    const res = await w.as[who].get(path);
    expect(res.statusCode, path).toBe(200);
    out.push(...csvFigures(res.body, scope, path));
  }
  for (const id of reported) {
    const row = await w.db
      .selectFrom('programme_activities')
      .select('published_url')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const res = await w.as.anon.get(row.published_url!);
    expect(res.statusCode, row.published_url!).toBe(200);
    out.push(...reportFigures(res.body, id, row.published_url!));
  }
  return out;
}

describe('people reached by activities: one release with the indicators', () => {
  it('every printed label is true of the counts entered, and a figure reads the same everywhere', async () => {
    const read = await collect();
    expect(read.length).toBeGreaterThan(60);
    const seen = new Map<string, Read>();
    let small = 0;
    let withheld = 0;
    for (const f of read) {
      const v = truthOf(f.atoms);
      if (f.shown !== null) expect(f.shown, `${f.key} on ${f.where}`).toBe(v);
      else if (f.label === 'small') {
        small++;
        expect(v >= 1 && v < 10, `${f.key} = ${v} said "fewer than 10" on ${f.where}`).toBe(true);
      } else {
        withheld++;
        expect(v === 0 || v >= 10, `${f.key} = ${v} said "withheld" on ${f.where}`).toBe(true);
      }
      const before = seen.get(f.key);
      if (before)
        expect({ ...f, where: '' }, `${f.key}: ${before.where} and ${f.where}`).toEqual({ ...before, where: '' });
      seen.set(f.key, f);
    }
    // A1's 7 women and 5 men and A3's 3 women are small wherever they are printed
    expect(seen.get(`r${reported[0]}:f`)?.label).toBe('small');
    expect(seen.get(`r${reported[0]}:m`)?.label).toBe('small');
    expect(seen.get(`r${reported[2]}:f`)?.label).toBe('small');
    expect(small).toBeGreaterThan(3);
    // protecting A1 against A2 and the project's table takes a large figure: it says "withheld"
    expect(withheld).toBeGreaterThan(0);
    // and a report that hides a figure says why, in the words of every page
    const a1 = await w.db
      .selectFrom('programme_activities')
      .select('published_url')
      .where('id', '=', reported[0]!)
      .executeTakeFirstOrThrow();
    expect((await w.as.anon.get(a1.published_url!)).body).toContain('لا ننشر عدد أشخاص بين واحد و9');
  });

  it('a page minus a filtered page, or minus a report, recovers nothing: no hidden figure is determined', async () => {
    const read = await collect();
    const known: KnownSum[] = read.filter((f) => f.shown !== null).map((f) => ({ atoms: f.atoms, value: f.shown! }));
    const hidden = new Map(read.filter((f) => f.shown === null).map((f) => [f.key, f]));
    expect(hidden.size).toBeGreaterThan(3);
    for (const f of hidden.values()) {
      const range = await feasibleRange(known, f.atoms);
      expect(range.max, `${f.key} (${f.where}) is pinned down`).toBeGreaterThan(range.min);
      // a small one may, for all the numbers say, be 10 or more
      if (f.label === 'small') expect(range.max, `${f.key} cannot reach 10`).toBeGreaterThanOrEqual(10);
    }
  });

  it('a report printed stays as printed: a later activity and a corrected count change none of its figures', async () => {
    const before = (await collect()).filter((f) => f.key.startsWith('r'));
    // more women in A1's age band in project 1, and A2's older men corrected from 14 to 12
    await record('staffA', w.ids.orgA!, p1, 'ورشة ثالثة', { 'f|a18_24': 11 });
    const a2 = reported[1]!;
    const edit = await w.as.staffB.post(`/programmes/activities/${a2}/edit`, {
      organization_id: String(w.ids.orgB),
      kind: 'workshop',
      title: 'ورشة ثانية',
      held_on: '2026-03-10',
      town_pcode: 'C1564',
      summary: 'ما جرى',
      n_f_a18_24: '25',
      n_m_a25_35: '12',
    });
    expect(edit.statusCode).toBe(303);
    activities.get(a2)!.counts = { 'f|a18_24': 25, 'm|a25_35': 12 };
    const after = await collect();
    expect(after.filter((f) => f.key.startsWith('r')).map((f) => f.shown ?? f.label)).toEqual(
      before.map((f) => f.shown ?? f.label),
    );
    // the pages moved on; still nothing hidden can be worked out from them and the old reports
    // (A2's report now counts the 14 men it was made from: its figures are not today's sums)
    const known: KnownSum[] = after
      .filter((f) => f.shown !== null && !f.key.startsWith(`r${a2}:`))
      .map((f) => ({ atoms: f.atoms, value: f.shown! }));
    for (const f of after.filter((x) => x.shown === null && !x.key.startsWith(`r${a2}:`))) {
      const range = await feasibleRange(known, f.atoms);
      expect(range.max, `${f.key} (${f.where}) is pinned down`).toBeGreaterThan(range.min);
    }
  });

  it("the network's targets count each project's own activities (events, not people)", async () => {
    // project 1: A1, A2 and the third workshop; project 2: one
    for (const [project, label] of [
      [p1, 'أنشطة المشروع الأول'],
      [p2, 'أنشطة المشروع الثاني'],
    ] as const) {
      const res = await w.as.staffA.post(`/projects/${project}/targets`, {
        metric: 'activities',
        label_ar: label,
        label_en: label,
        target: '4',
      });
      expect(res.statusCode).toBe(303);
    }
    const csv = (await w.as.anon.get('/indicators/export?format=csv')).body.split(/\r?\n/);
    expect(csv.find((l) => l.startsWith('أنشطة المشروع الأول,'))?.split(',')[1]).toBe('3');
    expect(csv.find((l) => l.startsWith('أنشطة المشروع الثاني,'))?.split(',')[1]).toBe('1');
  });
});
