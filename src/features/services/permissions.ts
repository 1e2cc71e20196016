// Who may do what in the services directory. Deny by default.
// Services, places and hours belong to the member organization that provides them: its staff
// (orgStaff or orgAdmin) manage them; nobody else does — not another organization, and not the
// network's admins (they import and export, coordinate, and see coverage).
import { definePolicy } from '../../core/auth/authorize.js';
import { orgRole, type Actor } from '../../core/auth/actor.js';

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
