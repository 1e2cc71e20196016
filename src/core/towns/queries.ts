// The gazetteer: communities by OCHA P-code, looked up by any spelling people use.
import type { Selectable } from 'kysely';
import type { Db } from '../db/index.js';
import type { TownsTable } from '../db/core-tables.js';
import { normalizeArabic } from '../text/normalize.js';
import { lightStem } from '../text/stem.js';
import { TOWN_ALIASES } from './aliases.js';
import { CsvSyntaxError, parseCsv } from '../text/csv.js';

export type Town = Omit<Selectable<TownsTable>, 'search_name'>;
export type GazetteerImport = { inserted: number; updated: number; rejected: { line: number; reason: string }[] };

const TOWN_COLUMNS = [
  'pcode',
  'name_ar',
  'name_en',
  'adm3_pcode',
  'adm3_name_ar',
  'adm3_name_en',
  'adm2_pcode',
  'adm2_name_ar',
  'adm2_name_en',
  'adm1_pcode',
  'adm1_name_ar',
  'adm1_name_en',
  'lat',
  'lon',
  'data_note',
] as const;
const REQUIRED_CSV_COLUMNS = TOWN_COLUMNS.filter((c) => c !== 'data_note');
const TEXT_COLUMNS = REQUIRED_CSV_COLUMNS.filter((c) => c !== 'lat' && c !== 'lon');

const PCODE = /^C\d{4,5}$/;
const ADM1 = /^SY\d{2}$/;
const ADM2 = /^SY\d{4}$/;
const ADM3 = /^SY\d{6}$/;
const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;
const REPLACEMENT = '\uFFFD';
// Parameters per statement stay far below SQLite's and PostgreSQL's limits.
const CHUNK = 200;
const FIND_CANDIDATE_CAP = 2000;
const NAME_SEPARATOR = ' | ';

type TownRow = Selectable<TownsTable>;

const aliasesByPcode = new Map<string, string[]>();
for (const { pcodes, names } of TOWN_ALIASES) {
  for (const p of pcodes) aliasesByPcode.set(p, [...(aliasesByPcode.get(p) ?? []), ...names]);
}

function aliasKeys(pcode: string): string[] {
  return [...new Set((aliasesByPcode.get(pcode) ?? []).map(normalizeArabic).filter(Boolean))];
}

/** Every name a town answers to, normalized; an Arabic name also without its spaces (تلعار). */
function searchNameOf(nameAr: string, nameEn: string, pcode: string): string {
  const ar = normalizeArabic(nameAr);
  const names = [ar, ar.replace(/ /g, ''), normalizeArabic(nameEn), ...aliasKeys(pcode)];
  return [...new Set(names.filter(Boolean))].join(NAME_SEPARATOR);
}

function parseCoordinate(raw: string, limit: number, label: string, problems: string[]): number | null {
  if (!DECIMAL.test(raw)) {
    problems.push(`${label} "${raw}" is not a decimal number`);
    return null;
  }
  const n = Number(raw);
  if (Math.abs(n) > limit) problems.push(`${label} ${raw} is outside -${limit}…${limit}`);
  return n;
}

