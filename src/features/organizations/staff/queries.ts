// An organization's staff: who works for it, in which role.
import type { Db } from '../../../core/db/index.js';

export async function organizationStaff(db: Db, organizationId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name', 'users.username', 'memberships.role'])
    .where('memberships.organization_id', '=', organizationId)
    .orderBy('users.display_name')
    .execute();
}

export async function removeStaff(db: Db, organizationId: number, userId: number) {
  await db
    .deleteFrom('memberships')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .execute();
}
