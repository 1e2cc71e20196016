// The coordinators' live figures are added up directly instead of through the release's atoms: for
// any count sheets — ballots that fall short of the voters or exceed them included — every figure
// is the one the release would give, and no figure is missing or extra.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedFigures, releaseOf, type Basis } from './results.js';

const count = fc.nat({ max: 400 });
const basis = fc
  .record({
    candidates: fc.uniqueArray(fc.constantFrom('L1', 'L2', 'L3', 'K9'), { minLength: 1, maxLength: 4 }),
    stations: fc.array(
      fc.record({
        centre: fc.nat({ max: 5 }),
        women: count,
        men: count,
        votes: fc.array(count, { minLength: 4, maxLength: 4 }),
        invalid: count,
        blank: count,
      }),
      { maxLength: 30 },
    ),
  })
  .map((b): Basis => ({
    candidates: b.candidates,
    counts: b.stations.map((s, i) => ({
      stationId: i + 1,
      centreId: 100 + s.centre,
      women: s.women,
      men: s.men,
      votes: s.votes.slice(0, b.candidates.length),
      invalid: s.invalid,
      blank: Math.min(s.blank, s.invalid),
      unreconciled: false,
    })),
  }));

describe('live figures', () => {
  it('equal the release’s sums of atoms, figure by figure', () => {
    fc.assert(
      fc.property(basis, (b) => {
        const release = releaseOf(b, '');
        const fromAtoms = new Map(
          release.figures.map((f) => [f.key, f.atoms.reduce((s, a) => s + release.atoms.get(a)!, 0)]),
        );
        const direct = countedFigures(b);
        expect([...direct.keys()].sort()).toEqual([...fromAtoms.keys()].sort());
        for (const [key, value] of fromAtoms) expect(direct.get(key), key).toEqual({ value, disclosure: 'shown' });
      }),
      { numRuns: 200 },
    );
  });
});
