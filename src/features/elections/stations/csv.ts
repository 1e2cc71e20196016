// Centres and stations from a spreadsheet: up to MAX_STATION_ROWS rows, read a piece at a time
// (../csv.ts), every row checked, all written in one transaction or none. Codes are kept as the
// register writes them (codes.ts); towns are found in whatever gazetteer is installed, by P-code
// or by name; a name that fits several towns is refused with the towns it could be.
import { z } from 'zod';
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import { fields } from '../../../core/http/forms.js';
import type { Translator } from '../../../core/i18n/index.js';
import type { ImportColumn, RowProblem } from '../../../core/text/csv-import.js';
import { resolveTown } from '../../../core/towns/picker.js';
import { codeField, normalizeCode, PLACE_CODE } from '../codes.js';
import { readCsvStreamed } from '../csv.js';

/** Stated on the page; a larger register is loaded in several files. */
export const MAX_STATION_ROWS = 25_000;
const BATCH = 500;

const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['', 'yes', 'no', '1', '0', 'نعم', 'لا'], { message: 'i18n:elections.import.badYesNo' }))
  .transform((v) => ['yes', '1', 'نعم'].includes(v));

export const STATION_COLUMNS: ImportColumn[] = [
  {
    name: 'centre_code',
    aliases: ['رمز المركز'],
    required: true,
    schema: codeField(PLACE_CODE, 'i18n:elections.stations.badCode'),
  },
  { name: 'centre_name_ar', aliases: ['اسم المركز', 'centre_name'], schema: z.string().max(200) },
  { name: 'centre_name_en', aliases: ['centre name (english)'], schema: z.string().max(200) },
  { name: 'town', aliases: ['town_pcode', 'البلدة'], required: true, schema: z.string().min(1).max(200) },
  {
    name: 'station_code',
    aliases: ['رمز الصندوق'],
    required: true,
    schema: codeField(PLACE_CODE, 'i18n:elections.stations.badCode'),
  },
  { name: 'registered_women', aliases: ['المسجلات'], schema: fields.count() },
  { name: 'registered_men', aliases: ['المسجلون'], schema: fields.count() },
  { name: 'women_only', aliases: ['للنساء فقط'], schema: yesNo },
];

export const STATION_EXAMPLE = [
  ['TB-01', 'مدرسة تركمان بارح الابتدائية', 'Turkman Bareh primary school', 'C1605', 'S1', 260, 250, 'no'],
  ['TB-01', 'مدرسة تركمان بارح الابتدائية', 'Turkman Bareh primary school', 'تركمان بارح', 'S2', 240, 238, 'no'],
];

type Row = {
  centre_code: string;
  centre_name_ar: string;
  centre_name_en: string;
  town: string;
  station_code: string;
  registered_women: number | null;
  registered_men: number | null;
  women_only: boolean;
};

type T = (key: string, params?: Record<string, string | number>) => string;

/** Each distinct town written in the file, as one town's P-code or a reason it is not one. */
async function resolveTowns(db: Db, locale: string, written: string[]) {
  const out = new Map<string, { pcode: string } | { problem: 'unknownTown' | 'ambiguousTown'; options?: string }>();
  const exact = new Set<string>();
  for (let i = 0; i < written.length; i += BATCH) {
    const chunk = written.slice(i, i + BATCH).map((w) => w.toUpperCase());
    const rows = await db.selectFrom('towns').select('pcode').where('pcode', 'in', chunk).execute();
    for (const r of rows) exact.add(r.pcode);
  }
  for (const w of written) {
    if (exact.has(w.toUpperCase())) {
      out.set(w, { pcode: w.toUpperCase() });
      continue;
    }
    const r = await resolveTown(db, w, locale);
    if ('pcode' in r) out.set(w, { pcode: r.pcode });
    else if ('choices' in r)
      out.set(w, { problem: 'ambiguousTown', options: r.choices.map((c) => c.label).join('، ') });
    else out.set(w, { problem: 'unknownTown' });
  }
  return out;
}

export type StationImport = { ok: true; centres: number; stations: number } | { ok: false; problems: RowProblem[] };

