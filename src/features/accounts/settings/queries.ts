// The account page: what it shows of the person, and the changes made from it.
import type { Db } from '../../../core/db/index.js';
import { holdsStaffRole, type Actor } from '../../../core/auth/actor.js';
import { remainingRecoveryCodes } from '../queries.js';

/** What the account page shows: the person as the request knows them, and their recovery codes left. */
export type AccountView = NonNullable<Actor['user']> & { recoveryLeft: number; mustEnable2fa: boolean };

export async function accountView(db: Db, actor: Actor): Promise<AccountView> {
  const user = actor.user!;
  return { ...user, recoveryLeft: await remainingRecoveryCodes(db, user.id), mustEnable2fa: holdsStaffRole(actor) };
}

export async function updateProfile(
  db: Db,
  userId: number,
  p: { display_name: string; locale: 'ar' | 'en'; digits: 'latn' | 'arab'; address_as: 'f' | 'm' | 'x' },
  now: Date,
) {
  await db
    .updateTable('users')
    .set({
      display_name: p.display_name,
      locale: p.locale,
      digits: p.digits,
      address_as: p.address_as,
      updated_at: now.toISOString(),
    })
    .where('id', '=', userId)
    .execute();
}

export async function setEmail(db: Db, userId: number, email: string, now: Date) {
  await db.updateTable('users').set({ email, updated_at: now.toISOString() }).where('id', '=', userId).execute();
}

/**
 * Sessions, memberships, roles and recovery codes go with the row (ON DELETE CASCADE); features
 * keep what a person published under "deleted member" (their FKs SET NULL).
 */
export async function deleteUser(db: Db, userId: number) {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}
