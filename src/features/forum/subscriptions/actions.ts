// Notifications written when a post becomes visible (to followers, quoted and mentioned members,
// only those who may read the category), and a member's reading of a topic.
import type { Db } from '../../../core/db/index.js';
import type { CategoryVisibility, NotificationKind } from '../tables.js';
import { quotedPostIds, resolveMentions } from '../posts/text.js';
import { userIsStaff } from '../posts/trust.js';
import { markNotificationsRead, markRead } from './queries.js';

const PRIORITY: Record<NotificationKind, number> = { mention: 4, quote: 3, reply: 2, topic: 1, approved: 0 };

export async function notifyForPost(
  db: Db,
  post: {
    id: number;
    body: string;
    author_id: number | null;
    topic_id: number;
    first_post_id: number | null;
    category_id: number;
    visibility: CategoryVisibility;
  },
  baseUrl: string,
  now: Date,
) {
  const recipients = new Map<number, NotificationKind>();
  const add = (userId: number | null, kind: NotificationKind) => {
    if (userId === null || userId === post.author_id) return;
    const had = recipients.get(userId);
    if (!had || PRIORITY[kind] > PRIORITY[had]) recipients.set(userId, kind);
  };
  const isFirst = post.first_post_id === post.id;
  const subs = await db
    .selectFrom('forum_subscriptions')
    .select(['user_id', 'target_type'])
    .where((eb) =>
      eb.or([
        eb.and([eb('target_type', '=', 'topic'), eb('target_id', '=', post.topic_id)]),
        ...(isFirst ? [eb.and([eb('target_type', '=', 'category'), eb('target_id', '=', post.category_id)])] : []),
      ]),
    )
    .execute();
  for (const s of subs) add(s.user_id, s.target_type === 'category' ? 'topic' : 'reply');
  const quoted = quotedPostIds(post.body, baseUrl);
  if (quoted.length) {
    const rows = await db.selectFrom('forum_posts').select(['author_id', 'status']).where('id', 'in', quoted).execute();
    for (const r of rows) if (r.status === 'visible') add(r.author_id, 'quote');
  }
  for (const m of (await resolveMentions(db, post.body)).values()) add(m.id, 'mention');
  if (!recipients.size) return;
  // Only people who may read the category hear about it.
  const allowed: number[] = [];
  for (const id of recipients.keys()) {
    if (post.visibility === 'staff' && !(await userIsStaff(db, id))) continue;
    allowed.push(id);
  }
  if (!allowed.length) return;
  const existing = await db.selectFrom('users').select('id').where('id', 'in', allowed).execute();
  for (const { id } of existing) await notify(db, id, recipients.get(id)!, post, now);
}

/** The author of a post that waited for approval hears that it is up. */
export async function notifyApproved(
  db: Db,
  post: { id: number; topic_id: number; author_id: number | null },
  now: Date,
) {
  if (post.author_id) await notify(db, post.author_id, 'approved', { ...post, author_id: null }, now);
}

async function notify(
  db: Db,
  userId: number,
  kind: NotificationKind,
  post: { id: number; topic_id: number; author_id: number | null },
  now: Date,
) {
  await db
    .insertInto('forum_notifications')
    .values({
      user_id: userId,
      kind,
      topic_id: post.topic_id,
      post_id: post.id,
      actor_id: post.author_id,
      created_at: now.toISOString(),
      read_at: null,
      emailed_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** A member has read a topic up to a post: the unread markers move, and the notifications about it are read. */
export async function markTopicRead(db: Db, userId: number, topicId: number, upToPostId: number, now: Date) {
  await markRead(db, userId, topicId, upToPostId, now);
  await markNotificationsRead(db, userId, { topicId, upToPostId }, now);
}
