// Invitations: what an invitation token carries, and the role it grants once accepted.
import type { Db } from '../../../core/db/index.js';
import type { NetworkRole, OrgRole } from '../../../core/db/core-tables.js';
import { getOrganization } from '../../organizations/queries.js';
import { peekAccountToken } from '../queries.js';

export type InvitePayload = {
  email: string;
  networkId: number;
  organizationId: number | null;
  role: OrgRole | NetworkRole;
  invitedBy: number;
};

/** A live invitation by its token, with the organization it is to (if any); null if none. */
export async function findInvitation(db: Db, token: string, now: Date) {
  const row = await peekAccountToken(db, token, 'invite', now);
  if (!row) return null;
  const invite = JSON.parse(row.payload) as InvitePayload;
  const org = invite.organizationId ? await getOrganization(db, invite.organizationId) : null;
  return { row, invite, org };
}

export async function grantRole(db: Db, userId: number, invite: InvitePayload) {
  if (invite.organizationId) {
    await db
      .insertInto('memberships')
      .values({ user_id: userId, organization_id: invite.organizationId, role: invite.role as OrgRole })
      .onConflict((oc) => oc.columns(['user_id', 'organization_id']).doUpdateSet({ role: invite.role as OrgRole }))
      .execute();
  } else {
    await db
      .insertInto('network_roles')
      .values({ user_id: userId, network_id: invite.networkId, role: invite.role as NetworkRole })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
