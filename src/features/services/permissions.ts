// Who may do what in the services directory. Deny by default.
// Services, places and hours belong to the member organization that provides them: its staff
// (orgStaff or orgAdmin) manage them; nobody else does — not another organization, and not the
// network's admins (they import and export, coordinate, and see coverage). Anything not yours is
// a 404, the same as anything that does not exist.
import { definePolicy } from '../../core/auth/authorize.js';
import { orgRole, type Actor } from '../../core/auth/actor.js';
import { notFound, type AnyCtx } from '../../core/http/route.js';
import { getLocation, getService, getServiceOrganization, type ServiceOrganization } from './queries.js';

/** A service or a place of a member organization; memberOrgId is null for imported outsiders. */
export type ServiceResource = { type: 'service' | 'serviceLocation'; memberOrgId: number | null };

export function servicePolicy(actor: Actor, action: string, r: ServiceResource): boolean {
  switch (action) {
    case 'manage':
    case 'confirm':
    case 'viewFeedback':
      return r.memberOrgId !== null && orgRole(actor, r.memberOrgId) !== null;
    default:
      return false;
  }
}

const servicePolicyDef = definePolicy('service', servicePolicy);
const servicelocationPolicyDef = definePolicy('serviceLocation', servicePolicy);

export const serviceResource = (memberOrgId: number | null): ServiceResource => ({ type: 'service', memberOrgId });
export const locationResource = (memberOrgId: number | null): ServiceResource => ({
  type: 'serviceLocation',
  memberOrgId,
});

/** This feature's policies, installed by the app from the manifest. */
export const servicesPolicies = [servicePolicyDef, servicelocationPolicyDef];

declare module '../../core/auth/authorize.js' {
  interface Policies {
    service: { resource: ServiceResource; action: 'manage' | 'confirm' | 'viewFeedback' };
    serviceLocation: { resource: ServiceResource; action: 'manage' | 'confirm' | 'viewFeedback' };
  }
}

// ——— loaders (ids here are UUIDs, so these stand in for the kit's numeric resourceLoader) ———

/** The directory organization `svcOrgId`, if the person may manage what it owns; else 404. */
async function managingOrg(c: AnyCtx, svcOrgId: string | null, resource: typeof serviceResource) {
  const org = svcOrgId ? await getServiceOrganization(c.db, svcOrgId) : null;
  if (!org || !c.can('manage', resource(org.member_org_id))) notFound();
  return org as ServiceOrganization;
}

/** Loader: the service named by :id and its organization, for its own organization's staff; else 404. */
export async function managedService(c: AnyCtx) {
  const service = (await getService(c.db, c.params.id as string)) ?? notFound();
  return { service, org: await managingOrg(c, service.organization_id, serviceResource) };
}
export type ManagedService = Awaited<ReturnType<typeof managedService>>;

/** Loader: the place named by :id and its organization, for its own organization's staff; else 404. */
export async function managedLocation(c: AnyCtx) {
  const loc = (await getLocation(c.db, c.params.id as string)) ?? notFound();
  return { loc, org: await managingOrg(c, loc.organization_id, locationResource) };
}

/**
 * Loader: the member organization a staff page is about — `?org=` if the person works there, else
 * the first they work for; else 404.
 */
export function memberOrg(c: AnyCtx): number {
  const mine = [...c.actor.orgRoles.keys()].sort((a, b) => a - b);
  const org = (c.req.query as Record<string, unknown> | undefined)?.org;
  if (org === undefined) return mine[0] ?? notFound();
  const n = Number(org);
  return mine.includes(n) ? n : notFound();
}
