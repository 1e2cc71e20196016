// The stations file: good rows written (codes as the register writes them, towns by P-code or by
// name), and a file with any bad row refused whole, every problem named with its line and column.
import { describe, expect, it } from 'vitest';
import { useElectionsWorld } from '../testing/setup.js';
import { importStations } from './csv.js';

const w = useElectionsWorld();
const header =
  'centre_code,centre_name_ar,centre_name_en,town_pcode,station_code,registered_women,registered_men,women_only';
const ar = () => w.t.app.wasl.i18n.translator('ar', { digits: 'latn' });
/** Imports the file's text into the world's election, in Arabic. */
const importText = (text: string) => importStations(w.db, w.fx.electionId, text, ar());

/** Imports a file that must be refused whole: nothing is written; returns the problems it names. */
async function refusedText(text: string) {
  const before = await w.count('polling_stations');
  const r = await importText(text);
  expect(r.ok).toBe(false);
  expect(await w.count('polling_stations')).toBe(before);
  return r.ok ? [] : r.problems;
}
const refusedRows = (rows: string[]) => refusedText([header, ...rows].join('\n'));

describe('stations CSV', () => {
  it('reads good rows: a town by P-code or by name, empty counts, yes/no in Arabic', async () => {
    const before = await w.count('polling_stations');
    const r = await importText(
      `\ufeff${header}\nqa-01,مدرسة,School,C1605,S1,260,250,no\nQA-01,,,تركمان بارح,s2,,,نعم\n`,
    );
    expect(r).toEqual({ ok: true, centres: 1, stations: 2 });
    expect(await w.count('polling_stations')).toBe(before + 2);
    const s2 = await w.db
      .selectFrom('polling_stations')
      .innerJoin('polling_centres', 'polling_centres.id', 'polling_stations.centre_id')
      .select(['polling_centres.code as centre', 'polling_centres.town_pcode', 'registered_women', 'women_only'])
      .where('polling_stations.election_id', '=', w.fx.electionId)
      .where('polling_stations.code', '=', 'S2')
      .where('polling_centres.code', '=', 'QA-01')
      .executeTakeFirstOrThrow();
    expect(s2).toMatchObject({ centre: 'QA-01', town_pcode: 'C1605', registered_women: null });
    expect(Boolean(s2.women_only)).toBe(true);
  });

  it('names every problem with its line and column, and writes nothing', async () => {
    const problems = await refusedRows([
      'QB-01,مدرسة,School,C9999,S1,260,250,no',
      'QB-01,مدرسة,School,C1605,S2,2x,250,maybe',
      'QB-02,,School,C1605,S1,1,1,no',
      'QB-03,مركز,Centre,C1605,S1,1,1,no',
      'QB-03,مركز,Centre,C1605,S1,1,1,no',
    ]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'town'],
      [3, 'registered_women'],
      [3, 'women_only'],
      [4, 'centre_name_ar'],
      [6, 'station_code'],
    ]);
    const columns = await refusedText('centre,name\nA,B');
    expect(columns.map((p) => p.column)).toEqual(expect.arrayContaining(['centre_code', 'town']));
  });

  it('refuses a row with more or fewer cells than the header (its figures would shift), and names a stray quote', async () => {
    const shifted = await refusedRows([
      'QC-01,مدرسة,School,C1605,S1,1,260,250,no',
      'QC-01,مدرسة,School,C1605,S2,260,250,no',
      'QC-02,مدرسة',
    ]);
    expect(shifted.map((p) => p.line)).toEqual([2, 4]);
    expect(shifted[0]!.message).toMatch(/^في هذا السطر 9 خانات، والسطر الأول فيه 8 أعمدة/);
    expect(shifted[1]!.message).toMatch(/^في هذا السطر خانتان/);
    // A quote inside a field is not a count of cells: the reader names the line it cannot read.
    const quote = await refusedRows([
      'QD-01,مدرسة,School,C1605,S1,260,250,no',
      'QD-01,مدرسة "النور,School,C1605,S2,1,1,no',
      'QD-02,a,b,C1605,S1,1,1,no',
    ]);
    expect(quote.map((p) => [p.line, p.message])).toEqual([[3, expect.stringContaining('CSV')]]);
  });
});
