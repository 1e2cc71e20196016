// Issue #14's attack, thousands of times: random releases shaped like the network's (election
// results in centres with a corrected version; trainees by project, gender, age band and town under
// every filter) protected by core/stats, then audited with a real integer solver (HiGHS): every
// label true, no hidden figure determined by the shown numbers and the labels, every "fewer than
// 10" free to reach 10 for all the numbers say. DISCLOSURE_SEEDS sets how many seeds (default
// 1,000: 2,000 releases); a failure names its seed, which reproduces it.
import { describe, expect, it } from 'vitest';
import { auditCase, electionCase, indicatorsCase, seeded } from '../../src/testing/random-releases.js';

const SEEDS = Number(process.env.DISCLOSURE_SEEDS ?? 1000);

describe(`disclosure control on ${SEEDS * 2} random releases`, () => {
  for (const [name, make] of [
    ['election results', electionCase],
    ['trainees under every filter', indicatorsCase],
  ] as const)
    it(`${name}: ${SEEDS} releases, nothing recovered`, async () => {
      const failing: string[] = [];
      for (let seed = 1; seed <= SEEDS; seed++) {
        const problems = await auditCase(make(seeded(seed + 100_000)));
        if (problems.length) failing.push(`seed ${seed + 100_000}: ${problems.slice(0, 3).join('; ')}`);
      }
      expect(failing).toEqual([]);
    }, 1_800_000);
});
