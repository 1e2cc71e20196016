// The internal indicators page (issue 14): exact figures from 5 people, for the participating
// members' staff only; its downloads are for sharing, so they carry the figures of the one public
// release — for a public project, byte for byte what /indicators/export gives anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importTrainees,
  attendFirstSession,
  created,
  programmesWorld,
  projectForm,
  withCertificates,
  type World,
} from '../testing/world.js';

let w: World;
let inner: number;

/** Six women and seven men more in A's cohort, at its first session: 8 women and 9 men trained. */
async function thirteenMore() {
  const ids = await importTrainees(
    w,
    'متدرب',
    Array.from({ length: 13 }, (_, i) => ({ gender: i < 6 ? 'أنثى' : 'ذكر', age: 22, town: 'أعزاز' })),
  );
  // the first session's present: everyone enrolled (the four of the story were there too)
  await attendFirstSession(w, w.ids.cohort!, ids);
}

beforeAll(async () => {
  w = await programmesWorld();
  await withCertificates(w);
  await thirteenMore();
  // B's project, not public, with one activity of 6 women and 30 men
  inner = await created(
    w.as.admin.post('/projects', projectForm(w, { name_ar: 'مشروع داخلي', name_en: 'Inner', is_public: '' })),
    /\/projects\/(\d+)/,
  );
  await created(
    w.as.staffB.post(`/projects/${inner}/activities`, {
      organization_id: String(w.ids.orgB),
      kind: 'meeting',
      title: 'لقاء',
      held_on: '2026-03-12',
      town_pcode: 'C1564',
      summary: 'ما جرى',
      n_f_a18_24: '6',
      n_m_a25_35: '30',
    }),
    /activities\/(\d+)/,
  );
}, 120_000);
afterAll(() => w.t.close());

/** The value printed in a CSV row whose first cell is `label`. */
const csvRow = (csv: string, label: string) =>
  csv
    .split(/\r?\n/)
    .find((l) => l.startsWith(`${label},`))
    ?.split(',')
    .slice(1);

describe('the internal indicators page and its downloads for sharing', () => {
  it('is for the participating members: anonymous, outsiders and bad input are turned away', async () => {
    const page = `/programmes/indicators?project=${w.ids.project}`;
    const file = `/programmes/indicators/export?project=${w.ids.project}&format=csv`;
    expect((await w.as.anon.get(page)).statusCode).toBe(303);
    expect((await w.as.anon.get(file)).statusCode).toBe(303);
    for (const who of ['staffC', 'member'] as const) {
      expect((await w.as[who].get(page)).statusCode, who).toBe(404);
      expect((await w.as[who].get(file)).statusCode, who).toBe(404);
    }
    // B works in the project but not in A's: the same project, fine; C's project does not exist
    expect((await w.as.staffB.get(page)).statusCode).toBe(200);
    // a project that is not a number is no project: the first of one's own, as with none given
    const bad = await w.as.staffA.get('/programmes/indicators?project=abc');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('<option value="' + inner + '" selected>');
    // an unknown format is the CSV, and still the public figures
    const pdf = await w.as.staffA.get(file.replace('csv', 'pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('text/csv');
    expect(pdf.body).toContain('أقل من 10');
    expect(pdf.body).not.toContain('أقل من 5');
    // the inner project is A's and B's: not another member's, and not anyone's outside it
    expect((await w.as.staffC.get(`/programmes/indicators?project=${inner}`)).statusCode).toBe(404);
  });

  it('shows staff the exact count from 5, and says its downloads carry the public figures', async () => {
    const res = await w.as.staffA.get(`/programmes/indicators?project=${w.ids.project}`);
    expect(res.statusCode).toBe(200);
    // some counts from 5 to 9 are exact inside, and the same figures are hidden in public
    const exact = [...res.body.matchAll(/<data value="([5-9])" data-figure="x:([^"]+)">/g)]
      .map((m) => m[2]!)
      .filter((key) => !key.startsWith('trainedByOrganization')); // a table of the internal page only
    expect(exact.length).toBeGreaterThan(0);
    expect(res.body).toContain('أقل من 5');
    const pub = await w.as.anon.get(`/indicators?project=${w.ids.project}`);
    for (const key of exact)
      expect(pub.body, key).toMatch(new RegExp(`data-figure="p\\d+:${key}" data-hidden="(small|withheld)"`));
    expect(res.body).toContain('التنزيلات أدناه للمشاركة خارج الشبكة');
  });

  it('a public project downloaded for sharing is exactly its public export, CSV and Excel', async () => {
    for (const format of ['csv', 'xlsx']) {
      const shared = await w.as.staffA.get(`/programmes/indicators/export?project=${w.ids.project}&format=${format}`);
      const pub = await w.as.anon.get(`/indicators/export?project=${w.ids.project}&format=${format}`);
      expect(shared.statusCode).toBe(200);
      if (format === 'csv') {
        expect(shared.body).toBe(pub.body);
        // the 8 women are "fewer than 10" in the file, never 8
        expect(csvRow(shared.body, 'متدربات')).toEqual(['أقل من 10']);
      } else expect(shared.rawPayload.length).toBeGreaterThan(1000);
    }
    const log = await w.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'programmes.indicators.exported.internal')
      .execute();
    // every download from the internal page was logged, each at the public threshold
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(new Set(log.map((l) => JSON.parse(String(l.details)).threshold))).toEqual(new Set([10]));
  });

  it('a project that is not public is downloaded for sharing with the public threshold too', async () => {
    const page = await w.as.staffB.get(`/programmes/indicators?project=${inner}`);
    // inside: the 6 women of the meeting are counted exactly
    expect(page.body).toMatch(/<data value="6" data-figure="x:participantsByAge:total:f">/);
    const file = await w.as.staffB.get(`/programmes/indicators/export?project=${inner}&format=csv`);
    expect(file.statusCode).toBe(200);
    const women = csvRow(file.body, 'مشاركون/ات في الأنشطة');
    expect(women).toEqual(['36']);
    const table = file.body.split(/\r?\n/);
    const at = table.findIndex((l) => l.startsWith('المشاركون/ات في الأنشطة حسب الفئة العمرية والجنس'));
    // totals row: women "fewer than 10", so men cannot be shown either (36 − men = women)
    expect(table[at + 5]!.split(',').slice(1)).toEqual(['أقل من 10', 'محجوب', '36']);
    expect(file.body).not.toMatch(/(^|,)6(,|$)/m);
  });
});
