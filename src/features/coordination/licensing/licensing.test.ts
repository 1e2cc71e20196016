// Licensing with local councils: councils added by coordinators, each member's files, documents,
// visits, dates, and the reminder before a licence expires.
import { describe, expect, it } from 'vitest';
import { idFrom, resignIn, useWorld } from '../testing/test-helpers.js';
import { sendLicenceReminders } from './reminders.js';
import { DAY } from '../../../core/time.js';

const s = useWorld();

describe('licensing', () => {
  let licence: number;

  it('coordinators add councils; members open their own files only', async () => {
    await s.w.c.adminA.get('/licensing');
    expect(
      (await s.w.c.adminA.post('/licensing/councils', { name_ar: 'x', name_en: 'x', town_pcode: 'C1564' })).statusCode,
    ).toBe(404);
    await s.w.c.editor.get('/licensing');
    const bad = await s.w.c.editor.post('/licensing/councils', {
      name_ar: 'مجلس',
      name_en: 'Council',
      town_pcode: 'C9999',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await s.w.c.editor.post('/licensing/councils', {
      name_ar: 'المجلس المحلي في أعزاز',
      name_en: 'A’zaz Local Council',
      town_pcode: 'C1564',
      contact_name: 'Office of civil society',
      contact_phone: '+963 944 000 111',
      contact_email: '',
      notes: '',
    });
    expect(ok.statusCode).toBe(303);
    const council = await s.t.handle.db.selectFrom('coord_councils').select('id').executeTakeFirstOrThrow();
    // A cannot open a file for B
    let res = await s.w.c.adminA.post('/licensing/licences', {
      org_id: String(s.w.orgB),
      council_id: String(council.id),
      documents: '',
    });
    expect(res.statusCode).toBe(400);
    res = await s.w.c.adminA.post('/licensing/licences', {
      org_id: String(s.w.orgA),
      council_id: String(council.id),
      documents: 'Bylaws\nBoard list\nOffice lease',
    });
    expect(res.statusCode).toBe(303);
    licence = idFrom(res.headers.location);
    expect((await s.w.c.staffA.get(`/licensing/${licence}`)).statusCode).toBe(200);
    expect((await s.w.c.editor.get(`/licensing/${licence}`)).statusCode).toBe(200);
    expect((await s.w.c.netAdmin.get(`/licensing/${licence}`)).statusCode).toBe(200);
    for (const who of ['adminB', 'member'] as const)
      expect((await s.w.c[who].get(`/licensing/${licence}`)).statusCode, who).toBe(404);
    expect((await s.w.c.adminB.get('/licensing')).body).not.toContain(`/licensing/${licence}"`);
    expect((await s.w.c.editor.get('/licensing')).body).toContain(`/licensing/${licence}"`);
  });

  it('tracks documents, visits and dates; reminds before the licence expires', async () => {
    await s.w.c.adminA.get(`/licensing/${licence}`);
    const doc = await s.t.handle.db
      .selectFrom('coord_licence_documents')
      .select('id')
      .where('licence_id', '=', licence)
      .executeTakeFirstOrThrow();
    expect(
      (
        await s.w.c.adminA.post(`/licensing/${licence}/documents/submitted`, {
          doc_id: String(doc.id),
          submitted_on: '2026-06-28',
        })
      ).statusCode,
    ).toBe(303);
    const visit = await s.w.c.editor.post(`/licensing/${licence}/visits`, {
      visit_on: '2026-07-05',
      who_went: 'Network coordinator and Alpha’s director',
      met_whom: 'Head of the civil society office',
      outcome: '',
      next_step: 'Bring the board list',
    });
    expect(visit.statusCode).toBe(303);
    expect((await s.w.c.editor.get('/licensing')).body).toContain('Network coordinator and Alpha’s director');
    const bad = await s.w.c.adminA.post(`/licensing/${licence}`, {
      status: 'licensed',
      applied_on: '2026-13-40',
      notes: '',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await s.w.c.adminA.post(`/licensing/${licence}`, {
      status: 'licensed',
      applied_on: '2026-06-01',
      visit_on: '2026-07-05',
      licensed_on: '2026-07-20',
      expires_on: '2026-09-30',
      notes: '',
    });
    expect(ok.statusCode).toBe(303);
    // more than 60 days before expiry: nothing; within: one reminder to A's admins, once.
    expect(await sendLicenceReminders(s.t.app.wasl, s.t.clock.now)).toBe(0);
    s.t.clock.advance(40 * DAY);
    await resignIn(s.t, s.w);
    expect(await sendLicenceReminders(s.t.app.wasl, s.t.clock.now)).toBe(1);
    expect(await sendLicenceReminders(s.t.app.wasl, s.t.clock.now)).toBe(0);
    const mail = await s.t.handle.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'admin_a@example.org')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain(`/licensing/${licence}`);
    const row = await s.t.handle.db
      .selectFrom('coord_licences')
      .select('status')
      .where('id', '=', licence)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('renewal_due');
  });
});

describe('editing and removing councils and licence files (issue 16)', () => {
  const db = () => s.t.handle.db;
  const council = {
    name_ar: 'المجلس المحلي في الباب',
    name_en: 'Al-Bab Local Council',
    town_pcode: 'C1202',
    contact_name: '',
    contact_phone: '',
    contact_email: '',
    notes: '',
  };
  async function addCouncil(name_ar: string) {
    await s.w.c.editor.get('/licensing');
    expect((await s.w.c.editor.post('/licensing/councils', { ...council, name_ar })).statusCode).toBe(303);
    return (
      await db().selectFrom('coord_councils').select('id').where('name_ar', '=', name_ar).executeTakeFirstOrThrow()
    ).id;
  }
  async function openFile(councilId: number, documents = '') {
    await s.w.c.staffA.get('/licensing');
    const res = await s.w.c.staffA.post('/licensing/licences', {
      org_id: String(s.w.orgA),
      council_id: String(councilId),
      documents,
    });
    expect(res.statusCode).toBe(303);
    return idFrom(res.headers.location);
  }
  const audits = async (action: string) =>
    (await db().selectFrom('audit_log').select('target_id').where('action', '=', action).execute()).map((r) =>
      Number(r.target_id),
    );

  it('coordinators edit a council; members are refused; a bad town changes nothing', async () => {
    const id = await addCouncil('مجلس للتعديل');
    expect((await s.w.c.editor.get('/licensing')).body).toContain(`/licensing/councils/${id}/edit`);
    expect((await s.w.c.adminA.get('/licensing')).body).not.toContain(`/licensing/councils/${id}/edit`);
    for (const who of ['anonymous', 'member', 'adminA', 'staffB'] as const) {
      await s.w.c[who].get('/licensing');
      expect([303, 404], who).toContain((await s.w.c[who].get(`/licensing/councils/${id}/edit`)).statusCode);
      const res = await s.w.c[who].post(`/licensing/councils/${id}/edit`, { ...council, name_ar: 'مجلس آخر' });
      expect([303, 403, 404], who).toContain(res.statusCode);
    }
    const name = async () =>
      (await db().selectFrom('coord_councils').select('name_ar').where('id', '=', id).executeTakeFirstOrThrow())
        .name_ar;
    expect(await name()).toBe('مجلس للتعديل');
    await s.w.c.editor.get(`/licensing/councils/${id}/edit`);
    const bad = await s.w.c.editor.post(`/licensing/councils/${id}/edit`, { ...council, town_pcode: 'C9999' });
    expect(bad.statusCode).toBe(400);
    expect(await name()).toBe('مجلس للتعديل');
    const ok = await s.w.c.editor.post(`/licensing/councils/${id}/edit`, {
      ...council,
      name_ar: 'مجلس مدينة الباب',
      contact_name: 'Civil society office',
    });
    expect(ok.statusCode).toBe(303);
    expect(await name()).toBe('مجلس مدينة الباب');
    expect(await audits('coordination.council.updated')).toEqual([id]);
  });

  it('removes a council: deleted when no file refers to it, archived (files kept) when one does', async () => {
    const unused = await addCouncil('مجلس بلا ملفات');
    const used = await addCouncil('مجلس فيه ملف');
    const file = await openFile(used);
    const page = await s.w.c.editor.get(`/licensing/councils/${used}/edit`);
    expect(page.body).toContain('<details class="confirm">');
    expect(page.body).toContain('فيُؤرشف بدل أن يُحذف');
    for (const who of ['anonymous', 'member', 'adminA', 'staffA'] as const) {
      await s.w.c[who].get('/licensing');
      expect([303, 403, 404], who).toContain(
        (await s.w.c[who].post(`/licensing/councils/${unused}/delete`, {})).statusCode,
      );
    }
    expect(
      await db().selectFrom('coord_councils').select('id').where('id', '=', unused).executeTakeFirst(),
    ).toBeDefined();
    await s.w.c.editor.get('/licensing');
    expect((await s.w.c.editor.post(`/licensing/councils/${unused}/delete`, {})).statusCode).toBe(303);
    expect(
      await db().selectFrom('coord_councils').select('id').where('id', '=', unused).executeTakeFirst(),
    ).toBeUndefined();
    expect((await s.w.c.editor.post(`/licensing/councils/${used}/delete`, {})).statusCode).toBe(303);
    const kept = await db().selectFrom('coord_councils').selectAll().where('id', '=', used).executeTakeFirstOrThrow();
    expect(kept.archived_at).not.toBeNull();
    // gone from the list and from the choices for a new file; A's file at it is still there
    await s.w.c.staffA.get('/licensing');
    expect((await s.w.c.staffA.get('/licensing')).body).not.toContain(`value="${used}"`);
    expect((await s.w.c.staffA.get(`/licensing/${file}`)).statusCode).toBe(200);
    expect(await audits('coordination.council.deleted')).toEqual([unused]);
    expect(await audits('coordination.council.archived')).toEqual([used]);
  });

  it('removes a licence file: its organization and coordinators only; with documents it is archived and can be reopened', async () => {
    const at = await addCouncil('مجلس للملفات');
    const empty = await openFile(at);
    // another organization, a plain member: refused, nothing changes
    for (const who of ['adminB', 'staffB', 'member', 'anonymous'] as const) {
      await s.w.c[who].get('/licensing');
      expect([303, 403, 404], who).toContain((await s.w.c[who].post(`/licensing/${empty}/delete`, {})).statusCode);
    }
    expect(
      await db().selectFrom('coord_licences').select('id').where('id', '=', empty).executeTakeFirst(),
    ).toBeDefined();
    const page = await s.w.c.staffA.get(`/licensing/${empty}`);
    expect(page.body).toContain(`action="/licensing/${empty}/delete"`);
    expect(page.body).toContain('يُحذف ملف الترخيص نهائيًا');
    expect((await s.w.c.staffA.post(`/licensing/${empty}/delete`, {})).statusCode).toBe(303);
    expect(
      await db().selectFrom('coord_licences').select('id').where('id', '=', empty).executeTakeFirst(),
    ).toBeUndefined();

    const withDocs = await openFile(at, 'Bylaws');
    expect((await s.w.c.editor.get(`/licensing/${withDocs}`)).body).toContain('في هذا الملف وثائق أو زيارات');
    expect((await s.w.c.editor.post(`/licensing/${withDocs}/delete`, {})).statusCode).toBe(303);
    const row = await db()
      .selectFrom('coord_licences')
      .selectAll()
      .where('id', '=', withDocs)
      .executeTakeFirstOrThrow();
    expect(row.archived_at).not.toBeNull();
    expect((await s.w.c.staffA.get(`/licensing/${withDocs}`)).statusCode).toBe(404);
    expect((await s.w.c.staffA.get('/licensing')).body).not.toContain(`/licensing/${withDocs}"`);
    // opening a file at the same council again brings it back with its documents
    expect(await openFile(at)).toBe(withDocs);
    expect((await s.w.c.staffA.get(`/licensing/${withDocs}`)).body).toContain('Bylaws');
    expect(await audits('coordination.licence.deleted')).toEqual([empty]);
    expect(await audits('coordination.licence.archived')).toEqual([withDocs]);
  });

  it('corrects and removes a document and a visit: the organization and coordinators only; bad input changes nothing', async () => {
    const file = await openFile(await addCouncil('مجلس للتصحيح'), 'النظام الداخلي');
    const doc = await db()
      .selectFrom('coord_licence_documents')
      .selectAll()
      .where('licence_id', '=', file)
      .executeTakeFirstOrThrow();
    const documentAsSaved = () =>
      db()
        .selectFrom('coord_licence_documents')
        .select(['name', 'submitted_on'])
        .where('id', '=', doc.id)
        .executeTakeFirst();
    await s.w.c.staffA.get(`/licensing/${file}`);
    const visit = await s.w.c.staffA.post(`/licensing/${file}/visits`, {
      visit_on: '2022-03-14',
      who_went: 'المدير',
      met_whom: 'رئيس المكتب',
      outcome: 'طلبوا قائمة مجلس الإدارة',
      next_step: '',
    });
    expect(visit.statusCode).toBe(303);
    const visitId = Number(/#visit-(\d+)/.exec(String(visit.headers.location))![1]);
    const page = await s.w.c.staffA.get(`/licensing/${file}`);
    expect(page.body).toContain(`action="/licensing/${file}/documents/${doc.id}"`);
    expect(page.body).toContain(`href="/licensing/${file}/visits/${visitId}/edit"`);

    // others: refused, nothing changes
    for (const who of ['adminB', 'staffB', 'member'] as const) {
      await s.w.c[who].get('/licensing');
      expect((await s.w.c[who].get(`/licensing/${file}/visits/${visitId}/edit`)).statusCode, who).toBe(404);
      const tries = [
        s.w.c[who].post(`/licensing/${file}/documents/${doc.id}`, { name: 'x', submitted_on: '' }),
        s.w.c[who].post(`/licensing/${file}/documents/${doc.id}/delete`, {}),
        s.w.c[who].post(`/licensing/${file}/visits/${visitId}/edit`, { visit_on: '2022-03-15' }),
        s.w.c[who].post(`/licensing/${file}/visits/${visitId}/delete`, {}),
      ];
      for (const res of await Promise.all(tries)) expect(res.statusCode, who).toBe(404);
    }
    // a document of another file cannot be reached through this one
    const other = await openFile(await addCouncil('مجلس آخر للتصحيح'), 'وثيقة أخرى');
    expect(
      (await s.w.c.staffA.post(`/licensing/${other}/documents/${doc.id}`, { name: 'x', submitted_on: '' })).statusCode,
    ).toBe(404);
    expect(
      (
        await s.w.c.staffA.post(`/licensing/${other}/documents/submitted`, {
          doc_id: String(doc.id),
          submitted_on: '2022-03-01',
        })
      ).statusCode,
    ).toBe(404);
    // bad input: a clear error, nothing changes
    const bad = await s.w.c.staffA.post(`/licensing/${file}/documents/${doc.id}`, {
      name: '',
      submitted_on: '2022-02-30',
    });
    expect(bad.statusCode).toBe(400);
    const badVisit = await s.w.c.staffA.post(`/licensing/${file}/visits/${visitId}/edit`, {
      visit_on: 'yesterday',
      who_went: 'x',
      met_whom: '',
      outcome: '',
      next_step: '',
    });
    expect(badVisit.statusCode).toBe(400);
    expect(await documentAsSaved()).toEqual({ name: 'النظام الداخلي', submitted_on: null });

    // the organization corrects the name and the real day it was handed in (in 2022)
    expect(
      (
        await s.w.c.staffA.post(`/licensing/${file}/documents/${doc.id}`, {
          name: 'النظام الداخلي المعدّل',
          submitted_on: '2022-03-01',
        })
      ).statusCode,
    ).toBe(303);
    expect(await documentAsSaved()).toEqual({ name: 'النظام الداخلي المعدّل', submitted_on: '2022-03-01' });
    // a coordinator corrects the visit
    await s.w.c.editor.get(`/licensing/${file}/visits/${visitId}/edit`);
    const fixed = await s.w.c.editor.post(`/licensing/${file}/visits/${visitId}/edit`, {
      visit_on: '2022-03-15',
      who_went: 'المدير ومنسق الشبكة',
      met_whom: 'رئيس المكتب',
      outcome: 'طلبوا قائمة مجلس الإدارة',
      next_step: 'إرسال القائمة',
    });
    expect(fixed.statusCode).toBe(303);
    expect((await s.w.c.staffA.get(`/licensing/${file}`)).body).toContain('المدير ومنسق الشبكة');
    // removed, each after the question
    expect((await s.w.c.staffA.get(`/licensing/${file}/visits/${visitId}/edit`)).body).toContain(
      'يُحذف سجل هذه الزيارة نهائيًا',
    );
    expect((await s.w.c.staffA.post(`/licensing/${file}/visits/${visitId}/delete`, {})).statusCode).toBe(303);
    expect((await s.w.c.staffA.post(`/licensing/${file}/documents/${doc.id}/delete`, {})).statusCode).toBe(303);
    expect(
      await db().selectFrom('coord_licence_visits').select('id').where('id', '=', visitId).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await db().selectFrom('coord_licence_documents').select('id').where('id', '=', doc.id).executeTakeFirst(),
    ).toBeUndefined();
    expect((await s.w.c.staffA.get(`/licensing/${file}/visits/${visitId}/edit`)).statusCode).toBe(404);
  });
});