function validateRow(get: (c: string) => string, problems: string[]): TownRow {
  const pcode = get('pcode').trim();
  if (!PCODE.test(pcode)) problems.push(`pcode "${pcode}" is not a community P-code (C and 4–5 digits)`);
  for (const c of TEXT_COLUMNS) if (get(c).trim() === '') problems.push(`${c} is empty`);
  const [adm1, adm2, adm3] = [get('adm1_pcode').trim(), get('adm2_pcode').trim(), get('adm3_pcode').trim()];
  if (adm1 && !ADM1.test(adm1)) problems.push(`adm1_pcode "${adm1}" is not SY and 2 digits`);
  if (adm2 && !(ADM2.test(adm2) && adm2.startsWith(adm1))) problems.push(`adm2_pcode "${adm2}" is not inside ${adm1}`);
  if (adm3 && !(ADM3.test(adm3) && adm3.startsWith(adm2))) problems.push(`adm3_pcode "${adm3}" is not inside ${adm2}`);

  const [latRaw, lonRaw] = [get('lat').trim(), get('lon').trim()];
  let lat: number | null = null;
  let lon: number | null = null;
  if (latRaw !== '' || lonRaw !== '') {
    lat = parseCoordinate(latRaw, 90, 'lat', problems);
    lon = parseCoordinate(lonRaw, 180, 'lon', problems);
  }

  // The raw OCHA file cut some names mid-letter; import them visibly marked, as the seed script does.
  let nameAr = get('name_ar').trim();
  const notes = get('data_note')
    .split(';')
    .map((n) => n.trim())
    .filter(Boolean);
  if (nameAr.includes(REPLACEMENT)) {
    nameAr = nameAr.replaceAll(REPLACEMENT, '').trim();
    if (!notes.includes('arabic-name-truncated')) notes.push('arabic-name-truncated');
  }
  const nameEn = get('name_en').trim();
  return {
    pcode,
    name_ar: nameAr,
    name_en: nameEn,
    adm3_pcode: adm3,
    adm3_name_ar: get('adm3_name_ar').trim(),
    adm3_name_en: get('adm3_name_en').trim(),
    adm2_pcode: adm2,
    adm2_name_ar: get('adm2_name_ar').trim(),
    adm2_name_en: get('adm2_name_en').trim(),
    adm1_pcode: adm1,
    adm1_name_ar: get('adm1_name_ar').trim(),
    adm1_name_en: get('adm1_name_en').trim(),
    lat,
    lon,
    search_name: searchNameOf(nameAr, nameEn, pcode),
    data_note: notes.length > 0 ? notes.join(';') : null,
  };
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Imports a communities CSV (OCHA columns, optional data_note). All or nothing: if any row is bad,
 * nothing is written and every bad line is listed. A known P-code is updated, never duplicated.
 */
export async function importGazetteer(db: Db, csvText: string, opts: { now: Date }): Promise<GazetteerImport> {
  let records;
  try {
    records = parseCsv(csvText);
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      return { inserted: 0, updated: 0, rejected: [{ line: e.line, reason: e.message }] };
    throw e;
  }
  const [header, ...body] = records;
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !header?.fields.includes(c));
  if (!header || missing.length > 0) {
    return { inserted: 0, updated: 0, rejected: [{ line: 1, reason: `missing columns: ${missing.join(', ')}` }] };
  }

  const rejected: GazetteerImport['rejected'] = [];
  const rows: TownRow[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const problems: string[] = [];
    if (record.fields.length !== header.fields.length) {
      problems.push(`expected ${header.fields.length} fields, found ${record.fields.length}`);
    } else {
      const row = validateRow((c) => {
        const i = header.fields.indexOf(c);
        return i < 0 ? '' : record.fields[i];
      }, problems);
      const firstLine = seen.get(row.pcode);
      if (firstLine !== undefined) problems.push(`pcode ${row.pcode} already given on line ${firstLine}`);
      seen.set(row.pcode, firstLine ?? record.line);
      rows.push(row);
    }
    if (problems.length > 0) rejected.push({ line: record.line, reason: problems.join('; ') });
  }
  if (rejected.length > 0) return { inserted: 0, updated: 0, rejected };

  return db.transaction().execute(async (trx) => {
    const existing = new Set<string>();
    for (const part of chunks(rows)) {
      const found = await trx
        .selectFrom('towns')
        .select('pcode')
        .where(
          'pcode',
          'in',
          part.map((r) => r.pcode),
        )
        .execute();
      for (const f of found) existing.add(f.pcode);
    }
    for (const part of chunks(rows)) {
      await trx
        .insertInto('towns')
        .values(part)
        .onConflict((oc) =>
          oc.column('pcode').doUpdateSet((eb) => ({
            name_ar: eb.ref('excluded.name_ar'),
            name_en: eb.ref('excluded.name_en'),
            adm3_pcode: eb.ref('excluded.adm3_pcode'),
            adm3_name_ar: eb.ref('excluded.adm3_name_ar'),
            adm3_name_en: eb.ref('excluded.adm3_name_en'),
            adm2_pcode: eb.ref('excluded.adm2_pcode'),
            adm2_name_ar: eb.ref('excluded.adm2_name_ar'),
            adm2_name_en: eb.ref('excluded.adm2_name_en'),
            adm1_pcode: eb.ref('excluded.adm1_pcode'),
            adm1_name_ar: eb.ref('excluded.adm1_name_ar'),
            adm1_name_en: eb.ref('excluded.adm1_name_en'),
            lat: eb.ref('excluded.lat'),
            lon: eb.ref('excluded.lon'),
            search_name: eb.ref('excluded.search_name'),
            data_note: eb.ref('excluded.data_note'),
          })),
        )
        .execute();
    }
    const withAliases = rows.filter((r) => aliasesByPcode.has(r.pcode)).map((r) => r.pcode);
    if (withAliases.length > 0) {
      await trx.deleteFrom('town_aliases').where('pcode', 'in', withAliases).execute();
      await trx
        .insertInto('town_aliases')
        .values(withAliases.flatMap((pcode) => aliasKeys(pcode).map((alias) => ({ alias, pcode }))))
        .execute();
    }
    const importedAt = opts.now.toISOString();
    await trx
      .insertInto('kv')
      .values({ key: 'towns.imported_at', value: importedAt })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: importedAt }))
      .execute();
    return { inserted: rows.length - existing.size, updated: existing.size, rejected: [] };
  });
}

