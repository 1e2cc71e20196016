// Strategic plans and their reviews: versions for the organization only, reviewers chosen among
// other members' executive directors, comments per section, decisions of the consultative meeting.
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../../testing/app.js';
import { rowsOf } from '../../../core/db/rows.js';
import { createMeeting, theRow } from '../test-fixtures.js';
import { idFrom, nameRole, PDF, postMultipart, told, useWorld, type World } from '../testing/test-helpers.js';

const s = useWorld({ setUp });

async function setUp(_t: TestApp, w: World) {
  // B and C name their executive directors (the reviewer candidates for A's plan).
  for (const admin of ['adminB', 'adminC'] as const)
    await nameRole(w, admin, w.users[admin], { title: 'Executive director', executive_director: 'on' });
}

describe('strategic plans and reviews', () => {
  let plan: number;
  let review: number;

  it('keeps structured sections and versions, visible to the organization only', async () => {
    await s.w.c.staffA.get('/plans');
    const empty = await postMultipart(
      s.t,
      s.w.c.staffA,
      `/plans/new?org=${s.w.orgA}`,
      { title: 'Plan 2026–2028', vision: '', mission: '', goals: '', objectives: '', activities: '', note: '' },
      {},
    );
    expect(empty.statusCode).toBe(400);
    const res = await postMultipart(
      s.t,
      s.w.c.staffA,
      `/plans/new?org=${s.w.orgA}`,
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
      s.t,
      s.w.c.adminA,
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
    const page = await s.w.c.staffA.get(`/plans/${plan}`);
    expect(page.body).toContain('women’s first');
    expect((await s.w.c.staffA.get(`/plans/${plan}?v=1`)).body).not.toContain('women’s first');
    for (const who of ['adminB', 'adminC', 'netAdmin', 'editor', 'member'] as const)
      expect((await s.w.c[who].get(`/plans/${plan}`)).statusCode, who).toBe(404);
    expect((await s.w.c.adminB.get('/plans')).body).not.toContain('Plan 2026–2028');
  });

  it('opens a review only with executive directors of other members (and/or the board)', async () => {
    const versions = await rowsOf(s.t.handle.db, 'coord_plan_versions', { plan_id: plan }, ['-version']);
    await s.w.c.adminA.get(`/plans/${plan}`);
    // staff B is not an executive director: refused; nobody chosen: refused
    let res = await s.w.c.adminA.post(`/plans/${plan}/reviews`, {
      version_id: String(versions[0]!.id),
      reviewers: [String(s.w.users.staffB)],
      meeting_id: '',
    });
    expect(res.statusCode).toBe(400);
    res = await s.w.c.adminA.post(`/plans/${plan}/reviews`, { version_id: String(versions[0]!.id), meeting_id: '' });
    expect(res.statusCode).toBe(400);
    res = await s.w.c.adminA.post(`/plans/${plan}/reviews`, {
      version_id: String(versions[0]!.id),
      reviewers: [String(s.w.users.adminC)],
      meeting_id: '',
    });
    expect(res.statusCode).toBe(303);
    review = idFrom(res.headers.location);
    // the reviewer was told (outbox)
    const mail = await s.t.handle.db
      .selectFrom('mail_outbox')
      .select('body_text')
      .where('to_address', '=', 'admin_c@example.org')
      .execute();
    expect(mail.some((m) => m.body_text.includes(`/plans/reviews/${review}`))).toBe(true);
  });

  it('lets the chosen reviewer read the version and comment per section; nobody else', async () => {
    const page = await s.w.c.adminC.get(`/plans/reviews/${review}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('women’s first');
    for (const who of ['adminB', 'netAdmin', 'member', 'anonymous'] as const)
      expect([404, 303]).toContain((await s.w.c[who].get(`/plans/reviews/${review}`)).statusCode);
    // the attached document, through the review, for the reviewer only
    const file = await s.w.c.adminC.get(`/plans/reviews/${review}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('confidential plan document');
    expect((await s.w.c.adminB.get(`/plans/reviews/${review}/file`)).statusCode).toBe(404);
    // the reviewer still cannot open the plan itself (other versions)
    expect((await s.w.c.adminC.get(`/plans/${plan}`)).statusCode).toBe(404);

    let res = await s.w.c.adminC.post(`/plans/reviews/${review}/comments`, {
      section: 'vision',
      body: 'Say which towns first.',
    });
    expect(res.statusCode).toBe(303);
    res = await s.w.c.adminC.post(`/plans/reviews/${review}/comments`, { section: 'nonsense', body: 'x' });
    expect(res.statusCode).toBe(400);
    await s.w.c.adminB.get('/plans');
    expect(
      (await s.w.c.adminB.post(`/plans/reviews/${review}/comments`, { section: 'vision', body: 'sneaky' })).statusCode,
    ).toBe(404);
    const comment = await theRow(s.t, 'coord_review_comments');
    // the organization answers, but does not open threads
    await s.w.c.staffA.get(`/plans/reviews/${review}`);
    expect(
      (await s.w.c.staffA.post(`/plans/reviews/${review}/comments`, { section: 'goals', body: 'own thread' }))
        .statusCode,
    ).toBe(400);
    res = await s.w.c.staffA.post(`/plans/reviews/${review}/comments`, {
      section: 'vision',
      body: 'Tal’ar and Akhtarin.',
      parent_id: String(comment.id),
    });
    expect(res.statusCode).toBe(303);
    const view = await s.w.c.adminC.get(`/plans/reviews/${review}`);
    expect(view.body).toContain('Tal’ar and Akhtarin.');
  });

  it('ties the review to the consultative meeting, whose decisions become the organization’s action items', async () => {
    // a consultative meeting the editor organizes, inviting A's and C's people
    const meeting = await createMeeting(s.t, s.w.c.editor, {
      kind: 'consultative',
      title: 'Consultative meeting',
      starts_at: '2026-07-10T10:00',
      ends_at: '2026-07-10T13:00',
      place_kind: 'online',
      town_pcode: '',
      place_detail: '',
      online_url: 'https://meet.example.org/c',
      invite_users: 'admin_a, admin_c',
    });
    await s.t.handle.db.updateTable('coord_reviews').set({ meeting_id: meeting }).where('id', '=', review).execute();
    // the decision is written in the minutes, then tied to the review the meeting discussed
    await s.w.c.editor.get(`/meetings/${meeting}/minutes`);
    const minutes = await s.w.c.editor.post(`/meetings/${meeting}/minutes`, {
      minutes_md: 'Decision: Alpha adds a gender goal',
    });
    expect(minutes.statusCode).toBe(303);
    const written = await theRow(s.t, 'coord_decisions', { meeting_id: meeting });
    const page = await s.w.c.editor.get(`/meetings/${meeting}`);
    // the editor manages the meeting but may not open the review, nor read the plan's title
    expect(page.body).not.toContain(`/plans/reviews/${review}"`);
    expect(page.body).not.toContain('Plan 2026–2028');
    expect(page.body).toMatch(new RegExp(`<option value="${review}"[^>]*>[^<]*Alpha`));
    expect((await s.w.c.adminC.get(`/meetings/${meeting}`)).body).toContain(`/plans/reviews/${review}`);
    const d = await s.w.c.editor.post(`/meetings/${meeting}/decisions/${written.id}`, { review_id: String(review) });
    expect(d.statusCode).toBe(303);
    const decision = await theRow(s.t, 'coord_decisions', { review_id: review });
    await s.w.c.adminA.get(`/plans/reviews/${review}`);
    expect(
      (await s.w.c.adminC.post(`/plans/reviews/${review}/actions`, { decision_id: String(decision.id), title: 'x' }))
        .statusCode,
    ).toBe(404);
    const a = await s.w.c.adminA.post(`/plans/reviews/${review}/actions`, {
      decision_id: String(decision.id),
      title: 'Add a gender goal',
      due_on: '2026-08-01',
    });
    expect(a.statusCode).toBe(303);
    expect((await s.w.c.staffA.get('/actions')).body).toContain('Add a gender goal');
    expect((await s.w.c.adminC.get('/actions')).body).not.toContain('Add a gender goal');
  });

  it('closes the review; after that nothing more is added', async () => {
    await s.w.c.adminA.get(`/plans/reviews/${review}`);
    expect((await s.w.c.adminC.post(`/plans/reviews/${review}/close`, { closing_note: '' })).statusCode).toBe(404);
    expect(
      (await s.w.c.adminA.post(`/plans/reviews/${review}/close`, { closing_note: 'Thank you all.' })).statusCode,
    ).toBe(303);
    expect(
      (await s.w.c.adminC.post(`/plans/reviews/${review}/comments`, { section: 'vision', body: 'late' })).statusCode,
    ).toBe(404);
    expect((await s.w.c.adminC.get(`/plans/reviews/${review}`)).body).toContain('Thank you all.');
  });

  it('the chosen reviewer is told when the review is requested and when it closes; tells nothing to others', async () => {
    const url = `/plans/reviews/${review}`;
    // only admin_c was chosen; admin_a acted both times; admin_b is a candidate who was not chosen
    expect(await told(s.t, 'coordination.reviewRequested', url)).toEqual([s.w.users.adminC]);
    expect(await told(s.t, 'coordination.reviewClosed', url)).toEqual([s.w.users.adminC]);
    const list = await s.w.c.adminC.get('/notifications');
    expect(list.body).toContain('طُلبت مراجعتكم للخطة الاستراتيجية');
    expect(list.body).toContain('اختُتمت مراجعة الخطة الاستراتيجية');
    for (const who of ['adminA', 'staffA', 'adminB', 'netAdmin'] as const)
      expect((await s.w.c[who].get('/notifications')).body, who).not.toContain('مراجعة الخطة الاستراتيجية');
  });
});
