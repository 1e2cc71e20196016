// RFC 4180 CSV, read and written in one place. Reading: quoted fields with "" escapes, commas
// and line breaks inside quotes, CRLF or LF, an optional BOM; blank lines are skipped.
// Writing: fields quoted only where needed, and formula neutralization ON by default — a text
// cell that starts with = + - @ tab, CR or NUL could be run as a formula by Excel or LibreOffice
// ("CSV injection"), so it gets a leading apostrophe. A caller that must write values exactly
// (a data-interchange format read back by programs) turns it off by name: `{ neutralize: false }`.

import { withoutWordJoiners } from '../i18n/slash-forms.js';

export type CsvRecord = { fields: string[]; /** 1-based line where the record starts */ line: number };

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;

  const endRecord = () => {
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
  };

  while (i <= text.length) {
    if (fields.length === 0) recordLine = line;
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(recordLine, 'a quoted field is not closed');
        const ch = text[i];
        if (ch === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (ch === '\n') line++;
        value += ch;
        i++;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        throw new CsvSyntaxError(line, 'text after a closing quote');
      }
    } else {
      const start = i;
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
        i++;
      }
      value = text.slice(start, i);
    }
    fields.push(value);

    if (i >= text.length) {
      endRecord();
      break;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    // Line break: CRLF, LF, or a lone CR.
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    endRecord();
    if (i === text.length) break;
  }
  return records;
}

export type CsvCell = string | number | null | undefined;
export type CsvWriteOptions = {
  /** prefix formula-like text with an apostrophe (default true) */
  neutralize?: boolean;
};

const FORMULA_START = /^[=+\-@\t\r\0]/;

/** A text cell as it is safe to open in a spreadsheet. */
export function neutralize(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(cell: CsvCell, opts: CsvWriteOptions): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = withoutWordJoiners(cell); // catalog words carry them for the pages only
  return opts.neutralize === false ? text : neutralize(text);
}

function quoteField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (no line break), quoting only where needed. */
export function toCsvLine(fields: CsvCell[], opts: CsvWriteOptions = {}): string {
  return fields.map((f) => quoteField(cellText(f, opts))).join(',');
}

/**
 * A whole file: CRLF line ends, and a UTF-8 byte-order mark first (default) so Excel reads Arabic.
 */
export function toCsv(rows: CsvCell[][], opts: CsvWriteOptions & { bom?: boolean } = {}): string {
  return (opts.bom === false ? '' : '\uFEFF') + rows.map((row) => toCsvLine(row, opts) + '\r\n').join('');
}
