// Centres and stations from a CSV file: every row checked, all rows written or none.
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import { parseCsv, CsvSyntaxError } from '../../../core/text/csv.js';
import { westernDigits } from '../forms/expr.js';

export const STATION_CSV_COLUMNS = [
  'centre_code',
  'centre_name_ar',
  'centre_name_en',
  'town_pcode',
  'station_code',
  'registered_women',
  'registered_men',
  'women_only',
] as const;

export type ImportProblem = { line: number; reason: string; value?: string };

export type StationImportRow = {
  centre_code: string;
  centre_name_ar: string;
  centre_name_en: string;
  town_pcode: string;
  station_code: string;
  registered_women: number | null;
  registered_men: number | null;
  women_only: boolean;
};

export const CENTRE_CODE = /^[A-Z]{1,4}-?\d{1,3}$/;
export const STATION_CODE = /^S\d{1,3}$/;

/** Parses and checks every row; returns every problem (line and reason) or the rows. */
export function parseStationsCsv(
  text: string,
  knownTowns: Set<string>,
  existing: { centres: Map<string, { town_pcode: string }>; stations: Set<string> },
): { ok: true; rows: StationImportRow[] } | { ok: false; problems: ImportProblem[] } {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { ok: false, problems: [{ line: e.line, reason: 'syntax' }] };
    throw e;
  }
  if (records.length === 0) return { ok: false, problems: [{ line: 1, reason: 'empty' }] };
  const header = records[0]!.fields.map((h) => h.trim().toLowerCase());
  const missing = STATION_CSV_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(STATION_CSV_COLUMNS as readonly string[]).includes(h));
  if (missing.length || unknown.length)
    return {
      ok: false,
      problems: [
        ...missing.map((c) => ({ line: 1, reason: 'missingColumn', value: c })),
        ...unknown.map((c) => ({ line: 1, reason: 'unknownColumn', value: c })),
      ],
    };
  if (records.length > 2001) return { ok: false, problems: [{ line: 2001, reason: 'tooManyRows' }] };
  const col = (r: string[], name: (typeof STATION_CSV_COLUMNS)[number]) => (r[header.indexOf(name)] ?? '').trim();
  const problems: ImportProblem[] = [];
  const rows: StationImportRow[] = [];
  const seenStations = new Set<string>();
  const centres = new Map(existing.centres);
  const num = (s: string) => {
    const w = westernDigits(s).replace(/[,٬\s]/g, '');
    if (w === '') return null;
    return /^\d{1,7}$/.test(w) ? Number(w) : NaN;
  };
  for (const rec of records.slice(1)) {
    const r = rec.fields;
    const line = rec.line;
    if (r.length !== header.length) {
      problems.push({ line, reason: 'fieldCount' });
      continue;
    }
    const centre = westernDigits(col(r, 'centre_code')).toUpperCase();
    const station = westernDigits(col(r, 'station_code')).toUpperCase();
    const town = col(r, 'town_pcode').toUpperCase();
    const before = problems.length;
    if (!CENTRE_CODE.test(centre)) problems.push({ line, reason: 'badCentreCode', value: centre });
    if (!STATION_CODE.test(station)) problems.push({ line, reason: 'badStationCode', value: station });
    if (!knownTowns.has(town)) problems.push({ line, reason: 'unknownTown', value: town });
    const nameAr = col(r, 'centre_name_ar');
    const nameEn = col(r, 'centre_name_en');
    if (!nameAr || nameAr.length > 200) problems.push({ line, reason: 'badName', value: 'centre_name_ar' });
    if (!nameEn || nameEn.length > 200) problems.push({ line, reason: 'badName', value: 'centre_name_en' });
    const rw = num(col(r, 'registered_women'));
    const rm = num(col(r, 'registered_men'));
    if (Number.isNaN(rw)) problems.push({ line, reason: 'badNumber', value: col(r, 'registered_women') });
    if (Number.isNaN(rm)) problems.push({ line, reason: 'badNumber', value: col(r, 'registered_men') });
    const wo = col(r, 'women_only').toLowerCase();
    if (!['', 'yes', 'no', '1', '0', 'نعم', 'لا'].includes(wo)) problems.push({ line, reason: 'badYesNo', value: wo });
    const key = `${centre} ${station}`;
    if (seenStations.has(key) || existing.stations.has(key))
      problems.push({ line, reason: 'duplicateStation', value: key });
    const known = centres.get(centre);
    if (known && known.town_pcode !== town) problems.push({ line, reason: 'centreTownMismatch', value: centre });
    if (problems.length > before) continue;
    seenStations.add(key);
    centres.set(centre, { town_pcode: town });
    rows.push({
      centre_code: centre,
      centre_name_ar: nameAr,
      centre_name_en: nameEn,
      town_pcode: town,
      station_code: station,
      registered_women: rw,
      registered_men: rm,
      women_only: ['yes', '1', 'نعم'].includes(wo),
    });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 2, reason: 'empty' });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/** Writes parsed rows: all or nothing. */
export async function importStations(db: Db, electionId: number, rows: StationImportRow[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const centres = new Map(
      (
        await trx.selectFrom('polling_centres').select(['id', 'code']).where('election_id', '=', electionId).execute()
      ).map((c) => [c.code, c.id]),
    );
    for (const r of rows) {
      let centreId = centres.get(r.centre_code);
      if (!centreId) {
        const c = await trx
          .insertInto('polling_centres')
          .values({
            election_id: electionId,
            code: r.centre_code,
            town_pcode: r.town_pcode,
            name_ar: r.centre_name_ar,
            name_en: r.centre_name_en,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        centreId = c.id;
        centres.set(r.centre_code, centreId);
      }
      await trx
        .insertInto('polling_stations')
        .values({
          election_id: electionId,
          centre_id: centreId,
          code: r.station_code,
          registered_women: r.registered_women,
          registered_men: r.registered_men,
          women_only: flag(r.women_only),
        })
        .execute();
    }
    return rows.length;
  });
}
