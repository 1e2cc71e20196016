// Count sheets through HTTP: rules flag without changing a value, double entry agrees or opens a
// conflict that a coordinator decides with a reason, bad answers are refused beside the field.
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../testing/app.js';
import { goodSheet } from '../testing/fixture.js';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld();

describe('count sheets: reconciliation and double entry', () => {
  const entry = async (c: Client, stationId: number, sheet: Record<string, number>) => {
    const form = await c.get(`/elections/${w.fx.electionId}/entry?form=${w.fx.forms.count.id}`);
    const key = /name="key" value="([^"]+)"/.exec(form.body)![1]!;
    // Staff type the station as the paper sheet names it: its centre's code and its own.
    const station = w.fx.stations.find((s) => s.id === stationId)!.label;
    const body: Record<string, string> = { key, station };
    for (const [k, v] of Object.entries(sheet)) body[`a_${k}`] = String(v);
    return { res: await c.post(`/elections/${w.fx.electionId}/entry?form=${w.fx.forms.count.id}`, body), body };
  };

  it('flags a sheet that breaks a rule, without changing any value', async () => {
    const c = await w.as('staff');
    const sheet = goodSheet(50, 60, { valid: 90 });
    const { res } = await entry(c, w.fx.stations[0]!.id, sheet);
    expect(res.statusCode).toBe(303);
    const page = await c.get(String(res.headers.location));
    // Each broken rule said in words with both sides (valid + invalid = 96 against 110 voters;
    // the lists' votes 104 against 90 valid), never as the raw expression.
    expect(page.body.match(/لا يتطابق/g)?.length).toBeGreaterThanOrEqual(2);
    expect(page.body).toMatch(/(96|٩٦) مقابل (110|١١٠)/);
    expect(page.body).toMatch(/(104|١٠٤) مقابل (90|٩٠)/);
    expect(page.body).not.toContain('valid + invalid = voters');
    const row = await w.db
      .selectFrom('count_sheets')
      .selectAll()
      .where('station_id', '=', w.fx.stations[0]!.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.values_json!).valid).toBe(90);
    expect(JSON.parse(row.flags).length).toBeGreaterThan(0);
  });

  it('a second entry that agrees marks the sheet agreed; one that differs opens a conflict to decide', async () => {
    const c = await w.as('staff');
    const sheet = goodSheet(70, 80);
    await entry(c, w.fx.stations[1]!.id, sheet);
    const second = await entry(await w.as('admin'), w.fx.stations[1]!.id, sheet);
    expect(second.res.statusCode).toBe(303);
    let row = await w.db
      .selectFrom('count_sheets')
      .selectAll()
      .where('station_id', '=', w.fx.stations[1]!.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('agreed');
    // a resubmitted form (same key) is not a third entry
    const again = await c.post(`/elections/${w.fx.electionId}/entry?form=${w.fx.forms.count.id}`, second.body);
    expect(again.statusCode).toBe(303);
    const entries = await w.db
      .selectFrom('observation_submissions')
      .select('id')
      .where('sheet_id', '=', row.id)
      .execute();
    expect(entries).toHaveLength(2);
    const third = await entry(c, w.fx.stations[1]!.id, { ...sheet, voters_men: 81 });
    expect(third.res.statusCode).toBe(303);
    row = await w.db.selectFrom('count_sheets').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('conflict');
    const screen = await c.get(`/elections/${w.fx.electionId}/sheets/${row.id}`);
    expect(screen.body).toMatch(/data-differs="1"/);
    expect((screen.body.match(/data-differs="1"/g) ?? []).length).toBe(1);
    expect(screen.body).toContain('name="v_voters_men"');
    const dash = await c.get(`/elections/${w.fx.electionId}/dashboard`);
    expect(dash.body).toContain(`/sheets/${row.id}`);
    // deciding needs a reason
    const noNote = await c.post(`/elections/${w.fx.electionId}/sheets/${row.id}/resolve`, {
      v_voters_men: '80',
      note: '',
    });
    expect(noNote.statusCode).toBe(400);
    const other = await w.as('other');
    expect(
      (
        await other.post(
          `/elections/${w.fx.electionId}/sheets/${row.id}/resolve`,
          { v_voters_men: '80', note: 'x' },
          { formPage: '/elections' },
        )
      ).statusCode,
    ).toBe(404);
    const decided = await c.post(`/elections/${w.fx.electionId}/sheets/${row.id}/resolve`, {
      v_voters_men: '80',
      o_voters_men: '',
      note: 'صورة المحضر',
    });
    expect(decided.statusCode).toBe(303);
    row = await w.db.selectFrom('count_sheets').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('resolved');
    expect(JSON.parse(row.values_json!)).toMatchObject({ voters_men: 80, voters_women: 70 });
  });

  it('bad answers come back beside the field, nothing stored', async () => {
    const c = await w.as('staff');
    const before = await w.count('observation_submissions');
    const { res } = await entry(c, w.fx.stations[2]!.id, { ...goodSheet(10, 10), voters_men: -3 as number });
    expect(res.statusCode).toBe(400);
    expect(await w.count('observation_submissions')).toBe(before);
  });
});
