// Editing and removing governance records (issue 16): bodies, seats and terms are changed by
// network admins only, with an audit entry; removing asks twice, deletes what nothing depends on
// and archives what history does (a term an election produced, a seat that has had holders, a
// body with votes).
import { describe, expect, it } from 'vitest';
import { rowIn } from '../../../core/db/rows.js';
import { useWorld } from '../testing/test-helpers.js';
import { bodyFields, termFields, theRow } from '../test-fixtures.js';

const s = useWorld();
const db = () => s.t.handle.db;
/** A governance record's row; undefined once it is deleted. */
const stored = (table: 'coord_bodies' | 'coord_seats' | 'coord_terms', id: number) => rowIn(db(), table, id, {});

async function makeBody(name: string) {
  await s.w.c.netAdmin.get('/governance');
  const res = await s.w.c.netAdmin.post('/governance/bodies', bodyFields({ name_ar: name, name_en: `${name} (en)` }));
  expect(res.statusCode).toBe(303);
  return (await theRow(s.t, 'coord_bodies', { name_ar: name })).id;
}

async function makeSeat(bodyId: number, title: string) {
  const res = await s.w.c.netAdmin.post(`/governance/bodies/${bodyId}/seats`, {
    title_ar: title,
    title_en: `${title} (en)`,
  });
  expect(res.statusCode).toBe(303);
  return (await theRow(s.t, 'coord_seats', { title_ar: title })).id;
}

/** The term form for a holder from organization A; `over` changes any other field. */
const termOfA = (holder: string, over: Record<string, string> = {}) =>
  termFields({ holder_name: holder, holder_org_id: String(s.w.orgA), ...over });

async function makeTerm(seatId: number, holder: string, over: Record<string, string> = {}) {
  const res = await s.w.c.netAdmin.post(`/governance/seats/${seatId}/terms`, termOfA(holder, over));
  expect(res.statusCode).toBe(303);
  return (await theRow(s.t, 'coord_terms', { holder_name: holder })).id;
}

/** A network admin removes a record from its edit page. */
async function removeAsAdmin(path: string) {
  await s.w.c.netAdmin.get(`${path}/edit`);
  expect((await s.w.c.netAdmin.post(`${path}/delete`, {})).statusCode).toBe(303);
}

const audits = async (action: string) =>
  (await db().selectFrom('audit_log').select('target_id').where('action', '=', action).execute()).map((r) =>
    Number(r.target_id),
  );

const outsiders = ['anonymous', 'member', 'staffA', 'adminB', 'editor'] as const;

