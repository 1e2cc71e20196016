// Who may do what with an election. Deny by default.
//
// Coordinators of an election are (a) the staff — orgStaff or orgAdmin — of its organizing
// member organizations, and (b) the network's admins. Partner organizations (members or not) are
// named on the election but their staff do not coordinate it. Anyone may read a non-draft
// election and its published results. Observers never hold an account: they reach only the
// observer API, with a bearer token scoped to their own assignments (checked in observe.ts).
import { definePolicy } from '../../core/auth/authorize.js';
import type { Actor } from '../../core/auth/actor.js';

export type ElectionResource = {
  type: 'election';
  id: number;
  networkId: number;
  status: string;
  organizerOrgIds: number[];
};

export function isCoordinator(actor: Actor, e: ElectionResource): boolean {
  if (!actor.user) return false;
  if (actor.networkRoles.get(e.networkId)?.has('networkAdmin')) return true;
  return e.organizerOrgIds.some((id) => actor.orgRoles.has(id));
}

/** Who may start a new election: member-organization staff (their organization organizes it) or a network admin. */
export function canCreateElection(actor: Actor): boolean {
  if (!actor.user) return false;
  return actor.orgRoles.size > 0 || [...actor.networkRoles.values()].some((r) => r.has('networkAdmin'));
}

export function electionPolicy(actor: Actor, action: string, e: ElectionResource): boolean {
  switch (action) {
    case 'view':
      return e.status !== 'draft' || isCoordinator(actor, e);
    case 'coordinate':
      return isCoordinator(actor, e);
    // Changing observation data: not once the election is archived.
    case 'change':
      return isCoordinator(actor, e) && e.status !== 'archived';
    default:
      return false;
  }
}

const electionPolicyDef = definePolicy('election', electionPolicy);

export function asResource(e: {
  id: number;
  network_id: number;
  status: string;
  organizerOrgIds: number[];
}): ElectionResource {
  return { type: 'election', id: e.id, networkId: e.network_id, status: e.status, organizerOrgIds: e.organizerOrgIds };
}

/** This feature's policies, installed by the app from the manifest. */
export const electionsPolicies = [electionPolicyDef];

declare module '../../core/auth/authorize.js' {
  interface Policies {
    election: { resource: ElectionResource; action: 'view' | 'coordinate' | 'change' };
  }
}
