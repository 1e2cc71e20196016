import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../testing/db.js';
import type { DbHandle } from '../db/index.js';
import { normalizeArabic } from '../text/normalize.js';
import { TOWN_ALIASES } from './aliases.js';
import { parseCsv } from '../text/csv.js';
import { findTowns, getTown, importGazetteer, listTownsByDistrict, nearbyTowns } from './queries.js';
import { ALEPPO_SEED, loadAleppoSeed } from './seed.js';

const NOW = new Date('2024-06-01T00:00:00.000Z');
// The OCHA rows of Aleppo governorate, as published (scripts/data/README.md).
const SOURCE = new URL('../../../scripts/data/ocha-communities-aleppo.csv', import.meta.url);

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

const countTowns = async () =>
  (
    await h.db
      .selectFrom('towns')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const firstPcodes = async (q: string, n = 1) =>
  (await findTowns(h.db, q, { limit: 10 })).slice(0, n).map((t) => t.pcode);

describe('Aleppo seed', () => {
  it('imports the 1,255 communities of Aleppo governorate', async () => {
    const result = await loadAleppoSeed(h.db, NOW);
    expect(result).toEqual({ inserted: 1255, updated: 0, rejected: [] });
    expect(await countTowns()).toBe(1255);
  });

  it('updates on re-import instead of duplicating towns or aliases', async () => {
    const aliases = await h.db.selectFrom('town_aliases').selectAll().execute();
    expect(await loadAleppoSeed(h.db, NOW)).toEqual({ inserted: 0, updated: 1255, rejected: [] });
    expect(await countTowns()).toBe(1255);
    expect(await h.db.selectFrom('town_aliases').selectAll().execute()).toHaveLength(aliases.length);
  });

  it('keeps what was done to defective source rows visible', async () => {
    expect(await getTown(h.db, 'C1466')).toMatchObject({
      name_ar: 'الضحاك فوقاني_كوليان فوقاني',
      data_note: 'arabic-name-repaired',
    });
    expect((await getTown(h.db, 'C1131'))?.data_note).toBe('duplicate-name');
    expect((await getTown(h.db, 'C1594'))?.data_note).toBeNull();
  });

  it('holds every Aleppo row of the OCHA file, unchanged but for the repairs', () => {
    const [header, ...rows] = parseCsv(fs.readFileSync(SOURCE, 'utf8'));
    const source = rows.map((r) => r.fields).filter((f) => f[header.fields.indexOf('adm1_pcode')] === 'SY02');
    const seed = parseCsv(fs.readFileSync(ALEPPO_SEED, 'utf8'))
      .slice(1)
      .map((r) => r.fields);
    expect(seed.map((f) => f.slice(0, 14).join())).toEqual(
      source.map((f) => (f[0] === 'C1466' ? seed.find((s) => s[0] === 'C1466')!.slice(0, 14) : f).join()),
    );
  });
});

describe('findTowns', () => {
  it("finds Tal'ar by its Arabic and English spellings", async () => {
    for (const q of ['تل عار', 'تلعار', 'تَلّ عَار', "Tal'ar", 'Tal Aar', 'tal ar', 'TALAR']) {
      expect(await firstPcodes(q, 2), q).toEqual(['C1594', 'C1595']);
    }
  });

  it('finds Turkman Bareh by its Arabic and English spellings', async () => {
    for (const q of ['تركمان بارح', 'تُرْكْمَان بَارِح', 'ترکمان بارح', 'Turkman Bareh', 'Turkman Barih', 'turkmen barih']) {
      expect(await firstPcodes(q), q).toEqual(['C1605']);
    }
  });

  it("finds A'zaz with and without hamza, and the network's other towns by their variants", async () => {
    for (const q of ['أعزاز', 'اعزاز', 'إعزاز', 'Azaz', "A'zaz"]) expect(await firstPcodes(q), q).toEqual(['C1564']);
    expect(await firstPcodes('Aghtrin')).toEqual(['C1581']);
    expect(await firstPcodes('Akhtarin')).toEqual(['C1581']);
    expect(await firstPcodes('Marea')).toEqual(['C1643']);
    expect(await firstPcodes("Ar-Ra'ee")).toEqual(['C1250']);
    expect(await firstPcodes('Menbij')).toEqual(['C1767']);
    expect(await firstPcodes('Jarabulus')).toEqual(['C2227']);
  });

  it('puts the town of Afrin before the village of the same name', async () => {
    expect(await firstPcodes('عفرين', 2)).toEqual(['C1366', 'C1131']);
  });

  it('puts an exact P-code first, then names starting with the query, then names containing it', async () => {
    expect(await firstPcodes('c1605')).toEqual(['C1605']);
    const names = (await findTowns(h.db, 'ترك', { limit: 50 })).map((t) => normalizeArabic(t.name_ar));
    const firstContains = names.findIndex((n) => !n.split(' ').some((w) => w.startsWith('ترك')));
    expect(names[0].startsWith('ترك')).toBe(true);
    if (firstContains >= 0) expect(names.slice(firstContains).every((n) => !n.startsWith('ترك'))).toBe(true);
  });

  it('limits to a governorate and returns nothing for an empty query', async () => {
    expect(await findTowns(h.db, 'اعزاز', { limit: 5, adm1: 'SY03' })).toEqual([]);
    expect(await findTowns(h.db, ' ؟ ', { limit: 5 })).toEqual([]);
  });

  it('points every alias at the town it names', async () => {
    for (const { pcodes, names } of TOWN_ALIASES) {
      for (const pcode of pcodes) {
        const town = await getTown(h.db, pcode);
        const own = [town!.name_ar, town!.name_en].map(normalizeArabic);
        expect(
          names.some((n) => own.some((o) => o.includes(normalizeArabic(n)))),
          pcode,
        ).toBe(true);
      }
    }
  });
});

describe('nearbyTowns and districts', () => {
  it("lists the towns around A'zaz, nearest first", async () => {
    const near = await nearbyTowns(h.db, 'C1564', { km: 10, limit: 100 });
    expect(near.length).toBeGreaterThan(5);
    expect(near.map((t) => t.pcode)).not.toContain('C1564');
    const distances = near.map((t) => t.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.every((d) => d > 0 && d <= 10)).toBe(true);
    expect((await nearbyTowns(h.db, 'C1564', { km: 10, limit: 3 })).map((t) => t.pcode)).toEqual(
      near.slice(0, 3).map((t) => t.pcode),
    );
    // Tal'ar east is about 32 km east of A'zaz: inside 40 km, outside 10.
    expect((await nearbyTowns(h.db, 'C1564', { km: 40, limit: 500 })).map((t) => t.pcode)).toContain('C1594');
    expect(near.map((t) => t.pcode)).not.toContain('C1594');
  });

  it("lists a district's communities in Arabic alphabetical order", async () => {
    const towns = await listTownsByDistrict(h.db, 'SY0204');
    expect(towns.map((t) => t.pcode)).toEqual(expect.arrayContaining(['C1564', 'C1594', 'C1595', 'C1605', 'C1643']));
    expect(towns.every((t) => t.adm2_pcode === 'SY0204')).toBe(true);
    const names = towns.map((t) => t.name_ar);
    expect(names).toEqual([...names].sort(new Intl.Collator('ar').compare));
  });
});

describe('importGazetteer validation', () => {
  const header =
    'pcode,name_ar,name_en,adm3_pcode,adm3_name_ar,adm3_name_en,adm2_pcode,adm2_name_ar,adm2_name_en,adm1_pcode,adm1_name_ar,adm1_name_en,lat,lon';
  const row = (pcode: string, nameAr: string, lat: string) =>
    `${pcode},${nameAr},Test,SY020401,اخترين,Aghtrin,SY0204,اعزاز,A'zaz,SY02,حلب,Aleppo,${lat},37.3`;

  it('rejects the whole file, naming each bad line, and writes nothing', async () => {
    const csv = [
      header,
      row('C9001', 'قرية جديدة', '36.5'),
      row('X12', 'قرية', '36.5'),
      row('C9002', '', '36.5'),
      row('C9003', 'قرية ثالثة', '200'),
      row('C1564', 'اسم آخر لأعزاز', '36.5'),
    ].join('\n');
    const result = await importGazetteer(h.db, csv, { now: NOW });
    expect(result.inserted).toBe(0);
    expect(result.updated).toBe(0);
    expect(result.rejected.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(result.rejected[0].reason).toMatch(/pcode "X12"/);
    expect(result.rejected[1].reason).toMatch(/name_ar is empty/);
    expect(result.rejected[2].reason).toMatch(/lat 200/);
    expect(await getTown(h.db, 'C9001')).toBeUndefined();
    expect((await getTown(h.db, 'C1564'))?.name_ar).toBe('أعزاز');
    expect(await countTowns()).toBe(1255);
  });

  it('rejects a file with missing columns, repeated P-codes or broken quoting', async () => {
    expect((await importGazetteer(h.db, 'pcode,name_ar\nC9001,x', { now: NOW })).rejected[0]).toMatchObject({
      line: 1,
      reason: expect.stringMatching(/missing columns: name_en/),
    });
    const repeated = await importGazetteer(
      h.db,
      [header, row('C9001', 'أ', '36'), row('C9001', 'ب', '36')].join('\n'),
      {
        now: NOW,
      },
    );
    expect(repeated.rejected).toEqual([{ line: 3, reason: 'pcode C9001 already given on line 2' }]);
    const broken = await importGazetteer(h.db, `${header}\n"C9001,x`, { now: NOW });
    expect(broken.rejected[0].line).toBe(2);
    expect(await countTowns()).toBe(1255);
  });

  it('imports a raw OCHA row with a cut Arabic name, marked as truncated', async () => {
    const result = await importGazetteer(h.db, [header, row('C9009', 'معارة الحاسك\uFFFD', '36.5')].join('\r\n'), {
      now: NOW,
    });
    expect(result).toEqual({ inserted: 1, updated: 0, rejected: [] });
    expect(await getTown(h.db, 'C9009')).toMatchObject({ name_ar: 'معارة الحاسك', data_note: 'arabic-name-truncated' });
    await h.db.deleteFrom('towns').where('pcode', '=', 'C9009').execute();
  });
});
