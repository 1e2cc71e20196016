// Projects: the public list and page, the form (network admins create; the coordinating member's
// staff and network admins edit), the internal page for participating members, and targets.
import { hasNetworkRole } from '../../../core/auth/actor.js';
import { action, form, notFound, page, type AnyCtx, type MemberCtx } from '../../../core/http/route.js';
import type { FormState } from '../../../core/views/forms.js';
import { INTERNAL_THRESHOLD, PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { damascusDay } from '../../../core/time.js';
import { existingTownCodes, getDefaultNetwork, listOrganizations } from '../../organizations/queries.js';
import { publishedByIds } from '../../publishing/queries.js';
import { listActivities, listVisits } from '../activities/queries.js';
import { buildIndicators } from '../indicators/report.js';
import { actingOrgs, project, projectResource } from '../permissions.js';
import { projectForm, targetDeleteForm, targetForm } from '../schemas.js';
import { organizationNames, townNames } from '../shared/queries.js';
import { listCohorts, listCourses } from '../training/queries.js';
import { addTarget, deleteTarget, listProjects, saveProject, type ProjectRow } from './queries.js';
import { ProjectFormPage, ProjectInternalPage, ProjectPage, ProjectsPage } from './views.js';

/** The network's active member organizations: the choices of the project form. */
async function networkOrgs(c: AnyCtx) {
  const network = await getDefaultNetwork(c.db);
  return network ? listOrganizations(c.db, network.id) : [];
}

/** Members must be the network's organizations and towns must be in the gazetteer. */
async function checkProject(
  c: AnyCtx,
  orgs: { id: number }[],
  data: { coordinator_org_id: number; members: number[]; towns: string[] },
  current?: ProjectRow,
) {
  const orgIds = new Set(orgs.map((o) => o.id));
  if (!orgIds.has(data.coordinator_org_id) || data.members.some((m) => !orgIds.has(m)))
    return { members: c.t('form.invalidChoice') };
  // Coordinating staff (not network admins) cannot hand the project to another member.
  if (
    current &&
    !hasNetworkRole(c.actor, 'networkAdmin', current.network_id) &&
    data.coordinator_org_id !== current.coordinator_org_id
  )
    return { coordinator_org_id: c.t('programmes.project.coordinatorLocked') };
  const known = await existingTownCodes(c.db, data.towns);
  const unknown = data.towns.filter((p) => !known.has(p));
  if (unknown.length) return { towns: c.t('programmes.form.unknownTowns', { codes: unknown.join(', ') }) };
}

/** Network admins of the network the projects belong to. */
async function adminNetwork(c: MemberCtx) {
  const network = await getDefaultNetwork(c.db);
  if (!network || !hasNetworkRole(c.actor, 'networkAdmin', network.id)) notFound();
  return { networkId: network.id, orgs: await listOrganizations(c.db, network.id) };
}

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

async function internalPage(c: AnyCtx, p: ProjectRow, state: FormState | null) {
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

  page('/projects/new', {
    access: 'networkAdmin',
    async render(c) {
      return (
        <ProjectFormPage
          action="/projects"
          isNew
          values={{ start_date: damascusDay(c.now) }}
          state={null}
          orgs={await networkOrgs(c)}
        />
      );
    },
  }),

  form('/projects', {
    access: 'networkAdmin',
    load: adminNetwork,
    schema: projectForm,
    show: (_c, l, state) => <ProjectFormPage action="/projects" isNew values={{}} state={state} orgs={l.orgs} />,
    check: (c, l, data) => checkProject(c, l.orgs, data),
    async save(c, l, data) {
      const id = await saveProject(c.db, null, l.networkId, data, c.now);
      await c.audit('programmes.project.created', { targetType: 'programme_project', targetId: id });
      return `/projects/${id}/internal`;
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

  form('/projects/:id/edit', {
    access: 'member',
    get: true,
    load: async (c) => ({ project: await project('manage')(c), orgs: await networkOrgs(c) }),
    schema: projectForm,
    show: (c, { project: p, orgs }, state) => (
      <ProjectFormPage
        action={`/projects/${p.id}/edit`}
        isNew={false}
        values={{
          ...p,
          members: p.memberOrgIds.map(String),
          towns: p.towns.map((t) => t.pcode).join(', '),
          end_date: p.end_date ?? '',
        }}
        state={state}
        orgs={orgs}
      />
    ),
    check: (c, l, data) => checkProject(c, l.orgs, data, l.project),
    async save(c, { project: p }, data) {
      await saveProject(c.db, p.id, p.network_id, data, c.now);
      await c.audit('programmes.project.edited', { targetType: 'programme_project', targetId: p.id });
      return `/projects/${p.id}/internal`;
    },
  }),

  page('/projects/:id/internal', {
    access: 'member',
    load: project('viewInternal'),
    render: (c, p) => internalPage(c, p, null),
  }),

  form('/projects/:id/targets', {
    access: 'member',
    load: project('manage'),
    schema: targetForm,
    // The page the form is on: refused input shows there, for those who may see it.
    show: (c, p, state) => internalPage(c, p, state),
    check: (c, _p, data) =>
      data.metric === 'custom' && data.manual_value === null ? { manual_value: c.t('form.required') } : undefined,
    async save(c, p, data) {
      await addTarget(
        c.db,
        p.id,
        { ...data, manual_value: data.metric === 'custom' ? data.manual_value : null },
        c.now,
      );
      return `/projects/${p.id}/internal#targets`;
    },
  }),

  action('/projects/:id/targets/delete', {
    access: 'member',
    load: project('manage'),
    schema: targetDeleteForm,
    async run(c, p, data) {
      if (!(await deleteTarget(c.db, p.id, data.target_id))) notFound();
      return { to: `/projects/${p.id}/internal#targets`, flash: 'common.deleted' };
    },
  }),
];
