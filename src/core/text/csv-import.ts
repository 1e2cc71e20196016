// Bulk import from a spreadsheet (CSV): trainees, observers, stations, count sheets. All or
// nothing: every row is checked first, and one bad row — named by its line, column, value and
// reason — means nothing is saved. The page that accepts a file documents its columns and offers
// a template (`csvTemplate`) to fill in.
import type { z } from 'zod';
import type { Translator } from '../i18n/index.js';
import { zodErrors } from '../http/forms.js';
import { CsvSyntaxError, parseCsv, toCsv, type CsvCell } from './csv.js';

export type ImportColumn = {
  /** the header people write (lower case; the file's headers are matched without case) */
  name: string;
  schema: z.ZodType;
  /** other headers accepted for this column (e.g. an Arabic one) */
  aliases?: string[];
  required?: boolean;
};

export type RowProblem = { line: number; column: string | null; value: string; message: string };

export type ImportResult<T> = { ok: true; rows: { line: number; data: T }[] } | { ok: false; problems: RowProblem[] };

/** Reads and checks every row; `maxRows` is stated on the page and enforced here. */
export function readCsvRows<T>(
  text: string,
  spec: { columns: ImportColumn[]; maxRows: number },
  i18n: Translator,
): ImportResult<T> {
  const t = i18n.t as unknown as (key: string, params?: Record<string, string | number>) => string;
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    const line = e instanceof CsvSyntaxError ? e.line : 1;
    return { ok: false, problems: [{ line, column: null, value: '', message: t('import.syntax') }] };
  }
  const [head, ...rows] = records;
  if (!head) return { ok: false, problems: [{ line: 1, column: null, value: '', message: t('import.empty') }] };
  if (rows.length > spec.maxRows)
    return {
      ok: false,
      problems: [
        {
          line: rows[spec.maxRows]!.line,
          column: null,
          value: '',
          message: t('import.tooMany', { max: spec.maxRows }),
        },
      ],
    };
  const problems: RowProblem[] = [];
  const index = new Map<string, ImportColumn>();
  for (const col of spec.columns)
    for (const h of [col.name, ...(col.aliases ?? [])]) index.set(h.trim().toLowerCase(), col);
  const positions = head.fields.map((h) => index.get(h.trim().toLowerCase()) ?? null);
  head.fields.forEach((h, i) => {
    if (!positions[i] && h.trim())
      problems.push({ line: head.line, column: h, value: '', message: t('import.unknownColumn') });
  });
  for (const col of spec.columns)
    if (col.required && !positions.includes(col))
      problems.push({ line: head.line, column: col.name, value: '', message: t('import.missingColumn') });
  if (problems.length) return { ok: false, problems };

  const out: { line: number; data: T }[] = [];
  for (const row of rows) {
    const raw: Record<string, string> = {};
    positions.forEach((col, i) => {
      if (col) raw[col.name] = (row.fields[i] ?? '').trim();
    });
    let data: Record<string, unknown> = {};
    for (const col of spec.columns) {
      const parsed = col.schema.safeParse(raw[col.name] ?? '');
      if (parsed.success) data[col.name] = parsed.data;
      else {
        const message = Object.values(zodErrors(parsed.error, i18n))[0] ?? t('form.invalid');
        problems.push({ line: row.line, column: col.name, value: raw[col.name] ?? '', message });
      }
    }
    out.push({ line: row.line, data: data as T });
    data = {};
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows: out };
}

/** A template to download: the header row, then example rows (UTF-8 with BOM, for Excel). */
export function csvTemplate(columns: ImportColumn[], examples: CsvCell[][] = []): string {
  return toCsv([columns.map((c) => c.name), ...examples]);
}
