// Writes that span tables, each in one transaction:
//  - ingestSubmission: a submission and its idempotency key (and its count sheet) together;
//  - resolveSheet: a double-entry conflict decided;
//  - importStations: a CSV of centres and stations, all rows or none;
//  - draftStatement / approveStatement: the public statement's versions.
import crypto from 'node:crypto';
import type { Db, Dialect } from '../../core/db/index.js';
import { fromJson, toJson } from '../../core/db/helpers.js';
import { parseCsv, CsvSyntaxError } from '../../core/text/csv.js';
import { westernDigits } from './expr.js';
import { checkRules, sheetFields, validateAnswers, type AnswerError, type Answers, type RuleFlag } from './formdef.js';
import type { FormRow } from './queries.js';
import type { ElectionStatus } from './tables.js';

export type Flag =
  { kind: 'critical'; question: string } | ({ kind: 'rule' } & RuleFlag) | { kind: 'late' } | { kind: 'relayed' };

export type IngestInput = {
  electionId: number;
  electionStatus: ElectionStatus;
  form: FormRow;
  stationId: number;
  observerId: number | null;
  enteredBy: number | null;
  source: 'app' | 'web' | 'text';
  key: string;
  rawAnswers: Record<string, unknown>;
  /** text reports and relayed incidents */
  extraFlags?: Flag[];
  forceCritical?: boolean;
};

export type IngestResult =
  | { status: 'created' | 'duplicate'; id: number; receivedAt: string; flags: Flag[]; sheetStatus: string | null }
  | { status: 'keyConflict' }
  | { status: 'invalid'; errors: Record<string, AnswerError> };

/** Stable JSON: keys sorted at every level, so the same payload always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function payloadHash(formId: number, stationId: number, answers: Record<string, unknown>): string {
  return crypto
    .createHash('sha256')
    .update(canonicalJson({ form_id: formId, station_id: stationId, answers }))
    .digest('hex');
}

type Existing = {
  id: number;
  payload_hash: string;
  observer_id: number | null;
  received_at: string;
  flags: string;
  sheet_id: number | null;
};

async function existingResult(
  db: Db,
  existing: Existing,
  hash: string,
  observerId: number | null,
): Promise<IngestResult> {
  if (existing.payload_hash !== hash || existing.observer_id !== observerId) return { status: 'keyConflict' };
  let sheetStatus: string | null = null;
  if (existing.sheet_id) {
    const s = await db
      .selectFrom('count_sheets')
      .select('status')
      .where('id', '=', existing.sheet_id)
      .executeTakeFirst();
    sheetStatus = s?.status ?? null;
  }
  return {
    status: 'duplicate',
    id: existing.id,
    receivedAt: existing.received_at,
    flags: fromJson<Flag[]>(existing.flags, []),
    sheetStatus,
  };
}

const existingColumns = ['id', 'payload_hash', 'observer_id', 'received_at', 'flags', 'sheet_id'] as const;

/**
 * Stores a submission idempotently. The key and the row are one row, written in one transaction
 * with the count sheet it feeds; the caller acknowledges only after this resolves (the commit is
 * durable: SQLite synchronous=FULL, Postgres synchronous_commit on). A repeat with the same key
 * and payload returns the first result; the same key with another payload is refused.
 */
