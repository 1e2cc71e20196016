// What reaches people when a post becomes visible — followers, quoted and mentioned members, only
// those who may read the category — through the core notification service (core/notify: the list
// at /notifications, the header count, e-mail by each person's choice), and a member's reading of
// a topic, which also reads the notices about the posts read.
import type { Db } from '../../../core/db/index.js';
import { notify } from '../../../core/notify/index.js';
import type { WaslServices } from '../../../core/services.js';
import type { CategoryVisibility } from '../tables.js';
import { quotedPostIds, resolveMentions } from '../posts/text.js';
import { userIsStaff } from '../posts/trust.js';
import { markRead } from './queries.js';
import { readForumNotices } from './notices.js';
import { siteBase } from '../context.js';

/** Kinds of forum notice, the strongest first: a member gets one notice per post, of the strongest kind. */
export const NOTICE_KINDS = ['mention', 'quote', 'reply', 'topic', 'approved'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The notice of a post, in the core list: the topic's title (never another member's name) and the post's address. */
const noticeOf = (post: { id: number; title: string }) => ({
  params: { title: post.title },
  url: `/forum/p/${post.id}`,
});

export async function notifyForPost(
  wasl: WaslServices,
  post: {
    id: number;
    body: string;
    author_id: number | null;
    topic_id: number;
    title: string;
    first_post_id: number | null;
    category_id: number;
    visibility: CategoryVisibility;
  },
  now: Date,
) {
  const { db } = wasl;
  const recipients = new Map<number, NoticeKind>();
  const add = (userId: number | null, kind: NoticeKind) => {
    if (userId === null || userId === post.author_id) return;
    const had = recipients.get(userId);
    if (!had || NOTICE_KINDS.indexOf(kind) < NOTICE_KINDS.indexOf(had)) recipients.set(userId, kind);
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
  const quoted = quotedPostIds(post.body, siteBase(wasl));
  if (quoted.length) {
    const rows = await db.selectFrom('forum_posts').select(['author_id', 'status']).where('id', 'in', quoted).execute();
    for (const r of rows) if (r.status === 'visible') add(r.author_id, 'quote');
  }
  for (const m of (await resolveMentions(db, post.body)).values()) add(m.id, 'mention');
  if (!recipients.size) return;
  // Only people who may read the category hear about it (and only accounts that still exist).
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...recipients.keys()])
    .execute();
  const byKind = new Map<NoticeKind, number[]>();
  for (const { id } of existing) {
    if (post.visibility === 'staff' && !(await userIsStaff(db, id))) continue;
    const kind = recipients.get(id)!;
    byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  for (const [kind, users] of byKind)
    await notify(wasl, { users, type: `forum.${kind}`, ...noticeOf(post), now, actorId: post.author_id });
}

/** The author of a post that waited for approval hears that it is up. */
export async function notifyApproved(
  wasl: WaslServices,
  post: { id: number; author_id: number | null; title: string },
  now: Date,
) {
  if (post.author_id) await notify(wasl, { users: [post.author_id], type: 'forum.approved', ...noticeOf(post), now });
}

/** A member has read a topic up to a post: the unread markers move, and the notices about it are read. */
export async function markTopicRead(db: Db, userId: number, topicId: number, upToPostId: number, now: Date) {
  await markRead(db, userId, topicId, upToPostId, now);
  await readForumNotices(db, userId, { topicId, upToPostId }, now);
}
