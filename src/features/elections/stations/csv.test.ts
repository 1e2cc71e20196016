// The stations CSV: good rows read, every bad row named with its line and reason.
import { describe, expect, it } from 'vitest';
import { parseStationsCsv } from './csv.js';

describe('stations CSV', () => {
  const header =
    'centre_code,centre_name_ar,centre_name_en,town_pcode,station_code,registered_women,registered_men,women_only';
  const towns = new Set(['C1605']);
  const none = { centres: new Map(), stations: new Set<string>() };
  it('reads good rows', () => {
    const r = parseStationsCsv(
      `\ufeff${header}\nTB-01,مدرسة,School,C1605,S1,260,250,no\nTB-01,مدرسة,School,C1605,S2,,,نعم\n`,
      towns,
      none,
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rows[1]).toMatchObject({ station_code: 'S2', registered_women: null, women_only: true });
  });
  it('names every bad row with its reason', () => {
    const r = parseStationsCsv(
      [
        header,
        'TB-01,مدرسة,School,C9999,S1,260,250,no',
        'TB-01,مدرسة,School,C1605,X1,2x,250,maybe',
        'TB-02,,School,C1605,S1,1,1,no',
        'TB-02,مركز,Centre,C1605,S1,1,1,no',
        'TB-02,مركز,Centre,C1605,S1,1,1,no',
      ].join('\n'),
      towns,
      none,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
        [2, 'unknownTown'],
        [3, 'badStationCode'],
        [3, 'badNumber'],
        [3, 'badYesNo'],
        [4, 'badName'],
        [6, 'duplicateStation'],
      ]);
    const cols = parseStationsCsv('centre,name\nA,B', towns, none);
    expect(cols.ok === false && cols.problems.map((p) => p.reason)).toContain('missingColumn');
  });
});
