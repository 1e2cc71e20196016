// Training: courses (public pages; managed by the project's coordinators, who may delete one no
// cohort ran), and starting a cohort (a participating member, for itself). A cohort's own pages
// are in cohort-routes.tsx, its sessions' in session-routes.tsx.
import { localized } from '../../../core/i18n/localized.js';
import { form, page, type AnyCtx } from '../../../core/http/route.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { damascusDay } from '../../../core/time.js';
import type { FormState } from '../../../core/views/forms.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { buildIndicators } from '../indicators/report.js';
import { actingOrgs, course, project, projectResource } from '../permissions.js';
import { listProjects, type ProjectRow } from '../projects/queries.js';
import { genders } from '../rules.js';
import { cohortForm, courseForm } from '../schemas.js';
import { checkMemberForm, projectChoices } from '../common/choices.js';
import { townNames } from '../common/queries.js';
import { removal, target, tellStaff } from '../common/routes.js';
import { cohortRoutes, cohortTarget } from './cohort-routes.js';
import {
  countCohorts,
  deleteCourse,
  listCohorts,
  listCourses,
  saveCohort,
  saveCourse,
  type CourseRow,
} from './queries.js';
import { sessionRoutes } from './session-routes.js';
import { CohortFormPage, CourseFormPage, CoursePage, TrainingsPage } from './views/courses.js';

/** A cohort can be started by a participating member, for its own organization. */
async function startingCohort(c: AnyCtx) {
  const found = await course('contribute')(c);
  return { ...found, choices: await projectChoices(c, found.project) };
}

type Found = { course: CourseRow; project: ProjectRow };

/** The course form; editing it, the coordinators may delete a course no cohort ran. */
async function coursePage(c: AnyCtx, { course: co }: Found, state: FormState | null) {
  const cohorts = await countCohorts(c.db, co.id);
  return (
    <CourseFormPage
      action={`/trainings/${co.id}/edit`}
      isNew={false}
      values={co}
      state={state}
      removal={{
        action: `/trainings/${co.id}/delete`,
        blocked: cohorts ? c.t('programmes.course.cannotDelete', { count: cohorts }) : null,
      }}
    />
  );
}

const courseTarget = (courseId: number, p: ProjectRow) =>
  target('course', courseId, p.coordinator_org_id, { project: p.id });

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
      const id = await saveCourse(c.db, null, p.id, data, c.now);
      await c.audit('programmes.course.created', courseTarget(id, p));
      // The other members may now run cohorts of it.
      const others = p.memberOrgIds.filter((o) => o !== p.coordinator_org_id);
      await tellStaff(c, 'programmes.courseAdded', others, { course: data.title_ar }, `/trainings/${id}`);
      return `/trainings/${id}`;
    },
  }),

  form('/trainings/:id/edit', {
    access: 'member',
    get: true,
    load: course('manage'),
    schema: courseForm,
    show: coursePage,
    async save(c, found, data) {
      await saveCourse(c.db, found.course.id, found.project.id, data, c.now);
      await c.audit('programmes.course.edited', courseTarget(found.course.id, found.project));
      return `/trainings/${found.course.id}`;
    },
  }),

  removal('/trainings/:id/delete', {
    access: 'member',
    load: course('manage'),
    show: coursePage,
    async blocked(c, { course: co }) {
      const cohorts = await countCohorts(c.db, co.id);
      return cohorts ? c.t('programmes.course.cannotDelete', { count: cohorts }) : null;
    },
    remove: (c, { course: co }) => deleteCourse(c.db, co.id),
    audit: (found) => ({ kind: 'course', target: courseTarget(found.course.id, found.project) }),
    next: ({ project: p }) => `/projects/${p.id}/internal#courses`,
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
    check: (c, l, data) => checkMemberForm(c, l.choices, data),
    async save(c, { course: co }, data) {
      const id = await saveCohort(c.db, co.id, data, c.now);
      await c.audit('programmes.cohort.created', cohortTarget({ id, organization_id: data.organization_id }));
      return `/programmes/cohorts/${id}`;
    },
  }),

  ...cohortRoutes,
  ...sessionRoutes,
];
