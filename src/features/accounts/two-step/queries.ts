// Two-step verification: the secret being set up, switching it on and off.
import { newTotpSecret } from '../../../core/auth/totp.js';
import type { Db } from '../../../core/db/index.js';

/**
 * Gives an account without two-step a secret to set it up with, unless it has one: done by the POST
 * that leads to the set-up page (signing in as staff, accepting an invitation, "set up"), so the
 * page itself only reads, and shows the same secret however often it is reloaded.
 */
export async function ensureTotpSecret(db: Db, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: newTotpSecret() })
    .where('id', '=', userId)
    .where('totp_enabled', '=', 0)
    .where('totp_secret', 'is', null)
    .execute();
}

/** On, with the step of the code that proved the set-up (that code is not accepted again). */
export async function enableTotp(db: Db, userId: number, step: number, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_enabled: 1, totp_last_step: step, updated_at: now.toISOString() })
    .where('id', '=', userId)
    .execute();
}

/** Off: the secret and the recovery codes go. */
export async function disableTotp(db: Db, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled: 0, totp_secret: null, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  });
}
