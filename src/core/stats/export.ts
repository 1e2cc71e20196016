// Tabular exports (CSV and XLSX) that are safe to open in a spreadsheet: text cells are
// formula-neutralized (core/text/csv.ts), numbers are written as numbers. exceljs is loaded only
// when someone asks for a workbook.
import { withoutWordJoiners } from '../i18n/slash-forms.js';
import { neutralize, toCsv, type CsvCell } from '../text/csv.js';

export type ExportCell = CsvCell;
export { toCsv, neutralize };

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

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
  sheetName = withoutWordJoiners(sheetName);
  const { default: ExcelJS } = await import('exceljs');
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
        return neutralize(withoutWordJoiners(cell));
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
