// Tabular exports (CSV and XLSX) that are safe to open in a spreadsheet.
//
// Formula neutralization: a text cell that starts with = + - @ tab, CR or NUL could be run as a formula
// by Excel or LibreOffice ("CSV injection"); such cells get a leading apostrophe. Numbers are
// written as numbers and left alone.
import ExcelJS from 'exceljs';

export type ExportCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r\0]/;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** A text cell as it is safe to export. */
export function neutralize(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(cell: ExportCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return neutralize(cell);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled.
 * Starts with a UTF-8 byte-order mark so Excel reads Arabic correctly.
 */
export function toCsv(rows: ExportCell[][]): string {
  const lines = rows.map((row) => row.map((cell) => csvField(cellText(cell))).join(','));
  return '\uFEFF' + lines.map((l) => l + '\r\n').join('');
}

/** A worksheet name Excel accepts: no []:*?/\ , at most 31 characters, not empty. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned.replace(/^'+|'+$/g, '') || 'Sheet1';
}

/** One worksheet; right to left when any cell holds Arabic. The first row is bold (headings). */
export async function toXlsx(sheetName: string, rows: ExportCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wasl';
  const rtl = ARABIC.test(sheetName) || rows.some((row) => row.some((c) => typeof c === 'string' && ARABIC.test(c)));
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ rightToLeft: rtl, state: 'frozen', ySplit: rows.length > 1 ? 1 : 0 }],
  });
  for (const row of rows) {
    sheet.addRow(
      row.map((cell) => {
        if (cell === null || cell === undefined) return null;
        if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
        return neutralize(cell);
      }),
    );
  }
  if (rows.length > 0) sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((col) => {
    let width = 8;
    col.eachCell?.({ includeEmpty: false }, (c) => {
      width = Math.max(width, Math.min(60, String(c.value ?? '').length + 2));
    });
    col.width = width;
  });
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
