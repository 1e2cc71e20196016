// Managing projects: network admins create (and delete, while nothing was recorded in them); the
// coordinating member's staff and network admins edit them and their targets. Every change is
// audited; members added to a project are told.
import { hasNetworkRole } from '../../../core/auth/actor.js';
import { form, notFound, page, type AnyCtx, type MemberCtx } from '../../../core/http/route.js';
import { localized } from '../../../core/i18n/localized.js';
import type { FormState } from '../../../core/views/forms.js';
import { damascusDay } from '../../../core/time.js';
import { getDefaultNetwork, listOrganizations } from '../../organizations/queries.js';
import { project } from '../permissions.js';
import { projectForm, targetForm } from '../schemas.js';
import { resolveTowns } from '../common/choices.js';
import { removal, target, tellStaff } from '../common/routes.js';
import {
  addTarget,
  deleteProject,
  deleteTarget,
  getTarget,
  projectRecords,
  saveProject,
  updateTarget,
  type ProjectInput,
  type ProjectRow,
} from './queries.js';
import { internalPage } from './routes.js';
import { ProjectFormPage, TargetFormPage } from './forms.js';

type Orgs = Awaited<ReturnType<typeof listOrganizations>>;

/** The network's active member organizations: the choices of the project form. */
async function networkOrgs(c: AnyCtx): Promise<Orgs> {
  const network = await getDefaultNetwork(c.db);
  return network ? listOrganizations(c.db, network.id) : [];
}

/** Members must be the network's organizations; towns are typed by name and resolved. */
async function checkProject(
  c: AnyCtx,
  orgs: { id: number }[],
  data: { coordinator_org_id: number; members: number[]; towns: string },
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
  await resolveTowns(c, data, { lists: ['towns'] });
}

/** After the check the towns field holds the P-codes it named. */
const projectInput = (data: Omit<ProjectInput, 'towns'> & { towns: unknown }): ProjectInput => ({
  ...data,
  towns: Array.isArray(data.towns) ? data.towns.map(String) : [],
});

/** Network admins of the network the projects belong to. */
async function adminNetwork(c: MemberCtx) {
  const network = await getDefaultNetwork(c.db);
  if (!network || !hasNetworkRole(c.actor, 'networkAdmin', network.id)) notFound();
  return { networkId: network.id, orgs: await listOrganizations(c.db, network.id) };
}

/** The members newly in the project are told it is theirs to work in. */
async function tellJoined(c: AnyCtx, p: { id: number; name_ar: string }, orgIds: number[]) {
  await tellStaff(c, 'programmes.projectJoined', orgIds, { project: p.name_ar }, `/projects/${p.id}/internal`);
}

/** The edit page: the project, and — for network admins — deleting it while it holds nothing. */
async function editPage(c: AnyCtx, p: ProjectRow, orgs: Orgs, state: FormState | null) {
  const mayDelete = hasNetworkRole(c.actor, 'networkAdmin', p.network_id);
  const records = mayDelete ? await projectRecords(c.db, p.id) : null;
  return (
    <ProjectFormPage
      action={`/projects/${p.id}/edit`}
      isNew={false}
      values={{
        ...p,
        members: p.memberOrgIds.map(String),
        towns: p.towns.map((t) => `${localized(t, 'name', c.locale)} (${t.pcode})`).join('\n'),
        end_date: p.end_date ?? '',
      }}
      state={state}
      orgs={orgs}
      removal={
        records && {
          action: `/projects/${p.id}/delete`,
          blocked: records.total ? c.t('programmes.project.cannotDelete', { count: records.total }) : null,
        }
      }
    />
  );
}

/** A project the person manages, with one of its targets (`:tid`). */
async function projectTarget(c: AnyCtx) {
  const p = await project('manage')(c);
  return { project: p, target: (await getTarget(c.db, p.id, c.id('tid'))) ?? notFound() };
}

const targetAudit = (l: { project: ProjectRow; target: { id: number } }) => ({
  kind: 'target',
  target: target('target', l.target.id, l.project.coordinator_org_id, { project: l.project.id }),
});

export const projectManageRoutes = [
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
      const input = projectInput(data);
      const id = await saveProject(c.db, null, l.networkId, input, c.now);
      await c.audit('programmes.project.created', target('project', id));
      await tellJoined(c, { id, name_ar: input.name_ar }, [input.coordinator_org_id, ...input.members]);
      return `/projects/${id}/internal`;
    },
  }),

  form('/projects/:id/edit', {
    access: 'member',
    get: true,
    load: async (c) => ({ project: await project('manage')(c), orgs: await networkOrgs(c) }),
    schema: projectForm,
    show: (c, l, state) => editPage(c, l.project, l.orgs, state),
    check: (c, l, data) => checkProject(c, l.orgs, data, l.project),
    async save(c, { project: p }, data) {
      const input = projectInput(data);
      await saveProject(c.db, p.id, p.network_id, input, c.now);
      await c.audit('programmes.project.edited', target('project', p.id));
      const joined = [input.coordinator_org_id, ...input.members].filter((id) => !p.memberOrgIds.includes(id));
      await tellJoined(c, { id: p.id, name_ar: input.name_ar }, joined);
      return `/projects/${p.id}/internal`;
    },
  }),

  removal('/projects/:id/delete', {
    access: 'networkAdmin',
    load: async (c) => {
      const p = await project('manage')(c);
      if (!hasNetworkRole(c.actor, 'networkAdmin', p.network_id)) notFound();
      return { project: p, orgs: await networkOrgs(c) };
    },
    show: (c, l, state) => editPage(c, l.project, l.orgs, state),
    async blocked(c, { project: p }) {
      const records = await projectRecords(c.db, p.id);
      return records.total ? c.t('programmes.project.cannotDelete', { count: records.total }) : null;
    },
    remove: (c, { project: p }) => deleteProject(c.db, p.id),
    audit: ({ project: p }) => ({ kind: 'project', target: target('project', p.id) }),
    next: () => '/projects',
  }),

  form('/projects/:id/targets', {
    access: 'member',
    load: project('manage'),
    schema: targetForm,
    // The page the form is on: refused input shows there, for those who may see it.
    show: (c, p, state) => internalPage(c, p, state),
    async save(c, p, data) {
      const id = await addTarget(c.db, p.id, data, c.now);
      await c.audit('programmes.target.created', target('target', id, p.coordinator_org_id, { project: p.id }));
      return `/projects/${p.id}/internal#targets`;
    },
  }),

  form('/projects/:id/targets/:tid/edit', {
    access: 'member',
    get: true,
    load: projectTarget,
    schema: targetForm,
    show: (_c, l, state) => <TargetFormPage project={l.project} target={l.target} state={state} />,
    async save(c, l, data) {
      await updateTarget(c.db, l.project.id, l.target.id, data);
      await c.audit('programmes.target.edited', targetAudit(l).target);
      return `/projects/${l.project.id}/internal#targets`;
    },
  }),

  removal('/projects/:id/targets/:tid/delete', {
    access: 'member',
    load: projectTarget,
    show: (_c, l, state) => <TargetFormPage project={l.project} target={l.target} state={state} />,
    remove: (c, l) => deleteTarget(c.db, l.project.id, l.target.id),
    audit: targetAudit,
    next: (l) => `/projects/${l.project.id}/internal#targets`,
  }),
];
