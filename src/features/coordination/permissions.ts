// Who may see and do what in coordination. Pure functions over the actor and a resource that
// carries the facts (owner organization, sharing, invitees, reviewers, an active emergency
// grant). Deny by default. Network admins get NO read access to an organization's private rows:
// only an emergency grant (logged, time-limited, shown to the organization) opens a workspace.
import { definePolicy } from '../../core/auth/authorize.js';
import { hasNetworkRole, orgRole, type Actor } from '../../core/auth/actor.js';
import type { MeetingVisibility, Sharing } from './tables.js';

const member = (a: Actor, orgId: number | null | undefined) => orgId != null && orgRole(a, orgId) !== null;
const admin = (a: Actor, orgId: number) => orgRole(a, orgId) === 'orgAdmin';
/** Staff of a member organization or holder of a network role: someone inside the network. */
export const isNetworkMember = (a: Actor, networkId: number) =>
  a.user !== null && (a.orgRoles.size > 0 || (a.networkRoles.get(networkId)?.size ?? 0) > 0);
/** Coordinators: network editors and admins. */
export const isCoordinator = (a: Actor, networkId: number) => hasNetworkRole(a, 'networkEditor', networkId);
export const isNetworkAdmin = (a: Actor, networkId: number) =>
  a.networkRoles.get(networkId)?.has('networkAdmin') ?? false;
const sharesOrg = (a: Actor, orgIds: number[]) => orgIds.some((id) => member(a, id));

export type WorkspaceResource = {
  type: 'coord.workspace';
  orgId: number;
  networkId: number;
  /** an emergency grant for this actor is running now */
  emergency: boolean;
};
const coordWorkspacePolicyDef = definePolicy('coord.workspace', (a, action, r) => {
  switch (action) {
    case 'view':
      return member(a, r.orgId) || r.emergency;
    case 'edit':
      return member(a, r.orgId);
    case 'manage': // people and roles, export, leaving
      return admin(a, r.orgId);
    case 'openEmergency':
      return isNetworkAdmin(a, r.networkId) && !member(a, r.orgId);
    default:
      return false;
  }
});

export type ItemResource = {
  type: 'coord.item';
  orgId: number;
  networkId: number;
  sharing: Sharing;
  sharedOrgIds: number[];
  emergency: boolean;
};
const coordItemPolicyDef = definePolicy('coord.item', (a, action, r) => {
  switch (action) {
    case 'view':
      return (
        member(a, r.orgId) ||
        r.emergency ||
        r.sharing === 'public' ||
        (r.sharing === 'network' && isNetworkMember(a, r.networkId)) ||
        (r.sharing === 'orgs' && sharesOrg(a, r.sharedOrgIds))
      );
    case 'edit':
      return member(a, r.orgId);
    default:
      return false;
  }
});

export type MeetingResource = {
  type: 'coord.meeting';
  networkId: number;
  hostOrgId: number | null;
  visibility: MeetingVisibility;
  inviteeOrgIds: number[];
  inviteeUserIds: number[];
  createdBy: number | null;
  /** it has taken place (ended, or marked held), and was not cancelled */
  past: boolean;
};
export function canManageMeeting(a: Actor, r: MeetingResource): boolean {
  if (!a.user) return false;
  if (r.createdBy === a.user.id) return true;
  if (r.hostOrgId !== null) return member(a, r.hostOrgId);
  return isCoordinator(a, r.networkId);
}
export function isInvited(a: Actor, r: MeetingResource): boolean {
  if (!a.user) return false;
  return r.inviteeUserIds.includes(a.user.id) || sharesOrg(a, r.inviteeOrgIds) || member(a, r.hostOrgId);
}
// When and where a meeting takes place is for those who take part (issue 18: who will be where
// and when). People inside the network read a network meeting's agenda and minutes; a "public
// summary" meeting shows everyone its summary once it has taken place, never before.
const coordMeetingPolicyDef = definePolicy('coord.meeting', (a, action, r) => {
  const attend = canManageMeeting(a, r) || isInvited(a, r);
  const view = attend || ((r.visibility === 'network' || r.visibility === 'public') && isNetworkMember(a, r.networkId));
  switch (action) {
    case 'view':
      return view;
    case 'attend':
      return attend;
    case 'viewSummary':
      return view || (r.visibility === 'public' && r.past);
    case 'rsvp':
      return isInvited(a, r);
    case 'manage':
      return canManageMeeting(a, r);
    default:
      return false;
  }
});

