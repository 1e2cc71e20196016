// Following, reading state and the digest setting of each member.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.js';

// ——— reading state ———

/** The last post of a topic the member has read, or null if they never marked it read. */
export async function readMarker(db: Db, userId: number, topicId: number): Promise<number | null> {
  const row = await db
    .selectFrom('forum_reads')
    .select('last_read_post_id')
    .where('user_id', '=', userId)
    .where('topic_id', '=', topicId)
    .executeTakeFirst();
  return row?.last_read_post_id ?? null;
}

/** Moves a member's read marker in a topic forward to a post (never back). */
export async function markRead(db: Db, userId: number, topicId: number, upToPostId: number, now: Date) {
  const iso = now.toISOString();
  await db
    .insertInto('forum_reads')
    .values({ user_id: userId, topic_id: topicId, last_read_post_id: upToPostId, read_at: iso })
    .onConflict((oc) =>
      oc.columns(['user_id', 'topic_id']).doUpdateSet({
        last_read_post_id: sql`CASE WHEN forum_reads.last_read_post_id > excluded.last_read_post_id THEN forum_reads.last_read_post_id ELSE excluded.last_read_post_id END`,
        read_at: iso,
      }),
    )
    .execute();
}

// ——— following ———

export async function isSubscribed(db: Db, userId: number, type: 'topic' | 'category', id: number) {
  return !!(await db
    .selectFrom('forum_subscriptions')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('target_type', '=', type)
    .where('target_id', '=', id)
    .executeTakeFirst());
}

export async function setSubscription(
  db: Db,
  userId: number,
  type: 'topic' | 'category',
  id: number,
  on: boolean,
  now: Date,
) {
  if (on)
    await db
      .insertInto('forum_subscriptions')
      .values({ user_id: userId, target_type: type, target_id: id, created_at: now.toISOString() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  else
    await db
      .deleteFrom('forum_subscriptions')
      .where('user_id', '=', userId)
      .where('target_type', '=', type)
      .where('target_id', '=', id)
      .execute();
}

// ——— the digest setting ———

export type DigestSetting = 'off' | 'daily' | 'weekly';

export async function getSettings(db: Db, userId: number) {
  const row = await db.selectFrom('forum_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return { digest: (row?.digest ?? 'off') as DigestSetting, lastDigestAt: row?.last_digest_at ?? null };
}

export async function saveDigestSetting(db: Db, userId: number, digest: DigestSetting, now: Date) {
  const iso = now.toISOString();
  await db
    .insertInto('forum_settings')
    .values({ user_id: userId, digest, last_digest_at: null, updated_at: iso })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ digest, updated_at: iso }))
    .execute();
}

export async function userExists(db: Db, userId: number): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst());
}
