// Changing a post: edits keep the earlier version, erasing removes its text and every earlier
// version, hiding and approving carry a first post's topic along, flags. Each in one transaction;
// search entries and notifications follow.
import type { Db } from '../../../core/db/index.js';
import { flag } from '../../../core/db/helpers.js';
import type { WaslServices } from '../../../core/services.js';
import type { FlagReason, PostStatus, TopicStatus } from '../tables.js';
import { afterPostVisible, recomputeTopic } from '../topics/actions.js';
import { syncTopicSearch } from '../topics/indexing.js';
import { notifyApproved } from '../subscriptions/actions.js';
import { withdrawForumNotices, withdrawTopicNotices } from '../subscriptions/notices.js';
import { bodyColumns } from './text.js';

/** Saves an edit: the version it replaces (with its rendering) becomes a revision. */
export async function editPost(
  wasl: WaslServices,
  post: {
    id: number;
    topic_id: number;
    body: string;
    body_html: string;
    body_html_version: number | null;
    created_at: string;
    edited_at: string | null;
    status: PostStatus;
  },
  input: { body: string; title: string | null; oldTitle: string | null; now: Date },
): Promise<void> {
  const { db } = wasl;
  const stored = await bodyColumns(wasl, input.body);
  const iso = input.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('forum_revisions')
      .values({
        post_id: post.id,
        title: input.title !== null && input.title !== input.oldTitle ? input.oldTitle : null,
        body: post.body,
        body_html: post.body_html,
        body_html_version: post.body_html_version,
        written_at: post.edited_at ?? post.created_at,
        replaced_at: iso,
      })
      .execute();
    await trx
      .updateTable('forum_posts')
      .set((eb) => ({ ...stored, edit_count: eb('edit_count', '+', 1), edited_at: iso }))
      .where('id', '=', post.id)
      .execute();
    if (input.title !== null)
      await trx
        .updateTable('forum_topics')
        .set({ title: input.title, updated_at: iso })
        .where('id', '=', post.topic_id)
        .execute();
  });
  if (post.status === 'visible') await afterPostVisible(wasl, post.id, input.now);
  if (input.title !== null) await syncTopicSearch(db, post.topic_id);
}

/** A hidden or erased post's notices go: its own, or its whole topic's for a first post. */
function withdrawNotices(db: Db, post: { id: number; topic_id: number; first_post_id: number | null }) {
  return post.first_post_id === post.id ? withdrawTopicNotices(db, post.topic_id) : withdrawForumNotices(db, [post.id]);
}

/**
 * Erases a post: its text and its earlier versions are removed, a placeholder stays in the
 * topic. A topic's first post takes the topic (and its title) with it.
 */
export async function erasePost(db: Db, postId: number, now: Date): Promise<{ topicErased: boolean; topicId: number }> {
  const post = await db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .select(['p.id', 'p.topic_id', 't.first_post_id'])
    .where('p.id', '=', postId)
    .executeTakeFirstOrThrow();
  const iso = now.toISOString();
  const topicErased = post.first_post_id === post.id;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('forum_revisions').where('post_id', '=', postId).execute();
    await trx
      .updateTable('forum_posts')
      .set({
        status: 'deleted',
        body: '',
        body_html: '',
        body_html_version: null,
        body_hash: '',
        link_count: 0,
        deleted_at: iso,
        hidden_reason: null,
      })
      .where('id', '=', postId)
      .execute();
    await resolveFlags(trx, postId, 'erased', now);
    if (topicErased)
      await trx
        .updateTable('forum_topics')
        .set({ status: 'deleted', title: '', pinned: 0, updated_at: iso })
        .where('id', '=', post.topic_id)
        .execute();
    await recomputeTopic(trx, post.topic_id);
  });
  await withdrawNotices(db, post);
  await syncTopicSearch(db, post.topic_id);
  return { topicErased, topicId: post.topic_id };
}

/** Hides, restores or approves a post; the first post carries its topic along. */
export async function setPostStatus(
  wasl: WaslServices,
  postId: number,
  status: 'visible' | 'hidden',
  reason: 'flags' | 'moderator' | null,
  opts: { resolveFlags?: 'upheld' | 'dismissed'; now: Date },
): Promise<void> {
  const { db } = wasl;
  const post = await db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .select(['p.id', 'p.status', 'p.topic_id', 'p.author_id', 't.title', 't.first_post_id', 't.status as topic_status'])
    .where('p.id', '=', postId)
    .executeTakeFirstOrThrow();
  const iso = opts.now.toISOString();
  const wasPending = post.status === 'pending';
  const isFirst = post.first_post_id === post.id;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('forum_posts')
      .set({ status, hidden_reason: status === 'hidden' ? reason : null })
      .where('id', '=', postId)
      .execute();
    if (isFirst && post.topic_status !== 'deleted' && post.topic_status !== 'merged') {
      const topicStatus: TopicStatus = status;
      await trx
        .updateTable('forum_topics')
        .set({ status: topicStatus, hidden_reason: status === 'hidden' ? reason : null, updated_at: iso })
        .where('id', '=', post.topic_id)
        .execute();
    }
    if (opts.resolveFlags) await resolveFlags(trx, postId, opts.resolveFlags, opts.now);
    await recomputeTopic(trx, post.topic_id);
  });
  if (status === 'hidden') await withdrawNotices(db, post);
  if (status === 'visible' && wasPending) {
    if (isFirst) await syncTopicSearch(db, post.topic_id);
    await afterPostVisible(wasl, postId, opts.now);
    await notifyApproved(wasl, post, opts.now);
  } else await syncTopicSearch(db, post.topic_id);
}

// ——— flags ———

export async function addFlag(
  db: Db,
  input: { postId: number; flaggerId: number; reason: FlagReason; note: string; trusted: boolean; now: Date },
): Promise<void> {
  await db
    .insertInto('forum_flags')
    .values({
      post_id: input.postId,
      flagger_id: input.flaggerId,
      reason: input.reason,
      note: input.note,
      trusted: flag(input.trusted),
      created_at: input.now.toISOString(),
      resolved_at: null,
      resolution: null,
    })
    .execute();
}

/** Closes a post's open flags: upheld (hidden), dismissed, or erased with the post. */
export async function resolveFlags(
  db: Db,
  postId: number,
  resolution: 'upheld' | 'dismissed' | 'erased',
  now: Date,
): Promise<void> {
  await db
    .updateTable('forum_flags')
    .set({ resolved_at: now.toISOString(), resolution })
    .where('post_id', '=', postId)
    .where('resolved_at', 'is', null)
    .execute();
}