describe('editing bodies, seats and terms', () => {
  it('network admins edit a body; anyone else is refused and nothing changes', async () => {
    const id = await makeBody('لجنة المتابعة');
    const form = await s.w.c.netAdmin.get(`/governance/bodies/${id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="لجنة المتابعة"');
    expect((await s.w.c.netAdmin.get('/governance')).body).toContain(`/governance/bodies/${id}/edit`);
    expect((await s.w.c.adminA.get('/governance')).body).not.toContain(`/governance/bodies/${id}/edit`);
    const change = bodyFields({ kind: 'board', name_ar: 'لجنة الرقابة', name_en: 'Oversight' });
    for (const who of outsiders) {
      await s.w.c[who].get('/governance');
      expect([303, 403, 404], who).toContain((await s.w.c[who].get(`/governance/bodies/${id}/edit`)).statusCode);
      const res = await s.w.c[who].post(`/governance/bodies/${id}/edit`, change);
      expect([303, 403, 404], who).toContain(res.statusCode);
      if (res.statusCode === 303) expect(res.headers.location, who).toMatch(/^\/login/);
    }
    const name = async () =>
      (await db().selectFrom('coord_bodies').select(['name_ar', 'kind']).where('id', '=', id).executeTakeFirstOrThrow())
        .name_ar;
    expect(await name()).toBe('لجنة المتابعة');
    // bad input: the page again with the error beside the field, in Arabic and in English
    await s.w.c.netAdmin.get(`/governance/bodies/${id}/edit`);
    const bad = await s.w.c.netAdmin.post(`/governance/bodies/${id}/edit`, { ...change, name_ar: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('هذا الحقل مطلوب');
    const badEn = await s.w.c.netAdmin.post(`/governance/bodies/${id}/edit?lang=en`, { ...change, name_ar: '' });
    expect(badEn.statusCode).toBe(400);
    expect(badEn.body).toContain('This field is required');
    await s.w.c.netAdmin.get('/governance?lang=ar'); // ?lang= is remembered: back to Arabic
    expect(await name()).toBe('لجنة المتابعة');
    const ok = await s.w.c.netAdmin.post(`/governance/bodies/${id}/edit`, change);
    expect(ok.statusCode).toBe(303);
    expect(await name()).toBe('لجنة الرقابة');
    expect((await s.w.c.anonymous.get('/governance')).body).toContain('لجنة الرقابة');
    expect(await audits('coordination.body.updated')).toEqual([id]);
  });

  it('takes a body and a seat named in Arabic only; the English page shows the Arabic', async () => {
    await s.w.c.netAdmin.get('/governance');
    const body = await s.w.c.netAdmin.post('/governance/bodies', bodyFields({ name_ar: 'لجنة المتابعة', name_en: '' }));
    expect(body.statusCode).toBe(303);
    const id = (await theRow(s.t, 'coord_bodies', { name_ar: 'لجنة المتابعة' })).id;
    await s.w.c.netAdmin.get('/governance');
    expect(
      (await s.w.c.netAdmin.post(`/governance/bodies/${id}/seats`, { title_ar: 'مقرر اللجنة', title_en: '' }))
        .statusCode,
    ).toBe(303);
    const english = await s.w.c.anonymous.get('/governance?lang=en');
    expect(english.body).toContain('لجنة المتابعة');
    expect(english.body).toContain('مقرر اللجنة');
    // the Arabic name is still required, and says so
    const bad = await s.w.c.netAdmin.post('/governance/bodies', bodyFields({ name_ar: '', name_en: 'English only' }));
    expect(bad.statusCode).toBe(400);
    expect(await db().selectFrom('coord_bodies').select('id').where('name_en', '=', 'English only').execute()).toEqual(
      [],
    );
  });

  it('lists a term that has not started yet to network admins, with its edit link, and to no one else', async () => {
    const seat = await makeSeat(await makeBody('هيئة المراجعة'), 'عضو الهيئة');
    await s.w.c.netAdmin.get('/governance');
    const term = await makeTerm(seat, 'Future Holder', { starts_on: '2030-01-01', ends_on: '2031-12-31' });
    const admin = await s.w.c.netAdmin.get('/governance');
    expect(admin.body).toContain('ولايات لم تبدأ بعد');
    expect(admin.body).toContain(`href="/governance/terms/${term}/edit"`);
    for (const who of outsiders)
      expect((await s.w.c[who].get('/governance')).body, who).not.toContain('ولايات لم تبدأ بعد');
  });

  it('network admins correct a seat and a term; a backwards term is refused beside the field', async () => {
    const body = await makeBody('مجلس التحرير');
    const seat = await makeSeat(body, 'أمانة السر');
    const term = await makeTerm(seat, 'Rana Khalil');
    for (const who of outsiders) {
      await s.w.c[who].get('/governance');
      const a = await s.w.c[who].post(`/governance/seats/${seat}/edit`, { title_ar: 'x', title_en: 'x' });
      const b = await s.w.c[who].post(
        `/governance/terms/${term}/edit`,
        termFields({ holder_name: 'x', ends_on: '2026-02-01' }),
      );
      for (const res of [a, b]) expect([303, 403, 404], who).toContain(res.statusCode);
    }
    await s.w.c.netAdmin.get(`/governance/terms/${term}/edit`);
    const bad = await s.w.c.netAdmin.post(
      `/governance/terms/${term}/edit`,
      termOfA('Rana Khalil', { starts_on: '2027-01-01', ends_on: '2026-01-01' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('يجب أن تأتي النهاية بعد البداية');
    const termRow = () => db().selectFrom('coord_terms').selectAll().where('id', '=', term).executeTakeFirstOrThrow();
    expect((await termRow()).ends_on).toBe('2028-12-31');
    // an organization that is not a member: refused beside the field, in Arabic and English
    const stranger = { holder_name: 'x', holder_org_id: '999999', starts_on: '2026-01-01', ends_on: '2026-02-01' };
    const unknown = await s.w.c.netAdmin.post(`/governance/terms/${term}/edit`, stranger);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('الخيار غير صالح؛ يجب الاختيار من القائمة.');
    const unknownEn = await s.w.c.netAdmin.post(`/governance/terms/${term}/edit?lang=en`, stranger);
    expect(unknownEn.body).toContain('Choose one of the options listed.');
    await s.w.c.netAdmin.get('/governance?lang=ar');
    expect((await s.w.c.netAdmin.post(`/governance/seats/${seat}/terms`, stranger)).statusCode).toBe(400);
    expect((await termRow()).holder_name).toBe('Rana Khalil');
    expect(await db().selectFrom('coord_terms').select('id').where('holder_name', '=', 'x').execute()).toEqual([]);
    const ok = await s.w.c.netAdmin.post(
      `/governance/terms/${term}/edit`,
      termFields({ holder_name: 'Rana Khalil-Haddad', holder_org_id: String(s.w.orgB), ends_on: '2027-06-30' }),
    );
    expect(ok.statusCode).toBe(303);
    expect(await termRow()).toMatchObject({
      holder_name: 'Rana Khalil-Haddad',
      holder_org_id: s.w.orgB,
      ends_on: '2027-06-30',
    });
    expect(
      (
        await s.w.c.netAdmin.post(`/governance/seats/${seat}/edit`, {
          title_ar: 'الأمانة العامة',
          title_en: 'Secretariat',
          is_chair: 'on',
        })
      ).statusCode,
    ).toBe(303);
    const seatRow = await theRow(s.t, 'coord_seats', { id: seat });
    expect(seatRow).toMatchObject({ title_ar: 'الأمانة العامة', is_chair: 1 });
    expect(await audits('coordination.term.updated')).toEqual([term]);
    expect(await audits('coordination.seat.updated')).toEqual([seat]);
  });
});

describe('removing bodies, seats and terms', () => {
  it('asks twice, and only network admins can remove', async () => {
    const body = await makeBody('لجنة مؤقتة');
    const page = await s.w.c.netAdmin.get(`/governance/bodies/${body}/edit`);
    expect(page.body).toContain('<details class="confirm">');
    expect(page.body).toContain(`action="/governance/bodies/${body}/delete"`);
    expect(page.body).toContain('تُحذف الهيئة ومقاعدها الشاغرة نهائيًا');
    for (const who of outsiders) {
      await s.w.c[who].get('/governance');
      const res = await s.w.c[who].post(`/governance/bodies/${body}/delete`, {});
      expect([303, 403, 404], who).toContain(res.statusCode);
    }
    expect(await stored('coord_bodies', body)).toBeDefined();
    await removeAsAdmin(`/governance/bodies/${body}`);
    expect(await stored('coord_bodies', body)).toBeUndefined();
    expect(await audits('coordination.body.deleted')).toEqual([body]);
  });

  it('deletes a term recorded by hand and an empty seat; a removed record is gone from the page', async () => {
    const body = await makeBody('لجنة الشباب');
    const seat = await makeSeat(body, 'مقعد الشباب');
    const empty = await makeSeat(body, 'مقعد شاغر');
    const term = await makeTerm(seat, 'Omar Saleh');
    await removeAsAdmin(`/governance/terms/${term}`);
    expect(await stored('coord_terms', term)).toBeUndefined();
    await removeAsAdmin(`/governance/seats/${empty}`);
    expect(await stored('coord_seats', empty)).toBeUndefined();
    const pub = (await s.w.c.netAdmin.get('/governance')).body;
    expect(pub).not.toContain('Omar Saleh');
    expect(pub).not.toContain('مقعد شاغر');
    expect(pub).toContain('مقعد الشباب');
  });

  it('archives what history depends on: a term from an election, a seat that had holders, a body with a vote', async () => {
    const body = await makeBody('مجلس الأمناء');
    const seat = await makeSeat(body, 'مقعد الأمين');
    const handTerm = await makeTerm(seat, 'Lina Hamdan');
    const vote = await db()
      .insertInto('coord_votes')
      .values({
        network_id: s.w.net,
        kind: 'election',
        title: 'Trustees',
        description: '',
        body_id: body,
        max_choices: 1,
        nominations_close_at: null,
        opens_at: '2025-01-01T00:00:00.000Z',
        closes_at: '2025-01-02T00:00:00.000Z',
        quorum_percent: 50,
        eligible_orgs: 3,
        created_by: null,
        created_at: '2024-12-01T00:00:00.000Z',
        cancelled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const elected = await makeTerm(seat, 'Yusuf Najjar');
    await db().updateTable('coord_terms').set({ vote_id: vote.id }).where('id', '=', elected).execute();

    const termPage = await s.w.c.netAdmin.get(`/governance/terms/${elected}/edit`);
    expect(termPage.body).toContain('جاءت هذه الولاية من انتخاب، فتُؤرشف بدل أن تُحذف');
    expect(termPage.body).toContain('تأكيد الأرشفة');
    expect((await s.w.c.netAdmin.post(`/governance/terms/${elected}/delete`, {})).statusCode).toBe(303);
    const kept = await theRow(s.t, 'coord_terms', { id: elected });
    expect(kept.archived_at).not.toBeNull();
    expect(kept.vote_id).toBe(vote.id);
    expect((await s.w.c.netAdmin.get('/governance')).body).not.toContain('Yusuf Najjar');
    // an archived record can no longer be edited or removed
    expect((await s.w.c.netAdmin.get(`/governance/terms/${elected}/edit`)).statusCode).toBe(404);
    expect((await s.w.c.netAdmin.post(`/governance/terms/${elected}/delete`, {})).statusCode).toBe(404);

    // the seat has had holders (one term left, one archived): archived, its terms kept
    expect((await s.w.c.netAdmin.get(`/governance/seats/${seat}/edit`)).body).toContain('شغل هذا المقعدَ أشخاص من قبل');
    expect((await s.w.c.netAdmin.post(`/governance/seats/${seat}/delete`, {})).statusCode).toBe(303);
    const seatRow = await theRow(s.t, 'coord_seats', { id: seat });
    expect(seatRow.archived_at).not.toBeNull();
    expect(await stored('coord_terms', handTerm)).toBeDefined();
    expect((await s.w.c.anonymous.get('/governance')).body).not.toContain('مقعد الأمين');

    // the body has a vote attached: archived, and no longer offered for new votes
    await removeAsAdmin(`/governance/bodies/${body}`);
    const bodyRow = await theRow(s.t, 'coord_bodies', { id: body });
    expect(bodyRow.archived_at).not.toBeNull();
    expect((await s.w.c.anonymous.get('/governance')).body).not.toContain('مجلس الأمناء');
    expect((await s.w.c.netAdmin.get('/votes/new')).body).not.toContain('مجلس الأمناء');
    expect(await audits('coordination.term.archived')).toEqual([elected]);
    expect(await audits('coordination.seat.archived')).toEqual([seat]);
    expect(await audits('coordination.body.archived')).toEqual([body]);
  });
});
