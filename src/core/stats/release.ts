// Disclosure control for a whole release: every public number about people that pages, filters,
// exports and earlier versions show, protected together (decision 0004).
//
// The model. A release is built from *atoms* — counts of people that are never published alone
// unless a figure says so (a station's women voters in one version of its count sheet; the
// trainees of one gender, age band, town and course set) — and *figures*, each the sum of some
// atoms. Every number any page shows is one figure; filters only choose which figures a page
// shows, they never make new sums. An attacker collects every shown figure and every label and
// solves: atoms are non-negative integers, a "fewer than 10" figure is 1 … 9, and a "withheld"
// one — hidden only to protect another — is 0 or at least 10 (it was not small, or it would say
// so). A hidden figure must survive that:
//
//   - it is not determined: some other value fits every number and every label;
//   - a figure hidden because it is small (1 … threshold−1) may, for all the numbers say, be as
//     large as the threshold — the numbers tell no more than its label.
//
// The method: primary, then complementary suppression, each hidden figure with a certificate.
//   1. Figures with the same atoms are one figure (two pages showing one count must agree). Every
//      small figure is hidden (primary).
//   2. A hidden figure is safe when there is another set of counts — a *perturbation* of the
//      atoms near it — that keeps every shown figure as it is and every label true, yet changes
//      it (by one; for a small one, a second perturbation raising it to the threshold). A small
//      linear program over the atoms around the figure (those of the small figures sharing its
//      atoms, twice over, and when a large sum is in the way some sibling blocks of that sum:
//      other centres of the election) finds the cheapest such perturbation, letting it change
//      shown figures at a cost (their value plus the threshold). The shown figures it changes
//      become "withheld" companions; the perturbation itself proves them safe too.
//   3. Figures published earlier (a statement's older versions) are fixed: a perturbation must
//      keep them, shown zeros are kept too (a zero withheld would be known to be zero), and a
//      withheld figure stays at zero or at least the threshold.
// A perturbation found is a proof: the attacker's system has a second solution. Hiding more
// never breaks a proof, so each figure is proven once. A figure that earlier versions alone give
// away cannot be protected any more: it stays hidden, and `protectReleaseDetailed` names it.
import { solve, type Constraint } from 'yalps';

export type FigureInput = {
  /** unique across the release and its earlier versions, e.g. 'v3:centre:12:women' */
  key: string;
  /** the atoms this figure adds up (each once) */
  atoms: readonly string[];
};

/** A figure as an earlier version published it: shown with its value, or hidden. */
export type EarlierFigure = FigureInput & { shown: boolean };

export type ReleaseInput = {
  threshold: number;
  /** every atom's true count (non-negative integers) */
  atoms: ReadonlyMap<string, number>;
  figures: readonly FigureInput[];
  earlier?: readonly EarlierFigure[];
};

/** small: 1 … threshold−1, said as "fewer than N"; withheld: hidden to protect another figure. */
export type Disclosure = 'shown' | 'small' | 'withheld';
export type ProtectedFigure = { value: number; disclosure: Disclosure };

export type ReleaseOutcome = {
  figures: Map<string, ProtectedFigure>;
  /** hidden figures that earlier versions already give away (nothing new can protect them) */
  exposed: string[];
  /** linear programs solved, for the bench */
  programs: number;
};

export function protectRelease(input: ReleaseInput): Map<string, ProtectedFigure> {
  return protectReleaseDetailed(input).figures;
}

export function protectReleaseDetailed(input: ReleaseInput): ReleaseOutcome {
  if (!(input.threshold >= 1)) throw new Error('protectRelease: threshold must be at least 1');
  const release = new Release(input);
  release.protect();
  const figures = new Map<string, ProtectedFigure>();
  for (const [key, g] of release.newFigures) {
    const group = release.groups[g]!;
    figures.set(key, { value: group.value, disclosure: !group.hidden ? 'shown' : group.small ? 'small' : 'withheld' });
  }
  const exposed = [...release.newFigures].filter(([, g]) => release.groups[g]!.exposed).map(([key]) => key);
  return { figures, exposed, programs: release.programs };
}

type Group = {
  atoms: Int32Array;
  value: number;
  /** published by an earlier version: cannot change */
  fixed: boolean;
  hidden: boolean;
  small: boolean;
  exposed: boolean;
};

/** What a proof must show: another value within the labels, or (a small figure) the threshold. */
type Mode = 'label' | 'reach';

