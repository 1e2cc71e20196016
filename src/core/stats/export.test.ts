import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { neutralize, safeSheetName, toCsv, toXlsx } from './export.js';

describe('neutralize', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0=1+1', '=HYPERLINK("http://x","y")']) {
      expect(neutralize(bad)).toBe(`'${bad}`);
    }
    for (const ok of ['حلب', 'a=b', '10%', '', "'quoted"]) expect(neutralize(ok)).toBe(ok);
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 with a BOM, CRLF and quoting', () => {
    const csv = toCsv([
      ['البلدة', 'count', 'note'],
      ['اعزاز', 12, 'says "hi", twice'],
      ['منبج', null, 'line\nbreak'],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('البلدة,count,note\r\nاعزاز,12,"says ""hi"", twice"\r\nمنبج,,"line\nbreak"\r\n');
  });

  it('neutralizes formulas but keeps negative numbers as numbers', () => {
    const csv = toCsv([["=cmd|' /C calc'!A0", -3, '-3', '@x']]);
    expect(csv.slice(1)).toBe("'=cmd|' /C calc'!A0,-3,'-3,'@x\r\n");
  });
});

describe('toXlsx', () => {
  it('writes a right-to-left sheet for Arabic, with formulas neutralized as text', async () => {
    const buf = await toXlsx('المؤشرات', [
      ['البلدة', 'العدد'],
      ['=1+1', 14],
      ['@evil', null],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('المؤشرات');
    expect(ws.views[0]?.rightToLeft).toBe(true);
    expect(ws.getCell('A1').value).toBe('البلدة');
    expect(ws.getCell('A2').value).toBe("'=1+1");
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.getCell('B2').value).toBe(14);
    expect(ws.getCell('A3').value).toBe("'@evil");
  });

  it("takes out the word joiners the pages' slash forms carry", async () => {
    const buf = await toXlsx('المتدربون/\u2060ات', [['المتدربون/\u2060ات', 'العدد']]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('المتدربون/ات');
    expect(ws.name).toBe('المتدربون ات'); // a sheet name may not hold a slash
  });

  it('keeps an English-only sheet left to right and cleans the sheet name', async () => {
    const buf = await toXlsx('a/b:c*d?[e]', [['Town', 'Count']]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('a b c d  e');
    expect(ws.views[0]?.rightToLeft).toBeFalsy();
    expect(safeSheetName('')).toBe('Sheet1');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  });
});
