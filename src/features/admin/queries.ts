// The admin pages' reads of the core's tables.
import type { Db } from '../../core/db/index.js';

export async function countUnsentMail(db: Db): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A delivered message's one-time links (reset, invitation, unsubscribe, calendar feed) belong to
 * its recipient: an admin who could read them could take over the account (ASVS 6.4.6). Unsent
 * messages keep them, since without SMTP the admin is how they reach the person.
 */
export function withoutOneTimeTokens(text: string): string {
  return text.replace(/([/=])[A-Za-z0-9_-]{20,}/g, '$1[…]');
}

/** The latest 100 messages as an admin may read them. */
export async function outboxForAdmin(db: Db) {
  const rows = await db.selectFrom('mail_outbox').selectAll().orderBy('id', 'desc').limit(100).execute();
  return rows.map((r) => (r.sent_at ? { ...r, body_text: withoutOneTimeTokens(r.body_text) } : r));
}