export async function getTown(db: Db, pcode: string): Promise<Town | undefined> {
  return db.selectFrom('towns').select(TOWN_COLUMNS).where('pcode', '=', pcode).executeTakeFirst();
}

/**
 * Towns answering to `q`, best first: the exact P-code, then a name or alias equal to the query,
 * then names starting with it, then names with a word starting with it, then names containing it.
 * Candidates are capped at 2,000 rows, which only a one-letter query reaches.
 */
export async function findTowns(db: Db, q: string, opts: { limit: number; adm1?: string }): Promise<Town[]> {
  const pcode = q.trim().toUpperCase();
  const nq = normalizeArabic(q);
  if (nq === '') return [];
  const compact = nq.replace(/ /g, '');
  // nq holds only letters, digits and single spaces, so it carries no LIKE wildcards.
  let query = db
    .selectFrom('towns')
    .select([...TOWN_COLUMNS, 'search_name'])
    .where((eb) =>
      eb.or([
        eb('pcode', '=', pcode),
        eb('search_name', 'like', `%${nq}%`),
        eb('search_name', 'like', `%${compact}%`),
        eb('pcode', 'in', eb.selectFrom('town_aliases').select('pcode').where('alias', 'in', [nq, compact])),
      ]),
    );
  if (opts.adm1) query = query.where('adm1_pcode', '=', opts.adm1);
  const candidates = await query.orderBy('pcode').limit(FIND_CANDIDATE_CAP).execute();

  const rank = (row: (typeof candidates)[number]): number => {
    if (row.pcode === pcode) return 0;
    const names = row.search_name.split(NAME_SEPARATOR);
    if (names.some((n) => n === nq || n === compact)) return 1;
    if (names.some((n) => n.startsWith(nq) || n.startsWith(compact))) return 2;
    if (names.some((n) => n.split(' ').some((w) => w.startsWith(nq) || lightStem(w).startsWith(nq)))) return 3;
    return 4;
  };
  // Among equals, the town people most likely mean: one the network names (aliases) or the seat its
  // sub-district or district is named after — Afrin the town (C1366) before the village C1131.
  const notable = (row: (typeof candidates)[number]): number => {
    const name = normalizeArabic(row.name_ar);
    const seatOf = [row.adm2_name_ar, row.adm3_name_ar.replace(/^مركز /, '')].map(normalizeArabic);
    return aliasesByPcode.has(row.pcode) || seatOf.includes(name) ? 0 : 1;
  };
  return candidates
    .map((row) => ({ row, rank: rank(row), notable: notable(row) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.notable - b.notable ||
        (a.row.pcode < b.row.pcode ? -1 : a.row.pcode > b.row.pcode ? 1 : 0),
    )
    .slice(0, Math.max(0, opts.limit))
    .map(({ row }) => {
      const { search_name: _, ...town } = row;
      return town;
    });
}

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Towns within `km` of a town, nearest first (the town itself excluded), distances in km. */
export async function nearbyTowns(
  db: Db,
  pcode: string,
  opts: { km: number; limit: number },
): Promise<(Town & { distanceKm: number })[]> {
  const origin = await getTown(db, pcode);
  if (!origin || origin.lat == null || origin.lon == null) return [];
  const { lat, lon } = origin;
  // The bounding box only narrows the rows; the haversine distance decides.
  const dLat = opts.km / KM_PER_DEGREE;
  const dLon = opts.km / (KM_PER_DEGREE * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
  const rows = await db
    .selectFrom('towns')
    .select(TOWN_COLUMNS)
    .where('pcode', '!=', pcode)
    .where('lat', '>=', lat - dLat)
    .where('lat', '<=', lat + dLat)
    .where('lon', '>=', lon - dLon)
    .where('lon', '<=', lon + dLon)
    .execute();
  return rows
    .map((t) => ({ ...t, distanceKm: Math.round(haversineKm(lat, lon, t.lat!, t.lon!) * 1000) / 1000 }))
    .filter((t) => t.distanceKm <= opts.km)
    .sort((a, b) => a.distanceKm - b.distanceKm || (a.pcode < b.pcode ? -1 : 1))
    .slice(0, Math.max(0, opts.limit));
}

const arabicOrder = new Intl.Collator('ar');

/** The communities of one district (adm2 P-code, e.g. SY0204), in Arabic alphabetical order. */
export async function listTownsByDistrict(db: Db, adm2: string): Promise<Town[]> {
  const rows = await db.selectFrom('towns').select(TOWN_COLUMNS).where('adm2_pcode', '=', adm2).execute();
  return rows.sort((a, b) => arabicOrder.compare(a.name_ar, b.name_ar) || (a.pcode < b.pcode ? -1 : 1));
}