/** Figures of this many atoms or fewer are "near" one another; larger ones are sums over blocks. */
const NEAR = 48;
/** The neighbourhood a proof may change, at most. */
const MAX_ATOMS = 600;

class Release {
  readonly T: number;
  readonly values: number[] = [];
  readonly groups: Group[] = [];
  /** key of each figure of this release → its group */
  readonly newFigures = new Map<string, number>();
  programs = 0;
  private readonly atomIds = new Map<string, number>();
  /** atom → the groups that contain it */
  private atomGroups: number[][] = [];
  private blocksOf = new Map<number, number[]>();

  constructor(input: ReleaseInput) {
    this.T = input.threshold;
    const bySet = new Map<string, number>();
    const earlierShown = new Set<number>();
    const add = (f: FigureInput) => {
      const ids = [...new Set(f.atoms.map((a) => this.atom(a, input.atoms)))].sort((x, y) => x - y);
      const signature = ids.join(',');
      let g = bySet.get(signature);
      if (g === undefined) {
        g = this.groups.length;
        bySet.set(signature, g);
        let value = 0;
        for (const id of ids) value += this.values[id]!;
        this.groups.push({
          atoms: Int32Array.from(ids),
          value,
          fixed: false,
          hidden: false,
          small: false,
          exposed: false,
        });
        for (const id of ids) this.atomGroups[id]!.push(g);
      }
      return g;
    };
    for (const e of input.earlier ?? []) {
      const g = add(e);
      this.groups[g]!.fixed = true;
      if (e.shown) earlierShown.add(g);
    }
    for (const f of input.figures) {
      if (this.newFigures.has(f.key)) throw new Error(`protectRelease: figure ${f.key} twice`);
      this.newFigures.set(f.key, add(f));
    }
    this.groups.forEach((g, i) => {
      g.small = g.value >= 1 && g.value < this.T;
      // An earlier version fixed it: shown if any version showed it, otherwise hidden.
      g.hidden = g.fixed ? !earlierShown.has(i) : g.small;
    });
  }

  private atom(name: string, counts: ReadonlyMap<string, number>): number {
    let id = this.atomIds.get(name);
    if (id === undefined) {
      const v = counts.get(name);
      if (v === undefined || !Number.isInteger(v) || v < 0)
        throw new Error(`protectRelease: atom ${name} has no count`);
      id = this.values.length;
      this.values.push(v);
      this.atomGroups.push([]);
      this.atomIds.set(name, id);
    }
    return id;
  }

  /** Proves every hidden figure safe, hiding companions where a proof needs them. */
  protect(): void {
    const needs = new Map<number, Set<Mode>>();
    const queue: number[] = [];
    const need = (g: number) => {
      const group = this.groups[g]!;
      if (!group.atoms.length) return;
      const modes = new Set<Mode>(['label']);
      if (group.small) modes.add('reach');
      // with a threshold of 2 "fewer than 2" is 1 exactly: only the threshold can be shown
      if (group.small && this.T <= 2) modes.delete('label');
      needs.set(g, modes);
      queue.push(g);
    };
    this.groups.forEach((g, i) => {
      if (g.hidden) need(i);
    });
    for (let q = 0; q < queue.length; q++) {
      const f = queue[q]!;
      for (const mode of ['label', 'reach'] as const) {
        if (!needs.get(f)?.has(mode)) continue;
        const proof = this.prove(f, mode);
        if (!proof) {
          this.groups[f]!.exposed = true;
          needs.delete(f);
          break;
        }
        for (const g of proof.hide) {
          this.groups[g]!.hidden = true;
          need(g);
        }
        needs.get(f)!.delete(mode);
        // a perturbation that keeps every other label true and changes these proves them too
        if (mode === 'label') for (const g of proof.changed) if (g !== f) needs.get(g)?.delete('label');
      }
    }
  }

  /**
   * The cheapest perturbation near `f` that changes it as `mode` asks and keeps every shown
   * figure it does not hide; null when even hiding every new figure would not do.
   */
  private prove(f: number, mode: Mode): { hide: number[]; changed: number[] } | null {
    const steps = this.steps(f, mode);
    if (!steps.length) return null;
    const near = this.neighbourhood(f);
    for (let attempt = 0; ; attempt++) {
      let found: { hide: number[]; changed: number[]; big: number[] } | null = null;
      for (const delta of steps) {
        found = this.perturb(f, mode, delta, near);
        if (found && !found.big.length) break;
      }
      // A large sum in the way (or no way at all): let the perturbation reach sibling blocks.
      const grow = found ? found.big : this.bigAround(near);
      if ((!found || found.big.length) && attempt < 2 && this.addSiblings(near, grow)) continue;
      return found;
    }
  }

