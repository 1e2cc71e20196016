// A member's cohort, for that member's staff only: its page, its details corrected, deleted while
// no certificate of it stands; sessions added; its own trainees enrolled and removed (asked
// first); scores entered or cleared. Every change is audited like the creation.
import { localized } from '../../../core/i18n/localized.js';
import { form, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import { damascusDay } from '../../../core/time.js';
import type { FormState } from '../../../core/views/forms.js';
import { orgRecord, ownCohort } from '../permissions.js';
import { cohortEditForm, enrolForm, scoresForm, sessionForm } from '../schemas.js';
import { resolveTowns } from '../common/choices.js';
import { ConfirmPage } from '../common/danger.js';
import { recordNames, townText } from '../common/queries.js';
import { removal, target } from '../common/routes.js';
import { listTrainees } from '../trainees/queries.js';
import {
  addSession,
  cohortRoster,
  deleteCohort,
  enrol,
  getEnrolment,
  listSessions,
  removeEnrolments,
  saveScores,
  standingCertificates,
  updateCohort,
  type CohortRow,
  type EnrolmentRow,
} from './queries.js';
import { CohortPage } from './views/cohorts.js';
import { CohortFormPage } from './views/courses.js';

/** The cohort page, with the refused submission of one of its forms. */
export async function cohortPage(c: AnyCtx, cohort: CohortRow, state: FormState | null) {
  const [sessions, roster, trainees, [orgs, towns], standing] = await Promise.all([
    listSessions(c.db, cohort.id),
    cohortRoster(c.db, cohort),
    listTrainees(c.db, cohort.organization_id),
    recordNames(c.db, cohort),
    standingCertificates(c.db, { cohortId: cohort.id }),
  ]);
  const enrolled = new Set(roster.map((r) => r.trainee_id));
  return (
    <CohortPage
      cohort={cohort}
      orgs={orgs}
      towns={towns}
      sessions={sessions}
      roster={roster}
      candidates={trainees.filter((t) => !enrolled.has(t.id))}
      today={damascusDay(c.now)}
      standing={standing}
      state={state}
    />
  );
}

/** An audit entry about the cohort (and `details`: which session, how many). */
export const cohortTarget = (cohort: { id: number; organization_id: number }, details?: Record<string, unknown>) =>
  target('cohort', cohort.id, cohort.organization_id, details);

const withRoster = async (c: AnyCtx) => {
  const cohort = await ownCohort(c);
  return { cohort, roster: await cohortRoster(c.db, cohort) };
};

/** An enrolment in a cohort of the person's member. */
async function ownEnrolment(c: AnyCtx): Promise<EnrolmentRow> {
  const e = (await getEnrolment(c.db, c.id('id'))) ?? notFound();
  return c.can('edit', orgRecord(e.organization_id)) ? e : notFound();
}

async function cohortForm(c: AnyCtx, cohort: CohortRow, state: FormState | null) {
  return (
    <CohortFormPage
      action={`/programmes/cohorts/${cohort.id}/edit`}
      courseTitle={localized(cohort, 'title', c.locale)}
      values={{ ...cohort, town_pcode: await townText(c.db, c.locale, cohort.town_pcode) }}
      state={state}
      orgOptions={[]}
      editing
    />
  );
}

export const cohortRoutes = [
  page('/programmes/cohorts/:id', {
    access: 'orgStaff',
    load: ownCohort,
    render: (c, cohort) => cohortPage(c, cohort, null),
  }),

  form('/programmes/cohorts/:id/edit', {
    access: 'orgStaff',
    get: true,
    load: ownCohort,
    schema: cohortEditForm,
    show: cohortForm,
    check: (c, _cohort, data) => resolveTowns(c, data),
    async save(c, cohort, data) {
      await updateCohort(c.db, cohort.id, data);
      await c.audit('programmes.cohort.edited', cohortTarget(cohort));
      return `/programmes/cohorts/${cohort.id}`;
    },
  }),

  removal('/programmes/cohorts/:id/delete', {
    access: 'orgStaff',
    load: ownCohort,
    show: cohortPage,
    async blocked(c, cohort) {
      const standing = await standingCertificates(c.db, { cohortId: cohort.id });
      return standing ? c.t('programmes.cohort.cannotDelete', { count: standing }) : null;
    },
    remove: (c, cohort) => deleteCohort(c.db, cohort.id),
    audit: (cohort) => ({ kind: 'cohort', target: cohortTarget(cohort) }),
    next: (cohort) => `/trainings/${cohort.course_id}`,
  }),

  form('/programmes/cohorts/:id/sessions', {
    access: 'orgStaff',
    load: ownCohort,
    schema: sessionForm,
    show: cohortPage,
    async save(c, cohort, data) {
      const id = await addSession(c.db, cohort.id, data, c.now);
      await c.audit('programmes.session.created', cohortTarget(cohort, { session: id }));
      return `/programmes/cohorts/${cohort.id}#sessions`;
    },
  }),

  form('/programmes/cohorts/:id/enrol', {
    access: 'orgStaff',
    load: ownCohort,
    schema: enrolForm,
    show: cohortPage,
    // Only this member's own trainees can be enrolled in its cohort.
    async check(c, cohort, data) {
      const own = new Set((await listTrainees(c.db, cohort.organization_id)).map((t) => t.id));
      if (!data.trainee.length || data.trainee.some((id) => !own.has(id)))
        return { trainee: c.t('programmes.cohort.pickTrainees') };
    },
    async save(c, cohort, data) {
      const count = await enrol(c.db, cohort.id, data.trainee, c.now);
      await c.audit('programmes.enrolment.created', cohortTarget(cohort, { count }));
      return `/programmes/cohorts/${cohort.id}#trainees`;
    },
  }),

  // Removing a trainee from a cohort (enrolled by mistake): asked on its own page, since the
  // roster it is listed in is a form. A certificate that stands must be revoked first.
  removal('/programmes/enrolments/:id/remove', {
    access: 'orgStaff',
    get: true,
    load: ownEnrolment,
    show: (c, e, state) => (
      <ConfirmPage
        title={c.t('programmes.enrolment.removeTitle')}
        question={c.t('programmes.enrolment.removeQuestion', { name: e.name, cohort: e.label })}
        explain={c.t('programmes.enrolment.removeExplain')}
        action={`/programmes/enrolments/${e.id}/remove`}
        confirm={c.t('programmes.enrolment.removeConfirm')}
        back={`/programmes/cohorts/${e.cohort_id}#trainees`}
        state={state}
      />
    ),
    async blocked(c, e) {
      return (await standingCertificates(c.db, { enrolmentId: e.id }))
        ? c.t('programmes.enrolment.hasCertificate')
        : null;
    },
    remove: (c, e) => c.db.transaction().execute((trx) => removeEnrolments(trx, [e.id])),
    audit: (e) => ({
      kind: 'enrolment',
      target: target('enrolment', e.id, e.organization_id, { cohort: e.cohort_id }),
    }),
    next: (e) => `/programmes/cohorts/${e.cohort_id}#trainees`,
  }),

  form('/programmes/cohorts/:id/scores', {
    access: 'orgStaff',
    load: withRoster,
    schema: (_c, { roster }) => scoresForm(roster.map((r) => r.id)),
    show: (c, { cohort }, state) => cohortPage(c, cohort, state),
    async save(c, { cohort, roster }, data) {
      const scores = data as Record<string, number | null>;
      await saveScores(
        c.db,
        cohort.id,
        new Map(
          roster.map((r) => [r.id, { pre: scores[`pre_${r.id}`] ?? null, post: scores[`post_${r.id}`] ?? null }]),
        ),
      );
      await c.audit('programmes.scores.edited', cohortTarget(cohort));
      return `/programmes/cohorts/${cohort.id}#trainees`;
    },
  }),
];
