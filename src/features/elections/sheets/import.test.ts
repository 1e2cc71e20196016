// Count sheets from a spreadsheet, through HTTP: who may import, a good file becomes entries of the
// stations' sheets (figures shown on each sheet), one bad row refuses the whole file naming its
// line, column and value in the reader's language, a row after an earlier entry is the second
// entry (agreed or a conflict), the same file twice records nothing twice, and the rules flag.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../testing/app.js';
import { COUNT_FIELDS } from '../forms/formdef.js';
import { goodSheet } from '../testing/fixture.js';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld();

// the count form's fields in the paper sheet's order, then the fixture's two lists
const FIELDS: string[] = [...COUNT_FIELDS, 'votes_l1', 'votes_l2'];
// The text-report codes people also write as column names (W, M, BR…, the lists' codes).
const CODES = ['RW', 'RM', 'W', 'M', 'BR', 'BU', 'BS', 'VA', 'IN', 'BL', 'L1', 'L2'];

const csv = (rows: [string, string, Record<string, number | string>][], head = FIELDS) =>
  [
    ['centre_code', 'station_code', ...head].join(','),
    ...rows.map(([centre, station, s]) => [centre, station, ...FIELDS.map((f) => s[f] ?? '')].join(',')),
  ].join('\n');

const url = () => `/elections/${w.fx.electionId}/sheets/import`;
const post = (c: Client, body: string, formId = w.fx.forms.count.id) =>
  c.post(url(), { form_id: String(formId), csv: body }, { formPage: `/elections/${w.fx.electionId}/sheets` });