  /** How far `f` must move: another value within its label, or up to the threshold. */
  private steps(f: number, mode: Mode): number[] {
    const g = this.groups[f]!;
    const T = this.T;
    if (mode === 'reach') return [T - g.value];
    if (g.small) return [g.value + 1 <= T - 1 ? 1 : 0, g.value - 1 >= 1 ? -1 : 0].filter(Boolean);
    if (g.value === 0) return [T];
    return g.value > T ? [1, -1] : [1];
  }

  /** The atoms of the near figures around `f`, twice over. */
  private neighbourhood(f: number): Set<number> {
    const near = new Set<number>(this.groups[f]!.atoms);
    let frontier = [...near];
    for (let hop = 0; hop < 2 && frontier.length; hop++) {
      const next: number[] = [];
      for (const a of frontier)
        for (const g of this.atomGroups[a]!) {
          const atoms = this.groups[g]!.atoms;
          if (atoms.length > NEAR || near.size + atoms.length > MAX_ATOMS) continue;
          for (const b of atoms)
            if (!near.has(b)) {
              near.add(b);
              next.push(b);
            }
        }
      frontier = next;
    }
    return near;
  }

  private bigAround(near: Set<number>): number[] {
    const big = new Set<number>();
    for (const a of near) for (const g of this.atomGroups[a]!) if (this.groups[g]!.atoms.length > NEAR) big.add(g);
    return [...big];
  }

  /** Adds up to three sibling blocks of each large sum (hidden ones first, then the cheapest). */
  private addSiblings(near: Set<number>, big: number[]): boolean {
    let added = false;
    for (const p of big) {
      let taken = 0;
      for (const b of this.blocks(p)) {
        const atoms = this.groups[b]!.atoms;
        if (taken >= 3 || near.size + atoms.length > MAX_ATOMS) break;
        if (atoms.some((a) => near.has(a))) continue;
        for (const a of atoms) near.add(a);
        taken++;
        added = true;
      }
    }
    return added;
  }

  /** The largest near figures inside a large one, disjoint, hidden first and then by value. */
  private blocks(p: number): number[] {
    const cached = this.blocksOf.get(p);
    if (cached) return cached.slice().sort((a, b) => this.rank(a) - this.rank(b) || a - b);
    const atoms = this.groups[p]!.atoms;
    const hits = new Map<number, number>();
    for (const a of atoms)
      for (const g of this.atomGroups[a]!)
        if (this.groups[g]!.atoms.length <= NEAR) hits.set(g, (hits.get(g) ?? 0) + 1);
    const inside = [...hits]
      .filter(([g, n]) => n === this.groups[g]!.atoms.length)
      .map(([g]) => g)
      .sort((a, b) => this.groups[b]!.atoms.length - this.groups[a]!.atoms.length || a - b);
    const taken = new Set<number>();
    const out: number[] = [];
    for (const g of inside) {
      const ga = this.groups[g]!.atoms;
      if (ga.some((a) => taken.has(a))) continue;
      for (const a of ga) taken.add(a);
      out.push(g);
    }
    this.blocksOf.set(p, out);
    return this.blocks(p);
  }

  private rank(g: number): number {
    const x = this.groups[g]!;
    return x.hidden ? -1 : x.fixed ? Number.MAX_SAFE_INTEGER : x.value;
  }