export async function ingestSubmission(db: Db, dialect: Dialect, input: IngestInput, now: Date): Promise<IngestResult> {
  const hash = payloadHash(input.form.id, input.stationId, input.rawAnswers);
  const prior = await db
    .selectFrom('observation_submissions')
    .select(existingColumns)
    .where('idempotency_key', '=', input.key)
    .executeTakeFirst();
  if (prior) return existingResult(db, prior, hash, input.observerId);

  const checked = validateAnswers(input.form.def, input.rawAnswers);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };

  const flags: Flag[] = [
    ...checked.critical.map((q) => ({ kind: 'critical' as const, question: q })),
    ...(input.extraFlags ?? []),
  ];
  if (input.form.kind === 'count')
    for (const f of checkRules(input.form.ruleList, checked.answers)) flags.push({ kind: 'rule', ...f });
  if (input.electionStatus === 'closed') flags.push({ kind: 'late' });
  const critical = input.forceCritical || checked.critical.length > 0;
  const iso = now.toISOString();

  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('observation_submissions')
      .values({
        election_id: input.electionId,
        form_id: input.form.id,
        station_id: input.stationId,
        observer_id: input.observerId,
        entered_by: input.enteredBy,
        source: input.source,
        idempotency_key: input.key,
        payload_hash: hash,
        answers: toJson(checked.answers),
        flags: toJson(flags),
        critical: critical ? 1 : 0,
        sheet_id: null,
        status: 'received',
        verified_by: null,
        verified_at: null,
        verification_comment: '',
        received_at: iso,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // Another request with the same key committed first (a retry racing the original).
      const other = await trx
        .selectFrom('observation_submissions')
        .select(existingColumns)
        .where('idempotency_key', '=', input.key)
        .executeTakeFirstOrThrow();
      return existingResult(trx, other, hash, input.observerId);
    }
    let sheetStatus: string | null = null;
    if (input.form.kind === 'count') {
      const sheet = await addToSheet(trx, dialect, input, checked.answers, iso);
      sheetStatus = sheet.status;
      await trx
        .updateTable('observation_submissions')
        .set({ sheet_id: sheet.id })
        .where('id', '=', inserted.id)
        .execute();
    }
    return { status: 'created', id: inserted.id, receivedAt: iso, flags, sheetStatus };
  });
}

export function sheetValues(fields: string[], answers: Answers): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of fields) if (typeof answers[f] === 'number') out[f] = answers[f] as number;
  return out;
}

export function differingFields(a: Record<string, number>, b: Record<string, number>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => a[k] !== b[k]).sort();
}

/** Double entry: the first entry opens the sheet, a later one must agree or the sheet is in conflict. */
async function addToSheet(trx: Db, dialect: Dialect, input: IngestInput, answers: Answers, iso: string) {
  const values = sheetValues(sheetFields(input.form.def), answers);
  await trx
    .insertInto('count_sheets')
    .values({
      election_id: input.electionId,
      station_id: input.stationId,
      form_slug: input.form.slug,
      status: 'single',
      values_json: null,
      flags: '[]',
      decided_by: null,
      decided_at: null,
      decision_note: '',
      updated_at: iso,
    })
    .onConflict((oc) => oc.columns(['station_id', 'form_slug']).doNothing())
    .execute();
  let q = trx
    .selectFrom('count_sheets')
    .selectAll()
    .where('station_id', '=', input.stationId)
    .where('form_slug', '=', input.form.slug);
  if (dialect === 'postgres') q = q.forUpdate();
  const sheet = await q.executeTakeFirstOrThrow();
  const current = fromJson<Record<string, number> | null>(sheet.values_json, null);
  let status = sheet.status;
  let accepted = current;
  if (current === null && status === 'single') {
    accepted = values; // the first entry
  } else if (status !== 'conflict' && current && differingFields(current, values).length === 0) {
    if (status === 'single') status = 'agreed';
  } else {
    status = 'conflict';
  }
  await trx
    .updateTable('count_sheets')
    .set({
      status,
      values_json: accepted ? toJson(accepted) : null,
      flags: toJson(accepted && status !== 'conflict' ? checkRules(input.form.ruleList, accepted) : []),
      updated_at: iso,
    })
    .where('id', '=', sheet.id)
    .execute();
  return { id: sheet.id, status };
}

/** A coordinator decides a conflict: the accepted values are what they chose, the rules re-run. */
export async function resolveSheet(
  db: Db,
  sheetId: number,
  values: Record<string, number>,
  rules: string[],
  note: string,
  userId: number,
  now: Date,
) {
  await db
    .updateTable('count_sheets')
    .set({
      status: 'resolved',
      values_json: toJson(values),
      flags: toJson(checkRules(rules, values)),
      decided_by: userId,
      decided_at: now.toISOString(),
      decision_note: note,
      updated_at: now.toISOString(),
    })
    .where('id', '=', sheetId)
    .execute();
}

// ——— CSV import of centres and stations ———

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
          women_only: r.women_only ? 1 : 0,
        })
        .execute();
    }
    return rows.length;
  });
}
