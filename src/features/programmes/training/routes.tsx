// Training: courses (public pages; managed by the project's coordinators), and cohorts with their
// sessions, enrolment, attendance and scores (the running member's staff only).
import { localized } from '../../../core/i18n/localized.js';
import { form, page, type AnyCtx } from '../../../core/http/route.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { damascusDay } from '../../../core/time.js';
import type { FormState } from '../../../core/views/forms.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { buildIndicators } from '../indicators/report.js';
import { actingOrgs, course, ownCohort, ownSession, project, projectResource } from '../permissions.js';
import { listProjects } from '../projects/queries.js';
import { genders } from '../rules.js';
import { attendanceForm, cohortForm, courseForm, enrolForm, scoresForm, sessionForm } from '../schemas.js';
import { offChoices, projectChoices } from '../shared/choices.js';
import { organizationNames, townNames } from '../shared/queries.js';
import { listTrainees } from '../trainees/queries.js';
import {
  addSession,
  cohortRoster,
  enrol,
  listCohorts,
  listCourses,
  listSessions,
  saveAttendance,
  saveCohort,
  saveCourse,
  saveScores,
  sessionAttendance,
  type CohortRow,
} from './queries.js';
import { AttendancePage, CohortPage } from './views/cohorts.js';
import { CohortFormPage, CourseFormPage, CoursePage, TrainingsPage } from './views/courses.js';

