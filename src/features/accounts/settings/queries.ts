// The account page: what it shows of the person, and the changes made from it.
import type { Db } from '../../../core/db/index.js';
import { holdsStaffRole, type Actor } from '../../../core/auth/actor.js';
import { organizationsOf, soleAdminOrganizations, type Handover } from '../../organizations/staff/queries.js';
import { remainingRecoveryCodes } from '../queries.js';

/** Before deleting an account: organizations it is the only admin of, and those whose vote it casts. */
export type Departure = { handovers: Handover[]; represents: { id: number; name_ar: string; name_en: string }[] };

export async function departure(db: Db, userId: number): Promise<Departure> {
  const [handovers, orgs] = await Promise.all([soleAdminOrganizations(db, userId), organizationsOf(db, userId)]);
  return { handovers, represents: orgs.filter((o) => o.represents) };
}

/** What the account page shows: the person as the request knows them, their recovery codes left, … */
export type AccountView = NonNullable<Actor['user']> &
  Departure & {
    recoveryLeft: number;
    mustEnable2fa: boolean;
    /** proved who they are in the last minutes: the e-mail form is open without asking again */
    fresh: boolean;
  };

export async function accountView(db: Db, actor: Actor, fresh: boolean): Promise<AccountView> {
  const user = actor.user!;
  return {
    ...user,
    ...(await departure(db, user.id)),
    recoveryLeft: await remainingRecoveryCodes(db, user.id),
    mustEnable2fa: holdsStaffRole(actor),
    fresh,
  };
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
