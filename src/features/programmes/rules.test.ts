import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, attendanceShare, formatCode, isComplete, newCertificateCode, normalizeCode } from './rules.js';

describe('completion rule', () => {
  const rule80 = { minAttendancePct: 80, minPostScore: null };
  const rule80test = { minAttendancePct: 80, minPostScore: 60 };

  it('meets 80% exactly at 4 of 5 sessions, not at 3 of 5', () => {
    expect(isComplete(rule80, { sessions: 5, attended: 4, postScore: null })).toBe(true);
    expect(isComplete(rule80, { sessions: 5, attended: 3, postScore: null })).toBe(false);
    expect(isComplete(rule80, { sessions: 6, attended: 4, postScore: null })).toBe(false); // 66.7%
    expect(isComplete(rule80, { sessions: 6, attended: 5, postScore: null })).toBe(true); // 83.3%
  });

  it('with a post-test minimum, needs the score too; a missing score does not pass', () => {
    expect(isComplete(rule80test, { sessions: 5, attended: 5, postScore: 60 })).toBe(true);
    expect(isComplete(rule80test, { sessions: 5, attended: 5, postScore: 59 })).toBe(false);
    expect(isComplete(rule80test, { sessions: 5, attended: 5, postScore: null })).toBe(false);
    expect(isComplete(rule80test, { sessions: 5, attended: 3, postScore: 100 })).toBe(false);
  });

  it('a cohort without sessions has no completions', () => {
    expect(isComplete({ minAttendancePct: 1, minPostScore: null }, { sessions: 0, attended: 0, postScore: 100 })).toBe(
      false,
    );
    expect(attendanceShare({ sessions: 0, attended: 0 })).toBe(0);
  });

  it('property: completion is monotone in attendance and score', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        (pct, minScore, sessions, attendedRaw, score) => {
          const attended = Math.min(sessions, attendedRaw);
          const rule = { minAttendancePct: pct, minPostScore: minScore };
          const done = isComplete(rule, { sessions, attended, postScore: score });
          if (done && attended < sessions)
            expect(isComplete(rule, { sessions, attended: attended + 1, postScore: score })).toBe(true);
          if (done) expect(attended / sessions).toBeGreaterThanOrEqual(pct / 100 - 1e-9);
        },
      ),
    );
  });
});

describe('certificate codes', () => {
  it('are 12 symbols without look-alikes, unique in practice, and read back however they are typed', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const codes = new Set(Array.from({ length: 2000 }, newCertificateCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) {
      expect(c).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
      expect(normalizeCode(formatCode(c).toLowerCase())).toBe(c);
      expect(normalizeCode(` ${formatCode(c)} `)).toBe(c);
    }
    expect(normalizeCode('ABCD-EFGH-IJK1')).toBeNull();
    expect(normalizeCode('short')).toBeNull();
  });
});
