// An organization's staff: who works for it, in which role; who could take over from its last
// admin; and who casts its vote in the network (coordination keeps that, read through its queries).
import type { Db } from '../../../core/db/index.js';
import type { OrgRole } from '../../../core/db/core-tables.js';
import { isSet } from '../../../core/db/helpers.js';
import { memberRoles } from '../../coordination/workspace/queries.js';

export type StaffMember = { id: number; display_name: string; username: string; role: OrgRole; twoStep: boolean };

export async function organizationStaff(db: Db, organizationId: number): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name', 'users.username', 'users.totp_enabled', 'memberships.role'])
    .where('memberships.organization_id', '=', organizationId)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  return rows.map(({ totp_enabled, ...r }) => ({ ...r, twoStep: isSet(totp_enabled) }));
}

export async function removeStaff(db: Db, organizationId: number, userId: number) {
  await db
    .deleteFrom('memberships')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .execute();
}

export async function setStaffRole(db: Db, organizationId: number, userId: number, role: OrgRole) {
  await db
    .updateTable('memberships')
    .set({ role })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .execute();
}

export async function organizationAdmins(db: Db, organizationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'orgAdmin')
    .execute();
  return rows.map((r) => r.user_id);
}

/** The organization's voting representative in network votes (set on its workspace), or null. */
export async function representativeOf(db: Db, org: { id: number; network_id: number }): Promise<number | null> {
  const row = await memberRoles(db, org.network_id)
    .select('r.user_id')
    .where('r.organization_id', '=', org.id)
    .where('r.is_representative', '=', 1)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

type OrgRef = { id: number; network_id: number; name_ar: string; name_en: string };

/** A person's organizations, with their role and whether they cast its vote. */
export async function organizationsOf(db: Db, userId: number) {
  const orgs = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select([
      'organizations.id',
      'organizations.network_id',
      'organizations.name_ar',
      'organizations.name_en',
      'memberships.role',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name_ar')
    .execute();
  return Promise.all(orgs.map(async (o) => ({ ...o, represents: (await representativeOf(db, o)) === userId })));
}

/** An organization whose only admin is this person, with the staff who could take over. */
export type Handover = OrgRef & { candidates: { id: number; display_name: string }[] };

/** Where this person is the only admin: they must name another before leaving or deleting their account. */
export async function soleAdminOrganizations(db: Db, userId: number): Promise<Handover[]> {
  const out: Handover[] = [];
  for (const org of await organizationsOf(db, userId)) {
    if (org.role !== 'orgAdmin') continue;
    const staff = await organizationStaff(db, org.id);
    if (staff.some((s) => s.role === 'orgAdmin' && s.id !== userId)) continue;
    out.push({ ...org, candidates: staff.filter((s) => s.id !== userId) });
  }
  return out;
}
