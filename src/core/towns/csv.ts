// RFC 4180 CSV, as small as it can be while still correct: quoted fields with "" escapes, commas
// and line breaks inside quotes, CRLF or LF, an optional BOM. Blank lines are skipped.

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

function quoteField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (no line break), quoting only where needed. */
export function toCsvLine(fields: string[]): string {
  return fields.map(quoteField).join(',');
}
