// The forum's notices in the core list (core/notify): the kinds it declares, and what the core
// service does not do yet (for the lead: candidates to lift) — reading the notices about a topic's
// posts when the member reads the topic, withdrawing the notices of a post that is hidden or erased
// (its title must not outlive it in anyone's list), and the forum's own daily or weekly digest.
import type { NotificationType } from '../../../core/notify/index.js';
import type { Db } from '../../../core/db/index.js';

/** The kinds of event the forum tells people about (manifest `notifications`); list only until they choose. */
export const forumNoticeTypes: NotificationType[] = (['reply', 'quote', 'mention', 'topic', 'approved'] as const).map(
  (kind) => ({
    type: `forum.${kind}`,
    message: `forum.notice.${kind}`,
    label: `forum.notice.${kind}Label`,
    channel: 'off',
  }),
);
const TYPES = forumNoticeTypes.map((t) => t.type);
const POST_URL = /^\/forum\/p\/(\d{1,10})$/;

/** The post a forum notice leads to. */
export const noticePost = (url: string): number | null => Number(POST_URL.exec(url)?.[1] ?? 0) || null;

/** A member's unread forum notices (few: they are read as topics are). */
function unread(db: Db, userId: number) {
  return db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where('type', 'in', TYPES)
    .where('read_at', 'is', null);
}

/** Reads a member's notices about a topic's posts up to one (they have read that far). */
export async function readForumNotices(
  db: Db,
  userId: number,
  upTo: { topicId: number; upToPostId: number },
  now: Date,
): Promise<void> {
  const rows = await unread(db, userId).select(['id', 'url']).execute();
  const byPost = new Map(rows.map((r) => [noticePost(r.url), r.id]));
  byPost.delete(null);
  if (!byPost.size) return;
  const read = await db
    .selectFrom('forum_posts')
    .select('id')
    .where('topic_id', '=', upTo.topicId)
    .where('id', '<=', upTo.upToPostId)
    .where('id', 'in', [...byPost.keys()] as number[])
    .execute();
  if (!read.length) return;
  await db
    .updateTable('notifications')
    .set({ read_at: now.toISOString() })
    .where(
      'id',
      'in',
      read.map((p) => byPost.get(p.id)!),
    )
    .execute();
}

/** Removes every notice about these posts from everyone's list (the post was hidden or erased). */
export async function withdrawForumNotices(db: Db, postIds: number[]): Promise<void> {
  if (!postIds.length) return;
  await db
    .deleteFrom('notifications')
    .where('type', 'in', TYPES)
    .where(
      'url',
      'in',
      postIds.map((id) => `/forum/p/${id}`),
    )
    .execute();
}

/** Removes the notices about every post of a topic (the topic was hidden, or its first post erased). */
export async function withdrawTopicNotices(db: Db, topicId: number): Promise<void> {
  const posts = await db.selectFrom('forum_posts').select('id').where('topic_id', '=', topicId).execute();
  await withdrawForumNotices(
    db,
    posts.map((p) => p.id),
  );
}

/** A member's unread forum notices not yet e-mailed, oldest first, for their digest. */
export async function undigestedNotices(db: Db, userId: number, limit: number) {
  return unread(db, userId)
    .select(['id', 'type', 'params', 'url'])
    .where('mailed_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markMailed(db: Db, ids: number[], now: Date): Promise<void> {
  if (ids.length)
    await db.updateTable('notifications').set({ mailed_at: now.toISOString() }).where('id', 'in', ids).execute();
}
