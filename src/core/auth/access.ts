// Route access levels. Every route declares one in `config.access`; the app refuses to boot if
// a route does not (see the onRoute hook in app.ts). Object-level checks go through authorize().
import { hasNetworkRole, type Actor } from './actor.js';

export const accessLevels = [
  'public',
  'member',
  'orgStaff',
  'orgAdmin',
  'moderator',
  'networkEditor',
  'networkAdmin',
] as const;
export type AccessLevel = (typeof accessLevels)[number];

/** Does the actor meet the route's level? (Which organization or item is decided by authorize().) */
export function meetsAccess(actor: Actor, level: AccessLevel): boolean {
  switch (level) {
    case 'public':
      return true;
    case 'member':
      return actor.user !== null;
    case 'orgStaff':
      return actor.orgRoles.size > 0;
    case 'orgAdmin':
      return [...actor.orgRoles.values()].includes('orgAdmin');
    case 'moderator':
      return hasNetworkRole(actor, 'moderator');
    case 'networkEditor':
      return hasNetworkRole(actor, 'networkEditor');
    case 'networkAdmin':
      return [...actor.networkRoles.values()].some((r) => r.has('networkAdmin'));
  }
}
