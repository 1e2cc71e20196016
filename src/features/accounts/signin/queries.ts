// Signing in: the second step's one-time acceptance of a code.
import type { Db } from '../../../core/db/index.js';

/**
 * Stores the accepted time step unless a later one is stored: a code is accepted once, even by
 * two requests racing. True if this request won.
 */
export async function acceptTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
