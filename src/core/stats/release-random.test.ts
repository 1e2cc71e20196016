// The attacker's audit (src/testing/random-releases.ts) on a few random releases shaped like the
// network's: election results with a corrected version, trainees under every filter. The
// hardening suite runs thousands (test/hardening/disclosure.test.ts).
import { describe, expect, it } from 'vitest';
import {
  THRESHOLD,
  auditCase,
  electionCase,
  indicatorsCase,
  seeded,
  type Case,
} from '../../testing/random-releases.js';
import type { ProtectedFigure } from './release.js';

const SEEDS = 10;

describe('random releases, audited with HiGHS', () => {
  for (const [name, make] of [
    ['election results with a corrected version', electionCase],
    ['trainees by project, gender, age and town under every filter', indicatorsCase],
  ] as const)
    it(`${name}: labels true, no hidden figure determined, small ones reach ${THRESHOLD}`, async () => {
      for (let seed = 1; seed <= SEEDS; seed++) expect(await auditCase(make(seeded(seed))), `seed ${seed}`).toEqual([]);
    }, 120_000);

  it('catches a protector that hides only the small cells, table by table', async () => {
    // What main did before the release model: each small cell hidden, nothing else.
    const primaryOnly = (c: Case) => {
      const out = new Map<string, ProtectedFigure>();
      for (const f of c.input.figures) {
        const value = f.atoms.reduce((s, a) => s + c.input.atoms.get(a)!, 0);
        out.set(f.key, { value, disclosure: value >= 1 && value < THRESHOLD ? 'small' : 'shown' });
      }
      return { figures: c.input.figures, out, earlier: [], earlierOut: new Map<string, ProtectedFigure>() };
    };
    let caught = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const c = electionCase(seeded(seed));
      if ((await auditCase({ input: c.input }, primaryOnly)).some((p) => /determined/.test(p))) caught++;
    }
    expect(caught).toBeGreaterThan(SEEDS / 2);
  }, 120_000);
});
