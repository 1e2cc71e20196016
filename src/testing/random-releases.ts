// Random releases shaped like the network's own (issue #14), and the attacker's audit of what
// protectRelease makes of them: the election results (stations in centres, a statement corrected
// by a later version) and the trainees' indicators (projects × gender × age × town, every margin
// under every filter). A few run in `npm test`, thousands in `npm run test:hardening`.
import type { EarlierFigure, FigureInput, ProtectedFigure, ReleaseInput } from '../core/stats/release.js';
import { protectRelease } from '../core/stats/release.js';
import { feasibleRange, type KnownSum } from './lp-audit.js';

export const THRESHOLD = 10;

/** A small, seeded generator (mulberry32): a failing case is found again from its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
/** A count of people: often small (the cells that need protecting), sometimes zero, else a few dozen. */
const count = (rand: () => number) => {
  const r = rand();
  return r < 0.1 ? 0 : r < 0.4 ? int(rand, 1, 9) : int(rand, 10, 120);
};

export type Case = { input: ReleaseInput; earlierInput?: ReleaseInput };

/** Stations in centres, women and men, with station, centre and overall totals; maybe a first version without the last station. */
export function electionCase(rand: () => number): Case {
  const atoms = new Map<string, number>();
  const centres = int(rand, 1, 4);
  const stations: { id: string; centre: number }[] = [];
  for (let c = 0; c < centres; c++)
    for (let s = 0, n = int(rand, 1, 4); s < n; s++) {
      const id = `c${c}s${s}`;
      stations.push({ id, centre: c });
      atoms.set(`${id}:w`, count(rand));
      atoms.set(`${id}:m`, count(rand));
    }
  const figuresOf = (version: string, included: typeof stations): FigureInput[] => {
    const out: FigureInput[] = [];
    const add = (key: string, list: string[]) => out.push({ key: `${version}:${key}`, atoms: list });
    for (const s of included) {
      add(`${s.id}:w`, [`${s.id}:w`]);
      add(`${s.id}:m`, [`${s.id}:m`]);
      add(`${s.id}`, [`${s.id}:w`, `${s.id}:m`]);
    }
    for (let c = 0; c < centres; c++) {
      const inC = included.filter((s) => s.centre === c);
      if (!inC.length) continue;
      add(
        `c${c}:w`,
        inC.map((s) => `${s.id}:w`),
      );
      add(
        `c${c}:m`,
        inC.map((s) => `${s.id}:m`),
      );
      add(
        `c${c}`,
        inC.flatMap((s) => [`${s.id}:w`, `${s.id}:m`]),
      );
    }
    add(
      'w',
      included.map((s) => `${s.id}:w`),
    );
    add(
      'm',
      included.map((s) => `${s.id}:m`),
    );
    add(
      'all',
      included.flatMap((s) => [`${s.id}:w`, `${s.id}:m`]),
    );
    return out;
  };
  const input: ReleaseInput = { threshold: THRESHOLD, atoms, figures: figuresOf('v2', stations) };
  if (stations.length > 1 && rand() < 0.5) {
    const first = stations.slice(0, -1);
    return { input, earlierInput: { threshold: THRESHOLD, atoms, figures: figuresOf('v1', first) } };
  }
  return { input };
}

/** Trainees by project, gender, age band and town; every margin, for everyone and under each project's filter. */
export function indicatorsCase(rand: () => number): Case {
  const atoms = new Map<string, number>();
  const projects = int(rand, 1, 3);
  const towns = int(rand, 1, 3);
  const cells: { p: number; g: string; a: number; t: number; key: string }[] = [];
  for (let p = 0; p < projects; p++)
    for (const g of ['w', 'm'])
      for (let a = 0; a < 3; a++)
        for (let t = 0; t < towns; t++) {
          const key = `p${p}:${g}:a${a}:t${t}`;
          // most people are in one or two age bands and towns: many zeros and small cells
          atoms.set(key, rand() < 0.35 ? 0 : count(rand));
          cells.push({ p, g, a, t, key });
        }
  const figures: FigureInput[] = [];
  const scopes: { name: string; keep: (c: (typeof cells)[number]) => boolean }[] = [
    { name: 'all', keep: () => true },
    ...Array.from({ length: projects }, (_, p) => ({ name: `p${p}`, keep: (c: (typeof cells)[number]) => c.p === p })),
  ];
  for (const scope of scopes) {
    const inScope = cells.filter(scope.keep);
    const add = (key: string, pick: (c: (typeof cells)[number]) => boolean) => {
      const list = inScope.filter(pick).map((c) => c.key);
      if (list.length) figures.push({ key: `${scope.name}:${key}`, atoms: list });
    };
    add('total', () => true);
    for (const g of ['w', 'm']) add(g, (c) => c.g === g);
    for (let a = 0; a < 3; a++) add(`a${a}`, (c) => c.a === a);
    for (let t = 0; t < towns; t++) add(`t${t}`, (c) => c.t === t);
    for (const g of ['w', 'm']) for (let a = 0; a < 3; a++) add(`${g}a${a}`, (c) => c.g === g && c.a === a);
  }
  return { input: { threshold: THRESHOLD, atoms, figures } };
}

