// Indicators through HTTP: small cells hidden (public and internal thresholds), exports with
// formulas neutralized and every export audit-logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { programmesWorld, target, withCertificates, type World } from '../testing/world.js';

let w: World;
beforeAll(async () => {
  w = await programmesWorld();
  await withCertificates(w);
  // A target whose label is a spreadsheet formula: exports must neutralize it.
  expect((await w.as.staffA.post(`/projects/${w.ids.project}/targets`, target())).statusCode).toBe(303);
});
afterAll(() => w.t.close());

describe('indicators and exports', () => {
  it('public indicators hide small cells; the internal ones use the lower threshold', async () => {
    const pub = await w.as.anon.get(`/indicators?project=${w.ids.project}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('أقل من 10');
    // 4 trainees of A's cohort (2 women, 2 men): no exact count of them in public.
    expect(pub.body).not.toMatch(/<strong>[1-4]<\/strong>/);
    const internal = await w.as.staffB.get(`/programmes/indicators?project=${w.ids.project}`);
    expect(internal.statusCode).toBe(200);
    expect(internal.body).toContain('أقل من 5');
    expect(internal.body).not.toContain('ريم');
    expect((await w.as.staffC.get(`/programmes/indicators?project=${w.ids.project}`)).statusCode).toBe(404);
    expect((await w.as.member.get('/programmes/indicators')).statusCode).toBe(404);
  });

  it('CSV export: BOM, suppressed cells, formulas neutralized, audit-logged', async () => {
    const res = await w.as.anon.get(`/indicators/export?project=${w.ids.project}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""اضغط"")"`);
    expect(res.body).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(res.body).toContain('أقل من 10');
    const log = await w.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'programmes.indicators.exported')
      .execute();
    expect(log.length).toBeGreaterThan(0);
  });

  it('XLSX export: right-to-left sheet, formula text neutralized', async () => {
    const res = await w.as.staffA.get(`/programmes/indicators/export?project=${w.ids.project}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]?.rightToLeft).toBe(true);
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(`'=HYPERLINK("http://evil.example","اضغط")`);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in (v as object))).toBe(false);
    const log = await w.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('action', '=', 'programmes.indicators.exported.internal')
      .execute();
    expect(log[0]!.actor_user_id).toBe(w.ids.staffA);
  });
});
