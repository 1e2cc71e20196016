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

/** The integer range of Σ target under every known sum (atoms ≥ 0); max is Infinity when unbounded. */
export async function feasibleRange(known: readonly KnownSum[], target: readonly string[]): Promise<FeasibleRange> {
  const h = await (highs ??= highsLoader());
  const index = new Map<string, string>();
  const objective = target.map((a) => name(a, index)).join(' + ');
  const rows = known
    .filter((k) => k.atoms.length)
    .map((k, i) => ` r${i}: ${k.atoms.map((a) => name(a, index)).join(' + ')} = ${k.value}`);
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
      'End',
    ].join('\n');
  const hi = h.solve(lp('Maximize'));
  const lo = h.solve(lp('Minimize'));
  // The true counts are a solution, so 'infeasible or unbounded' can only mean unbounded.
  const unbounded = hi.Status === 'Unbounded' || hi.Status === 'Primal infeasible or unbounded';
  const max = unbounded ? Infinity : Math.round(hi.ObjectiveValue);
  const min = Math.round(lo.ObjectiveValue);
  if (hi.Status !== 'Optimal' && !unbounded) throw new Error(`HiGHS: ${hi.Status}`);
  return { min, max };
}
