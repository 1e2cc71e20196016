// The public results of a large election through HTTP (#14): totals and lists on every page, the
// centres a hundred to a page with a link per page (and one town at a time), every centre and
// station on exactly one page; the same results as a spreadsheet and a data file whose numbers are
// the page's and in which a hidden figure stays hidden, labelled as on the page.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/text/csv.js';
import { dateToDamascusLocal } from '../../../core/time.js';
import { ensureTown, goodSheet, makeElectionFixture, type Fixture } from '../testing/fixture.js';
import { useElectionsWorld } from '../testing/setup.js';

const w = useElectionsWorld({ stations: 2, observers: 1 });
const STATIONS = 210; // 105 centres: two pages of a hundred

type Seen = { value: number } | { hidden: string; text: string };

/** Every figure a page shows: key → its number, or the label it carries instead. */
function figuresOf(html: string): Map<string, Seen> {
  const out = new Map<string, Seen>();
  for (const m of html.matchAll(/<(data|span)\b([^>]*\bdata-figure="([^"]+)"[^>]*)>([^<]*)</g)) {
    const [, tag, attrs, key, text] = m;
    if (tag === 'data') out.set(key!, { value: Number(/value="(\d+)"/.exec(attrs!)![1]) });
    else out.set(key!, { hidden: /data-hidden="(\w+)"/.exec(attrs!)![1]!, text: text! });
  }
  return out;
}
const centresOn = (html: string) => [
  ...new Set([...html.matchAll(/data-figure="ce:(\d+):v"/g)].map((m) => Number(m[1]))),
];
const stationsOn = (html: string) => [
  ...new Set([...html.matchAll(/data-figure="st:(\d+):v"/g)].map((m) => Number(m[1]))),
];
const pageLinks = (html: string) =>
  [...(/<nav aria-label="Pages[^"]*"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/href="([^"]+)"/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&'),
  );

let fx: Fixture;
let url: string;
let centreCode: Map<number, string>;
let talar: number[];

beforeAll(async () => {
  const db = w.db;
  fx = await makeElectionFixture(db, {
    networkId: w.net,
    organizerOrgId: w.jusoor,
    userId: w.users.staff,
    now: w.t.clock.now,
    stations: STATIONS,
    observers: 0,
  });
  url = `/elections/${fx.electionId}/results`;
  // The last five centres are in a second town of the election's area.
  await ensureTown(db, 'C1594', 'تل عار', "Tal'ar");
  await db.insertInto('election_towns').values({ election_id: fx.electionId, town_pcode: 'C1594' }).execute();
  const centres = await db
    .selectFrom('polling_centres')
    .select(['id', 'code'])
    .where('election_id', '=', fx.electionId)
    .orderBy('code')
    .execute();
  centreCode = new Map(centres.map((c) => [c.id, c.code]));
  talar = centres.slice(-5).map((c) => c.id);
  await db.updateTable('polling_centres').set({ town_pcode: 'C1594' }).where('id', 'in', talar).execute();
  // A name a spreadsheet would run as a formula.
  await db
    .updateTable('polling_centres')
    .set({ name_en: '=HYPERLINK("http://example.com","x")' })
    .where('id', '=', centres[0]!.id)
    .execute();
  // A count sheet for every station; every thirteenth with fewer than ten women.
  const rows = fx.stations.map((s, i) => ({
    election_id: fx.electionId,
    station_id: s.id,
    form_slug: 'count',
    status: 'agreed' as const,
    values_json: JSON.stringify(goodSheet(i % 13 === 0 ? 1 + (i % 9) : 40 + (i % 50), 50 + (i % 70))),
    flags: '[]',
    decided_by: null,
    decided_at: null,
    decision_note: '',
    updated_at: w.t.clock.now.toISOString(),
  }));
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('count_sheets')
      .values(rows.slice(i, i + 100))
      .execute();
  // Drafted by one coordinator, approved by another.
  const staff = await w.as('staff');
  await staff.get(`/elections/${fx.electionId}/statement`);
  const drafted = await staff.post(`/elections/${fx.electionId}/statement`, {
    cutoff: dateToDamascusLocal(w.t.clock.now),
  });
  expect(drafted.statusCode).toBe(303);
  const d = await db
    .selectFrom('election_statements')
    .select('id')
    .where('election_id', '=', fx.electionId)
    .executeTakeFirstOrThrow();
  // The draft is read (and kept) before it becomes version 1.
  expect((await staff.get(`/elections/${fx.electionId}/statement`)).body).toContain('data-figure="tot:v"');
  const admin = await w.as('admin');
  await admin.get(`/elections/${fx.electionId}/statement`);
  expect((await admin.post(`/elections/${fx.electionId}/statement/${d.id}/approve`, {})).statusCode).toBe(303);
});

describe('the results of a large election', () => {
  it('show totals and lists on every page and the centres a hundred to a page, each centre and station once', async () => {
    const anon = await w.as('anonymous');
    const first = await anon.get(`${url}?lang=en`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Centres 1 to 100 of 105 centres');
    expect(centresOn(first.body)).toHaveLength(100);
    // One link per other page, plain links (no script needed).
    expect(pageLinks(first.body)).toEqual([`${url}?page=2#centres`]);
    const second = await anon.get(`${url}?page=2`);
    expect(second.body).toContain('Centres 101 to 105 of 105 centres');
    expect(pageLinks(second.body)).toEqual([`${url}#centres`]);
    const pages = [first.body, second.body];
    const centres = pages.flatMap(centresOn);
    const stations = pages.flatMap(stationsOn);
    expect(new Set(centres).size).toBe(105);
    expect(centres).toHaveLength(105);
    expect(new Set(stations)).toEqual(new Set(fx.stations.map((s) => s.id)));
    expect(stations).toHaveLength(STATIONS);
    // Each page lists the stations of its own centres.
    const ofPage2 = fx.stations.filter((s) =>
      centresOn(second.body).some((c) => s.label.startsWith(`${centreCode.get(c)} `)),
    );
    expect(stationsOn(second.body).sort()).toEqual(ofPage2.map((s) => s.id).sort());
    // Totals and the lists are the same on both pages.
    for (const key of ['tot:v', 'tot:w', 'cand:L1', 'cand:L2', 'valid', 'invalid'])
      expect(figuresOf(second.body).get(key), key).toEqual(figuresOf(first.body).get(key));
    // A page past the end shows the last one.
    expect(centresOn((await anon.get(`${url}?page=40`)).body)).toEqual(centresOn(second.body));
  });

  it('show one town’s centres and stations when its link is followed', async () => {
    const anon = await w.as('anonymous');
    const all = await anon.get(`${url}?lang=en`);
    const link = /<a href="([^"]+)"><bdi>Tal'ar \(5\)<\/bdi><\/a>/.exec(all.body)?.[1];
    expect(link).toBe(`${url}?town=C1594#centres`);
    const town = await anon.get(link!.replace('#centres', ''));
    expect(town.body).toContain('Centres 1 to 5 of 5 centres');
    expect(centresOn(town.body).sort()).toEqual([...talar].sort());
    expect(stationsOn(town.body)).toHaveLength(10);
    expect(pageLinks(town.body)).toEqual([]);
    // A town that is not the election's shows every centre.
    expect(centresOn((await anon.get(`${url}?town=C9999`)).body)).toHaveLength(100);
  });
});

describe('the coordinators’ statement page of a large election', () => {
  it('pages its live figures the same way', async () => {
    const staff = await w.as('staff');
    const base = `/elections/${fx.electionId}/statement`;
    const first = await staff.get(`${base}?lang=en`);
    expect(first.statusCode).toBe(200);
    expect(centresOn(first.body)).toHaveLength(100);
    expect(pageLinks(first.body)).toEqual([`${base}?page=2#centres`]);
    const second = await staff.get(`${base}?page=2`);
    expect(centresOn(second.body)).toHaveLength(5);
    expect(new Set([...centresOn(first.body), ...centresOn(second.body)]).size).toBe(105);
  });
});

describe('the results as files', () => {
  /** Every figure of every page of the results, in one language. */
  async function pageFigures(lang: 'ar' | 'en') {
    const anon = await w.as('anonymous');
    const all = new Map<string, Seen>();
    for (const page of [1, 2]) {
      const res = await anon.get(`${url}?page=${page}&lang=${lang}`);
      for (const [k, v] of figuresOf(res.body)) all.set(k, v);
    }
    return all;
  }
  const stationLabel = (id: number) => fx.stations.find((s) => s.id === id)!.label;

  it('are linked from the page in plain words', async () => {
    const page = await (await w.as('anonymous')).get(`${url}?lang=en`);
    expect(page.body).toContain(`href="${url}.csv" download>as a spreadsheet (CSV: opens in Excel or LibreOffice)</a>`);
    expect(page.body).toContain(`href="${url}.json" download>as a data file for programs (JSON)</a>`);
    const ar = await (await w.as('anonymous')).get(url);
    expect(ar.body).toContain('تنزيل هذه النتائج');
  });

  it('the spreadsheet holds the page’s numbers, hidden figures by their label only, formulas neutralized', async () => {
    const seen = await pageFigures('en');
    const anon = await w.as('anonymous');
    await anon.get(`${url}?lang=en`);
    const res = await anon.get(`${url}.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="election-\d+-results-v1-en\.csv"/);
    const [head, ...rows] = parseCsv(res.body).map((r) => r.fields);
    expect(head).toEqual(['Table', 'Code', 'Name', 'Women', 'Men', 'Voters', 'Registered voters', 'Votes']);
    const row = (table: string, code: string) => rows.find((r) => r[0] === table && r[1] === code);
    const expected = (key: string) => {
      const s = seen.get(key);
      if (!s) throw new Error(`${key} is not on the page`);
      return 'value' in s ? String(s.value) : s.text;
    };
    let hidden = 0;
    const check = (cells: string[] | undefined, key: string) => {
      expect(cells, key).toBeDefined();
      expect(cells!.slice(3, 6), key).toEqual([expected(`${key}:w`), expected(`${key}:m`), expected(`${key}:v`)]);
      for (const part of ['w', 'm', 'v']) if (!('value' in seen.get(`${key}:${part}`)!)) hidden++;
    };
    check(
      rows.find((r) => r[0] === 'Overall'),
      'tot',
    );
    for (const [id, code] of centreCode) check(row('Centre', code), `ce:${id}`);
    for (const s of fx.stations) check(row('Station', stationLabel(s.id)), `st:${s.id}`);
    expect(row('Ballots', 'L1')![7]).toBe(expected('cand:L1'));
    expect(rows.find((r) => r[0] === 'Ballots' && r[2] === 'Invalid ballots (blank ones included)')![7]).toBe(
      expected('invalid'),
    );
    // Some figures are hidden on the page, and the file says so in the same words.
    expect(hidden).toBeGreaterThan(10);
    expect(res.body).toContain('fewer than 10');
    // The centre named like a formula is text, not a formula.
    expect(res.body).toContain(`'=HYPERLINK(""http://example.com"",""x"")`);
    // In Arabic for an Arabic reader.
    const ar = await (await w.as('anonymous')).get(`${url}.csv`);
    expect(parseCsv(ar.body)[0]!.fields.slice(0, 3)).toEqual(['الجدول', 'الرمز', 'الاسم']);
    expect(ar.body).toContain('أقل من 10');
  });

  it('the data file holds the page’s numbers and never a hidden value', async () => {
    const seen = await pageFigures('en');
    const res = await (await w.as('anonymous')).get(`${url}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    type F = { value: number | null; hidden?: string; label_ar?: string; label_en?: string };
    type People = { women: F; men: F; voters: F };
    const data = res.json() as {
      statement: { version: number };
      overall: People;
      ballots: { candidates: { code: string; votes: F }[]; valid: F; invalid: F; blank: F };
      centres: (People & { code: string; stations: (People & { code: string })[] })[];
    };
    expect(data.statement.version).toBe(1);
    // The stored release, to know the true value behind each hidden figure.
    const stored = JSON.parse(
      (
        await w.db
          .selectFrom('election_statements')
          .select('figures')
          .where('election_id', '=', fx.electionId)
          .executeTakeFirstOrThrow()
      ).figures,
    ) as { figures: Record<string, { value: number }> };
    let hidden = 0;
    const same = (got: F, key: string) => {
      const s = seen.get(key)!;
      expect(s, key).toBeDefined();
      if ('value' in s) expect(got, key).toEqual({ value: s.value });
      else {
        hidden++;
        expect(got, key).toEqual({
          value: null,
          hidden: s.hidden,
          label_ar: s.hidden === 'small' ? 'أقل من 10' : 'محجوب',
          label_en: s.text,
        });
        // nothing else in the figure: its true value is nowhere in it
        expect(Object.values(got)).not.toContain(stored.figures[key]!.value);
      }
    };
    const people = (p: People, key: string) => {
      same(p.women, `${key}:w`);
      same(p.men, `${key}:m`);
      same(p.voters, `${key}:v`);
    };
    people(data.overall, 'tot');
    const idOf = new Map([...centreCode].map(([id, code]) => [code, id]));
    expect(data.centres).toHaveLength(105);
    for (const c of data.centres) {
      people(c, `ce:${idOf.get(c.code)}`);
      for (const s of c.stations) people(s, `st:${fx.stations.find((x) => x.label === s.code)!.id}`);
    }
    expect(data.centres.flatMap((c) => c.stations)).toHaveLength(STATIONS);
    for (const c of data.ballots.candidates) same(c.votes, `cand:${c.code}`);
    same(data.ballots.valid, 'valid');
    same(data.ballots.invalid, 'invalid');
    same(data.ballots.blank, 'blank');
    expect(hidden).toBeGreaterThan(10);
    // What the release is protected with stays out of the file.
    expect(res.body).not.toContain('basis');
    expect(res.body).not.toContain('disclosure');
  });

  it('exist only for a published version', async () => {
    const anon = await w.as('anonymous');
    expect((await anon.get(`${url}.csv?version=1`)).statusCode).toBe(200);
    expect((await anon.get(`${url}.csv?version=2`)).statusCode).toBe(404);
    expect((await anon.get(`${url}.json?version=x`)).statusCode).toBe(404);
    // The world's own election has published nothing.
    expect((await anon.get(`/elections/${w.fx.electionId}/results.json`)).statusCode).toBe(404);
    expect((await anon.get(`/elections/${w.fx.electionId}/results.csv`)).statusCode).toBe(404);
  });
});
