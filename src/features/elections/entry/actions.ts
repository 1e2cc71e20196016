// Writes that span tables, each in one transaction:
//  - ingestSubmission: a report and its idempotency key (and its count sheet) together — the one
//    way in for the observer app, the web entry page and relayed text reports;
//  - resolveSheet: a double-entry conflict decided.
import crypto from 'node:crypto';
import type { Db, Dialect } from '../../../core/db/index.js';
import { flag, fromJson, toJson } from '../../../core/db/helpers.js';
import { groupCommit } from '../../../core/db/group-commit.js';
import {
  checkRules,
  sheetFields,
  validateAnswers,
  type AnswerError,
  type Answers,
  type RuleDef,
  type RuleFlag,
} from '../forms/formdef.js';
import type { FormRow } from '../forms/queries.js';
import type { ElectionStatus } from '../tables.js';

export type Flag =
  { kind: 'critical'; question: string } | ({ kind: 'rule' } & RuleFlag) | { kind: 'late' } | { kind: 'relayed' };

export type IngestInput = {
  electionId: number;
  electionStatus: ElectionStatus;
  form: FormRow;
  stationId: number;
  observerId: number | null;
  enteredBy: number | null;
  source: 'app' | 'web' | 'text' | 'csv';
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

/** Checks answers and works out a report's flags (pure: nothing is written). */
function checked(input: IngestInput) {
  const result = validateAnswers(input.form.def, input.rawAnswers);
  if (!result.ok) return result;
  const flags: Flag[] = [
    ...result.critical.map((q) => ({ kind: 'critical' as const, question: q })),
    ...(input.extraFlags ?? []),
  ];
  if (input.form.kind === 'count')
    for (const f of checkRules(input.form.ruleList, result.answers)) flags.push({ kind: 'rule', ...f });
  if (input.electionStatus === 'closed') flags.push({ kind: 'late' });
  return { ...result, flags };
}

/**
 * Stores a submission idempotently. The key and the row are one row, written in one transaction
 * with the count sheet it feeds; the caller acknowledges only after this resolves (the commit is
 * durable: SQLite synchronous=FULL, Postgres synchronous_commit on). A repeat with the same key
 * and payload returns the first result; the same key with another payload is refused.
 */
export async function ingestSubmission(db: Db, dialect: Dialect, input: IngestInput, now: Date): Promise<IngestResult> {
  const check = checked(input);
  if (!check.ok) return { status: 'invalid', errors: check.errors };
  // reports arriving together share one durable commit on SQLite (core/db/group-commit.ts)
  return groupCommit(db, dialect, (trx) => store(trx, dialect, input, check, now));
}

/**
 * The same, inside a transaction the caller holds (a spreadsheet of count sheets: every row or
 * none). Throws nothing on bad input: the caller rolls back on a result that is not created.
 */
export async function ingestWithin(trx: Db, dialect: Dialect, input: IngestInput, now: Date): Promise<IngestResult> {
  const check = checked(input);
  if (!check.ok) return { status: 'invalid', errors: check.errors };
  return store(trx, dialect, input, check, now);
}

type Checked = { answers: Answers; critical: string[]; flags: Flag[] };

/** A submission as stored: one place for one entry and for a spreadsheet's many. */
function submissionRow(input: IngestInput, check: Checked, iso: string, sheetId: number | null) {
  return {
    election_id: input.electionId,
    form_id: input.form.id,
    station_id: input.stationId,
    observer_id: input.observerId,
    entered_by: input.enteredBy,
    source: input.source,
    idempotency_key: input.key,
    payload_hash: payloadHash(input.form.id, input.stationId, input.rawAnswers),
    answers: toJson(check.answers),
    flags: toJson(check.flags),
    critical: flag(input.forceCritical || check.critical.length > 0),
    sheet_id: sheetId,
    status: 'received' as const,
    verified_by: null,
    verified_at: null,
    verification_comment: '',
    received_at: iso,
  };
}

async function store(
  trx: Db,
  dialect: Dialect,
  input: IngestInput,
  check: { answers: Answers; critical: string[]; flags: Flag[] },
  now: Date,
): Promise<IngestResult> {
  const hash = payloadHash(input.form.id, input.stationId, input.rawAnswers);
  const iso = now.toISOString();
  const inserted = await trx
    .insertInto('observation_submissions')
    .values(submissionRow(input, check, iso, null))
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    // A repeat, or a retry that raced the original: the row that committed first answers.
    const other = await trx
      .selectFrom('observation_submissions')
      .select(existingColumns)
      .where('idempotency_key', '=', input.key)
      .executeTakeFirstOrThrow();
    return existingResult(trx, other, hash, input.observerId);
  }
  let sheetStatus: string | null = null;
  if (input.form.kind === 'count') {
    const sheet = await addToSheet(trx, dialect, input, check.answers, iso);
    sheetStatus = sheet.status;
    await trx
      .updateTable('observation_submissions')
      .set({ sheet_id: sheet.id })
      .where('id', '=', inserted.id)
      .execute();
  }
  return { status: 'created', id: inserted.id, receivedAt: iso, flags: check.flags, sheetStatus };
}