  /**
   * Solves: new counts y ≥ 0 on the atoms `near` (the rest as they are) with f(y) = f + delta,
   * every fixed or zero shown figure kept, every other label true, and the least cost of shown
   * figures changed. Returns the figures to hide, those changed, and the large ones among them.
   */
  private perturb(
    f: number,
    mode: Mode,
    delta: number,
    near: Set<number>,
  ): { hide: number[]; changed: number[]; big: number[] } | null {
    const T = this.T;
    // every figure touching the neighbourhood, with its atoms there and their present sum
    const touching = new Map<number, { atoms: number[]; sum: number }>();
    for (const a of near)
      for (const g of this.atomGroups[a]!) {
        let t = touching.get(g);
        if (!t) touching.set(g, (t = { atoms: [], sum: 0 }));
        t.atoms.push(a);
        t.sum += this.values[a]!;
      }
    const constraints = new Map<string, Constraint>();
    const variables = new Map<string, Map<string, number>>();
    const coef = (v: string) => {
      let m = variables.get(v);
      if (!m) variables.set(v, (m = new Map()));
      return m;
    };
    const onAtoms = (key: string, atoms: number[], c: Constraint) => {
      constraints.set(key, c);
      for (const a of atoms) coef(`y${a}`).set(key, 1);
    };
    const candidates = new Set<number>();
    const labels = mode === 'label'; // a small figure's reach is what the numbers allow, labels aside
    for (const [g, t] of touching) {
      const group = this.groups[g]!;
      const outside = group.value - t.sum; // the part of it this perturbation does not touch
      if (g === f) {
        onAtoms(`f${g}`, t.atoms, { equal: t.sum + delta });
      } else if (!group.hidden) {
        if (group.fixed || group.value === 0) onAtoms(`k${g}`, t.atoms, { equal: t.sum });
        else {
          // |Σ y − sum| ≤ u, at a cost; once hidden it reads "withheld": still ≥ T
          candidates.add(g);
          onAtoms(`a${g}`, t.atoms, { max: t.sum });
          onAtoms(`b${g}`, t.atoms, { min: t.sum });
          coef(`u${g}`)
            .set(`a${g}`, -1)
            .set(`b${g}`, 1)
            .set('cost', group.value + T);
          if (labels && T - outside > 0) onAtoms(`w${g}`, t.atoms, { min: T - outside });
        }
      } else if (!labels) {
        continue;
      } else if (group.small) {
        onAtoms(`s${g}`, t.atoms, { min: Math.max(0, 1 - outside), max: T - 1 - outside });
      } else if (group.value === 0) {
        onAtoms(`z${g}`, t.atoms, { equal: 0 });
      } else if (T - outside > 0) {
        onAtoms(`w${g}`, t.atoms, { min: T - outside });
      }
    }
    const model = { direction: 'minimize' as const, objective: 'cost', constraints, variables };
    let solution = solve(model);
    this.programs++;
    if (solution.status !== 'optimal') return null;
    let y = new Map(solution.variables);
    const integral = [...y].every(([k, v]) => !k.startsWith('y') || Math.abs(v - Math.round(v)) < 1e-7);
    if (!integral) {
      solution = solve({ ...model, integers: [...variables.keys()].filter((k) => k.startsWith('y')) });
      this.programs++;
      if (solution.status !== 'optimal') return null;
      y = new Map(solution.variables);
    }
    const hide: number[] = [];
    const changed: number[] = [];
    const big: number[] = [];
    for (const [g, t] of touching) {
      let after = 0;
      for (const a of t.atoms) after += Math.round(y.get(`y${a}`) ?? 0);
      if (after === t.sum) continue;
      changed.push(g);
      if (candidates.has(g)) {
        hide.push(g);
        if (this.groups[g]!.atoms.length > NEAR) big.push(g);
      }
    }
    return { hide, changed, big };
  }
}

/**
 * protectRelease in a worker thread, for releases large enough to hold up other requests (a
 * statement of thousands of stations). Small ones run in place.
 */
export async function protectReleaseOffThread(input: ReleaseInput): Promise<Map<string, ProtectedFigure>> {
  if (input.figures.length + (input.earlier?.length ?? 0) < 500) return protectRelease(input);
  const { Worker } = await import('node:worker_threads');
  const module = new URL(import.meta.url.endsWith('.ts') ? './release.ts' : './release.js', import.meta.url).href;
  const worker = new Worker(new URL('./release-worker.js', import.meta.url), {
    workerData: {
      module,
      input: { threshold: input.threshold, atoms: [...input.atoms], figures: input.figures, earlier: input.earlier },
    },
    execArgv: [],
  });
  try {
    const entries = await new Promise<[string, ProtectedFigure][]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`release worker stopped (${code})`)));
    });
    return new Map(entries);
  } finally {
    void worker.terminate();
  }
}

/**
 * A secret ballot's counts per option are shown only from this many ballots: below it a single
 * organization's choice could be worked out (one ballot "No" of one cast). The page says so, and
 * the chair is warned before opening a vote whose electorate is smaller.
 */
export const MIN_SECRET_BALLOTS = 5;
