// Who may do what with an election. Deny by default.
//
// Coordinators of an election are (a) the staff — orgStaff or orgAdmin — of its organizing
// member organizations, and (b) the network's admins. Partner organizations (members or not) are
// named on the election but their staff do not coordinate it. Anyone may read a non-draft
// election and its published results. Observers never hold an account: they reach only the
// observer API, with a bearer token scoped to their own assignments (checked in observe/routes.tsx).
import { definePolicy } from '../../core/auth/authorize.js';
import type { Actor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db/index.js';
import { notFound, resourceLoader, type AnyCtx } from '../../core/http/route.js';
import { getElection, type Election } from './queries.js';

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

type ElectionAction = 'view' | 'coordinate' | 'change';

/** `load: election('change')`: the election of the path's :id if the person may do that with it, or 404. */
export const election = resourceLoader(getElection, asResource);

/**
 * One of the election's records, by a path parameter: `within('change', 'oid', getObserver)` gives
 * `{ e, row }`, or 404 when the election is refused, the record is not the election's, or `ok`
 * says no (a published form cannot be edited).
 */
export function within<Row>(
  action: ElectionAction,
  param: string,
  fetch: (db: Db, electionId: number, id: number) => Promise<Row | null | undefined>,
  ok: (row: Row) => boolean = () => true,
) {
  return async (c: AnyCtx): Promise<{ e: Election; row: Row }> => {
    const e = await election(action)(c);
    const row = await fetch(c.db, e.id, c.id(param));
    if (!row || !ok(row)) notFound();
    return { e, row };
  };
}

/** May the person asking still change the election's observation data (not once archived)? */
export const canChange = (c: AnyCtx, e: Election) => c.can('change', asResource(e));
