// The admin pages' reads of the core's tables.
import type { Db } from '../../core/db/index.js';
import { isSet } from '../../core/db/helpers.js';
import { findUserByLogin, getUser, remainingRecoveryCodes } from '../accounts/queries.js';

export async function countUnsentMail(db: Db): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const TOKEN = /([/=])[A-Za-z0-9_-]{20,}/g;
/** An invitation's link gives a role (a member's workspace, the network's tools) to whoever opens it. */
const INVITATION = /(\/invite\/)[A-Za-z0-9_-]{20,}/g;

/**
 * A delivered message's one-time links (reset, invitation, unsubscribe, calendar feed) belong to
 * its recipient: an admin who could read them could take over the account (ASVS 6.4.6). Unsent
 * messages keep a reset link, since without SMTP the admin is how it reaches the person — but
 * never an invitation's: an admin must not be able to take a staff place in a member organization
 * by opening it (the inviter sends it again, or gives the person the address to sign up with).
 */
export function withoutOneTimeTokens(text: string, delivered = true): string {
  return delivered ? text.replace(TOKEN, '$1[…]') : text.replace(INVITATION, '$1[…]');
}

/** The latest 100 messages as an admin may read them. */
export async function outboxForAdmin(db: Db) {
  const rows = await db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(100).execute();
  return rows.map((r) => ({ ...r, body_text: withoutOneTimeTokens(r.body_text, r.sent_at !== null) }));
}

/**
 * One account, by its exact user name or e-mail address (no browsing: who works for a member is
 * that member's business), with only what resetting its two-step needs.
 */
export async function personByLogin(db: Db, login: string) {
  return person(db, await findUserByLogin(db, login));
}

export async function personById(db: Db, id: number) {
  return person(db, await getUser(db, id));
}

async function person(db: Db, user: Awaited<ReturnType<typeof getUser>>) {
  if (!user) return null;
  const twoStep = isSet(user.totp_enabled);
  return {
    id: user.id,
    username: user.username,
    twoStep,
    recoveryLeft: twoStep ? await remainingRecoveryCodes(db, user.id) : 0,
  };
}
