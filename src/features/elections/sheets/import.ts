// Count sheets from a spreadsheet: one row per station (its centre's code and its own), one
// column per field of the count form (by field name or by the text-report code: W, M, BR… and the
// lists' codes). Every row is checked against the form first; then every row goes in as an entry
// of its station's count sheet — the reconciliation rules flag it, and a sheet that already had
// an entry takes it as the second entry (agreed, or a conflict to decide) — all in one transaction
// or none. The same file imported twice by the same person records nothing twice.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db, Dialect } from '../../../core/db/index.js';
import { fields } from '../../../core/http/forms.js';
import type { Translator } from '../../../core/i18n/index.js';
import type { ImportColumn, RowProblem } from '../../../core/text/csv-import.js';
import { codeField, PLACE_CODE } from '../codes.js';
import { readCsvStreamed } from '../csv.js';
import { ingestManyWithin, canonicalJson, type IngestResult } from '../entry/actions.js';
import { sheetFields, validateAnswers } from '../forms/formdef.js';
import type { FormRow } from '../forms/queries.js';
import { TEXT_CODES } from '../relay/textreport.js';
import { stationIndex } from '../stations/queries.js';
import type { ElectionStatus } from '../tables.js';

export const MAX_SHEET_ROWS = 25_000;

const byField = Object.fromEntries(Object.entries(TEXT_CODES).map(([code, field]) => [field, code.toLowerCase()]));

/** The columns of a count form's spreadsheet: the station, then each of the form's count fields. */
export function sheetColumns(form: Pick<FormRow, 'def'>): ImportColumn[] {
  return [
    {
      name: 'centre_code',
      aliases: ['رمز المركز'],
      required: true,
      schema: codeField(PLACE_CODE, 'i18n:elections.stations.badCode'),
    },
    { name: 'station_code', aliases: ['رمز الصندوق'], schema: z.string().trim().max(40) },
    ...sheetFields(form.def).map((f) => ({
      name: f,
      aliases: [byField[f] ?? f.replace(/^votes_/, '')],
      schema: fields.count(1_000_000),
    })),
  ];
}

export type SheetsImport =
  | { ok: true; counts: Record<'created' | 'duplicate' | 'agreed' | 'conflict' | 'flagged', number> }
  | { ok: false; problems: RowProblem[] };

type T = (key: string, params?: Record<string, string | number>) => string;

export async function importSheets(
  db: Db,
  dialect: Dialect,
  x: { electionId: number; electionStatus: ElectionStatus; form: FormRow; userId: number; now: Date },
  text: string,
  i18n: Translator,
): Promise<SheetsImport> {
  const t = i18n.t as unknown as T;
  const columns = sheetColumns(x.form);
  const read = await readCsvStreamed<Record<string, string | number | null>>(
    text,
    { columns, maxRows: MAX_SHEET_ROWS },
    i18n,
  );
  if (!read.ok) return read;
  const problems: RowProblem[] = [];
  const rows: { line: number; stationId: number; answers: Record<string, number> }[] = [];
  const seen = new Map<number, number>();
  const find = await stationIndex(db, x.electionId);
  for (const [n, { line, data }] of read.rows.entries()) {
    // ten thousand rows are checked in stretches, with a turn of the event loop between them
    if (n % 500 === 499) await new Promise((done) => setImmediate(done));
    const ref = `${data.centre_code} ${data.station_code ?? ''}`.trim();
    const stationId = find(ref);
    const answers = Object.fromEntries(
      Object.entries(data).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
    if (!stationId) {
      problems.push({ line, column: 'station_code', value: ref, message: t('elections.import.unknownStations') });
      continue;
    }
    if (seen.has(stationId))
      problems.push({
        line,
        column: 'station_code',
        value: ref,
        message: t('elections.import.stationTwice', { line: seen.get(stationId)! }),
      });
    seen.set(stationId, line);
    const checked = validateAnswers(x.form.def, answers);
    if (!checked.ok)
      for (const [field, code] of Object.entries(checked.errors))
        problems.push({
          line,
          column: field,
          value: String(answers[field] ?? ''),
          message: t(`elections.answer.${code}`),
        });
    rows.push({ line, stationId, answers });
  }
  if (problems.length) return { ok: false, problems };

  const counts = { created: 0, duplicate: 0, agreed: 0, conflict: 0, flagged: 0 };
  const refused = await db
    .transaction()
    .execute(async (trx) => {
      const inputs = rows.map((r) => ({
        electionId: x.electionId,
        electionStatus: x.electionStatus,
        form: x.form,
        stationId: r.stationId,
        observerId: null,
        enteredBy: x.userId,
        source: 'csv' as const,
        key: `csv:${x.electionId}:${x.userId}:${crypto
          .createHash('sha256')
          .update(`${x.form.id}|${r.stationId}|${canonicalJson(r.answers)}`)
          .digest('hex')}`,
        rawAnswers: r.answers,
      }));
      const results: IngestResult[] = await ingestManyWithin(trx, dialect, inputs, x.now);
      for (const [i, result] of results.entries()) {
        if (result.status === 'invalid' || result.status === 'keyConflict') throw new Refused(rows[i]!.line);
        counts[result.status]++;
        if (result.status === 'created' && (result.sheetStatus === 'agreed' || result.sheetStatus === 'conflict'))
          counts[result.sheetStatus]++;
        if (result.status === 'created' && result.flags.some((f) => f.kind === 'rule')) counts.flagged++;
      }
      return null;
    })
    .catch((e) => {
      if (e instanceof Refused) return e.line;
      throw e;
    });
  if (refused !== null)
    return { ok: false, problems: [{ line: refused, column: null, value: '', message: t('form.invalid') }] };
  return { ok: true, counts };
}

class Refused extends Error {
  constructor(readonly line: number) {
    super(`row ${line} refused`);
  }
}
