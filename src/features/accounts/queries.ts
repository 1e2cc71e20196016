// Accounts: people, their credentials and one-time tokens. Functions take `db` first.
import crypto from 'node:crypto';
import type { Db } from '../../core/db/index.js';
import { hashToken } from '../../core/auth/sessions.js';
import { hashRecoveryCode, newRecoveryCodes } from '../../core/auth/totp.js';

import { normalizeEmail, normalizeUsername } from '../../core/auth/users.js';

export { createUser, normalizeEmail, normalizeUsername } from '../../core/auth/users.js';

export async function findUserByLogin(db: Db, identifier: string) {
  const id = identifier.trim().toLowerCase();
  const column = id.includes('@') ? 'email' : 'username';
  return db.selectFrom('users').selectAll().where(column, '=', id).executeTakeFirst();
}

export async function getUser(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function usernameTaken(db: Db, username: string) {
  return !!(await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', normalizeUsername(username))
    .executeTakeFirst());
}

export async function emailTaken(db: Db, email: string) {
  return !!(await db.selectFrom('users').select('id').where('email', '=', normalizeEmail(email)).executeTakeFirst());
}

/** How the Arabic interface addresses the person (core's createUser starts every account at 'x'). */
export async function setAddressAs(db: Db, userId: number, addressAs: 'f' | 'm' | 'x') {
  if (addressAs === 'x') return;
  await db.updateTable('users').set({ address_as: addressAs }).where('id', '=', userId).execute();
}

/** A new password; the caller ends the other sessions. */
export async function setPassword(db: Db, userId: number, passwordHash: string, now: Date) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', userId)
    .execute();
}

/** Replaces the recovery codes; returns the new plain codes (shown once). */
export async function replaceRecoveryCodes(db: Db, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(codes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c), used_at: null })))
      .execute();
  });
  return codes;
}

/** Uses a recovery code once; true if it was valid and unused. */
export async function useRecoveryCode(db: Db, userId: number, code: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hashRecoveryCode(code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function remainingRecoveryCodes(db: Db, userId: number): Promise<number> {
  const r = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// One-time tokens (password reset, e-mail change, invitation): only the hash is stored.
export async function createAccountToken(
  db: Db,
  t: { purpose: 'reset' | 'email' | 'invite'; userId: number | null; payload: object; ttlMs: number },
  now: Date,
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db
    .insertInto('account_tokens')
    .values({
      token_hash: hashToken(token),
      purpose: t.purpose,
      user_id: t.userId,
      payload: JSON.stringify(t.payload),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + t.ttlMs).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

export async function peekAccountToken(db: Db, token: string, purpose: 'reset' | 'email' | 'invite', now: Date) {
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom('account_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ?? null;
}

/** Marks a token used; false if someone else used it first. */
export async function consumeAccountToken(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('account_tokens')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
