// Writing topics and replies, each in one transaction with its topic's counters; the author
// follows the topic and has read it up to their post. Search entries and notifications follow
// once a post can be read by others (they are derived data).
import type { Db } from '../../../core/db/index.js';
import type { WaslServices } from '../../../core/services.js';
import { bodyColumns, type BodyColumns } from '../posts/text.js';
import { markTopicRead, notifyForPost } from '../subscriptions/actions.js';
import { setSubscription } from '../subscriptions/queries.js';
import { postsWithPlace } from './queries.js';
import { indexReply, syncTopicSearch } from './indexing.js';
import { insertRow } from '../../../core/db/rows.js';

/** A topic's first post, visible post count and last visible post, recomputed from its posts. */
export async function recomputeTopic(tx: Db, topicId: number): Promise<void> {
  const posts = await tx
    .selectFrom('forum_posts')
    .select(['id', 'status', 'created_at'])
    .where('topic_id', '=', topicId)
    .orderBy('id')
    .execute();
  const visible = posts.filter((p) => p.status === 'visible');
  const last = visible[visible.length - 1];
  await tx
    .updateTable('forum_topics')
    .set({
      first_post_id: posts[0]?.id ?? null,
      post_count: visible.length,
      last_post_id: last?.id ?? null,
      ...(last ? { last_post_at: last.created_at } : {}),
    })
    .where('id', '=', topicId)
    .execute();
}

export type NewPost = {
  authorId: number;
  body: string;
  status: 'visible' | 'pending';
  now: Date;
};

/** A topic and its first post; the body is rendered here, after every check of the request. */
export async function createTopic(
  wasl: WaslServices,
  input: NewPost & { categoryId: number; title: string },
): Promise<{ topicId: number; postId: number }> {
  const { db } = wasl;
  const stored = await bodyColumns(wasl, input.body);
  const iso = input.now.toISOString();
  const ids = await db.transaction().execute(async (trx) => {
    const topicId = await insertRow(trx, 'forum_topics', {
      category_id: input.categoryId,
      author_id: input.authorId,
      title: input.title,
      status: input.status,
      hidden_reason: null,
      locked: 0,
      pinned: 0,
      merged_into: null,
      first_post_id: null,
      post_count: 0,
      last_post_id: null,
      last_post_at: iso,
      created_at: iso,
      updated_at: iso,
    });
    const postId = await writePost(trx, topicId, input, stored);
    return { topicId, postId };
  });
  await afterPosting(wasl, ids.topicId, ids.postId, input);
  return ids;
}

/** A reply; the body is rendered here, after every check of the request. */
export async function createReply(wasl: WaslServices, input: NewPost & { topicId: number }): Promise<number> {
  const { db } = wasl;
  const stored = await bodyColumns(wasl, input.body);
  const postId = await db.transaction().execute(async (trx) => {
    const id = await writePost(trx, input.topicId, input, stored);
    await trx
      .updateTable('forum_topics')
      .set({ updated_at: input.now.toISOString() })
      .where('id', '=', input.topicId)
      .execute();
    return id;
  });
  await afterPosting(wasl, input.topicId, postId, input);
  return postId;
}

/** The post, its topic's counters, and the author following the topic. */
async function writePost(trx: Db, topicId: number, input: NewPost, stored: BodyColumns): Promise<number> {
  const postId = await insertRow(trx, 'forum_posts', {
    topic_id: topicId,
    author_id: input.authorId,
    ...stored,
    status: input.status,
    hidden_reason: null,
    edit_count: 0,
    created_at: input.now.toISOString(),
    edited_at: null,
    deleted_at: null,
  });
  await recomputeTopic(trx, topicId);
  await setSubscription(trx, input.authorId, 'topic', topicId, true, input.now);
  return postId;
}

/** Whoever writes in a topic has read it up to their post; others hear of it once it is visible. */
async function afterPosting(wasl: WaslServices, topicId: number, postId: number, input: NewPost) {
  await markTopicRead(wasl.db, input.authorId, topicId, postId, input.now);
  if (input.status === 'visible') await afterPostVisible(wasl, postId, input.now);
}

/** Search entries and notifications once a post can be read by others. */
export async function afterPostVisible(wasl: WaslServices, postId: number, now: Date): Promise<void> {
  const { db } = wasl;
  const post = await postsWithPlace(db)
    .select([
      'p.id',
      'p.body',
      'p.body_html',
      'p.author_id',
      'p.created_at',
      'p.status',
      't.id as topic_id',
      't.title',
      't.status as topic_status',
      't.first_post_id',
      't.category_id',
      'c.network_id',
      'c.visibility',
    ])
    .where('p.id', '=', postId)
    .executeTakeFirst();
  if (!post || post.status !== 'visible' || post.topic_status !== 'visible') return;
  if (post.first_post_id === post.id) await syncTopicSearch(db, post.topic_id);
  else
    await indexReply(
      db,
      {
        id: post.topic_id,
        title: post.title,
        category_id: post.category_id,
        network_id: post.network_id,
        visibility: post.visibility,
      },
      post,
    );
  await notifyForPost(wasl, post, now);
}
