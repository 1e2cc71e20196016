// A session of a member's cohort, for that member's staff only: attendance taken (and cleared),
// the date and topic corrected, the session deleted, and its sheet printed to fill by hand. What
// certificates that still stand were issued on is not deleted (revoke them first).
import { localized } from '../../../core/i18n/localized.js';
import { form, page, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { ownSession } from '../permissions.js';
import { attendanceForm, sessionForm } from '../schemas.js';
import { recordNames } from '../common/queries.js';
import { removal } from '../common/routes.js';
import { named } from '../common/views.js';
import { cohortTarget } from './cohort-routes.js';
import {
  clearAttendance,
  cohortRoster,
  deleteSession,
  saveAttendance,
  sessionAttendance,
  standingCertificates,
  updateSession,
} from './queries.js';
import { AttendancePage, AttendanceSheet, SessionPage } from './views/sessions.js';

type Found = Awaited<ReturnType<typeof ownSession>>;

/** Why attendance this session's certificates were issued on cannot be deleted, or null. */
async function blockedBy(c: AnyCtx, { cohort }: Found) {
  const standing = await standingCertificates(c.db, { cohortId: cohort.id });
  return standing ? c.t('programmes.session.cannotDelete', { count: standing }) : null;
}

const withRoster = async (c: AnyCtx) => {
  const found = await ownSession(c);
  return { ...found, roster: await cohortRoster(c.db, found.cohort) };
};

async function attendancePage(
  c: AnyCtx,
  found: Found & { roster: { id: number; name: string }[] },
  state: FormState | null,
) {
  const present = await sessionAttendance(c.db, found.session.id);
  return (
    <AttendancePage
      session={found.session}
      roster={found.roster}
      present={present}
      taken={present.size > 0}
      blocked={await blockedBy(c, found)}
      state={state}
    />
  );
}

const sessionPage = async (c: AnyCtx, found: Found, state: FormState | null) => (
  <SessionPage session={found.session} blocked={await blockedBy(c, found)} state={state} />
);

const sessionAudit = ({ session, cohort }: Found) => ({
  kind: 'session',
  target: cohortTarget(cohort, { session: session.id }),
});

export const sessionRoutes = [
  form('/programmes/sessions/:id/attendance', {
    access: 'orgStaff',
    get: true,
    load: withRoster,
    schema: attendanceForm,
    show: attendancePage,
    check: (c, { roster }, data) =>
      data.present.every((id) => roster.some((r) => r.id === id)) ? undefined : { present: c.t('form.invalidChoice') },
    async save(c, { session, cohort, roster }, data) {
      await saveAttendance(
        c.db,
        session.id,
        roster.map((r) => r.id),
        new Set(data.present),
      );
      await c.audit('programmes.attendance.edited', cohortTarget(cohort, { session: session.id }));
      return { to: `/programmes/cohorts/${cohort.id}#sessions`, flash: 'programmes.attendance.saved' };
    },
  }),

  removal('/programmes/sessions/:id/attendance/clear', {
    access: 'orgStaff',
    load: withRoster,
    show: attendancePage,
    blocked: blockedBy,
    remove: (c, { session }) => clearAttendance(c.db, session.id),
    audit: (found) => ({ kind: 'attendance', target: sessionAudit(found).target }),
    next: ({ session }) => `/programmes/sessions/${session.id}/attendance`,
  }),

  form('/programmes/sessions/:id/edit', {
    access: 'orgStaff',
    get: true,
    load: ownSession,
    schema: sessionForm,
    show: sessionPage,
    async save(c, found, data) {
      await updateSession(c.db, found.session.id, data);
      await c.audit('programmes.session.edited', sessionAudit(found).target);
      return `/programmes/cohorts/${found.cohort.id}#sessions`;
    },
  }),

  removal('/programmes/sessions/:id/delete', {
    access: 'orgStaff',
    load: ownSession,
    show: sessionPage,
    blocked: blockedBy,
    remove: (c, { session }) => deleteSession(c.db, session.id),
    audit: sessionAudit,
    next: ({ cohort }) => `/programmes/cohorts/${cohort.id}#sessions`,
  }),

  // The sheet to print and fill by hand: the roster, then blank rows.
  page('/programmes/sessions/:id/sheet', {
    access: 'orgStaff',
    load: withRoster,
    async render(c, { session, cohort, roster }) {
      const [orgs, towns] = await recordNames(c.db, cohort);
      return (
        <AttendanceSheet
          session={session}
          course={localized(cohort, 'title', c.locale)}
          organization={named(c.locale, orgs.get(cohort.organization_id))}
          town={named(c.locale, towns.get(cohort.town_pcode), cohort.town_pcode)}
          trainers={cohort.trainers}
          names={roster.map((r) => r.name)}
        />
      );
    },
  }),
];
