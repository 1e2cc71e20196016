// The attacker's view, for the tests of published figures: given every number a visitor collected
// (each a known sum of unknown non-negative integer counts), how large and how small can a hidden
// one be? Solved with HiGHS (WebAssembly), an integer program per bound — a different solver from
// the one the app protects with (yalps), so the check does not share its mistakes.
import highsModule from 'highs';

type Solution = { Status: string; ObjectiveValue: number };
type Highs = { solve(problem: string): Solution };
// A CommonJS package whose types declare an ES default export: take whichever the loader hands us.
const highsLoader = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as () => Promise<Highs>;
let highs: Promise<Highs> | null = null;

export type KnownSum = { atoms: readonly string[]; value: number };
export type FeasibleRange = { min: number; max: number };

const name = (a: string, index: Map<string, string>) => {
  let n = index.get(a);
  if (!n) index.set(a, (n = `x${index.size}`));
  return n;
};

/**
 * What the labels say, for the stronger attacker: a "fewer than N" figure is 1 … N−1, and a
 * "withheld" one is 0 or at least N (it would say "fewer than" otherwise).
 */
export type Labels = {
  threshold: number;
  small?: readonly (readonly string[])[];
  withheld?: readonly (readonly string[])[];
};

/** No count in these releases comes near this: the "big M" of a withheld figure's "0 or ≥ N". */
const BIG = 10_000_000;

/** The integer range of Σ target under every known sum (atoms ≥ 0); max is Infinity when unbounded. */
export async function feasibleRange(
  known: readonly KnownSum[],
  target: readonly string[],
  labels?: Labels,
): Promise<FeasibleRange> {
  const h = await (highs ??= highsLoader());
  const index = new Map<string, string>();
  const objective = target.map((a) => name(a, index)).join(' + ');
  const sum = (atoms: readonly string[]) => atoms.map((a) => name(a, index)).join(' + ');
  const rows = known.filter((k) => k.atoms.length).map((k, i) => ` r${i}: ${sum(k.atoms)} = ${k.value}`);
  const binaries: string[] = [];
  if (labels) {
    const n = labels.threshold;
    (labels.small ?? []).forEach((atoms, i) => {
      rows.push(` s${i}a: ${sum(atoms)} >= 1`, ` s${i}b: ${sum(atoms)} <= ${n - 1}`);
    });
    (labels.withheld ?? []).forEach((atoms, i) => {
      const b = `b${i}`;
      binaries.push(b);
      rows.push(` w${i}a: ${sum(atoms)} - ${BIG} ${b} <= 0`, ` w${i}b: ${sum(atoms)} - ${n} ${b} >= 0`);
    });
  }
  const lp = (sense: 'Maximize' | 'Minimize') =>
    [
      sense,
      ` obj: ${objective}`,
      'Subject To',
      ...(rows.length ? rows : [` r0: ${[...index.values()][0]} >= 0`]),
      'Bounds',
      ...[...index.values()].map((v) => ` ${v} >= 0`),
      'General',
      ` ${[...index.values()].join(' ')}`,
      ...(binaries.length ? ['Binary', ` ${binaries.join(' ')}`] : []),
      'End',
    ].join('\n');
  const hi = h.solve(lp('Maximize'));
  const lo = h.solve(lp('Minimize'));
  // The true counts are a solution, so 'infeasible or unbounded' can only mean unbounded.
  const unbounded = hi.Status === 'Unbounded' || hi.Status === 'Primal infeasible or unbounded';
  const max = unbounded || hi.ObjectiveValue >= BIG / 2 ? Infinity : Math.round(hi.ObjectiveValue);
  const min = Math.round(lo.ObjectiveValue);
  if (hi.Status !== 'Optimal' && !unbounded) throw new Error(`HiGHS: ${hi.Status}`);
  if (lo.Status !== 'Optimal') throw new Error(`HiGHS: ${lo.Status}`);
  return { min, max };
}
