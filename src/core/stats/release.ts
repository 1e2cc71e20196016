// Disclosure control for a whole release: every public number about people that pages, filters,
// exports and earlier versions show, protected together (decision 0004).
//
// The model. A release is built from *atoms* — counts of people that are never published alone
// unless a figure says so (a station's women voters in one version of its count sheet; the
// trainees of one gender, age band, town and course set) — and *figures*, each the sum of some
// atoms. Every number any page shows is one figure; filters only choose which figures a page
// shows, they never make new sums. An attacker who collects every shown figure can solve the
// linear system they form (atoms are non-negative integers); a hidden figure must survive that:
//
//   - it is not determined: its smallest and largest possible values differ;
//   - a figure hidden because it is small (1 … threshold−1, "fewer than 10") may, for all the
//     numbers say, be as large as the threshold — the numbers tell no more than its label.
//
// The method (primary, then complementary suppression, audited exactly):
//   1. hide every small figure (primary);
//   2. audit: substitute what shown figures fix outright (a figure with one unknown atom, or a
//      zero), subtract shown figures nested in larger ones (a centre inside its election), split
//      what is left into independent parts, and solve two small linear programs per hidden figure
//      for its range;
//   3. a hidden figure that fails gets a companion: the shown figure, among those that constrain
//      it, that makes it safe at the least cost (smallest value first, fewest atoms); repeat until
//      every hidden figure passes. Figures published earlier (a statement's older versions) are
//      fixed: they constrain and are protected, but only new figures can be hidden.
// Hiding everything new is always safe, so the loop ends.
import { solve, type Constraint } from 'yalps';

export type FigureInput = {
  /** unique across the release and its earlier versions, e.g. 'v3:centre:12:women' */
  key: string;
  /** the atoms this figure adds up (each once) */
  atoms: readonly string[];
};

/** A figure as an earlier version published it: shown with its value, or hidden (null). */
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

type Fig = { key: string; atoms: readonly string[]; value: number; fixed: boolean; hidden: boolean; small: boolean };

export function protectRelease(input: ReleaseInput): Map<string, ProtectedFigure> {
  const T = input.threshold;
  if (!(T >= 1)) throw new Error('protectRelease: threshold must be at least 1');
  const valueOf = (atoms: readonly string[]) => {
    let s = 0;
    for (const a of atoms) {
      const v = input.atoms.get(a);
      if (v === undefined || !Number.isInteger(v) || v < 0) throw new Error(`protectRelease: atom ${a} has no count`);
      s += v;
    }
    return s;
  };
  const small = (v: number) => v >= 1 && v < T;
  const figs: Fig[] = [];
  for (const e of input.earlier ?? []) {
    const value = valueOf(e.atoms);
    figs.push({ key: e.key, atoms: e.atoms, value, fixed: true, hidden: !e.shown, small: small(value) });
  }
  for (const f of input.figures) {
    const value = valueOf(f.atoms);
    figs.push({ key: f.key, atoms: f.atoms, value, fixed: false, hidden: small(value), small: small(value) });
  }

  const auditor = new Auditor(figs, input.atoms, T);
  for (let guard = 0; guard <= figs.length; guard++) {
    const unsafe = auditor.firstUnsafe();
    if (!unsafe) break;
    const pick = auditor.companionFor(unsafe);
    if (!pick) throw new Error(`protectRelease: ${unsafe.key} cannot be protected`); // only if earlier versions leaked
    pick.hidden = true;
  }

  const out = new Map<string, ProtectedFigure>();
  for (const f of figs) {
    if (f.fixed) continue;
    out.set(f.key, { value: f.value, disclosure: !f.hidden ? 'shown' : f.small ? 'small' : 'withheld' });
  }
  return out;
}

type Reduced = {
  /** atoms whose value the shown figures fix */
  known: Map<string, number>;
  /** what is left: sums of two or more unknown atoms */
  constraints: { atoms: string[]; rhs: number }[];
  /** unknown atom → its part (component) */
  part: Map<string, number>;
};

type Range = { min: number; max: number };

