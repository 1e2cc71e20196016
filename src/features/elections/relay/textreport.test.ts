// The text-report parser: one report per line, codes and numbers, Arabic-Indic digits.
import { describe, expect, it } from 'vitest';
import { parseTextReports } from './textreport.js';

describe('text reports', () => {
  const ctx = {
    stations: [
      { id: 1, centre: 'TB-03', station: 'S1' },
      { id: 2, centre: 'TB-03', station: 'S2' },
      { id: 3, centre: 'TB-04', station: 'S1' },
    ],
    candidateCodes: ['L1', 'L2'],
  };
  const full = 'BR 200 BU 70 BS 10 VA 112 IN 8 BL 3 L1 60 L2 52';
  it('parses a count, with Arabic-Indic digits and derived men', () => {
    const [r] = parseTextReports(`tb-03 s2 V ١٢٠ W ٥١ ${full}`, ctx);
    expect(r).toMatchObject({ ok: true, kind: 'count', stationId: 2, derived: [{ code: 'M', value: 69 }] });
    if (r?.ok && r.kind === 'count')
      expect(r.values).toMatchObject({ voters_women: 51, voters_men: 69, votes_l1: 60, valid: 112 });
  });
  it('accepts glued codes, colons and a centre with one station', () => {
    const [r] = parseTextReports(`TB-04 W:51 M=69 BR200 BU70 BS10 VA112 IN8 BL3 L160 L2 52`, ctx);
    expect(r).toMatchObject({ ok: true, stationId: 3 });
    if (r?.ok && r.kind === 'count') expect(r.values.votes_l1).toBe(60);
  });
  it('names unknown stations, unknown and missing codes', () => {
    const lines = parseTextReports(
      [
        'TB-09 S1 W 1 M 2',
        'TB-03 S9 W 1',
        `TB-03 S1 W 51 X7 4 ${full}`,
        'TB-03 S1 W 51 M 69 VA 112',
        `TB-03 S1 V 100 W 51 M 69 ${full}`,
      ].join('\n'),
      ctx,
    );
    expect(lines.map((l) => l.ok)).toEqual([false, false, false, false, false]);
    expect(lines[0]).toMatchObject({ errors: [{ code: 'unknownStation', value: 'TB-09' }] });
    expect(lines[1]).toMatchObject({ errors: [{ code: 'unknownStation', value: 'TB-03 S9' }] });
    expect(lines[2]!.ok === false && lines[2]!.errors.map((e) => e.code)).toEqual(['unknownCode', 'missing']);
    expect(lines[3]).toMatchObject({
      errors: [{ code: 'missing', codes: ['BR', 'BU', 'BS', 'IN', 'BL', 'L1', 'L2'] }],
    });
    expect(lines[4]).toMatchObject({ errors: [{ code: 'votersMismatch', v: 100, w: 51, m: 69 }] });
  });
  it('reads incidents and "no network", skips blank and # lines', () => {
    const lines = parseTextReports(
      '\n# from Ahmad\nTB-03 S1 INC ballot box opened 2 times\nTB-03 S2 NONET\nTB-03 S2 INC',
      ctx,
    );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ ok: true, kind: 'incident', note: 'ballot box opened 2 times', line: 3 });
    expect(lines[1]).toMatchObject({ ok: true, kind: 'nonet', stationId: 2 });
    expect(lines[2]).toMatchObject({ ok: false, errors: [{ code: 'noIncidentText' }] });
  });
});
