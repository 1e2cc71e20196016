// Stations from a CSV file through HTTP: all rows or none, each bad row named.
import { describe, expect, it } from 'vitest';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld();

describe('stations from CSV', () => {
  const header =
    'centre_code,centre_name_ar,centre_name_en,town_pcode,station_code,registered_women,registered_men,women_only';
  it('refuses the whole file when a row is wrong, naming each row and reason', async () => {
    const c = await w.as('staff');
    await c.get(`/elections/${w.fx.electionId}/stations`);
    const before = await w.count('polling_stations');
    const res = await c.post(`/elections/${w.fx.electionId}/stations/import`, {
      csv: `${header}\nTB-05,مركز,Centre,C1605,S1,10,10,no\nTB-05,مركز,Centre,C1234,S2,x,10,no\nTB-01,مركز,Centre,C1605,S1,1,1,no`,
    });
    expect(res.statusCode).toBe(400);
    // Every problem in one answer: a row per problem, with its line, column and value.
    const table = /<section class="import-problems"[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
    );
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['3', 'registered_women', 'x'],
      ['3', 'town', 'C1234'],
      ['4', 'station_code', 'TB-01 S1'],
    ]);
    expect(table).toContain('لا بلدة بهذا الاسم أو الرمز');
    expect(table).toContain('هذا الصندوق موجود مسبقاً');
    expect(await w.count('polling_stations')).toBe(before);
    const ok = await c.post(`/elections/${w.fx.electionId}/stations/import`, {
      csv: `${header}\nTB-05,مركز,Centre,C1605,S1,10,10,no\nTB-05,مركز,Centre,C1605,S2,,,yes`,
    });
    expect(ok.statusCode).toBe(303);
    expect(await w.count('polling_stations')).toBe(before + 2);
  });
});
