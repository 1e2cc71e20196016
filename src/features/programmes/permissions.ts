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
    isPublic: p.is_public === 1,
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

/** This feature's policies, installed by the app from the manifest. */
export const programmesPolicies = [programmeprojectPolicyDef, programmeorgrecordPolicyDef];

declare module '../../core/auth/authorize.js' {
  interface Policies {
    programmeProject: { resource: ProjectResource; action: 'view' | 'viewInternal' | 'manage' | 'contribute' };
    programmeOrgRecord: { resource: OrgRecordResource; action: 'view' | 'edit' };
  }
}