class Auditor {
  /** hidden figures found safe, by the shape of the system they were checked in */
  private safe = new Map<string, string>();
  constructor(
    private figs: Fig[],
    private atoms: ReadonlyMap<string, number>,
    private T: number,
  ) {}

  firstUnsafe(): Fig | null {
    const r = this.reduce();
    for (const f of this.figs) {
      if (!f.hidden) continue;
      const signature = this.signature(f, r);
      if (this.safe.get(f.key) === signature) continue;
      if (this.passes(f, r)) this.safe.set(f.key, signature);
      else return f;
    }
    return null;
  }

  /** The shown, not yet published figure whose hiding protects `f`, at the least cost. */
  companionFor(f: Fig): Fig | null {
    const r = this.reduce();
    const near = new Set<string>(f.atoms);
    const parts = new Set(f.atoms.map((a) => r.part.get(a)).filter((p) => p !== undefined));
    for (const [a, p] of r.part) if (parts.has(p)) near.add(a);
    const candidates = this.figs
      .filter((g) => !g.fixed && !g.hidden && g.atoms.some((a) => near.has(a)))
      .sort(
        (a, b) => Number(a.value === 0) - Number(b.value === 0) || a.value - b.value || a.atoms.length - b.atoms.length,
      );
    if (!candidates.length) return null;
    let best: { g: Fig; width: number } | null = null;
    for (const g of candidates.slice(0, 8)) {
      g.hidden = true;
      const trial = this.reduce();
      const ok = this.passes(f, trial);
      const range = this.range(f, trial);
      g.hidden = false;
      if (ok) return g;
      const width = range.max - range.min;
      if (!best || width > best.width) best = { g, width };
    }
    return best!.g;
  }

  private passes(f: Fig, r: Reduced): boolean {
    const { min, max } = this.range(f, r);
    if (max - min < 0.5) return false; // one integer only: determined
    if (f.small && max < this.T - 1e-9) return false; // the numbers would say it is small
    return true;
  }

  /** Smallest and largest values of `f` that every shown figure allows. */
  range(f: Fig, r: Reduced): Range {
    let base = 0;
    const unknown: string[] = [];
    for (const a of f.atoms) {
      const k = r.known.get(a);
      if (k === undefined) unknown.push(a);
      else base += k;
    }
    if (!unknown.length) return { min: base, max: base };
    // An atom no shown figure mentions can be anything: unbounded above.
    const constrained = (a: string) => r.part.has(a);
    const parts = new Set(unknown.filter(constrained).map((a) => r.part.get(a)!));
    const rows = r.constraints.filter((c) => parts.has(r.part.get(c.atoms[0]!)!));
    const lo = this.optimize(unknown, rows, 'minimize');
    const hi = unknown.some((a) => !constrained(a)) ? Infinity : this.optimize(unknown, rows, 'maximize');
    return { min: base + lo, max: base + hi };
  }

  private optimize(objective: string[], rows: { atoms: string[]; rhs: number }[], direction: 'minimize' | 'maximize') {
    const constraints = new Map<string, Constraint>();
    const variables = new Map<string, Map<string, number>>();
    const coef = (a: string) => {
      let m = variables.get(a);
      if (!m) variables.set(a, (m = new Map()));
      return m;
    };
    rows.forEach((row, i) => {
      constraints.set(`c${i}`, { equal: row.rhs });
      for (const a of row.atoms) coef(a).set(`c${i}`, 1);
    });
    for (const a of objective) coef(a).set('objective', 1);
    const solution = solve({ direction, objective: 'objective', constraints, variables });
    if (solution.status === 'unbounded') return direction === 'maximize' ? Infinity : 0;
    if (solution.status !== 'optimal') {
      // Never expected (the true counts are a solution); answer as if determined, so more is hidden.
      return direction === 'maximize' ? 0 : 0;
    }
    return direction === 'maximize' ? Math.floor(solution.result + 1e-6) : Math.ceil(solution.result - 1e-6);
  }

