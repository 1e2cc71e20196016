// Strategic plans and reviews, licensing with local councils, lessons learned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { findBySource } from '../publishing/queries.js';
import { idFrom, makeWorld, PDF, postMultipart, resignIn, type World } from './test-helpers.js';
import { sendLicenceReminders } from './jobs.js';
import { DAY } from '../../core/time.js';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await makeWorld(t);
  // B and C name their executive directors (the reviewer candidates for A's plan).
  for (const [admin, org] of [
    ['adminB', w.orgB],
    ['adminC', w.orgC],
  ] as const) {
    await w.c[admin].get('/workspace');
    await w.c[admin].post(`/workspace/${org}/people`, {
      user_id: String(w.users[admin]),
      title: 'Executive director',
      executive_director: 'on',
    });
  }
});
afterAll(() => t.close());

describe('strategic plans and reviews', () => {
  let plan: number;
  let review: number;

  it('keeps structured sections and versions, visible to the organization only', async () => {
    await w.c.staffA.get('/plans');
    const empty = await postMultipart(
      t,
      w.c.staffA,
      `/plans/new?org=${w.orgA}`,
      { title: 'Plan 2026–2028', vision: '', mission: '', goals: '', objectives: '', activities: '', note: '' },
      {},
    );
    expect(empty.statusCode).toBe(400);
    const res = await postMultipart(
      t,
      w.c.staffA,
      `/plans/new?org=${w.orgA}`,
      {
        title: 'Plan 2026–2028',
        vision: 'Towns where every voice counts',
        mission: 'We bring residents and councils together',
        goals: 'Dialogue sessions\nYouth councils',
        objectives: 'Twelve sessions a year',
        activities: '2026: sessions in Tal’ar',
        note: 'first draft',
      },
      {},
    );
    expect(res.statusCode).toBe(303);
    plan = idFrom(res.headers.location);
    const v2 = await postMultipart(
      t,
      w.c.adminA,
      `/plans/${plan}/versions`,
      {
        vision: 'Towns where every voice counts, women’s first',
        mission: 'We bring residents and councils together',
        goals: 'Dialogue sessions',
        objectives: '',
        activities: '',
        note: 'after the board’s remarks',
      },
      { file: { filename: 'plan.pdf', data: PDF('confidential plan document') } },
    );
    expect(v2.statusCode).toBe(303);
    const page = await w.c.staffA.get(`/plans/${plan}`);
    expect(page.body).toContain('women’s first');
    expect((await w.c.staffA.get(`/plans/${plan}?v=1`)).body).not.toContain('women’s first');
    for (const who of ['adminB', 'adminC', 'netAdmin', 'editor', 'member'] as const)
      expect((await w.c[who].get(`/plans/${plan}`)).statusCode, who).toBe(404);
    expect((await w.c.adminB.get('/plans')).body).not.toContain('Plan 2026–2028');
  });

  it('opens a review only with executive directors of other members (and/or the board)', async () => {
    const versions = await t.handle.db
      .selectFrom('coord_plan_versions')
      .select(['id', 'version'])
      .where('plan_id', '=', plan)
      .orderBy('version', 'desc')
      .execute();
    await w.c.adminA.get(`/plans/${plan}`);
    // staff B is not an executive director: refused; nobody chosen: refused
    let res = await w.c.adminA.post(`/plans/${plan}/reviews`, {
      version_id: String(versions[0]!.id),
      reviewers: [String(w.users.staffB)],
      meeting_id: '',
    });
    expect(res.statusCode).toBe(400);
    res = await w.c.adminA.post(`/plans/${plan}/reviews`, { version_id: String(versions[0]!.id), meeting_id: '' });
    expect(res.statusCode).toBe(400);
    res = await w.c.adminA.post(`/plans/${plan}/reviews`, {
      version_id: String(versions[0]!.id),
      reviewers: [String(w.users.adminC)],
      meeting_id: '',
    });
    expect(res.statusCode).toBe(303);
    review = idFrom(res.headers.location);
    // the reviewer was told (outbox)
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .select('body_text')
      .where('to_address', '=', 'admin_c@example.org')
      .execute();
    expect(mail.some((m) => m.body_text.includes(`/plans/reviews/${review}`))).toBe(true);
  });

  it('lets the chosen reviewer read the version and comment per section; nobody else', async () => {
    const page = await w.c.adminC.get(`/plans/reviews/${review}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('women’s first');
    for (const who of ['adminB', 'netAdmin', 'member', 'anonymous'] as const)
      expect([404, 303]).toContain((await w.c[who].get(`/plans/reviews/${review}`)).statusCode);
    // the attached document, through the review, for the reviewer only
    const file = await w.c.adminC.get(`/plans/reviews/${review}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('confidential plan document');
    expect((await w.c.adminB.get(`/plans/reviews/${review}/file`)).statusCode).toBe(404);
    // the reviewer still cannot open the plan itself (other versions)
    expect((await w.c.adminC.get(`/plans/${plan}`)).statusCode).toBe(404);

    let res = await w.c.adminC.post(`/plans/reviews/${review}/comments`, {
      section: 'vision',
      body: 'Say which towns first.',
    });
    expect(res.statusCode).toBe(303);
    res = await w.c.adminC.post(`/plans/reviews/${review}/comments`, { section: 'nonsense', body: 'x' });
    expect(res.statusCode).toBe(400);
    await w.c.adminB.get('/plans');
    expect(
      (await w.c.adminB.post(`/plans/reviews/${review}/comments`, { section: 'vision', body: 'sneaky' })).statusCode,
    ).toBe(404);
    const comment = await t.handle.db.selectFrom('coord_review_comments').select('id').executeTakeFirstOrThrow();
    // the organization answers, but does not open threads
    await w.c.staffA.get(`/plans/reviews/${review}`);
    expect(
      (await w.c.staffA.post(`/plans/reviews/${review}/comments`, { section: 'goals', body: 'own thread' })).statusCode,
    ).toBe(400);
    res = await w.c.staffA.post(`/plans/reviews/${review}/comments`, {
      section: 'vision',
      body: 'Tal’ar and Akhtarin.',
      parent_id: String(comment.id),
    });
    expect(res.statusCode).toBe(303);
    const view = await w.c.adminC.get(`/plans/reviews/${review}`);
    expect(view.body).toContain('Tal’ar and Akhtarin.');
  });

  it('ties the review to the consultative meeting, whose decisions become the organization’s action items', async () => {
    // a consultative meeting the editor organizes, inviting A's and C's people
    await w.c.editor.get('/meetings/new');
    const m = await w.c.editor.post('/meetings/new', {
      kind: 'consultative',
      title: 'Consultative meeting',
      description: '',
      host_org_id: '',
      starts_at: '2026-07-10T10:00',
      ends_at: '2026-07-10T13:00',
      place_kind: 'online',
      place_org_id: '',
      town_pcode: '',
      place_detail: '',
      online_url: 'https://meet.example.org/c',
      visibility: 'invitees',
      public_summary: '',
      quorum_orgs: '0',
      invite_users: 'admin_a, admin_c',
    });
    expect(m.statusCode).toBe(303);
    const meeting = idFrom(m.headers.location);
    await t.handle.db.updateTable('coord_reviews').set({ meeting_id: meeting }).where('id', '=', review).execute();
    const page = await w.c.editor.get(`/meetings/${meeting}`);
    // the editor manages the meeting but may not open the review, nor read the plan's title
    expect(page.body).not.toContain(`/plans/reviews/${review}"`);
    expect(page.body).not.toContain('Plan 2026–2028');
    expect(page.body).toMatch(new RegExp(`<option value="${review}"[^>]*>[^<]*Alpha`));
    expect((await w.c.adminC.get(`/meetings/${meeting}`)).body).toContain(`/plans/reviews/${review}`);
    const d = await w.c.editor.post(`/meetings/${meeting}/decisions`, {
      text: 'Alpha adds a gender goal',
      review_id: String(review),
    });
    expect(d.statusCode).toBe(303);
    const decision = await t.handle.db
      .selectFrom('coord_decisions')
      .select('id')
      .where('review_id', '=', review)
      .executeTakeFirstOrThrow();
    await w.c.adminA.get(`/plans/reviews/${review}`);
    expect(
      (await w.c.adminC.post(`/plans/reviews/${review}/actions`, { decision_id: String(decision.id), title: 'x' }))
        .statusCode,
    ).toBe(404);
    const a = await w.c.adminA.post(`/plans/reviews/${review}/actions`, {
      decision_id: String(decision.id),
      title: 'Add a gender goal',
      due_on: '2026-08-01',
    });
    expect(a.statusCode).toBe(303);
    expect((await w.c.staffA.get('/actions')).body).toContain('Add a gender goal');
    expect((await w.c.adminC.get('/actions')).body).not.toContain('Add a gender goal');
  });

  it('closes the review; after that nothing more is added', async () => {
    await w.c.adminA.get(`/plans/reviews/${review}`);
    expect((await w.c.adminC.post(`/plans/reviews/${review}/close`, { closing_note: '' })).statusCode).toBe(404);
    expect(
      (await w.c.adminA.post(`/plans/reviews/${review}/close`, { closing_note: 'Thank you all.' })).statusCode,
    ).toBe(303);
    expect(
      (await w.c.adminC.post(`/plans/reviews/${review}/comments`, { section: 'vision', body: 'late' })).statusCode,
    ).toBe(404);
    expect((await w.c.adminC.get(`/plans/reviews/${review}`)).body).toContain('Thank you all.');
  });
});

describe('licensing', () => {
  let licence: number;

  it('coordinators add councils; members open their own files only', async () => {
    await w.c.adminA.get('/licensing');
    expect(
      (await w.c.adminA.post('/licensing/councils', { name_ar: 'x', name_en: 'x', town_pcode: 'C1564' })).statusCode,
    ).toBe(404);
    await w.c.editor.get('/licensing');
    const bad = await w.c.editor.post('/licensing/councils', {
      name_ar: 'مجلس',
      name_en: 'Council',
      town_pcode: 'C9999',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await w.c.editor.post('/licensing/councils', {
      name_ar: 'المجلس المحلي في أعزاز',
      name_en: 'A’zaz Local Council',
      town_pcode: 'C1564',
      contact_name: 'Office of civil society',
      contact_phone: '+963 944 000 111',
      contact_email: '',
      notes: '',
    });
    expect(ok.statusCode).toBe(303);
    const council = await t.handle.db.selectFrom('coord_councils').select('id').executeTakeFirstOrThrow();
    // A cannot open a file for B
    let res = await w.c.adminA.post('/licensing/licences', {
      org_id: String(w.orgB),
      council_id: String(council.id),
      documents: '',
    });
    expect(res.statusCode).toBe(400);
    res = await w.c.adminA.post('/licensing/licences', {
      org_id: String(w.orgA),
      council_id: String(council.id),
      documents: 'Bylaws\nBoard list\nOffice lease',
    });
    expect(res.statusCode).toBe(303);
    licence = idFrom(res.headers.location);
    expect((await w.c.staffA.get(`/licensing/${licence}`)).statusCode).toBe(200);
    expect((await w.c.editor.get(`/licensing/${licence}`)).statusCode).toBe(200);
    expect((await w.c.netAdmin.get(`/licensing/${licence}`)).statusCode).toBe(200);
    for (const who of ['adminB', 'member'] as const)
      expect((await w.c[who].get(`/licensing/${licence}`)).statusCode, who).toBe(404);
    expect((await w.c.adminB.get('/licensing')).body).not.toContain(`/licensing/${licence}"`);
    expect((await w.c.editor.get('/licensing')).body).toContain(`/licensing/${licence}"`);
  });

  it('tracks documents, visits and dates; reminds before the licence expires', async () => {
    await w.c.adminA.get(`/licensing/${licence}`);
    const doc = await t.handle.db
      .selectFrom('coord_licence_documents')
      .select('id')
      .where('licence_id', '=', licence)
      .executeTakeFirstOrThrow();
    expect(
      (
        await w.c.adminA.post(`/licensing/${licence}/documents/submitted`, {
          doc_id: String(doc.id),
          submitted_on: '2026-06-28',
        })
      ).statusCode,
    ).toBe(303);
    const visit = await w.c.editor.post(`/licensing/${licence}/visits`, {
      visit_on: '2026-07-05',
      who_went: 'Network coordinator and Alpha’s director',
      met_whom: 'Head of the civil society office',
      outcome: '',
      next_step: 'Bring the board list',
    });
    expect(visit.statusCode).toBe(303);
    expect((await w.c.editor.get('/licensing')).body).toContain('Network coordinator and Alpha’s director');
    const bad = await w.c.adminA.post(`/licensing/${licence}`, {
      status: 'licensed',
      applied_on: '2026-13-40',
      notes: '',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await w.c.adminA.post(`/licensing/${licence}`, {
      status: 'licensed',
      applied_on: '2026-06-01',
      visit_on: '2026-07-05',
      licensed_on: '2026-07-20',
      expires_on: '2026-09-30',
      notes: '',
    });
    expect(ok.statusCode).toBe(303);
    // more than 60 days before expiry: nothing; within: one reminder to A's admins, once.
    expect(await sendLicenceReminders(t.app.wasl, t.clock.now)).toBe(0);
    t.clock.advance(40 * DAY);
    await resignIn(t, w);
    expect(await sendLicenceReminders(t.app.wasl, t.clock.now)).toBe(1);
    expect(await sendLicenceReminders(t.app.wasl, t.clock.now)).toBe(0);
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', 'admin_a@example.org')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain(`/licensing/${licence}`);
    const row = await t.handle.db
      .selectFrom('coord_licences')
      .select('status')
      .where('id', '=', licence)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('renewal_due');
  });
});

describe('lessons learned', () => {
  it('are private by default, shareable with the network, and publishable to the library', async () => {
    await w.c.staffA.get('/lessons/new');
    const res = await w.c.staffA.post('/lessons/new', {
      subject: 'project',
      meeting_id: '',
      visit_id: '',
      project_label: 'Dialogue sessions',
      title: 'Start council visits earlier',
      what_happened: 'We waited for the council’s answer for two months.',
      what_worked: 'Bringing the board list on the first visit.',
      what_to_change: 'Visit before applying.',
      lang: 'en',
      sharing: 'private',
    });
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    for (const who of ['adminB', 'netAdmin', 'member'] as const)
      expect((await w.c[who].get(`/lessons/${id}`)).statusCode, who).toBe(404);
    const missing = await w.c.staffA.post('/lessons/new', {
      subject: 'meeting',
      meeting_id: '',
      visit_id: '',
      project_label: '',
      title: 'x',
      what_happened: '',
      what_worked: '',
      what_to_change: '',
      lang: 'ar',
      sharing: 'private',
    });
    expect(missing.statusCode).toBe(400);

    await w.c.staffA.get(`/lessons/${id}/edit`);
    await w.c.staffA.post(`/lessons/${id}/edit`, {
      subject: 'project',
      meeting_id: '',
      visit_id: '',
      project_label: 'Dialogue sessions',
      title: 'Start council visits earlier',
      what_happened: 'We waited for the council’s answer for two months.',
      what_worked: 'Bringing the board list on the first visit.',
      what_to_change: 'Visit before applying.',
      lang: 'en',
      sharing: 'network',
    });
    expect((await w.c.adminB.get(`/lessons/${id}`)).statusCode).toBe(200);
    expect((await w.c.anonymous.get(`/lessons/${id}`)).statusCode).toBe(303);
    await w.c.adminB.get(`/lessons/${id}`);
    expect((await w.c.adminB.post(`/lessons/${id}/publish`, {})).statusCode).toBe(404);

    await w.c.staffA.get(`/lessons/${id}`);
    const pub = await w.c.staffA.post(`/lessons/${id}/publish`, {});
    expect(pub.statusCode).toBe(303);
    const item = await findBySource(t.handle.db, 'coordination', `lesson:${id}`);
    expect(item).not.toBeNull();
    expect(item!.kind).toBe('resource');
    expect(item!.collection).toBe('lessons-learned');
    expect(item!.status).toBe('submitted');
    expect(item!.body).toContain('Visit before applying.');
    // once sent, it is not sent twice
    expect((await w.c.staffA.post(`/lessons/${id}/publish`, {})).statusCode).toBe(404);
  });
});
