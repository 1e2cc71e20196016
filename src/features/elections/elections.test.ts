// Elections through HTTP, as coordinators and the public use them: who may see and change what,
// election settings, CSV import, double entry and reconciliation, relayed text reports, the
// dashboard, statement approval and versioning, suppression in public, and the demo story.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  Client,
  makeNetwork,
  makeOrganization,
  makeUser,
  signIn,
  type TestApp,
} from '../../testing/app.js';
import { newTotpSecret } from '../../core/auth/totp.js';
import { ensureTown, goodSheet, makeElectionFixture, type Fixture } from './fixture.js';
import { ingestSubmission } from './actions.js';

let t: TestApp;
let net: number;
let jusoor: number;
let noon: number;
let outsider: number;
const users: Record<string, number> = {};
let fx: Fixture;
let n = 0;
const ip = () => `10.7.${Math.floor(++n / 250)}.${n % 250}`;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.handle.db;
  net = await makeNetwork(db);
  jusoor = await makeOrganization(db, net, 'Jusoor');
  noon = await makeOrganization(db, net, 'Noon');
  outsider = await makeOrganization(db, net, 'Outsider');
  const totp = newTotpSecret();
  users.staff = (await makeUser(db, { org: [jusoor, 'orgStaff'], totpSecret: totp })).id;
  users.admin = (await makeUser(db, { org: [jusoor, 'orgAdmin'], totpSecret: totp })).id;
  users.other = (await makeUser(db, { org: [outsider, 'orgAdmin'], totpSecret: totp })).id;
  users.chair = (await makeUser(db, { network: [net, 'networkAdmin'], totpSecret: totp })).id;
  users.member = (await makeUser(db)).id;
  await ensureTown(db);
  await ensureTown(db, 'C1594', 'تل عار', "Tal'ar");
  fx = await makeElectionFixture(db, {
    networkId: net,
    organizerOrgId: jusoor,
    userId: users.staff!,
    now: t.clock.now,
    stations: 4,
    observers: 4,
    codePrefix: 'EL',
  });
});
afterAll(() => t.close());

