// Reading one post with its place, its earlier versions and the flags on it. Who flagged is read
// only to stop a second flag by the same member; it is never returned for display.
import { sql } from 'kysely';
import type { Db } from '../../../core/db/index.js';
import { topicPath } from '../components.js';
import { postColumns, postPage, postsWithPlace } from '../topics/queries.js';

export type PostWithTopic = NonNullable<Awaited<ReturnType<typeof getPost>>>;

export async function getPost(db: Db, id: number) {
  return postsWithPlace(db)
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select([
      ...postColumns,
      'p.body_hash',
      'p.link_count',
      't.title as topic_title',
      't.status as topic_status',
      't.locked as topic_locked',
      't.author_id as topic_author_id',
      't.first_post_id',
      't.category_id',
      'c.network_id',
      'c.visibility',
      'c.approval',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function postRevisions(db: Db, postId: number) {
  return db.selectFrom('forum_revisions').selectAll().where('post_id', '=', postId).orderBy('id', 'desc').execute();
}

function openFlags(db: Db) {
  return db.selectFrom('forum_flags').where('resolved_at', 'is', null);
}

/** Open flags per post, for moderators: counts, never who flagged. */
export async function openFlagCounts(db: Db, postIds: number[]) {
  if (!postIds.length) return new Map<number, number>();
  const rows = await openFlags(db)
    .select(['post_id', sql<number>`count(*)`.as('n')])
    .where('post_id', 'in', postIds)
    .groupBy('post_id')
    .execute();
  return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
}

/** The reasons and notes of a post's open flags, oldest first (for its moderation page). */
export async function openFlagsOn(db: Db, postId: number) {
  return openFlags(db).select(['reason', 'note']).where('post_id', '=', postId).orderBy('id').execute();
}

/** Which of these posts this member has flagged (and not yet seen resolved). */
export async function flaggedBy(db: Db, userId: number, postIds: number[]): Promise<Set<number>> {
  if (!postIds.length) return new Set();
  const rows = await openFlags(db)
    .select('post_id')
    .where('flagger_id', '=', userId)
    .where('post_id', 'in', postIds)
    .execute();
  return new Set(rows.map((r) => r.post_id));
}

export async function hasFlagged(db: Db, postId: number, userId: number): Promise<boolean> {
  return (await flaggedBy(db, userId, [postId])).has(postId);
}

/** Where a post is shown: its topic's page and the post's anchor. */
export async function postUrl(db: Db, postId: number): Promise<string> {
  const post = await getPost(db, postId);
  if (!post) return '/forum';
  const path = topicPath({ id: post.topic_id, title: post.topic_title });
  if (post.status === 'pending') return `${path}#p${post.id}`;
  const page = await postPage(db, post.topic_id, post.id);
  return `${path}${page > 1 ? `?page=${page}` : ''}#p${post.id}`;
}