  /** What decides a hidden figure's safety: the reduced constraints of its part. */
  private signature(f: Fig, r: Reduced): string {
    const parts = new Set(f.atoms.map((a) => r.part.get(a)).filter((p) => p !== undefined));
    const rows = r.constraints
      .filter((c) => parts.has(r.part.get(c.atoms[0]!)!))
      .map((c) => `${c.atoms.join('+')}=${c.rhs}`)
      .sort();
    const known = f.atoms.map((a) => `${a}:${r.known.get(a) ?? '?'}`);
    return `${known.join(',')}|${rows.join(';')}`;
  }

  /** Substitutes what the shown figures fix, subtracts nested sums, and splits the rest into parts. */
  reduce(): Reduced {
    const known = new Map<string, number>();
    type Row = { atoms: string[]; rhs: number };
    let rows: Row[] = this.figs.filter((f) => !f.hidden).map((f) => ({ atoms: [...new Set(f.atoms)], rhs: f.value }));
    const settle = () => {
      for (let changed = true; changed;) {
        changed = false;
        const next: Row[] = [];
        for (const row of rows) {
          let rhs = row.rhs;
          const unknown: string[] = [];
          for (const a of row.atoms) {
            const k = known.get(a);
            if (k === undefined) unknown.push(a);
            else rhs -= k;
          }
          if (unknown.length === 0) continue;
          if (unknown.length === 1 || rhs === 0) {
            // One unknown is fixed; a zero sum fixes all of its (non-negative) atoms at zero.
            for (const a of unknown) known.set(a, unknown.length === 1 ? rhs : 0);
            changed = true;
            continue;
          }
          next.push({ atoms: unknown, rhs });
        }
        rows = next;
      }
    };
    settle();
    // Nested sums: a shown figure inside a larger one leaves the larger one only its remainder
    // (an election's total, less its shown centres, is a sum over the hidden centres alone).
    rows.sort((a, b) => a.atoms.length - b.atoms.length);
    const rowsOf = new Map<string, number[]>();
    rows.forEach((row, i) => {
      for (const a of row.atoms) {
        const list = rowsOf.get(a);
        if (list) list.push(i);
        else rowsOf.set(a, [i]);
      }
    });
    const original = rows.map((r) => new Set(r.atoms));
    for (let i = rows.length - 1; i >= 0; i--) {
      const big = rows[i]!;
      if (big.atoms.length < 3) continue;
      const rest = new Set(big.atoms);
      let rhs = big.rhs;
      const inners = [...new Set(big.atoms.flatMap((a) => rowsOf.get(a) ?? []))]
        .filter((j) => j < i && original[j]!.size < big.atoms.length)
        .sort((a, b) => original[b]!.size - original[a]!.size);
      for (const j of inners) {
        const inner = original[j]!;
        if (inner.size >= rest.size) continue;
        let inside = true;
        for (const a of inner) if (!rest.has(a)) inside = false;
        if (!inside) continue;
        for (const a of inner) rest.delete(a);
        rhs -= rows[j]!.rhs; // j < i: not reduced yet, still its own full sum
      }
      if (rest.size < big.atoms.length) rows[i] = { atoms: [...rest], rhs };
    }
    settle();
    // Duplicates say nothing new.
    const seen = new Set<string>();
    rows = rows.filter((r) => {
      const key = [...r.atoms].sort().join('\u0000');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    // Parts: atoms linked through some constraint.
    const parent = new Map<string, string>();
    const find = (a: string): string => {
      let p = parent.get(a) ?? a;
      if (p !== a) {
        p = find(p);
        parent.set(a, p);
      }
      return p;
    };
    for (const row of rows) for (const a of row.atoms.slice(1)) parent.set(find(a), find(row.atoms[0]!));
    const ids = new Map<string, number>();
    const part = new Map<string, number>();
    for (const row of rows)
      for (const a of row.atoms) {
        const root = find(a);
        if (!ids.has(root)) ids.set(root, ids.size);
        part.set(a, ids.get(root)!);
      }
    void this.atoms;
    return { known, constraints: rows, part };
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