async function as(who: string) {
  const c = new Client(t.app, ip());
  if (who !== 'anonymous') await signIn(t, c, users[who]!);
  return c;
}
const count = async (table: 'elections' | 'polling_stations' | 'observation_submissions' | 'election_statements') =>
  Number(
    (
      await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const electionBody = (over: Record<string, string | string[]> = {}) => ({
  title_ar: 'انتخابات المجلس المحلي',
  title_en: 'Local council election',
  poll_date: '2026-07-20',
  seats: '15',
  status: 'draft',
  towns: 'C1605',
  organizers: String(jusoor),
  member_partners: String(noon),
  other_partners: 'تجمّع شباب | Youth gathering',
  candidates: 'L1 | قائمة أ | List A\ncandidate:K2 | مرشحة | A candidate',
  summary_ar: '',
  summary_en: '',
  ...over,
});

describe('elections: who may see and change what', () => {
  let draftId: number;

  it('anonymous people are sent to sign in; members without an organization get 404', async () => {
    const anon = await as('anonymous');
    expect((await anon.get('/elections/new')).statusCode).toBe(303);
    const member = await as('member');
    expect((await member.get('/elections/new')).statusCode).toBe(404);
    expect((await member.get('/elections')).body).not.toContain('/elections/new');
  });

  it('organization staff create an election; bad input is refused beside the field, nothing written', async () => {
    const c = await as('staff');
    await c.get('/elections/new');
    const before = await count('elections');
    const bad = await c.post(
      '/elections/new',
      electionBody({ towns: 'C9999', seats: '0', candidates: 'V | محجوز | reserved' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('aria-invalid="true"');
    const notMine = await c.post('/elections/new', electionBody({ organizers: String(noon) }));
    expect(notMine.statusCode).toBe(400);
    const unknown = await c.post('/elections/new', { ...electionBody(), is_admin: '1' });
    expect(unknown.statusCode).toBe(400);
    expect(await count('elections')).toBe(before);
    const ok = await c.post('/elections/new', electionBody());
    expect(ok.statusCode).toBe(303);
    draftId = Number(/\/elections\/(\d+)\/manage/.exec(String(ok.headers.location))![1]);
    const page = await c.get(`/elections/${draftId}/edit`);
    expect(page.body).toContain('candidate:K2');
  });

  it('a draft is visible to its coordinators only; another organization gets 404 everywhere', async () => {
    const anon = await as('anonymous');
    expect((await anon.get(`/elections/${draftId}`)).statusCode).toBe(404);
    expect((await anon.get('/elections')).body).not.toContain(`/elections/${draftId}"`);
    const other = await as('other');
    for (const path of [
      '',
      '/manage',
      '/edit',
      '/observers',
      '/dashboard',
      '/statement',
      '/relay',
      '/forms',
      '/stations',
    ])
      expect((await other.get(`/elections/${draftId}${path}`)).statusCode, path).toBe(404);
    const chair = await as('chair');
    expect((await chair.get(`/elections/${draftId}/manage`)).statusCode).toBe(200);
    // A partner organization is named but does not coordinate.
    const noonStaff = (await makeUser(t.handle.db, { org: [noon, 'orgStaff'], totpSecret: newTotpSecret() })).id;
    const partner = new Client(t.app, ip());
    await signIn(t, partner, noonStaff);
    expect((await partner.get(`/elections/${draftId}/manage`)).statusCode).toBe(404);
  });

  it('an active election is public, without observers’ names anywhere', async () => {
    const anon = await as('anonymous');
    const page = await anon.get(`/elections/${fx.electionId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Observer 1');
    expect(page.body).not.toContain('EL-OB-1');
    const other = await as('other');
    expect((await other.get(`/elections/${fx.electionId}/observers`)).statusCode).toBe(404);
    const posted = await other.post(
      `/elections/${fx.electionId}/observers/${fx.observers[0]!.id}/revoke`,
      {},
      { formPage: '/elections' },
    );
    expect(posted.statusCode).toBe(404);
    const still = await t.handle.db
      .selectFrom('observers')
      .select('status')
      .where('id', '=', fx.observers[0]!.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('active');
  });
});

describe('outreach', () => {
  it('records activities and shows a public summary with small cells hidden', async () => {
    const c = await as('staff');
    await c.get(`/elections/${fx.electionId}/outreach`);
    const add = (over: Record<string, string>) =>
      c.post(`/elections/${fx.electionId}/outreach`, {
        kind: 'women-participation',
        held_on: '2026-06-01',
        town_pcode: 'C1605',
        organization: String(jusoor),
        organization_name: '',
        leaflets: '',
        places: 'المركز',
        reached_women: '64',
        reached_men: '0',
        notes: '',
        ...over,
      });
    expect((await add({})).statusCode).toBe(303);
    expect((await add({ reached_women: '41', reached_men: '7' })).statusCode).toBe(303);
    expect((await add({ kind: 'voter-card', reached_women: '138', reached_men: '162' })).statusCode).toBe(303);
    expect(
      (
        await add({
          kind: 'leaflets',
          leaflets: '1500',
          reached_women: '0',
          reached_men: '0',
          organization: '',
          organization_name: 'شركاء',
        })
      ).statusCode,
    ).toBe(303);
    const bad = await add({ reached_women: 'many', town_pcode: 'C1' });
    expect(bad.statusCode).toBe(400);
    const page = await (await as('anonymous')).get(`/elections/${fx.electionId}?lang=en`);
    expect(page.body).toContain('1,500');
    expect(page.body).toContain('fewer than 10'); // the 7 men are hidden…
    expect(page.body).not.toMatch(/<td>7<\/td>/);
    expect(page.body).not.toMatch(/<td>105<\/td>/); // …and so is the cell that would give them away
  });
});

describe('stations from CSV', () => {
  const header =
    'centre_code,centre_name_ar,centre_name_en,town_pcode,station_code,registered_women,registered_men,women_only';
  it('refuses the whole file when a row is wrong, naming each row and reason', async () => {
    const c = await as('staff');
    await c.get(`/elections/${fx.electionId}/stations`);
    const before = await count('polling_stations');
    const res = await c.post(`/elections/${fx.electionId}/stations/import`, {
      csv: `${header}\nTB-05,مركز,Centre,C1605,S1,10,10,no\nTB-05,مركز,Centre,C1234,S2,x,10,no\nTB-01,مركز,Centre,C1605,S1,1,1,no`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/السطر 3/);
    expect(res.body).toContain('C1234');
    expect(res.body).toContain('السطر 4: صندوق مكرر');
    expect(await count('polling_stations')).toBe(before);
    const ok = await c.post(`/elections/${fx.electionId}/stations/import`, {
      csv: `${header}\nTB-05,مركز,Centre,C1605,S1,10,10,no\nTB-05,مركز,Centre,C1605,S2,,,yes`,
    });
    expect(ok.statusCode).toBe(303);
    expect(await count('polling_stations')).toBe(before + 2);
  });
});

describe('count sheets: reconciliation and double entry', () => {
  const entry = async (c: Client, stationId: number, sheet: Record<string, number>) => {
    const form = await c.get(`/elections/${fx.electionId}/entry?form=${fx.forms.count.id}`);
    const key = /name="key" value="([^"]+)"/.exec(form.body)![1]!;
    const body: Record<string, string> = { key, station_id: String(stationId) };
    for (const [k, v] of Object.entries(sheet)) body[`a_${k}`] = String(v);
    return { res: await c.post(`/elections/${fx.electionId}/entry?form=${fx.forms.count.id}`, body), body };
  };

  it('flags a sheet that breaks a rule, without changing any value', async () => {
    const c = await as('staff');
    const sheet = goodSheet(50, 60, { valid: 90 });
    const { res } = await entry(c, fx.stations[0]!.id, sheet);
    expect(res.statusCode).toBe(303);
    const page = await c.get(String(res.headers.location));
    expect(page.body).toContain('valid + invalid = voters');
    expect(page.body).toContain('votes_total = valid');
    const row = await t.handle.db
      .selectFrom('count_sheets')
      .selectAll()
      .where('station_id', '=', fx.stations[0]!.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.values_json!).valid).toBe(90);
    expect(JSON.parse(row.flags).length).toBeGreaterThan(0);
  });

  it('a second entry that agrees marks the sheet agreed; one that differs opens a conflict to decide', async () => {
    const c = await as('staff');
    const sheet = goodSheet(70, 80);
    await entry(c, fx.stations[1]!.id, sheet);
    const second = await entry(await as('admin'), fx.stations[1]!.id, sheet);
    expect(second.res.statusCode).toBe(303);
    let row = await t.handle.db
      .selectFrom('count_sheets')
      .selectAll()
      .where('station_id', '=', fx.stations[1]!.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('agreed');
    // a resubmitted form (same key) is not a third entry
    const again = await c.post(`/elections/${fx.electionId}/entry?form=${fx.forms.count.id}`, second.body);
    expect(again.statusCode).toBe(303);
    const entries = await t.handle.db
      .selectFrom('observation_submissions')
      .select('id')
      .where('sheet_id', '=', row.id)
      .execute();
    expect(entries).toHaveLength(2);
    const third = await entry(c, fx.stations[1]!.id, { ...sheet, voters_men: 81 });
    expect(third.res.statusCode).toBe(303);
    row = await t.handle.db.selectFrom('count_sheets').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('conflict');
    const screen = await c.get(`/elections/${fx.electionId}/sheets/${row.id}`);
    expect(screen.body).toMatch(/data-differs="1"/);
    expect((screen.body.match(/data-differs="1"/g) ?? []).length).toBe(1);
    expect(screen.body).toContain('name="v_voters_men"');
    const dash = await c.get(`/elections/${fx.electionId}/dashboard`);
    expect(dash.body).toContain(`/sheets/${row.id}`);
    // deciding needs a reason
    const noNote = await c.post(`/elections/${fx.electionId}/sheets/${row.id}/resolve`, {
      v_voters_men: '80',
      note: '',
    });
    expect(noNote.statusCode).toBe(400);
    const other = await as('other');
    expect(
      (
        await other.post(
          `/elections/${fx.electionId}/sheets/${row.id}/resolve`,
          { v_voters_men: '80', note: 'x' },
          { formPage: '/elections' },
        )
      ).statusCode,
    ).toBe(404);
    const decided = await c.post(`/elections/${fx.electionId}/sheets/${row.id}/resolve`, {
      v_voters_men: '80',
      o_voters_men: '',
      note: 'صورة المحضر',
    });
    expect(decided.statusCode).toBe(303);
    row = await t.handle.db.selectFrom('count_sheets').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('resolved');
    expect(JSON.parse(row.values_json!)).toMatchObject({ voters_men: 80, voters_women: 70 });
  });

  it('bad answers come back beside the field, nothing stored', async () => {
    const c = await as('staff');
    const before = await count('observation_submissions');
    const { res } = await entry(c, fx.stations[2]!.id, { ...goodSheet(10, 10), voters_men: -3 as number });
    expect(res.statusCode).toBe(400);
    expect(await count('observation_submissions')).toBe(before);
  });
});

describe('relayed text reports', () => {
  it('parses pasted lines (Arabic-Indic digits too) and replies in Arabic and English naming unknown or missing codes', async () => {
    const c = await as('staff');
    await c.get(`/elections/${fx.electionId}/relay`);
    const s = fx.stations[2]!.label; // e.g. TB-02 S1
    const text = [
      `${s} V ١٢٠ W ٥١ RW 300 RM 300 BR 200 BU 70 BS 10 VA 112 IN 8 BL 3 L1 60 L2 52`,
      'TB-09 S1 W 1 M 1',
      `${s} W 5 Q9 3`,
      `${fx.stations[3]!.label} INC ballot box opened before the count`,
      `${fx.stations[3]!.label} NONET`,
    ].join('\n');
    const res = await c.post(`/elections/${fx.electionId}/relay`, { text });
    expect(res.statusCode).toBe(200);
    expect((res.body.match(/data-ok="1"/g) ?? []).length).toBe(3);
    expect((res.body.match(/data-ok="0"/g) ?? []).length).toBe(2);
    expect(res.body).toContain('Unknown centre or station code: TB-09');
    expect(res.body).toContain('رمز مركز أو صندوق غير معروف: TB-09');
    expect(res.body).toContain('Unknown code: Q9');
    expect(res.body).toMatch(/Missing codes: M BR BU BS VA IN BL L1 L2/);
    expect(res.body).toContain('(M worked out from the total: 69)');
    // pasting the same text again records nothing twice
    const before = await count('observation_submissions');
    const again = await c.post(`/elections/${fx.electionId}/relay`, { text });
    expect(again.body).toContain('was not recorded twice');
    expect(await count('observation_submissions')).toBe(before);
    // the incident is critical and comes first on the dashboard; the station is "no network", not missing
    const dash = await c.get(`/elections/${fx.electionId}/dashboard`);
    expect(dash.body.indexOf('badge')).toBeGreaterThan(-1);
    const attention = dash.body.slice(dash.body.indexOf('<h2>', dash.body.indexOf('dashboard')));
    expect(attention).toContain('data-state="unreachable"');
    const obs = await t.handle.db
      .selectFrom('observers')
      .select('no_network_at')
      .where('id', '=', fx.observers[3]!.id)
      .executeTakeFirstOrThrow();
    expect(obs.no_network_at).not.toBeNull();
  });
});

describe('the public statement', () => {
  it('is drafted by one person, approved by another, frozen and published with its date; a correction is a new version', async () => {
    const db = t.handle.db;
    let staff = await as('staff');
    let admin = await as('admin');
    const results = await (await as('anonymous')).get(`/elections/${fx.electionId}/results`);
    expect(results.body).not.toMatch(/<td>\d/); // nothing public before approval
    await staff.get(`/elections/${fx.electionId}/statement`);
    const draft = await staff.post(`/elections/${fx.electionId}/statement`, {
      cutoff: '2026-06-28T11:59',
      remarks_ar: '',
      remarks_en: 'Thanks to all observers.',
    });
    expect(draft.statusCode).toBe(303);
    const s = await db
      .selectFrom('election_statements')
      .selectAll()
      .where('election_id', '=', fx.electionId)
      .executeTakeFirstOrThrow();
    expect(s.status).toBe('draft');
    expect(s.text_en).toContain('Thanks to all observers.');
    // the drafter cannot approve
    const self = await staff.post(`/elections/${fx.electionId}/statement/${s.id}/approve`, {});
    expect(self.statusCode).toBe(400);
    expect(
      (await db.selectFrom('election_statements').select('status').where('id', '=', s.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('draft');
    // an outsider cannot either
    expect(
      (
        await (
          await as('other')
        ).post(`/elections/${fx.electionId}/statement/${s.id}/approve`, {}, { formPage: '/elections' })
      ).statusCode,
    ).toBe(404);
    await admin.get(`/elections/${fx.electionId}/statement`);
    const ok = await admin.post(`/elections/${fx.electionId}/statement/${s.id}/approve`, {});
    expect(ok.statusCode).toBe(303);
    const v1 = await db.selectFrom('election_statements').selectAll().where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(v1).toMatchObject({ status: 'published', version: 1, published_on: '2026-06-28', approved_by: users.admin });
    const pub = await (await as('anonymous')).get(`/elections/${fx.electionId}/results?lang=en`);
    expect(pub.body).toContain('Version 1, published 28 June 2026');
    // published results never name observers or devices, and no submission time
    expect(pub.body).not.toMatch(/Observer \d|EL-OB-/);
    // a correction must say what changed
    t.clock.advance(86_400_000);
    // staff sessions end after two idle hours: sign in again the next day
    staff = await as('staff');
    admin = await as('admin');
    await staff.get(`/elections/${fx.electionId}/statement`);
    const noNote = await staff.post(`/elections/${fx.electionId}/statement`, { cutoff: '2026-06-29T11:00' });
    expect(noNote.statusCode).toBe(400);
    const future = await staff.post(`/elections/${fx.electionId}/statement`, {
      cutoff: '2027-01-01T00:00',
      change_note_ar: 'أ',
      change_note_en: 'b',
    });
    expect(future.statusCode).toBe(400);
    await staff.post(`/elections/${fx.electionId}/statement`, {
      cutoff: '2026-06-29T11:00',
      change_note_ar: 'أُضيف محضر صندوق',
      change_note_en: 'One more station sheet added',
    });
    const d2 = await db
      .selectFrom('election_statements')
      .selectAll()
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    await admin.get(`/elections/${fx.electionId}/statement`);
    await admin.post(`/elections/${fx.electionId}/statement/${d2.id}/approve`, {});
    const latest = await (await as('anonymous')).get(`/elections/${fx.electionId}/results?lang=en`);
    expect(latest.body).toContain('Version 2, published 29 June 2026');
    expect(latest.body).toContain('One more station sheet added');
    expect(latest.body).toContain(`/elections/${fx.electionId}/results?version=1`);
    const old = await (await as('anonymous')).get(`/elections/${fx.electionId}/results?version=1&lang=en`);
    expect(old.body).toContain('Version 1, published 28 June 2026');
    expect((await (await as('anonymous')).get(`/elections/${fx.electionId}/results?version=9`)).statusCode).toBe(404);
    // version 1 is frozen: its text did not change
    expect(
      (await db.selectFrom('election_statements').select('text_ar').where('id', '=', s.id).executeTakeFirstOrThrow())
        .text_ar,
    ).toBe(v1.text_ar);
  });

  it('hides small cells in the published figures, and their complements', async () => {
    const db = t.handle.db;
    const f2 = await makeElectionFixture(db, {
      networkId: net,
      organizerOrgId: jusoor,
      userId: users.staff!,
      now: t.clock.now,
      stations: 3,
      observers: 0,
      codePrefix: 'SM',
    });
    const sheets = [goodSheet(6, 90), goodSheet(40, 55), goodSheet(35, 60)];
    for (const [i, sh] of sheets.entries())
      await ingestSubmission(
        db,
        t.app.wasl.dialect,
        {
          electionId: f2.electionId,
          electionStatus: 'active',
          form: f2.forms.count,
          stationId: f2.stations[i]!.id,
          observerId: null,
          enteredBy: users.staff!,
          source: 'web',
          key: `web:sm-${i}`,
          rawAnswers: sh,
        },
        t.clock.now,
      );
    const staff = await as('staff');
    await staff.get(`/elections/${f2.electionId}/statement`);
    await staff.post(`/elections/${f2.electionId}/statement`, {
      cutoff: new Date(t.clock.now.getTime() + 3 * 3600_000).toISOString().slice(0, 16),
    });
    const d = await db
      .selectFrom('election_statements')
      .selectAll()
      .where('election_id', '=', f2.electionId)
      .executeTakeFirstOrThrow();
    const admin = await as('admin');
    await admin.get(`/elections/${f2.electionId}/statement`);
    await admin.post(`/elections/${f2.electionId}/statement/${d.id}/approve`, {});
    const page = await (await as('anonymous')).get(`/elections/${f2.electionId}/results?lang=en`);
    const stationTable = page.body.slice(page.body.indexOf('By station'));
    expect(stationTable).not.toMatch(/<td>6<\/td>/);
    expect((stationTable.match(/fewer than 10/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(page.body).toContain('81'); // total women are still published (6 + 40 + 35)
  });
});

describe('forms', () => {
  it('a coordinator builds a form with a condition and publishes it; a published version is edited only as a new version', async () => {
    const c = await as('staff');
    await c.get(`/elections/${fx.electionId}/forms`);
    const created = await c.post(`/elections/${fx.electionId}/forms`, {
      kind: 'opening',
      title_ar: 'افتتاح ثان',
      title_en: 'Second opening',
    });
    expect(created.statusCode).toBe(303);
    const url = String(created.headers.location);
    const page = await c.get(url);
    expect(page.body).toContain('name="q0_id"');
    const saved = await c.post(url, {
      title_ar: 'افتتاح ثان',
      title_en: 'Second opening',
      q0_id: 'opened',
      q0_type: 'yesno',
      q0_label_ar: 'هل فُتح؟',
      q0_label_en: 'Opened?',
      q0_required: 'on',
      q0_critical: 'no',
      q1_id: 'why',
      q1_type: 'choice',
      q1_label_ar: 'لماذا؟',
      q1_label_en: 'Why?',
      q1_options: 'تأخر | Late\n* منع | Prevented',
      q1_show_if: 'opened=no',
      rules: '',
    });
    expect(saved.statusCode).toBe(303);
    const bad = await c.post(url, {
      title_ar: 'x',
      title_en: 'y',
      q0_id: 'a',
      q0_type: 'yesno',
      q0_label_ar: 'a',
      q0_label_en: 'a',
      q0_show_if: 'nothing=yes',
    });
    expect(bad.statusCode).toBe(400);
    const publish = await c.post(`${url}/publish`, {});
    expect(publish.statusCode).toBe(303);
    const fid = Number(url.split('/').pop());
    const f = await t.handle.db
      .selectFrom('observation_forms')
      .selectAll()
      .where('id', '=', fid)
      .executeTakeFirstOrThrow();
    expect(f.status).toBe('published');
    expect(JSON.parse(f.definition).questions[1]).toMatchObject({ showIf: { question: 'opened', equals: 'no' } });
    expect((await c.post(url, { title_ar: 'x', title_en: 'y' })).statusCode).toBe(404); // frozen
    const nv = await c.post(`${url}/new-version`, {});
    expect(nv.statusCode).toBe(303);
    const v2 = await t.handle.db
      .selectFrom('observation_forms')
      .selectAll()
      .where('slug', '=', f.slug)
      .where('election_id', '=', fx.electionId)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    expect(v2.status).toBe('draft');
  });

  it('count-form rules naming unknown fields are refused with the line', async () => {
    const c = await as('staff');
    await c.get(`/elections/${fx.electionId}/forms`);
    const created = await c.post(`/elections/${fx.electionId}/forms`, {
      kind: 'count',
      title_ar: 'محضر',
      title_en: 'Sheet',
    });
    const url = String(created.headers.location);
    const res = await c.post(url, {
      title_ar: 'محضر',
      title_en: 'Sheet',
      rules: 'valid + invalid = voters\nvoters <= registred',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('registred');
  });
});
