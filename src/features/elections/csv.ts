// Spreadsheets in, for the whole feature: the core's all-or-nothing reader (core/text/csv-import.ts)
// fed a large file a thousand rows at a time, with a pause between pieces, so a 20,000-row
// stations file never holds the server for more than a few milliseconds at once. Line numbers
// stay those of the whole file; the row limit is checked before any row is read. A row with more
// or fewer cells than the header is refused: its figures would land in the wrong columns (an
// unquoted "1,234" splits one number into two cells).
import type { Translator } from '../../core/i18n/index.js';
import type { UploadedFile } from '../../core/media/index.js';
import { parseCsv } from '../../core/text/csv.js';
import { readCsvRows, type ImportColumn, type ImportResult, type RowProblem } from '../../core/text/csv-import.js';

const PIECE = 1000;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Where each record starts (offset and line) and how many cells it has, quotes respected; blank lines start none. */
function recordStarts(text: string): { at: number[]; line: number[]; cells: number[] } {
  const at: number[] = [];
  const line: number[] = [];
  const cells: number[] = [];
  let quoted = false;
  let start = true;
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (start && ch !== 10 && ch !== 13) {
      at.push(i);
      line.push(n);
      cells.push(1);
      start = false;
    }
    if (ch === 34) quoted = !quoted;
    else if (ch === 44 && !quoted) cells[cells.length - 1]!++;
    else if (ch === 10) {
      n++;
      if (!quoted) start = true;
    }
  }
  return { at, line, cells };
}

/** Rows whose number of cells is not the header's. */
function widthProblems(starts: ReturnType<typeof recordStarts>, i18n: Translator): RowProblem[] {
  const t = i18n.t as unknown as (key: string, p: Record<string, number>) => string;
  const expected = starts.cells[0] ?? 0;
  const problems: RowProblem[] = [];
  for (let r = 1; r < starts.cells.length; r++) {
    const found = starts.cells[r]!;
    if (found !== expected)
      problems.push({
        line: starts.line[r]!,
        column: null,
        value: '',
        message: t('elections.import.cellCount', { found, expected }),
      });
  }
  return problems;
}

function readable(text: string): boolean {
  try {
    parseCsv(text);
    return true;
  } catch {
    return false;
  }
}

/** The text of a file input, or of the pasted box when no file was chosen. */
export function uploadedText(file: unknown, pasted: string | undefined): string {
  const f = file as UploadedFile | null | undefined;
  return f?.data ? f.data.toString('utf8') : (pasted ?? '');
}

/**
 * Reads every row of a CSV (header first) with `readCsvRows`, a piece at a time. All or nothing:
 * the rows, or every problem found, each with its line in the whole file.
 */
export async function readCsvStreamed<T>(
  text: string,
  spec: { columns: ImportColumn[]; maxRows: number },
  i18n: Translator,
): Promise<ImportResult<T>> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const starts = recordStarts(body);
  const rowCount = starts.at.length - 1;
  if (rowCount > spec.maxRows) {
    const t = i18n.t as unknown as (key: string, p: Record<string, number>) => string;
    const line = starts.line[spec.maxRows + 1]!;
    return {
      ok: false,
      problems: [{ line, column: null, value: '', message: t('import.tooMany', { max: spec.maxRows }) }],
    };
  }
  // Misaligned rows first, alone: their other problems would only be the shift's echoes. (A file
  // that is not CSV at all, a stray quote say, miscounts cells: the reader below names its line.)
  const misaligned = widthProblems(starts, i18n);
  if (misaligned.length && readable(body)) return { ok: false, problems: misaligned };
  if (rowCount <= PIECE) return readCsvRows<T>(body, spec, i18n);
  const head = body.slice(0, starts.at[1]).replace(/[\r\n]+$/, '');
  const rows: { line: number; data: T }[] = [];
  const problems: RowProblem[] = [];
  for (let first = 1; first <= rowCount; first += PIECE) {
    const from = starts.at[first]!;
    const to = starts.at[first + PIECE] ?? body.length;
    // In the piece, the header is line 1 and the first row line 2.
    const offset = starts.line[first]! - 2;
    const result = readCsvRows<T>(`${head}\n${body.slice(from, to)}`, { ...spec, maxRows: PIECE }, i18n);
    if (result.ok) for (const r of result.rows) rows.push({ line: r.line + offset, data: r.data });
    else {
      // A problem with the header is the same in every piece: the first answer says it all.
      if (result.problems.some((p) => p.line === 1)) return result;
      problems.push(...result.problems.map((p) => ({ ...p, line: p.line + offset })));
    }
    await pause();
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