/** Protects a case as the app does: the first version alone, then the second with the first's figures fixed. */
export type Protected = ReturnType<typeof protectCase>;

export function protectCase(c: Case): {
  figures: readonly FigureInput[];
  out: Map<string, ProtectedFigure>;
  earlier: EarlierFigure[];
  earlierOut: Map<string, ProtectedFigure>;
} {
  let earlier: EarlierFigure[] = [];
  let earlierOut = new Map<string, ProtectedFigure>();
  if (c.earlierInput) {
    earlierOut = protectRelease(c.earlierInput);
    earlier = c.earlierInput.figures.map((f) => ({ ...f, shown: earlierOut.get(f.key)!.disclosure === 'shown' }));
  }
  const out = protectRelease({ ...c.input, earlier });
  return { figures: c.input.figures, out, earlier, earlierOut };
}

const atomsKey = (atoms: readonly string[]) => [...atoms].sort().join('+');

/**
 * Everything wrong with a protected case, as sentences (empty when safe). Every label must be true.
 * The attacker knows every shown figure of both versions and every label ("fewer than N" is
 * 1 … N−1, "withheld" is 0 or at least N): no hidden figure may be determined. And the shown
 * numbers alone must let a "fewer than N" figure reach N.
 */
export async function auditCase(c: Case, protect: typeof protectCase = protectCase): Promise<string[]> {
  const { figures, out, earlierOut } = protect(c);
  const atoms = c.input.atoms;
  const truth = (f: FigureInput) => f.atoms.reduce((s, a) => s + atoms.get(a)!, 0);
  const problems: string[] = [];
  const all = [
    ...figures.map((f) => ({ f, p: out.get(f.key)! })),
    ...(c.earlierInput?.figures ?? []).map((f) => ({ f, p: earlierOut.get(f.key)! })),
  ];
  // Labels are true.
  for (const { f, p } of all) {
    const v = truth(f);
    if (p.value !== v) problems.push(`${f.key}: carries ${p.value}, the data says ${v}`);
    if (p.disclosure === 'small' && !(v >= 1 && v < THRESHOLD)) problems.push(`${f.key}: "fewer than" but ${v}`);
    if (p.disclosure !== 'small' && v >= 1 && v < THRESHOLD) problems.push(`${f.key}: ${v} is not said to be small`);
  }
  const known: KnownSum[] = all
    .filter(({ p }) => p.disclosure === 'shown')
    .map(({ f }) => ({ atoms: f.atoms, value: truth(f) }));
  const small = new Map<string, readonly string[]>();
  const withheld = new Map<string, readonly string[]>();
  for (const { f, p } of all) {
    if (p.disclosure === 'small') small.set(atomsKey(f.atoms), f.atoms);
    if (p.disclosure === 'withheld') withheld.set(atomsKey(f.atoms), f.atoms);
  }
  const hidden = new Map<string, { key: string; atoms: readonly string[]; small: boolean }>();
  for (const { f, p } of all)
    if (p.disclosure !== 'shown' && !hidden.has(atomsKey(f.atoms)))
      hidden.set(atomsKey(f.atoms), { key: f.key, atoms: f.atoms, small: p.disclosure === 'small' });
  for (const h of hidden.values()) {
    const range = await feasibleRange(known, h.atoms, {
      threshold: THRESHOLD,
      small: [...small.values()],
      withheld: [...withheld.values()],
    });
    if (range.max <= range.min) problems.push(`${h.key}: determined (${range.min})`);
    // The numbers alone (as the issue measures it) must not bound a small figure below the
    // threshold. (Labels together can: a part of a "fewer than 10" total is itself below 10.)
    if (h.small) {
      const reach = await feasibleRange(known, h.atoms);
      if (reach.max < THRESHOLD) problems.push(`${h.key}: "fewer than ${THRESHOLD}" but at most ${reach.max}`);
    }
  }
  return problems;
}