/** Reads, checks and (if every row is right) writes a stations file. */
export async function importStations(
  db: Db,
  electionId: number,
  text: string,
  i18n: Translator,
): Promise<StationImport> {
  const t = i18n.t as unknown as T;
  const read = await readCsvStreamed<Row>(text, { columns: STATION_COLUMNS, maxRows: MAX_STATION_ROWS }, i18n);
  const problems: RowProblem[] = [];
  let rows: {
    line: number;
    data: Pick<Row, 'centre_code' | 'station_code' | 'town' | 'centre_name_ar' | 'centre_name_en'>;
  }[];
  if (read.ok) rows = read.rows;
  else {
    // A file-wide problem (columns, syntax, size) says it all; a bad value in a row does not stop
    // the towns and duplicates of every row being checked too, so one answer names every problem.
    if (read.problems.some((p) => p.column === null || p.line === 1)) return read;
    problems.push(...read.problems);
    const loose = await readCsvStreamed<Record<string, string>>(
      text,
      { columns: STATION_COLUMNS.map((c) => ({ ...c, schema: z.string() })), maxRows: MAX_STATION_ROWS },
      i18n,
    );
    if (!loose.ok) return read;
    rows = loose.rows.map(({ line, data }) => ({
      line,
      data: {
        centre_code: normalizeCode(data.centre_code ?? ''),
        station_code: normalizeCode(data.station_code ?? ''),
        town: data.town ?? '',
        centre_name_ar: data.centre_name_ar ?? '',
        centre_name_en: data.centre_name_en ?? '',
      },
    }));
  }
  const problem = (line: number, column: string, value: string, key: string, params?: Record<string, string>) =>
    problems.push({ line, column, value, message: t(`elections.import.${key}`, params) });

  const existing = await db
    .selectFrom('polling_centres')
    .leftJoin('polling_stations', 'polling_stations.centre_id', 'polling_centres.id')
    .select([
      'polling_centres.id',
      'polling_centres.code',
      'polling_centres.town_pcode',
      'polling_stations.code as station',
    ])
    .where('polling_centres.election_id', '=', electionId)
    .execute();
  const centres = new Map<
    string,
    { id: number | null; town: string; name_ar: string; name_en: string; line: number }
  >();
  const taken = new Set<string>();
  for (const r of existing) {
    centres.set(r.code, { id: r.id, town: r.town_pcode, name_ar: '', name_en: '', line: 0 });
    if (r.station) taken.add(`${r.code} ${r.station}`);
  }
  const towns = await resolveTowns(db, i18n.locale, [...new Set(rows.map((r) => r.data.town.trim()))]);
  for (const { line, data: r } of rows) {
    const town = towns.get(r.town.trim())!;
    if (!('pcode' in town)) problem(line, 'town', r.town, town.problem, town.options ? { options: town.options } : {});
    const key = `${r.centre_code} ${r.station_code}`;
    if (taken.has(key)) problem(line, 'station_code', key, 'duplicateStation');
    taken.add(key);
    const centre = centres.get(r.centre_code);
    const pcode = 'pcode' in town ? town.pcode : '';
    if (!centre) centres.set(r.centre_code, { id: null, town: pcode, name_ar: '', name_en: '', line });
    else if (pcode && centre.town && centre.town !== pcode)
      problem(line, 'town', r.town, 'centreTownMismatch', { centre: r.centre_code });
    // A new centre's names: the first row that gives them (the others may leave them empty).
    const c = centres.get(r.centre_code)!;
    if (c.id === null && !c.name_ar)
      Object.assign(c, { name_ar: r.centre_name_ar.trim(), name_en: r.centre_name_en.trim() });
  }
  for (const [code, c] of centres)
    if (c.id === null && !c.name_ar) problem(c.line, 'centre_name_ar', code, 'centreNameMissing');
  if (problems.length || !read.ok) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  const fresh = [...centres.entries()].filter(([, c]) => c.id === null);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < fresh.length; i += BATCH) {
      const made = await trx
        .insertInto('polling_centres')
        .values(
          fresh.slice(i, i + BATCH).map(([code, c]) => ({
            election_id: electionId,
            code,
            town_pcode: c.town,
            name_ar: c.name_ar,
            name_en: c.name_en,
          })),
        )
        .returning(['id', 'code'])
        .execute();
      for (const m of made) centres.get(m.code)!.id = m.id;
    }
    for (let i = 0; i < read.rows.length; i += BATCH)
      await trx
        .insertInto('polling_stations')
        .values(
          read.rows.slice(i, i + BATCH).map(({ data: r }) => ({
            election_id: electionId,
            centre_id: centres.get(r.centre_code)!.id!,
            code: r.station_code,
            registered_women: r.registered_women,
            registered_men: r.registered_men,
            women_only: flag(r.women_only),
          })),
        )
        .execute();
  });
  return { ok: true, centres: fresh.length, stations: read.rows.length };
}
