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
