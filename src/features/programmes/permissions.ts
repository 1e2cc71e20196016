// Who may do what in programmes. Deny by default.
//
// - A project: anyone sees it when it is public; staff of its participating members (and of its
//   coordinating member) and the network's admins see its internal page, which shows other
//   members' work only as aggregated figures. The coordinating member's staff and the network's
//   admins manage it (details, targets, courses). Only staff of a participating member add
//   activities, visits and cohorts — for their own organization.
// - Records that belong to one member (trainees, cohorts with their attendance and scores,
//   certificates, activity and visit notes): that member's staff only. Network admins have no
//   read access to a member's trainees.
import { definePolicy } from '../../core/auth/authorize.js';
import { orgRole, type Actor } from '../../core/auth/actor.js';
import { isSet } from '../../core/db/helpers.js';
import type { Db } from '../../core/db/index.js';
import { notFound, resourceLoader, type AnyCtx } from '../../core/http/route.js';
import { getActivity, getVisit } from './activities/queries.js';
import { getCertificate } from './certificates/queries.js';
import { getProject } from './projects/queries.js';
import { getTrainee } from './trainees/queries.js';
import { getCohort, getCourse, getSession } from './training/queries.js';

export type ProjectResource = {
  type: 'programmeProject';
  id: number;
  networkId: number;
  coordinatorOrgId: number;
  memberOrgIds: number[];
  isPublic: boolean;
};

export type OrgRecordResource = { type: 'programmeOrgRecord'; organizationId: number };

function isNetworkAdmin(actor: Actor, networkId: number): boolean {
  return actor.networkRoles.get(networkId)?.has('networkAdmin') ?? false;
}

export function isProjectStaff(actor: Actor, p: ProjectResource): boolean {
  return orgRole(actor, p.coordinatorOrgId) !== null || p.memberOrgIds.some((id) => orgRole(actor, id) !== null);
}

export function projectPolicy(actor: Actor, action: string, p: ProjectResource): boolean {
  switch (action) {
    case 'view':
      return p.isPublic || isProjectStaff(actor, p) || isNetworkAdmin(actor, p.networkId);
    case 'viewInternal':
      return isProjectStaff(actor, p) || isNetworkAdmin(actor, p.networkId);
    case 'manage':
      return orgRole(actor, p.coordinatorOrgId) !== null || isNetworkAdmin(actor, p.networkId);
    case 'contribute':
      return p.memberOrgIds.some((id) => orgRole(actor, id) !== null);
    default:
      return false;
  }
}

export function orgRecordPolicy(actor: Actor, action: string, r: OrgRecordResource): boolean {
  switch (action) {
    case 'view':
    case 'edit':
      return orgRole(actor, r.organizationId) !== null;
    default:
      return false;
  }
}

const programmeprojectPolicyDef = definePolicy('programmeProject', projectPolicy);
const programmeorgrecordPolicyDef = definePolicy('programmeOrgRecord', orgRecordPolicy);

export function projectResource(p: {
  id: number;
  network_id: number;
  coordinator_org_id: number;
  is_public: number;
  memberOrgIds: number[];
}): ProjectResource {
  return {
    type: 'programmeProject',
    id: p.id,
    networkId: p.network_id,
    coordinatorOrgId: p.coordinator_org_id,
    memberOrgIds: p.memberOrgIds,
    isPublic: isSet(p.is_public),
  };
}

export const orgRecord = (organizationId: number): OrgRecordResource => ({
  type: 'programmeOrgRecord',
  organizationId,
});

/** The organizations the actor works for among those given (for "on behalf of" choices). */
export function actingOrgs(actor: Actor, among: number[]): number[] {
  return among.filter((id) => orgRole(actor, id) !== null);
}

// ——— loaders: parse the path's id, fetch, authorize — or 404 ———

type ProjectAction = 'view' | 'viewInternal' | 'manage' | 'contribute';

/** `project('manage')`: the project at `:id` if the person may do that with it. */
export const project = resourceLoader(getProject, projectResource);

/** A project by id (not from the path) if the person may do `action` with it, else 404. */
async function projectById(c: AnyCtx, id: number, action: ProjectAction) {
  const row = await getProject(c.db, id);
  if (!row || !c.can(action, projectResource(row))) notFound();
  return row;
}

/** A course with its project, if the person may do `action` with the project. */
export const course = (action: ProjectAction) => async (c: AnyCtx) => {
  const row = (await getCourse(c.db, c.id('id'))) ?? notFound();
  return { course: row, project: await projectById(c, row.project_id, action) };
};

/**
 * A record of one member inside a project (an activity, a visit): seen by those who see the
 * project's internal page; `own` when it is the person's organization's. `'own'` asks for that.
 */
function projectRecord<R extends { project_id: number; organization_id: number }>(
  fetch: (db: Db, id: number) => Promise<R | null | undefined>,
) {
  const byId = async (c: AnyCtx, id: number, need: 'view' | 'own') => {
    const record = (await fetch(c.db, id)) ?? notFound();
    const project = await projectById(c, record.project_id, 'viewInternal');
    const isOwn = c.can('edit', orgRecord(record.organization_id));
    if (need === 'own' && !isOwn) notFound();
    return { record, project, isOwn };
  };
  const loader = (need: 'view' | 'own') => (c: AnyCtx) => byId(c, c.id('id'), need);
  return Object.assign(loader, { byId });
}

export const activity = projectRecord(getActivity);
export const visit = projectRecord(getVisit);

/** One member's records (cohorts, trainees, certificates): that member's staff only. */
const ownedBy = <Row extends { organization_id: number }>(fetch: (db: Db, id: number) => Promise<Row | null>) =>
  resourceLoader(fetch, (row) => orgRecord(row.organization_id))('edit');

export const ownCohort = ownedBy(getCohort);
export const ownTrainee = ownedBy(getTrainee);
export const ownCertificate = ownedBy(getCertificate);

/** A session with its cohort, for the running member's staff. */
export async function ownSession(c: AnyCtx) {
  const session = await ownedBy(getSession)(c);
  return { session, cohort: (await getCohort(c.db, session.cohort_id)) ?? notFound() };
}

/** This feature's policies, installed by the app from the manifest. */
export const programmesPolicies = [programmeprojectPolicyDef, programmeorgrecordPolicyDef];

declare module '../../core/auth/authorize.js' {
  interface Policies {
    programmeProject: { resource: ProjectResource; action: 'view' | 'viewInternal' | 'manage' | 'contribute' };
    programmeOrgRecord: { resource: OrgRecordResource; action: 'view' | 'edit' };
  }
}