/** Rows per statement in a bulk write: well under either database's limit on parameters. */
const BULK = 400;

/**
 * Many entries in the transaction the caller holds (a spreadsheet of count sheets), with the
 * results `ingestWithin` would give one by one, in order. The common case — a station's first
 * entry under a key not used before — is written a few hundred rows per statement (a national
 * register is ten thousand rows: one by one it held SQLite's event loop for seconds and took
 * minutes on PostgreSQL); a repeat, or a station whose sheet exists, goes the one-by-one way.
 * The event loop gets a turn between batches.
 */
export async function ingestManyWithin(
  trx: Db,
  dialect: Dialect,
  inputs: IngestInput[],
  now: Date,
): Promise<IngestResult[]> {
  const results: IngestResult[] = new Array(inputs.length);
  const iso = now.toISOString();
  const checks: ReturnType<typeof checked>[] = [];
  for (const [i, input] of inputs.entries()) {
    checks.push(checked(input));
    if (i % 500 === 499) await new Promise((done) => setImmediate(done));
  }
  const usedKeys = new Set<string>();
  const sheeted = new Set<string>();
  for (let i = 0; i < inputs.length; i += BULK) {
    const chunk = inputs.slice(i, i + BULK);
    for (const r of await trx
      .selectFrom('observation_submissions')
      .select('idempotency_key')
      .where(
        'idempotency_key',
        'in',
        chunk.map((x) => x.key),
      )
      .execute())
      usedKeys.add(r.idempotency_key);
    const counted = chunk.filter((x) => x.form.kind === 'count');
    if (counted.length)
      for (const r of await trx
        .selectFrom('count_sheets')
        .select(['station_id', 'form_slug'])
        .where(
          'station_id',
          'in',
          counted.map((x) => x.stationId),
        )
        .execute())
        sheeted.add(`${r.station_id}|${r.form_slug}`);
  }
  const seenStations = new Set<string>();
  const fast: number[] = [];
  for (const [i, input] of inputs.entries()) {
    const check = checks[i]!;
    if (!check.ok) {
      results[i] = { status: 'invalid', errors: check.errors };
      continue;
    }
    const sheet = `${input.stationId}|${input.form.slug}`;
    const first =
      input.form.kind === 'count' && !usedKeys.has(input.key) && !sheeted.has(sheet) && !seenStations.has(sheet);
    seenStations.add(sheet);
    usedKeys.add(input.key);
    if (first) fast.push(i);
  }
  for (let b = 0; b < fast.length; b += BULK) {
    const batch = fast.slice(b, b + BULK);
    const sheets = await trx
      .insertInto('count_sheets')
      .values(
        batch.map((i) => {
          const input = inputs[i]!;
          const values = sheetValues(sheetFields(input.form.def), (checks[i] as { answers: Answers }).answers);
          return {
            election_id: input.electionId,
            station_id: input.stationId,
            form_slug: input.form.slug,
            status: 'single' as const,
            values_json: toJson(values),
            flags: toJson(checkRules(input.form.ruleList, values)),
            decided_by: null,
            decided_at: null,
            decision_note: '',
            updated_at: iso,
          };
        }),
      )
      .returning(['id', 'station_id'])
      .execute();
    const sheetOf = new Map(sheets.map((r) => [r.station_id, r.id]));
    const inserted = await trx
      .insertInto('observation_submissions')
      .values(
        batch.map((i) => submissionRow(inputs[i]!, checks[i] as Checked, iso, sheetOf.get(inputs[i]!.stationId)!)),
      )
      .returning(['id', 'idempotency_key'])
      .execute();
    const idOf = new Map(inserted.map((r) => [r.idempotency_key, r.id]));
    for (const i of batch) {
      const check = checks[i] as { flags: Flag[] };
      results[i] = {
        status: 'created',
        id: idOf.get(inputs[i]!.key)!,
        receivedAt: iso,
        flags: check.flags,
        sheetStatus: 'single',
      };
    }
    await new Promise((done) => setImmediate(done));
  }
  // The rest, one by one, in the file's order: repeats, and stations whose sheet has an entry.
  for (const [i, input] of inputs.entries()) {
    if (results[i]) continue;
    const check = checks[i] as { answers: Answers; critical: string[]; flags: Flag[] };
    results[i] = await store(trx, dialect, input, check, now);
    if (i % 100 === 99) await new Promise((done) => setImmediate(done));
  }
  return results;
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
  rules: (string | RuleDef)[],
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