export type ActionResource = {
  type: 'coord.action';
  networkId: number;
  ownerOrgId: number | null;
  ownerUserId: number | null;
  sharing: 'org' | 'network';
  createdBy: number | null;
};
const coordActionPolicyDef = definePolicy('coord.action', (a, action, r) => {
  const own =
    member(a, r.ownerOrgId) || (a.user !== null && (r.ownerUserId === a.user.id || r.createdBy === a.user.id));
  switch (action) {
    case 'view':
      return own || (r.sharing === 'network' && isNetworkMember(a, r.networkId));
    case 'update':
      return own || (r.sharing === 'network' && isCoordinator(a, r.networkId));
    default:
      return false;
  }
});

export type PlanResource = { type: 'coord.plan'; orgId: number };
const coordPlanPolicyDef = definePolicy('coord.plan', (a, action, r) => {
  switch (action) {
    case 'view':
    case 'edit':
      return member(a, r.orgId);
    default:
      return false;
  }
});

export type ReviewResource = {
  type: 'coord.review';
  orgId: number;
  reviewerIds: number[];
  status: 'open' | 'closed';
};
const coordReviewPolicyDef = definePolicy('coord.review', (a, action, r) => {
  const reviewer = a.user !== null && r.reviewerIds.includes(a.user.id);
  switch (action) {
    case 'view':
      return member(a, r.orgId) || reviewer;
    case 'comment':
      return reviewer && !member(a, r.orgId) && r.status === 'open';
    case 'answer':
      return member(a, r.orgId) && r.status === 'open';
    case 'close':
      return member(a, r.orgId) && r.status === 'open';
    case 'tieDecisions':
      return member(a, r.orgId);
    default:
      return false;
  }
});

export type LicenceResource = { type: 'coord.licence'; orgId: number; networkId: number };
const coordLicencePolicyDef = definePolicy('coord.licence', (a, action, r) => {
  switch (action) {
    case 'view':
    case 'edit':
      return member(a, r.orgId) || isCoordinator(a, r.networkId);
    default:
      return false;
  }
});

export type LicensingResource = { type: 'coord.licensing'; networkId: number };
const coordLicensingPolicyDef = definePolicy('coord.licensing', (a, action, r) => {
  switch (action) {
    case 'view': // the councils list and one's own rows
      return isNetworkMember(a, r.networkId);
    case 'viewNetwork': // every member's rows
    case 'manageCouncils':
      return isCoordinator(a, r.networkId);
    default:
      return false;
  }
});

export type LessonResource = {
  type: 'coord.lesson';
  orgId: number;
  networkId: number;
  sharing: 'private' | 'network';
  published: boolean;
};
const coordLessonPolicyDef = definePolicy('coord.lesson', (a, action, r) => {
  switch (action) {
    case 'view':
      return member(a, r.orgId) || (r.sharing === 'network' && isNetworkMember(a, r.networkId));
    case 'edit':
      return member(a, r.orgId);
    case 'publish':
      return member(a, r.orgId) && !r.published;
    default:
      return false;
  }
});

export type GovernanceResource = { type: 'coord.governance'; networkId: number };
const coordGovernancePolicyDef = definePolicy('coord.governance', (a, action, r) => {
  switch (action) {
    case 'viewVotes':
      return isNetworkMember(a, r.networkId);
    case 'manage':
      return isNetworkAdmin(a, r.networkId);
    default:
      return false;
  }
});

/** This feature's policies, installed by the app from the manifest. */
export const coordinationPolicies = [
  coordWorkspacePolicyDef,
  coordItemPolicyDef,
  coordMeetingPolicyDef,
  coordActionPolicyDef,
  coordPlanPolicyDef,
  coordReviewPolicyDef,
  coordLicencePolicyDef,
  coordLicensingPolicyDef,
  coordLessonPolicyDef,
  coordGovernancePolicyDef,
];

declare module '../../core/auth/authorize.js' {
  interface Policies {
    'coord.workspace': { resource: WorkspaceResource; action: 'view' | 'edit' | 'manage' | 'openEmergency' };
    'coord.item': { resource: ItemResource; action: 'view' | 'edit' };
    'coord.meeting': { resource: MeetingResource; action: 'view' | 'attend' | 'viewSummary' | 'rsvp' | 'manage' };
    'coord.action': { resource: ActionResource; action: 'view' | 'update' };
    'coord.plan': { resource: PlanResource; action: 'view' | 'edit' };
    'coord.review': { resource: ReviewResource; action: 'view' | 'comment' | 'answer' | 'close' | 'tieDecisions' };
    'coord.licence': { resource: LicenceResource; action: 'view' | 'edit' };
    'coord.licensing': { resource: LicensingResource; action: 'view' | 'viewNetwork' | 'manageCouncils' };
    'coord.lesson': { resource: LessonResource; action: 'view' | 'edit' | 'publish' };
    'coord.governance': { resource: GovernanceResource; action: 'viewVotes' | 'manage' };
  }
}
