// Projects: the public list and page, and the internal page for participating members (the forms
// that create and change projects and their targets are in manage.tsx).
import { hasNetworkRole } from '../../../core/auth/actor.js';
import { page, type AnyCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { INTERNAL_THRESHOLD, PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { publishedByIds } from '../../publishing/queries.js';
import { listActivities, listVisits } from '../activities/queries.js';
import { buildIndicators } from '../indicators/report.js';
import { actingOrgs, project, projectResource } from '../permissions.js';
import { organizationNames, townNames } from '../common/queries.js';
import { listCohorts, listCourses } from '../training/queries.js';
import { listProjects, type ProjectRow } from './queries.js';
import { ProjectInternalPage, ProjectPage, ProjectsPage } from './views.js';

/**
 * What both project pages show: the project, its members' and towns' names (and those of `towns`),
 * its targets and figures at `threshold` (the public page uses the public one even for staff).
 */
async function projectFacts(c: AnyCtx, p: ProjectRow, threshold: number, towns: string[] = []) {
  const [report, orgNames, townMap] = await Promise.all([
    buildIndicators(c.db, { networkId: p.network_id, projectId: p.id, publicOnly: false }, threshold),
    organizationNames(c.db, [p.coordinator_org_id, ...p.memberOrgIds]),
    townNames(c.db, [...p.towns.map((t) => t.pcode), ...towns]),
  ]);
  return { project: p, orgs: orgNames, towns: townMap, targets: report.targets, threshold, headline: report.headline };
}

export async function internalPage(c: AnyCtx, p: ProjectRow, state: FormState | null) {
  const res = projectResource(p);
  const [activities, visits, courses, cohorts] = await Promise.all([
    listActivities(c.db, p.id),
    listVisits(c.db, p.id),
    listCourses(c.db, { projectId: p.id }),
    listCohorts(c.db, { organizationIds: actingOrgs(c.actor, p.memberOrgIds) }),
  ]);
  const places = [...activities, ...visits, ...cohorts].map((x) => x.town_pcode);
  return (
    <ProjectInternalPage
      {...await projectFacts(c, p, INTERNAL_THRESHOLD, places)}
      activities={activities}
      visits={visits}
      courses={courses}
      myCohorts={cohorts.filter((co) => co.project_id === p.id)}
      canManage={c.can('manage', res)}
      canContribute={c.can('contribute', res)}
      state={state}
    />
  );
}

export const projectRoutes = [
  page('/projects', {
    access: 'public',
    async render(c) {
      const network = await getDefaultNetwork(c.db);
      const projects = network ? await listProjects(c.db, network.id) : [];
      const visible = projects
        .filter((p) => c.can('view', projectResource(p)))
        .map((p) => ({ ...p, internal: c.can('viewInternal', projectResource(p)) }));
      return (
        <ProjectsPage projects={visible} canCreate={!!network && hasNetworkRole(c.actor, 'networkAdmin', network.id)} />
      );
    },
  }),

  page('/projects/:id', {
    access: 'public',
    load: project('view'),
    async render(c, p) {
      const res = projectResource(p);
      const [facts, courses, activities] = await Promise.all([
        projectFacts(c, p, PUBLIC_THRESHOLD),
        listCourses(c.db, { projectId: p.id }),
        listActivities(c.db, p.id),
      ]);
      // Activity reports the editors have published: a submitted report is not public yet.
      const published = await publishedByIds(
        c.db,
        activities.flatMap((a) => (a.published_item_id ? [a.published_item_id] : [])),
      );
      return (
        <ProjectPage
          {...facts}
          courses={courses}
          reports={activities.flatMap((a) =>
            a.published_item_id && a.published_url && published.has(a.published_item_id)
              ? [{ title: a.title, url: a.published_url, held_on: a.held_on }]
              : [],
          )}
          canSeeInternal={c.can('viewInternal', res)}
          canManage={c.can('manage', res)}
        />
      );
    },
  }),

  page('/projects/:id/internal', {
    access: 'member',
    load: project('viewInternal'),
    render: (c, p) => internalPage(c, p, null),
  }),
];