/** The refused rows' table: [line, column, value, reason] per problem. */
const problems = (html: string) => {
  const table = /<section class="import-problems"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((m) =>
      [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
    );
};

const sheetOf = (stationId: number) =>
  w.db
    .selectFrom('count_sheets')
    .selectAll()
    .where('station_id', '=', stationId)
    .where('form_slug', '=', 'count')
    .executeTakeFirst();

const entriesOf = async (sheetId: number) =>
  (await w.db.selectFrom('observation_submissions').select('id').where('sheet_id', '=', sheetId).execute()).length;

/** What the import page says it did, by kind. */
const done = (html: string) =>
  Object.fromEntries([...html.matchAll(/data-count="(\w+)">([^<]*)</g)].map((m) => [m[1]!, m[2]!]));

describe('count sheets from a spreadsheet', () => {
  let otherElection: number;
  beforeAll(async () => {
    // Another election, coordinated by the outside organization only.
    otherElection = (await w.election({ by: 'outsider', stations: 2, observers: 0 })).electionId;
  });

  it('anonymous people are sent to sign in; members and another election’s coordinators get 404; nothing written', async () => {
    const body = csv([['TB-01', 'S1', goodSheet(40, 50)]]);
    const before = await w.count('observation_submissions');
    const anon = await w.as('anonymous');
    expect((await anon.get(`/elections/${w.fx.electionId}/sheets`)).statusCode).toBe(303);
    const refusedAnon = await anon.post(url(), { form_id: String(w.fx.forms.count.id), csv: body });
    expect(refusedAnon.statusCode).toBe(303);
    expect(String(refusedAnon.headers.location)).toMatch(/^\/login/);
    for (const who of ['member', 'other'] as const) {
      const c = await w.as(who);
      expect((await c.get(`/elections/${w.fx.electionId}/sheets`)).statusCode, who).toBe(404);
      expect(
        (await c.get(`/elections/${w.fx.electionId}/sheets/template.csv?form=${w.fx.forms.count.id}`)).statusCode,
        who,
      ).toBe(404);
      const res = await c.post(url(), { form_id: String(w.fx.forms.count.id), csv: body }, { formPage: '/elections' });
      expect(res.statusCode, who).toBe(404);
    }
    // The outside admin does coordinate their own election: the refusal is about this one.
    const other = await w.as('other');
    expect((await other.get(`/elections/${otherElection}/sheets`)).statusCode).toBe(200);
    expect(await w.count('observation_submissions')).toBe(before);
    expect(await sheetOf(w.fx.stations[0]!.id)).toBeUndefined();
  });

  it('a good file becomes one entry per station; each sheet shows its figures', async () => {
    const c = await w.as('staff');
    const template = await c.get(`/elections/${w.fx.electionId}/sheets/template.csv?form=${w.fx.forms.count.id}`);
    expect(template.statusCode).toBe(200);
    expect(template.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
      ['centre_code', 'station_code', ...FIELDS].join(','),
    );
    const a = goodSheet(40, 50);
    const b = goodSheet(600, 634, { registered_women: 700, registered_men: 700 });
    expect(b.ballots_received).toBe(1286);
    // Column names as text-report codes, Arabic-Indic digits and a quoted "1,286": all accepted.
    const body = csv(
      [
        ['TB-01', 'S1', { ...a, voters_women: '٤٠' }],
        ['tb-01', 's2', { ...b, ballots_received: '"1,286"' }],
      ],
      CODES,
    );
    const res = await post(c, body);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('id="import-done"');
    const [s1, s2] = [await sheetOf(w.fx.stations[0]!.id), await sheetOf(w.fx.stations[1]!.id)];
    expect(s1?.status).toBe('single');
    expect(s2?.status).toBe('single');
    expect(JSON.parse(s1!.values_json!)).toEqual(a);
    expect(JSON.parse(s2!.values_json!)).toEqual(b);
    expect(JSON.parse(s1!.flags)).toEqual([]);
    const page = await (await w.as('staff')).get(`/elections/${w.fx.electionId}/sheets/${s2!.id}?lang=en`);
    expect(page.statusCode).toBe(200);
    const row = (label: string) => new RegExp(`<th scope="row">${label}</th>(?:<td>[^<]*</td>)+`).exec(page.body)?.[0];
    expect(row('Voters \\(women\\)')).toContain('>600<');
    expect(row('Ballots received')).toContain('>1,286<');
    expect(row('Valid ballots')).toContain(`>${b.valid.toLocaleString('en')}<`);
  });

  it('one bad row refuses the whole file, naming its line, column and value in Arabic and in English', async () => {
    const before = [await w.count('observation_submissions'), await w.count('count_sheets')];
    const rows: [string, string, Record<string, number | string>][] = [
      ['TB-02', 'S1', goodSheet(30, 30)],
      ['TB-02', 'S2', { ...goodSheet(30, 30), voters_men: 'ثلاثون' }],
    ];
    const ar = await post(await w.as('staff'), csv(rows));
    expect(ar.statusCode).toBe(400);
    expect(problems(ar.body)).toEqual([['3', 'voters_men', 'ثلاثون', 'يجب أن تكون القيمة رقمًا.']]);
    expect(ar.body).toContain('لم يُحفظ شيء');
    const enClient = await w.as('staff');
    await enClient.get(`/elections/${w.fx.electionId}/sheets?lang=en`);
    const en = await post(enClient, csv(rows));
    expect(en.statusCode).toBe(400);
    expect(problems(en.body)).toEqual([['3', 'voters_men', 'ثلاثون', 'Enter a number.']]);
    expect(en.body).toContain('Nothing was saved');
    // An unknown station, a station twice and a figure above the form's maximum: each named.
    const more = await post(
      enClient,
      csv([
        ['TB-02', 'S1', goodSheet(30, 30)],
        ['TB-09', 'S1', goodSheet(30, 30)],
        ['TB-02', 'S1', goodSheet(30, 30)],
        ['TB-02', 'S2', { ...goodSheet(30, 30), ballots_received: 200_000 }],
      ]),
    );
    expect(more.statusCode).toBe(400);
    expect(problems(more.body)).toEqual([
      ['3', 'station_code', 'TB-09 S1', 'A station this election does not have.'],
      ['4', 'station_code', 'TB-02 S1', 'The same station is on line 2 too.'],
      ['5', 'ballots_received', '200000', 'Larger than allowed.'],
    ]);
    // A number written with a comma and no quotes is two cells: every later figure would shift.
    const shifted = await post(
      enClient,
      csv([
        ['TB-02', 'S1', goodSheet(30, 30)],
        ['TB-02', 'S2', { ...goodSheet(600, 634), ballots_received: '1,286' }],
      ]),
    );
    expect(shifted.statusCode).toBe(400);
    expect(problems(shifted.body)).toEqual([
      ['3', '—', '', expect.stringMatching(/^This line has 15 cells but the first line has 14 columns/)],
    ]);
    // A form that is not a count form is not a choice.
    const notCount = await post(enClient, csv([['TB-02', 'S1', goodSheet(30, 30)]]), w.fx.forms.opening.id);
    expect(notCount.statusCode).toBe(400);
    expect(notCount.body).toContain('aria-invalid="true"');
    expect([await w.count('observation_submissions'), await w.count('count_sheets')]).toEqual(before);
  });

  it('after an earlier entry a row is the second entry: agreeing, or a conflict to decide; the same file twice records nothing twice', async () => {
    const first = await post(
      await w.as('staff'),
      csv([
        ['TB-02', 'S1', goodSheet(80, 90)],
        ['TB-02', 'S2', goodSheet(20, 25)],
      ]),
    );
    expect(first.statusCode).toBe(200);
    const admin = await w.as('admin');
    await admin.get(`/elections/${w.fx.electionId}/sheets?lang=en`);
    const second = csv([
      ['TB-02', 'S1', goodSheet(80, 90)],
      // A typing slip: 26 men where the first entry has 25.
      ['TB-02', 'S2', { ...goodSheet(20, 25), voters_men: 26 }],
    ]);
    const res = await post(admin, second);
    expect(res.statusCode).toBe(200);
    expect(done(res.body)).toMatchObject({
      agreed: expect.stringMatching(/^1 /),
      conflict: expect.stringMatching(/^1 /),
    });
    const [agreed, conflict] = [await sheetOf(w.fx.stations[2]!.id), await sheetOf(w.fx.stations[3]!.id)];
    expect(agreed!.status).toBe('agreed');
    expect(conflict!.status).toBe('conflict');
    // The conflict screen marks the one field that differs (voters_men 25 against 26).
    const screen = await admin.get(`/elections/${w.fx.electionId}/sheets/${conflict!.id}`);
    expect(screen.body.match(/data-differs="1"/g)).toHaveLength(1);
    expect(screen.body).toContain('name="v_voters_men"');
    // The same file again by the same person: no third entry, the page says so.
    const again = await post(admin, second);
    expect(again.statusCode).toBe(200);
    expect(done(again.body).duplicate).toMatch(/^2 /);
    expect(await entriesOf(agreed!.id)).toBe(2);
    expect(await entriesOf(conflict!.id)).toBe(2);
    expect((await sheetOf(w.fx.stations[2]!.id))!.status).toBe('agreed');
  });

  it('a row that breaks a reconciliation rule is stored as written and flagged', async () => {
    const f = await w.election({ stations: 2, observers: 0 });
    const c = await w.as('staff');
    await c.get(`/elections/${f.electionId}/sheets?lang=en`);
    const broken = goodSheet(50, 60, { valid: 90 });
    const res = await c.post(
      `/elections/${f.electionId}/sheets/import`,
      {
        form_id: String(f.forms.count.id),
        csv: csv([
          ['TB-01', 'S1', broken],
          ['TB-01', 'S2', goodSheet(50, 60)],
        ]),
      },
      { formPage: `/elections/${f.electionId}/sheets` },
    );
    expect(res.statusCode).toBe(200);
    expect(done(res.body).flagged).toMatch(/^1 /);
    const sheet = await w.db
      .selectFrom('count_sheets')
      .selectAll()
      .where('station_id', '=', f.stations[0]!.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(sheet.values_json!).valid).toBe(90);
    const flags = JSON.parse(sheet.flags) as { rule: string }[];
    expect(flags.map((x) => x.rule)).toEqual(
      expect.arrayContaining(['valid + invalid = voters', 'votes_total = valid']),
    );
    const clean = await w.db
      .selectFrom('count_sheets')
      .select('flags')
      .where('station_id', '=', f.stations[1]!.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(clean.flags)).toEqual([]);
    // The coordinator sees it among what needs attention, with both sides of the broken rule.
    const page = await c.get(`/elections/${f.electionId}/sheets/${sheet.id}`);
    expect(page.body).toMatch(/96 against 110|96 vs 110|96.{1,20}110/);
  });
});
