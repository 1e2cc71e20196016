// Who may do what to an organization. Deny by default.
import { definePolicy } from '../../core/auth/authorize.js';
import { hasNetworkRole, orgRole, type Actor } from '../../core/auth/actor.js';
import { resourceLoader } from '../../core/http/route.js';
import { getOrganization } from './queries.js';

export type OrganizationResource = { type: 'organization'; id: number; networkId: number; status: string };

export function organizationPolicy(actor: Actor, action: string, org: OrganizationResource): boolean {
  const isNetworkAdmin = actor.networkRoles.get(org.networkId)?.has('networkAdmin') ?? false;
  switch (action) {
    case 'view':
      return org.status === 'active' || isNetworkAdmin || orgRole(actor, org.id) !== null;
    case 'edit':
      return isNetworkAdmin || orgRole(actor, org.id) === 'orgAdmin';
    case 'manageStaff':
      return orgRole(actor, org.id) === 'orgAdmin';
    case 'viewStaff':
      return orgRole(actor, org.id) !== null || hasNetworkRole(actor, 'networkAdmin', org.networkId);
    default:
      return false;
  }
}

const organizationPolicyDef = definePolicy('organization', organizationPolicy);

export function asResource(org: { id: number; network_id: number; status: string }): OrganizationResource {
  return { type: 'organization', id: org.id, networkId: org.network_id, status: org.status };
}

/** Loader: the organization of the path's `:id`, if the person may do `action` with it; else a 404. */
export const organization = resourceLoader(getOrganization, asResource);

/** This feature's policies, installed by the app from the manifest. */
export const organizationsPolicies = [organizationPolicyDef];

declare module '../../core/auth/authorize.js' {
  interface Policies {
    organization: { resource: OrganizationResource; action: 'view' | 'edit' | 'manageStaff' | 'viewStaff' };
  }
}
