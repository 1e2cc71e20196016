// Who is asking: the signed-in person with their roles in the network and in organizations.
// Loaded once per request from the session; everything else asks questions of it.
import type { Db } from '../db/index.js';
import type { NetworkRole, OrgRole } from '../db/core-tables.js';

export type Actor = {
  user: {
    id: number;
    username: string;
    displayName: string;
    email: string | null;
    locale: string;
    digits: 'latn' | 'arab';
    addressAs: 'f' | 'm' | 'x';
    totpEnabled: boolean;
  } | null;
  sessionId: string | null;
  /** network id → roles held there */
  networkRoles: Map<number, Set<NetworkRole>>;
  /** organization id → role there */
  orgRoles: Map<number, OrgRole>;
};

export const anonymous: Actor = { user: null, sessionId: null, networkRoles: new Map(), orgRoles: new Map() };

export async function loadActor(db: Db, userId: number, sessionId: string): Promise<Actor | null> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  const [netRoles, memberships] = await Promise.all([
    db.selectFrom('network_roles').select(['network_id', 'role']).where('user_id', '=', userId).execute(),
    db.selectFrom('memberships').select(['organization_id', 'role']).where('user_id', '=', userId).execute(),
  ]);
  const networkRoles = new Map<number, Set<NetworkRole>>();
  for (const r of netRoles) {
    if (!networkRoles.has(r.network_id)) networkRoles.set(r.network_id, new Set());
    networkRoles.get(r.network_id)!.add(r.role);
  }
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      email: user.email,
      locale: user.locale,
      digits: user.digits,
      addressAs: user.address_as,
      totpEnabled: user.totp_enabled === 1,
    },
    sessionId,
    networkRoles,
    orgRoles: new Map(memberships.map((m) => [m.organization_id, m.role])),
  };
}

export function hasNetworkRole(actor: Actor, role: NetworkRole, networkId?: number): boolean {
  for (const [id, roles] of actor.networkRoles) {
    if (networkId !== undefined && id !== networkId) continue;
    if (roles.has(role) || roles.has('networkAdmin')) return true;
  }
  return false;
}

export function orgRole(actor: Actor, organizationId: number): OrgRole | null {
  return actor.orgRoles.get(organizationId) ?? null;
}

/** Staff and admin roles must use two-step verification and get stricter session timeouts. */
export function holdsStaffRole(actor: Actor): boolean {
  return actor.orgRoles.size > 0 || [...actor.networkRoles.values()].some((r) => r.size > 0);
}