/** The cohort page, with the refused submission of one of its forms. */
export async function cohortPage(c: AnyCtx, cohort: CohortRow, state: FormState | null) {
  const [sessions, roster, trainees, orgs, towns] = await Promise.all([
    listSessions(c.db, cohort.id),
    cohortRoster(c.db, cohort),
    listTrainees(c.db, cohort.organization_id),
    organizationNames(c.db, [cohort.organization_id]),
    townNames(c.db, [cohort.town_pcode]),
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
      state={state}
    />
  );
}

/** A cohort can be started by a participating member, for its own organization. */
async function startingCohort(c: AnyCtx) {
  const found = await course('contribute')(c);
  return { ...found, choices: await projectChoices(c, found.project) };
}

const withRoster = async (c: AnyCtx) => {
  const cohort = await ownCohort(c);
  return { cohort, roster: await cohortRoster(c.db, cohort) };
};

const cohortForms = (c: AnyCtx, cohort: CohortRow, state: FormState | null) => cohortPage(c, cohort, state);

export const trainingRoutes = [
  page('/trainings', {
    access: 'public',
    async render(c) {
      const network = await getDefaultNetwork(c.db);
      const projects = network
        ? (await listProjects(c.db, network.id)).filter((p) => c.can('view', projectResource(p)))
        : [];
      const courses = await listCourses(c.db, { projectIds: projects.map((p) => p.id) });
      const cohorts = await Promise.all(courses.map((co) => listCohorts(c.db, { courseId: co.id })));
      const groups = projects
        .map((p) => ({
          project: p,
          courses: courses
            .map((co, i) => ({ ...co, cohorts: cohorts[i]!.length }))
            .filter((co) => co.project_id === p.id),
        }))
        .filter((g) => g.courses.length);
      const report = network
        ? await buildIndicators(c.db, { networkId: network.id, publicOnly: true }, PUBLIC_THRESHOLD)
        : null;
      return (
        <TrainingsPage
          groups={groups}
          trained={report?.headline.trained ?? 0}
          completed={report?.headline.completed ?? 0}
          threshold={PUBLIC_THRESHOLD}
        />
      );
    },
  }),

  page('/trainings/:id', {
    access: 'public',
    load: course('view'),
    async render(c, { course: co, project: p }) {
      const res = projectResource(p);
      const [cohorts, report] = await Promise.all([
        listCohorts(c.db, { courseId: co.id }),
        buildIndicators(c.db, { networkId: p.network_id, projectId: p.id, publicOnly: false }, PUBLIC_THRESHOLD),
      ]);
      const rowOf = (key: string) => {
        const tb = report.tables.find((t) => t.key === key);
        const i = tb ? tb.rows.indexOf(String(co.id)) : -1;
        return i >= 0 ? tb!.cells[i]! : genders.map(() => 0);
      };
      const cohortTowns = [...new Set(cohorts.map((x) => x.town_pcode))];
      const mine = actingOrgs(c.actor, p.memberOrgIds);
      return (
        <CoursePage
          course={co}
          projectName={localized(p, 'name', c.locale)}
          cohorts={cohorts.length}
          cohortTowns={cohortTowns}
          towns={await townNames(c.db, cohortTowns)}
          figures={{ trained: rowOf('trainedByCourse'), completed: rowOf('completedByCourse') }}
          threshold={PUBLIC_THRESHOLD}
          canManage={c.can('manage', res)}
          canContribute={c.can('contribute', res)}
          myCohorts={cohorts.filter((x) => mine.includes(x.organization_id))}
        />
      );
    },
  }),

  page('/projects/:id/courses/new', {
    access: 'member',
    load: project('manage'),
    render: (_c, p) => (
      <CourseFormPage action={`/projects/${p.id}/courses`} isNew values={{ min_attendance_pct: 80 }} state={null} />
    ),
  }),

  form('/projects/:id/courses', {
    access: 'member',
    load: project('manage'),
    schema: courseForm,
    show: (_c, p, state) => <CourseFormPage action={`/projects/${p.id}/courses`} isNew values={{}} state={state} />,
    async save(c, p, data) {
      return `/trainings/${await saveCourse(c.db, null, p.id, data, c.now)}`;
    },
  }),

  form('/trainings/:id/edit', {
    access: 'member',
    get: true,
    load: course('manage'),
    schema: courseForm,
    show: (_c, { course: co }, state) => (
      <CourseFormPage action={`/trainings/${co.id}/edit`} isNew={false} values={co} state={state} />
    ),
    async save(c, { course: co, project: p }, data) {
      await saveCourse(c.db, co.id, p.id, data, c.now);
      return `/trainings/${co.id}`;
    },
  }),

  page('/trainings/:id/cohorts/new', {
    access: 'orgStaff',
    load: startingCohort,
    render: (c, { course: co, choices }) => (
      <CohortFormPage
        action={`/trainings/${co.id}/cohorts`}
        courseTitle={localized(co, 'title', c.locale)}
        values={{ start_date: damascusDay(c.now), end_date: damascusDay(c.now), organization_id: choices.mine[0] }}
        state={null}
        {...choices}
      />
    ),
  }),

  form('/trainings/:id/cohorts', {
    access: 'orgStaff',
    load: startingCohort,
    schema: cohortForm,
    show: (c, { course: co, choices }, state) => (
      <CohortFormPage
        action={`/trainings/${co.id}/cohorts`}
        courseTitle={localized(co, 'title', c.locale)}
        values={{}}
        state={state}
        {...choices}
      />
    ),
    check: (c, l, data) => offChoices(c, l.choices, data),
    async save(c, { course: co }, data) {
      return `/programmes/cohorts/${await saveCohort(c.db, co.id, data, c.now)}`;
    },
  }),

  page('/programmes/cohorts/:id', {
    access: 'orgStaff',
    load: ownCohort,
    render: (c, cohort) => cohortPage(c, cohort, null),
  }),

  form('/programmes/cohorts/:id/sessions', {
    access: 'orgStaff',
    load: ownCohort,
    schema: sessionForm,
    show: cohortForms,
    async save(c, cohort, data) {
      await addSession(c.db, cohort.id, data, c.now);
      return `/programmes/cohorts/${cohort.id}#sessions`;
    },
  }),

  form('/programmes/cohorts/:id/enrol', {
    access: 'orgStaff',
    load: ownCohort,
    schema: enrolForm,
    show: cohortForms,
    // Only this member's own trainees can be enrolled in its cohort.
    async check(c, cohort, data) {
      const own = new Set((await listTrainees(c.db, cohort.organization_id)).map((t) => t.id));
      if (!data.trainee.length || data.trainee.some((id) => !own.has(id)))
        return { trainee: c.t('programmes.cohort.pickTrainees') };
    },
    async save(c, cohort, data) {
      await enrol(c.db, cohort.id, data.trainee, c.now);
      return `/programmes/cohorts/${cohort.id}#trainees`;
    },
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
      return `/programmes/cohorts/${cohort.id}#trainees`;
    },
  }),

  form('/programmes/sessions/:id/attendance', {
    access: 'orgStaff',
    get: true,
    load: async (c) => {
      const found = await ownSession(c);
      return { ...found, roster: await cohortRoster(c.db, found.cohort) };
    },
    schema: attendanceForm,
    // A refused sheet shows again as it was saved.
    async show(c, { session, roster }, state) {
      const present = await sessionAttendance(c.db, session.id);
      return <AttendancePage session={session} roster={roster} present={present} taken={!state && present.size > 0} />;
    },
    check: (c, { roster }, data) =>
      data.present.every((id) => roster.some((r) => r.id === id)) ? undefined : { present: c.t('form.invalidChoice') },
    async save(c, { session, cohort, roster }, data) {
      await saveAttendance(
        c.db,
        session.id,
        roster.map((r) => r.id),
        new Set(data.present),
      );
      return { to: `/programmes/cohorts/${cohort.id}#sessions`, flash: 'programmes.attendance.saved' };
    },
  }),
];
