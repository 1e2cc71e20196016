// What a meeting leaves behind: the roll call (several guests in one save, each guest corrected
// or removed), the attendance sheet to print and sign, the minutes with the decisions written in
// them (rendered once when saved), the printed minutes, and decisions tied to a plan review.
import { action, form, FormErrors, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import { storedOrRendered } from '../../../core/text/markdown-render.js';
import type { FormState } from '../../../core/views/forms.js';
import { decisionReviewForm, emptyForm, guestForm, minutesForm, attendanceForm } from '../schemas.js';
import { reviewsOfMeeting } from '../plans/queries.js';
import { activeOrganizations, getActiveOrganization } from '../workspace/queries.js';
import { viewerOf } from '../context.js';
import { expectedPeople, getDecision, getGuest, listActionsFor, listDecisions, quorum } from './queries.js';
import { recordAttendance, removeGuest, tieDecision, updateGuest } from './actions.js';
import { decisionsIn, MAX_DECISIONS, planDecisions, saveMinutes } from './minutes.js';
import { forManagers, meeting, meetingTarget, type LoadedMeeting } from './loaders.js';
import { attendanceOf, meetingPage } from './page.js';
import { AttendancePage, MinutesPage } from './views/attendance.js';
import { AttendanceSheet, MinutesPrint } from './views/print.js';

async function attendancePage(c: AnyCtx, l: LoadedMeeting, state: FormState | null = null) {
  const [people, orgs] = await Promise.all([expectedPeople(c.db, l.m), activeOrganizations(c.db, l.ctx.network.id)]);
  const { rows } = await attendanceOf(c, l.m, orgs);
  const present = new Set(rows.filter((a) => a.user_id !== null && a.present === 1).map((a) => a.user_id!));
  const q = quorum(rows, l.m.quorum_orgs);
  return (
    <AttendancePage
      meeting={l.m}
      people={people.map((p) => ({ ...p, present: present.has(p.user_id) }))}
      guests={rows.filter((a) => a.user_id === null)}
      orgs={orgs}
      quorum={{ presentOrgs: q.presentOrgs.length, needed: q.needed, met: q.met }}
      state={state}
    />
  );
}

/** A guest's organization must be an active member (or none). */
async function checkGuestOrg(c: AnyCtx, l: LoadedMeeting, orgId: number | null, field: string) {
  if (orgId !== null && !(await getActiveOrganization(c.db, l.ctx.network.id, orgId)))
    throw new FormErrors({ [field]: c.t('form.invalidChoice') });
}

const minutesPage = async (c: AnyCtx, l: LoadedMeeting, state: FormState | null) => (
  <MinutesPage
    meeting={l.m}
    previewHtml={
      !state && l.m.minutes_md ? await storedOrRendered(l.m.minutes_md, l.m.minutes_html, l.m.minutes_html_version) : ''
    }
    decisions={decisionsIn(l.m.minutes_md).length}
    state={state}
  />
);

const toAttendance = (l: LoadedMeeting) => `/meetings/${l.m.id}/attendance`;

export const recordRoutes = [
  form('/meetings/:id/attendance', {
    ...forManagers,
    get: true,
    schema: attendanceForm,
    show: attendancePage,
    async save(c, l, data) {
      const people = await expectedPeople(c.db, l.m);
      const expected = new Set(people.map((p) => p.user_id));
      if (data.present.some((id) => !expected.has(id))) throw new FormErrors({ _form: c.t('form.invalidChoice') });
      // Guest rows: a name, and its organization in the same row; blank rows are skipped.
      const guests: { name: string; orgId: number | null }[] = [];
      for (const [i, name] of data.guest_name.entries()) {
        const org = data.guest_org[i];
        const orgId = typeof org === 'number' ? org : null;
        if (!name && orgId !== null) throw new FormErrors({ _form: c.t('coordination.attendance.guestWithoutName') });
        await checkGuestOrg(c, l, orgId, '_form');
        if (name) guests.push({ name, orgId });
      }
      await recordAttendance(c.db, l.m.id, people, data.present, guests, c.user.id, c.now);
      await c.audit(
        'coordination.attendance.recorded',
        meetingTarget(l, { present: data.present.length, guests: guests.length }),
      );
      return { to: toAttendance(l), flash: 'coordination.attendance.saved' };
    },
  }),

  form('/meetings/:id/attendance/guests/:gid/edit', {
    ...forManagers,
    schema: guestForm,
    show: attendancePage,
    async save(c, l, data) {
      const gid = c.id('gid');
      await checkGuestOrg(c, l, data.org, 'org');
      if (!(await updateGuest(c.db, l.m.id, gid, data.name, data.org))) notFound();
      await c.audit('coordination.attendance.guestUpdated', meetingTarget(l, { guest: gid }));
      return `${toAttendance(l)}#guest-${gid}`;
    },
  }),

  action('/meetings/:id/attendance/guests/:gid/delete', {
    ...forManagers,
    schema: emptyForm,
    async run(c, l) {
      const gid = c.id('gid');
      if (!(await getGuest(c.db, l.m.id, gid))) notFound();
      await removeGuest(c.db, l.m.id, gid);
      await c.audit('coordination.attendance.guestDeleted', meetingTarget(l, { guest: gid }));
      return { to: toAttendance(l), flash: 'common.deleted' };
    },
  }),

  page('/meetings/:id/attendance/sheet', {
    ...forManagers,
    render: async (c, l) => <AttendanceSheet m={l.m} people={await expectedPeople(c.db, l.m)} />,
  }),

  // ——— minutes and decisions ———
  form('/meetings/:id/minutes', {
    ...forManagers,
    get: true,
    schema: minutesForm,
    show: minutesPage,
    async save(c, l, data) {
      // The form's cap has been checked before anything reads the text.
      const texts = decisionsIn(data.minutes_md);
      if (texts.length > MAX_DECISIONS)
        throw new FormErrors({ minutes_md: c.t('coordination.minutes.tooManyDecisions', { max: MAX_DECISIONS }) });
      const plan = await planDecisions(c.db, l.m.id, texts);
      if (plan.blocked.length)
        throw new FormErrors({
          minutes_md: c.t('coordination.minutes.decisionTracked', {
            numbers: plan.blocked.map((n) => c.i18n.number(n)).join(c.locale === 'ar' ? '، ' : ', '),
          }),
        });
      const change = await saveMinutes(c.db, l.m.id, data.minutes_md, plan, c.user.id, c.now);
      await c.audit('coordination.minutes.saved', meetingTarget(l, change));
      return `/meetings/${l.m.id}#decisions`;
    },
  }),

  page('/meetings/:id/minutes/print', {
    access: 'public',
    load: meeting('view'),
    async render(c, l) {
      if (!l.full) notFound();
      const orgs = await activeOrganizations(c.db, l.ctx.network.id);
      const [decisions, actions, attendance, html] = await Promise.all([
        listDecisions(c.db, l.m.id),
        listActionsFor(c.db, l.ctx.network.id, viewerOf(l.ctx), { meetingId: l.m.id }),
        attendanceOf(c, l.m, orgs),
        l.m.minutes_md ? storedOrRendered(l.m.minutes_md, l.m.minutes_html, l.m.minutes_html_version) : '',
      ]);
      return (
        <MinutesPrint
          m={l.m}
          attends={l.attends}
          attendance={attendance.summary}
          minutesHtml={html}
          decisions={decisions}
          actions={actions}
        />
      );
    },
  }),

  form('/meetings/:id/decisions/:did', {
    ...forManagers,
    schema: decisionReviewForm,
    show: meetingPage,
    async save(c, l, data) {
      const decision = (await getDecision(c.db, l.m.id, c.id('did'))) ?? notFound();
      if (data.review_id !== null && !(await reviewsOfMeeting(c.db, l.m.id)).some((r) => r.id === data.review_id))
        throw new FormErrors({ review_id: c.t('form.invalidChoice') });
      await tieDecision(c.db, l.m.id, decision.id, data.review_id);
      await c.audit('coordination.decision.tied', meetingTarget(l, { decision: decision.id, review: data.review_id }));
      return `/meetings/${l.m.id}#decision-${decision.id}`;
    },
  }),
];
