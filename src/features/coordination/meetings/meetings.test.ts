// The meetings cycle through HTTP: creating meetings, the cycle template, visibility, RSVP,
// attendance and quorum, minutes, decisions, action items and the tracker, iCalendar, reminders.
import { beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { resignIn, told as toldOf, useWorld, type World } from '../testing/test-helpers.js';
import { sendMeetingReminders } from './reminders.js';
import { calendar, escapeText, foldLine } from './ical.js';
import { dateToDamascusLocal, damascusLocalToDate, HOUR, DAY } from '../../../core/time.js';
import { rowsOf } from '../../../core/db/rows.js';
import { createMeeting, meetingFields, theRow, wallTime } from '../test-fixtures.js';

const s = useWorld({ env: { BASE_URL: 'https://wasl.example' } });

const local = (ms: number) => wallTime(s.t, ms);
const create = (who: keyof World['c'], over: Record<string, string | string[]>) => createMeeting(s.t, s.w.c[who], over);

describe('Damascus time', () => {
  it('turns a wall time in Damascus into UTC and back', () => {
    const d = damascusLocalToDate('2026-07-01T10:30')!;
    expect(d.toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(dateToDamascusLocal(d)).toBe('2026-07-01T10:30');
    expect(damascusLocalToDate('2026-02-30T10:00')).toBeNull();
  });
});

describe('creating meetings', () => {
  it('refuses a javascript: link, an end before the start and an unknown town, beside the fields', async () => {
    await s.w.c.adminA.get('/meetings/new');
    const base = meetingFields(s.t, { host_org_id: String(s.w.orgA) });
    let res = await s.w.c.adminA.post('/meetings/new', {
      ...base,
      place_kind: 'online',
      online_url: 'javascript:alert(1)',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('https://');
    res = await s.w.c.adminA.post('/meetings/new', { ...base, ends_at: local(DAY) });
    expect(res.statusCode).toBe(400);
    res = await s.w.c.adminA.post('/meetings/new', { ...base, town_pcode: 'C9999' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('لم نجد بلدة باسم «C9999»');
    // a member cannot host a meeting for another organization, nor for the network
    res = await s.w.c.adminA.post('/meetings/new', { ...base, host_org_id: String(s.w.orgB) });
    expect(res.statusCode).toBe(400);
    res = await s.w.c.adminA.post('/meetings/new', { ...base, host_org_id: '' });
    expect(res.statusCode).toBe(400);
    expect((await s.w.c.member.get('/meetings/new')).statusCode).toBe(404);
  });
});

describe('visibility of meetings', () => {
  let internal: number;
  let network: number;
  let pub: number;
  let pubLater: number;
  beforeAll(async () => {
    internal = await create('staffA', {
      kind: 'preparatory',
      title: 'Alpha staff preparatory',
      host_org_id: String(s.w.orgA),
      place_kind: 'office',
      place_org_id: String(s.w.orgA),
      invite_orgs: [String(s.w.orgA)],
    });
    network = await create('editor', {
      kind: 'general',
      title: 'General meeting of members',
      visibility: 'network',
      invite_orgs: [String(s.w.orgA), String(s.w.orgB), String(s.w.orgC)],
      quorum_orgs: '2',
    });
    // A public meeting entered after it took place (its summary is for everyone), and one to come.
    pub = await create('editor', {
      kind: 'general',
      title: 'Open forum with councils',
      starts_at: local(-2 * DAY),
      ends_at: local(-2 * DAY + 2 * HOUR),
      visibility: 'public',
      public_summary: 'A public summary for everyone.',
      description: 'Internal description for members',
      place_detail: 'Room 4, second floor',
      invite_orgs: [String(s.w.orgA)],
    });
    pubLater = await create('editor', {
      kind: 'general',
      title: 'Next open forum',
      visibility: 'public',
      public_summary: 'Summary of the next forum.',
      invite_orgs: [String(s.w.orgA)],
    });
  });

  it('an invitees-only meeting is seen by its organization only (not by network admins)', async () => {
    expect((await s.w.c.adminA.get(`/meetings/${internal}`)).statusCode).toBe(200);
    for (const who of ['adminB', 'netAdmin', 'editor', 'member', 'anonymous'] as const)
      expect((await s.w.c[who].get(`/meetings/${internal}`)).statusCode, who).toBe(404);
    expect((await s.w.c.adminB.get('/meetings')).body).not.toContain('Alpha staff preparatory');
  });

  it('a network meeting is seen inside the network only', async () => {
    for (const who of ['adminA', 'adminB', 'netAdmin', 'editor'] as const)
      expect((await s.w.c[who].get(`/meetings/${network}`)).statusCode, who).toBe(200);
    for (const who of ['member', 'anonymous'] as const)
      expect((await s.w.c[who].get(`/meetings/${network}`)).statusCode, who).toBe(404);
  });

  it('a public meeting shows anonymous visitors its summary and nothing else', async () => {
    const res = await s.w.c.anonymous.get(`/meetings/${pub}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('A public summary for everyone.');
    expect(res.body).not.toContain('Internal description for members');
    expect(res.body).not.toContain('Room 4');
    expect(res.body).not.toContain('جدول الأعمال');
    expect((await s.w.c.adminA.get(`/meetings/${pub}`)).body).toContain('Internal description for members');
    expect((await s.w.c.anonymous.get('/meetings')).body).toContain('Open forum with councils');
  });

  it('a public meeting that has not taken place yet is not shown to anonymous visitors', async () => {
    expect((await s.w.c.anonymous.get(`/meetings/${pubLater}`)).statusCode).toBe(404);
    expect((await s.w.c.anonymous.get('/meetings')).body).not.toContain('Next open forum');
    expect((await s.w.c.adminA.get(`/meetings/${pubLater}`)).body).toContain('Next open forum');
  });

  it('lets invitees answer, not others', async () => {
    await s.w.c.adminB.get(`/meetings/${network}`);
    expect((await s.w.c.adminB.post(`/meetings/${network}/rsvp`, { response: 'yes' })).statusCode).toBe(303);
    await s.w.c.adminB.get(`/meetings/${internal}`);
    expect((await s.w.c.adminB.post(`/meetings/${internal}/rsvp`, { response: 'yes' })).statusCode).toBe(404);
    expect((await s.w.c.adminB.post(`/meetings/${network}/rsvp`, { response: 'perhaps' })).statusCode).toBe(400);
  });

  it('counts quorum per organization from attendance taken by the organizer', async () => {
    expect((await s.w.c.adminA.get(`/meetings/${network}/attendance`)).statusCode).toBe(404);
    const page = await s.w.c.editor.get(`/meetings/${network}/attendance`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('admin_a');
    // Two people of A present: one organization — no quorum of two.
    let res = await s.w.c.editor.post(`/meetings/${network}/attendance`, {
      present: [String(s.w.users.adminA), String(s.w.users.staffA)],
      guest_name: '',
      guest_org: '',
    });
    expect(res.statusCode).toBe(303);
    let m = await s.w.c.editor.get(`/meetings/${network}`);
    expect(m.body).toContain('النصاب غير مكتمل');
    // A guest from B without an account makes it two organizations.
    res = await s.w.c.editor.post(`/meetings/${network}/attendance`, {
      present: [String(s.w.users.adminA), String(s.w.users.staffA)],
      guest_name: 'Huda (Beta volunteer)',
      guest_org: String(s.w.orgB),
    });
    m = await s.w.c.editor.get(`/meetings/${network}`);
    expect(m.body).toContain('النصاب مكتمل');
    // Someone not expected cannot be marked present.
    res = await s.w.c.editor.post(`/meetings/${network}/attendance`, {
      present: [String(s.w.users.member)],
      guest_name: '',
      guest_org: '',
    });
    expect(res.statusCode).toBe(400);
  });

  it('renders minutes as sanitized Markdown', async () => {
    await s.w.c.editor.get(`/meetings/${network}/minutes`);
    const res = await s.w.c.editor.post(`/meetings/${network}/minutes`, {
      minutes_md: '## Opening\n\n- agreed on **working groups**\n\n<script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(res.statusCode).toBe(303);
    const page = await s.w.c.adminB.get(`/meetings/${network}`);
    expect(page.body).toContain('<strong>working groups</strong>');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('href="javascript:');
  });

  it('records decisions and action items; the tracker shows each its own and the network’s, overdue marked', async () => {
    // a decision is a line of the minutes that begins with "Decision:"
    await s.w.c.editor.get(`/meetings/${network}/minutes`);
    const minutes = '## Opening\n\n- Decision: Form a licensing working group\n';
    expect((await s.w.c.editor.post(`/meetings/${network}/minutes`, { minutes_md: minutes })).statusCode).toBe(303);
    expect((await s.w.c.adminB.get(`/meetings/${network}`)).body).toMatch(
      /id="decision-\d+"><span[^>]*>Form a licensing working group/,
    );
    const decision = await theRow(s.t, 'coord_decisions');
    const due = new Date(s.t.clock.now.getTime() + DAY).toISOString().slice(0, 10);
    let res = await s.w.c.editor.post(`/meetings/${network}/actions`, {
      title: 'Collect council requirements',
      details: '',
      owner: `org:${s.w.orgB}`,
      due_on: due,
      sharing: 'network',
      decision_id: String(decision.id),
    });
    expect(res.statusCode).toBe(303);
    res = await s.w.c.editor.post(`/meetings/${network}/actions`, {
      title: 'Beta internal follow-up',
      details: '',
      owner: `org:${s.w.orgB}`,
      due_on: due,
      sharing: 'org',
      decision_id: '',
    });
    expect(res.statusCode).toBe(303);
    // an owner who was not invited is refused
    res = await s.w.c.editor.post(`/meetings/${network}/actions`, {
      title: 'x',
      details: '',
      owner: `user:${s.w.users.member}`,
      due_on: '',
      sharing: 'network',
      decision_id: '',
    });
    expect(res.statusCode).toBe(400);
    // a decision that an action item follows cannot be struck from the minutes; its wording can change
    res = await s.w.c.editor.post(`/meetings/${network}/minutes`, { minutes_md: '## Opening\n' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('أبقوا أسطرها في المحضر');
    res = await s.w.c.editor.post(`/meetings/${network}/minutes`, {
      minutes_md: '- Decision: Form a licensing and councils working group',
    });
    expect(res.statusCode).toBe(303);
    expect((await s.w.c.adminB.get(`/meetings/${network}`)).body).toContain(
      'Form a licensing and councils working group',
    );

    const b = await s.w.c.staffB.get('/actions');
    expect(b.body).toContain('Collect council requirements');
    expect(b.body).toContain('Beta internal follow-up');
    const a = await s.w.c.adminA.get('/actions');
    expect(a.body).toContain('Collect council requirements');
    expect(a.body).not.toContain('Beta internal follow-up');
    expect((await s.w.c.member.get('/actions')).body).not.toContain('Collect council requirements');

    s.t.clock.advance(2 * DAY);
    await resignIn(s.t, s.w);
    const later = await s.w.c.staffB.get('/actions');
    expect(later.body).toContain('<mark>');
    expect(later.body).toContain('متأخرة');
    // the owner organization updates the status; another organization cannot
    const action = await theRow(s.t, 'coord_actions', { title: 'Collect council requirements' });
    await s.w.c.adminA.get('/actions');
    expect(
      (await s.w.c.adminA.post(`/actions/${action.id}/status`, { status: 'done', back: '/actions' })).statusCode,
    ).toBe(404);
    expect(
      (await s.w.c.staffB.post(`/actions/${action.id}/status`, { status: 'done', back: '/actions' })).statusCode,
    ).toBe(303);
    expect((await s.w.c.staffB.get('/actions')).body).not.toContain('Collect council requirements');
    expect((await s.w.c.staffB.get('/actions?status=done')).body).toContain('Collect council requirements');
  });
});

describe('launching a meeting cycle', () => {
  it('creates a preparatory meeting at each member, then the general and the consultative meetings, linked', async () => {
    expect((await s.w.c.adminA.get('/meetings/cycles/new')).statusCode).toBe(404);
    await s.w.c.editor.get('/meetings/cycles/new');
    const cycleFields = {
      title: 'Founding cycle',
      preparatory_from: '2026-09-03',
      preparatory_time: '10:00',
      general_at: '2026-09-20T10:00',
      general_town: 'C1564',
      general_place: 'Azaz cultural centre',
      consultative_at: '2026-09-27T10:00',
      consultative_url: 'https://meet.example.org/wasl',
    };
    const bad = await s.w.c.editor.post('/meetings/cycles/new', {
      ...cycleFields,
      preparatory_from: '2026-09-01',
      general_place: '',
      consultative_at: '2026-09-19T10:00',
      consultative_url: '',
    });
    expect(bad.statusCode).toBe(400);
    const res = await s.w.c.editor.post('/meetings/cycles/new', cycleFields);
    expect(res.statusCode).toBe(303);
    const cycle = await theRow(s.t, 'coord_cycles');
    const meetings = await rowsOf(s.t.handle.db, 'coord_meetings', { cycle_id: cycle.id }, ['starts_at']);
    expect(meetings.map((m) => m.kind)).toEqual([
      'preparatory',
      'preparatory',
      'preparatory',
      'general',
      'consultative',
    ]);
    const prep = meetings.filter((m) => m.kind === 'preparatory');
    expect(new Set(prep.map((m) => m.host_org_id))).toEqual(new Set([s.w.orgA, s.w.orgB, s.w.orgC]));
    // 2026-09-03 is a Thursday; the next meeting skips Friday the 4th.
    expect(prep.map((m) => dateToDamascusLocal(m.starts_at))).toEqual([
      '2026-09-03T10:00',
      '2026-09-05T10:00',
      '2026-09-06T10:00',
    ]);
    const consultative = meetings.find((m) => m.kind === 'consultative')!;
    expect(consultative.online_url).toBe('https://meet.example.org/wasl');
    // Each preparatory meeting belongs to its organization: B does not see A's.
    const prepA = prep.find((m) => m.host_org_id === s.w.orgA)!;
    expect((await s.w.c.adminA.get(`/meetings/${prepA.id}`)).statusCode).toBe(200);
    expect((await s.w.c.adminB.get(`/meetings/${prepA.id}`)).statusCode).toBe(404);
    const agenda = await rowsOf(s.t.handle.db, 'coord_agenda_items', { meeting_id: prepA.id }, []);
    expect(agenda.length).toBe(4);
  });
});

describe('iCalendar', () => {
  it('writes RFC 5545 text: CRLF, folding at 75 octets without splitting characters, escaping', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = 'SUMMARY:' + 'اجتماع تشاوري للمديرين/ات التنفيذيين/ات، '.repeat(6);
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((l) => l.startsWith(' ')),
    ).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    const text = calendar({ name: 'x', events: [] });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('serves a meeting file that ical.js parses, to those who may see the meeting', async () => {
    const id = await create('adminA', {
      title: 'Licensing visit debrief, A’zaz; al-Bab',
      description: 'Line one\nLine two, with comma; and semicolon',
      host_org_id: String(s.w.orgA),
      invite_orgs: [String(s.w.orgA)],
      starts_at: '2026-10-01T10:30',
      ends_at: '2026-10-01T12:00',
    });
    const res = await s.w.c.adminA.get(`/meetings/${id}.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('\r\n');
    for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const comp = new ICAL.Component(ICAL.parse(res.body));
    const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    expect(ev.summary).toBe('Licensing visit debrief, A’zaz; al-Bab');
    expect(ev.description).toBe('Line one\nLine two, with comma; and semicolon');
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-10-01T07:30:00.000Z');
    expect(ev.uid).toBe(`meeting-${id}@wasl.example`);
    expect((await s.w.c.adminB.get(`/meetings/${id}.ics`)).statusCode).toBe(404);
    expect((await s.w.c.anonymous.get(`/meetings/${id}.ics`)).statusCode).toBe(404);
  });

  it('gives each person a private feed with an unguessable token that can be revoked', async () => {
    const page = await s.w.c.adminB.get('/meetings/calendar');
    const url = /value="(https:\/\/wasl\.example\/meetings\/feed\/[^"]+\.ics)"/.exec(page.body)![1]!;
    const path = url.replace('https://wasl.example', '');
    const feed = await s.w.c.anonymous.get(path);
    expect(feed.statusCode).toBe(200);
    const comp = new ICAL.Component(ICAL.parse(feed.body));
    const titles = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
    expect(titles).toContain('General meeting of members');
    expect(titles).not.toContain('Alpha staff preparatory');
    // a forged token for the same person fails; so does a changed character
    const forged = path.replace(/-[A-Za-z0-9_-]{43}\.ics$/, '-' + 'A'.repeat(43) + '.ics');
    expect((await s.w.c.anonymous.get(forged)).statusCode).toBe(404);
    // reset: the old address stops working
    await s.w.c.adminB.post('/meetings/calendar/reset', {});
    expect((await s.w.c.anonymous.get(path)).statusCode).toBe(404);
  });
});

describe('reminders', () => {
  it('sends each expected person one reminder a day ahead, skipping those who declined', async () => {
    await s.t.handle.db.updateTable('users').set({ locale: 'en' }).where('id', '=', s.w.users.staffB).execute();
    const id = await create('editor', {
      title: 'Reminder test meeting',
      visibility: 'network',
      invite_orgs: [String(s.w.orgB)],
      starts_at: local(30 * HOUR),
      ends_at: local(32 * HOUR),
    });
    await s.w.c.adminB.get(`/meetings/${id}`);
    await s.w.c.adminB.post(`/meetings/${id}/rsvp`, { response: 'no' });
    expect(await sendMeetingReminders(s.t.app.wasl, s.t.clock.now)).toBe(0);
    s.t.clock.advance(8 * HOUR);
    expect(await sendMeetingReminders(s.t.app.wasl, s.t.clock.now)).toBe(1);
    expect(await sendMeetingReminders(s.t.app.wasl, s.t.clock.now)).toBe(0);
    const mail = await theRow(s.t, 'mail_outbox', { to_address: 'staff_b@example.org' }, ['-id']);
    expect(mail.subject).toBe('Reminder: Reminder test meeting');
    expect(mail.body_text).toContain(`https://wasl.example/meetings/${id}`);
    // admin_b was told of the invitation, but declined: no reminder
    const declined = await s.t.handle.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', 'admin_b@example.org')
      .where('subject', 'like', 'Reminder%')
      .execute();
    expect(declined).toEqual([]);
  });
});

describe('telling people and printing', () => {
  // the clock has moved on in the tests above: sign in again
  beforeAll(() => resignIn(s.t, s.w));
  const told = (type: `coordination.${string}`, url: string) => toldOf(s.t, type, url);

  it('tells the invitees of a new meeting and of its cancellation, not the one who acted', async () => {
    const id = await create('editor', {
      title: 'Licensing committee',
      visibility: 'network',
      invite_orgs: [String(s.w.orgC)],
    });
    expect(await told('coordination.meetingInvited', `/meetings/${id}`)).toContain(s.w.users.adminC);
    expect(await told('coordination.meetingInvited', `/meetings/${id}`)).not.toContain(s.w.users.editor);
    await s.w.c.editor.get(`/meetings/${id}`);
    const res = await s.w.c.editor.post(`/meetings/${id}/status`, { status: 'cancelled' });
    expect(res.statusCode).toBe(303);
    expect(await told('coordination.meetingCancelled', `/meetings/${id}`)).toContain(s.w.users.adminC);
  });

  it('prints an attendance sheet with the invitees and a signature column, for the organizer only', async () => {
    const id = await create('editor', {
      title: 'Sheet meeting',
      visibility: 'network',
      invite_orgs: [String(s.w.orgC)],
    });
    const sheet = await s.w.c.editor.get(`/meetings/${id}/attendance/sheet`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.body).toContain('ورقة الحضور');
    expect(sheet.body).toContain('admin_c');
    expect(sheet.body).toContain('التوقيع');
    expect((await s.w.c.adminC.get(`/meetings/${id}/attendance/sheet`)).statusCode).toBe(404);
  });
});
