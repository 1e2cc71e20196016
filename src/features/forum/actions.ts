// Writes that span tables, each in one transaction: topics with their first post, replies with
// their topic's counters, edits with their revision, moderation with its public log line.
// Search entries and notifications follow each write (they are derived data).
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../core/db/index.js';
import type { Database } from '../../core/db/schema.js';
import { audit } from '../../core/audit/index.js';
import { indexDocument } from '../../core/search/index.js';
import { markdownToText } from '../../core/text/markdown.js';
import type { CategoryVisibility, NotificationKind, PostStatus, TopicStatus } from './tables.js';
import { cook, resolveMentions, quotedPostIds } from './text.js';
import { markRead, userIsStaff } from './queries.js';

type Tx = Kysely<Database> | Transaction<Database>;

// ——— search ———

/** Public items use the kinds 'forum_topic' and 'forum_post', so a site-wide search that asks for
 * those kinds can only ever find public content; members-only and staff-only items carry a suffix. */
export function searchKinds(visibility: CategoryVisibility) {
  const suffix = visibility === 'public' ? '' : `_${visibility}`;
  return { topic: `forum_topic${suffix}`, post: `forum_post${suffix}` };
}
const ALL_TOPIC_KINDS = ['forum_topic', 'forum_topic_members', 'forum_topic_staff'];
const ALL_POST_KINDS = ['forum_post', 'forum_post_members', 'forum_post_staff'];

/** Re-derives every search entry of a topic from what is visible now. */
export async function syncTopicSearch(db: Db, topicId: number): Promise<void> {
  const topic = await db
    .selectFrom('forum_topics as t')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .select([
      't.id',
      't.title',
      't.status',
      't.first_post_id',
      't.created_at',
      't.category_id',
      'c.network_id',
      'c.visibility',
    ])
    .where('t.id', '=', topicId)
    .executeTakeFirst();
  const posts = await db
    .selectFrom('forum_posts')
    .select(['id', 'body', 'status', 'created_at'])
    .where('topic_id', '=', topicId)
    .execute();
  const postIds = posts.map((p) => String(p.id));
  await db
    .deleteFrom('search_documents')
    .where('kind', 'in', ALL_TOPIC_KINDS)
    .where('ref_id', '=', String(topicId))
    .execute();
  if (postIds.length)
    await db
      .deleteFrom('search_documents')
      .where('kind', 'in', ALL_POST_KINDS)
      .where('ref_id', 'in', postIds)
      .execute();
  if (!topic || topic.status !== 'visible') return;
  const kinds = searchKinds(topic.visibility);
  const first = posts.find((p) => p.id === topic.first_post_id);
  if (first?.status === 'visible') {
    await indexDocument(db, {
      kind: kinds.topic,
      refId: topic.id,
      networkId: topic.network_id,
      lang: guessLang(topic.title + ' ' + first.body),
      title: topic.title,
      body: markdownToText(first.body),
      facets: { category: String(topic.category_id) },
      publishedAt: topic.created_at,
    });
  }
  for (const p of posts) {
    if (p.id === topic.first_post_id || p.status !== 'visible') continue;
    await indexReply(db, topic, p);
  }
}

async function indexReply(
  db: Db,
  topic: { id: number; title: string; category_id: number; network_id: number; visibility: CategoryVisibility },
  p: { id: number; body: string; created_at: string },
) {
  await indexDocument(db, {
    kind: searchKinds(topic.visibility).post,
    refId: p.id,
    networkId: topic.network_id,
    lang: guessLang(p.body),
    title: topic.title,
    body: markdownToText(p.body),
    facets: { category: String(topic.category_id), topic: String(topic.id) },
    publishedAt: p.created_at,
  });
}

function guessLang(text: string): 'ar' | 'en' {
  const arabic = (text.match(/\p{sc=Arabic}/gu) ?? []).length;
  const latin = (text.match(/\p{sc=Latin}/gu) ?? []).length;
  return latin > arabic ? 'en' : 'ar';
}

// ——— counters ———

/** A topic's first post, visible post count and last visible post, recomputed from its posts. */
export async function recomputeTopic(tx: Tx, topicId: number): Promise<void> {
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

// ——— writing ———

export type NewPost = {
  authorId: number;
  body: string;
  status: 'visible' | 'pending';
  baseUrl: string;
  now: Date;
};

export async function createTopic(
  db: Db,
  input: NewPost & { categoryId: number; title: string },
): Promise<{ topicId: number; postId: number }> {
  const cooked = await cook(db, input.body, input.baseUrl);
  const iso = input.now.toISOString();
  const ids = await db.transaction().execute(async (trx) => {
    const topic = await trx
      .insertInto('forum_topics')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const post = await insertPost(trx, topic.id, input, cooked);
    await recomputeTopic(trx, topic.id);
    await trx
      .insertInto('forum_subscriptions')
      .values({ user_id: input.authorId, target_type: 'topic', target_id: topic.id, created_at: iso })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return { topicId: topic.id, postId: post };
  });
  await markReadQuiet(db, input.authorId, ids.topicId, ids.postId, input.now);
  if (input.status === 'visible') await afterPostVisible(db, ids.postId, input.baseUrl, input.now);
  return ids;
}

export async function createReply(db: Db, input: NewPost & { topicId: number }): Promise<number> {
  const cooked = await cook(db, input.body, input.baseUrl);
  const postId = await db.transaction().execute(async (trx) => {
    const id = await insertPost(trx, input.topicId, input, cooked);
    await recomputeTopic(trx, input.topicId);
    await trx
      .updateTable('forum_topics')
      .set({ updated_at: input.now.toISOString() })
      .where('id', '=', input.topicId)
      .execute();
    await trx
      .insertInto('forum_subscriptions')
      .values({
        user_id: input.authorId,
        target_type: 'topic',
        target_id: input.topicId,
        created_at: input.now.toISOString(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return id;
  });
  await markReadQuiet(db, input.authorId, input.topicId, postId, input.now);
  if (input.status === 'visible') await afterPostVisible(db, postId, input.baseUrl, input.now);
  return postId;
}

async function insertPost(
  trx: Tx,
  topicId: number,
  input: NewPost,
  cooked: Awaited<ReturnType<typeof cook>>,
): Promise<number> {
  const row = await trx
    .insertInto('forum_posts')
    .values({
      topic_id: topicId,
      author_id: input.authorId,
      body: input.body,
      body_html: cooked.html,
      body_hash: cooked.hash,
      status: input.status,
      hidden_reason: null,
      link_count: cooked.linkCount,
      edit_count: 0,
      created_at: input.now.toISOString(),
      edited_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function markReadQuiet(db: Db, userId: number, topicId: number, postId: number, now: Date) {
  await markRead(db, userId, topicId, postId, now);
}

/** Search entries and notifications once a post can be read by others. */
export async function afterPostVisible(db: Db, postId: number, baseUrl: string, now: Date): Promise<void> {
  const post = await db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .select([
      'p.id',
      'p.body',
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
  await notifyForPost(db, post, baseUrl, now);
}

const PRIORITY: Record<NotificationKind, number> = { mention: 4, quote: 3, reply: 2, topic: 1, approved: 0 };

async function notifyForPost(
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
  const iso = now.toISOString();
  for (const { id } of existing) {
    await db
      .insertInto('forum_notifications')
      .values({
        user_id: id,
        kind: recipients.get(id)!,
        topic_id: post.topic_id,
        post_id: post.id,
        actor_id: post.author_id,
        created_at: iso,
        read_at: null,
        emailed_at: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

// ——— editing and deleting ———

export async function editPost(
  db: Db,
  post: {
    id: number;
    topic_id: number;
    body: string;
    created_at: string;
    edited_at: string | null;
    status: PostStatus;
  },
  input: { body: string; title: string | null; oldTitle: string | null; baseUrl: string; now: Date },
): Promise<void> {
  const cooked = await cook(db, input.body, input.baseUrl);
  const iso = input.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('forum_revisions')
      .values({
        post_id: post.id,
        title: input.title !== null && input.title !== input.oldTitle ? input.oldTitle : null,
        body: post.body,
        written_at: post.edited_at ?? post.created_at,
        replaced_at: iso,
      })
      .execute();
    await trx
      .updateTable('forum_posts')
      .set((eb) => ({
        body: input.body,
        body_html: cooked.html,
        body_hash: cooked.hash,
        link_count: cooked.linkCount,
        edit_count: eb('edit_count', '+', 1),
        edited_at: iso,
      }))
      .where('id', '=', post.id)
      .execute();
    if (input.title !== null)
      await trx
        .updateTable('forum_topics')
        .set({ title: input.title, updated_at: iso })
        .where('id', '=', post.topic_id)
        .execute();
  });
  if (post.status === 'visible') await afterPostVisible(db, post.id, input.baseUrl, input.now);
  if (input.title !== null) await syncTopicSearch(db, post.topic_id);
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
        body_hash: '',
        link_count: 0,
        deleted_at: iso,
        hidden_reason: null,
      })
      .where('id', '=', postId)
      .execute();
    await trx
      .updateTable('forum_flags')
      .set({ resolved_at: iso, resolution: 'erased' })
      .where('post_id', '=', postId)
      .where('resolved_at', 'is', null)
      .execute();
    if (topicErased)
      await trx
        .updateTable('forum_topics')
        .set({ status: 'deleted', title: '', pinned: 0, updated_at: iso })
        .where('id', '=', post.topic_id)
        .execute();
    await recomputeTopic(trx, post.topic_id);
  });
  await syncTopicSearch(db, post.topic_id);
  return { topicErased, topicId: post.topic_id };
}

/** Hides, restores or approves a post; the first post carries its topic along. */
export async function setPostStatus(
  db: Db,
  postId: number,
  status: 'visible' | 'hidden',
  reason: 'flags' | 'moderator' | null,
  opts: { resolveFlags?: 'upheld' | 'dismissed'; baseUrl: string; now: Date },
): Promise<void> {
  const post = await db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .select(['p.id', 'p.status', 'p.topic_id', 't.first_post_id', 't.status as topic_status'])
    .where('p.id', '=', postId)
    .executeTakeFirstOrThrow();
  const iso = opts.now.toISOString();
  const wasPending = post.status === 'pending';
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('forum_posts')
      .set({ status, hidden_reason: status === 'hidden' ? reason : null })
      .where('id', '=', postId)
      .execute();
    if (post.first_post_id === post.id && post.topic_status !== 'deleted' && post.topic_status !== 'merged') {
      const topicStatus: TopicStatus = status;
      await trx
        .updateTable('forum_topics')
        .set({ status: topicStatus, hidden_reason: status === 'hidden' ? reason : null, updated_at: iso })
        .where('id', '=', post.topic_id)
        .execute();
    }
    if (opts.resolveFlags)
      await trx
        .updateTable('forum_flags')
        .set({ resolved_at: iso, resolution: opts.resolveFlags })
        .where('post_id', '=', postId)
        .where('resolved_at', 'is', null)
        .execute();
    await recomputeTopic(trx, post.topic_id);
  });
  if (status === 'visible') {
    if (post.first_post_id === post.id) await syncTopicSearch(db, post.topic_id);
    if (wasPending) {
      await afterPostVisible(db, postId, opts.baseUrl, opts.now);
      const author = await db.selectFrom('forum_posts').select('author_id').where('id', '=', postId).executeTakeFirst();
      if (author?.author_id)
        await db
          .insertInto('forum_notifications')
          .values({
            user_id: author.author_id,
            kind: 'approved',
            topic_id: post.topic_id,
            post_id: postId,
            actor_id: null,
            created_at: iso,
            read_at: null,
            emailed_at: null,
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
    } else await syncTopicSearch(db, post.topic_id);
  } else await syncTopicSearch(db, post.topic_id);
}

// ——— flags ———

export async function addFlag(
  db: Db,
  input: { postId: number; flaggerId: number; reason: string; note: string; trusted: boolean; now: Date },
): Promise<void> {
  await db
    .insertInto('forum_flags')
    .values({
      post_id: input.postId,
      flagger_id: input.flaggerId,
      reason: input.reason as never,
      note: input.note,
      trusted: input.trusted ? 1 : 0,
      created_at: input.now.toISOString(),
      resolved_at: null,
      resolution: null,
    })
    .execute();
}

// ——— topics: lock, pin, move, merge, split ———

export async function setTopicFlags(db: Db, topicId: number, set: { locked?: number; pinned?: number }, now: Date) {
  await db
    .updateTable('forum_topics')
    .set({ ...set, updated_at: now.toISOString() })
    .where('id', '=', topicId)
    .execute();
}

export async function setTopicStatus(db: Db, topicId: number, status: 'visible' | 'hidden', now: Date) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('forum_topics')
      .set({ status, hidden_reason: status === 'hidden' ? 'moderator' : null, updated_at: now.toISOString() })
      .where('id', '=', topicId)
      .execute();
    const topic = await trx
      .selectFrom('forum_topics')
      .select('first_post_id')
      .where('id', '=', topicId)
      .executeTakeFirst();
    if (topic?.first_post_id)
      await trx
        .updateTable('forum_posts')
        .set({ status, hidden_reason: status === 'hidden' ? 'moderator' : null })
        .where('id', '=', topic.first_post_id)
        .where('status', 'in', ['visible', 'hidden'])
        .execute();
    await recomputeTopic(trx, topicId);
  });
  await syncTopicSearch(db, topicId);
}

export async function moveTopic(db: Db, topicId: number, categoryId: number, now: Date) {
  await db
    .updateTable('forum_topics')
    .set({ category_id: categoryId, updated_at: now.toISOString() })
    .where('id', '=', topicId)
    .execute();
  await syncTopicSearch(db, topicId);
}

/** Moves every post of `fromId` into `intoId`; the old topic's address leads to the new one. */
export async function mergeTopics(db: Db, fromId: number, intoId: number, now: Date) {
  const iso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('forum_posts').set({ topic_id: intoId }).where('topic_id', '=', fromId).execute();
    await trx
      .updateTable('forum_topics')
      .set({ status: 'merged', merged_into: intoId, pinned: 0, post_count: 0, updated_at: iso })
      .where('id', '=', fromId)
      .execute();
    const subs = await trx
      .selectFrom('forum_subscriptions')
      .select('user_id')
      .where('target_type', '=', 'topic')
      .where('target_id', '=', fromId)
      .execute();
    for (const s of subs)
      await trx
        .insertInto('forum_subscriptions')
        .values({ user_id: s.user_id, target_type: 'topic', target_id: intoId, created_at: iso })
        .onConflict((oc) => oc.doNothing())
        .execute();
    await trx.updateTable('forum_notifications').set({ topic_id: intoId }).where('topic_id', '=', fromId).execute();
    await recomputeTopic(trx, intoId);
    await trx.updateTable('forum_topics').set({ updated_at: iso }).where('id', '=', intoId).execute();
  });
  await syncTopicSearch(db, fromId);
  await syncTopicSearch(db, intoId);
}

/** Takes replies out of a topic into a new topic (its author: the first moved post's author). */
export async function splitTopic(
  db: Db,
  input: { fromId: number; postIds: number[]; categoryId: number; title: string; now: Date },
): Promise<number> {
  const iso = input.now.toISOString();
  const newId = await db.transaction().execute(async (trx) => {
    const posts = await trx
      .selectFrom('forum_posts')
      .select(['id', 'author_id', 'created_at'])
      .where('topic_id', '=', input.fromId)
      .where('id', 'in', input.postIds)
      .orderBy('id')
      .execute();
    const first = posts[0]!;
    const topic = await trx
      .insertInto('forum_topics')
      .values({
        category_id: input.categoryId,
        author_id: first.author_id,
        title: input.title,
        status: 'visible',
        hidden_reason: null,
        locked: 0,
        pinned: 0,
        merged_into: null,
        first_post_id: first.id,
        post_count: 0,
        last_post_id: null,
        last_post_at: first.created_at,
        created_at: first.created_at,
        updated_at: iso,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('forum_posts')
      .set({ topic_id: topic.id })
      .where(
        'id',
        'in',
        posts.map((p) => p.id),
      )
      .execute();
    await trx
      .updateTable('forum_notifications')
      .set({ topic_id: topic.id })
      .where(
        'post_id',
        'in',
        posts.map((p) => p.id),
      )
      .execute();
    await recomputeTopic(trx, topic.id);
    await recomputeTopic(trx, input.fromId);
    return topic.id;
  });
  await syncTopicSearch(db, input.fromId);
  await syncTopicSearch(db, newId);
  return newId;
}

// ——— sanctions ———

export async function setSanction(
  db: Db,
  userId: number,
  kind: 'silence' | 'suspend' | 'lift',
  until: Date | null,
  reason: string,
  now: Date,
) {
  const iso = now.toISOString();
  const values =
    kind === 'lift'
      ? { silenced_until: null, suspended_until: null }
      : kind === 'silence'
        ? { silenced_until: until!.toISOString() }
        : { suspended_until: until!.toISOString() };
  await db
    .insertInto('forum_sanctions')
    .values({ user_id: userId, silenced_until: null, suspended_until: null, ...values, reason, updated_at: iso })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, reason, updated_at: iso }))
    .execute();
}

// ——— the public moderation log ———

export type ModAction =
  | 'post.hide'
  | 'post.autohide'
  | 'post.restore'
  | 'post.delete'
  | 'post.approve'
  | 'post.reject'
  | 'flags.dismiss'
  | 'topic.hide'
  | 'topic.restore'
  | 'topic.lock'
  | 'topic.unlock'
  | 'topic.pin'
  | 'topic.unpin'
  | 'topic.move'
  | 'topic.merge'
  | 'topic.split'
  | 'member.silence'
  | 'member.suspend'
  | 'member.lift'
  | 'category.create'
  | 'category.edit';

/**
 * One line in the public log (action, the word "moderator", the reason) and one in the core
 * audit log with the acting account, for the network's own accountability. Who reported or
 * flagged is in neither.
 */
export async function logModeration(
  db: Db,
  now: Date,
  entry: {
    networkId: number;
    /** null for the automatic hiding of a post that reached the flag threshold */
    actorUserId: number | null;
    action: ModAction;
    topicId?: number | null;
    postId?: number | null;
    categoryId?: number | null;
    subjectUserId?: number | null;
    reason?: string;
    details?: Record<string, unknown>;
    ip?: string;
  },
) {
  await db
    .insertInto('forum_mod_log')
    .values({
      network_id: entry.networkId,
      at: now.toISOString(),
      action: entry.action,
      actor_role: entry.actorUserId === null ? 'system' : 'moderator',
      topic_id: entry.topicId ?? null,
      post_id: entry.postId ?? null,
      category_id: entry.categoryId ?? null,
      subject_user_id: entry.subjectUserId ?? null,
      reason: entry.reason ?? '',
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
  await audit(db, now, {
    actorUserId: entry.actorUserId,
    action: `forum.${entry.action}`,
    targetType: entry.postId
      ? 'forum_post'
      : entry.topicId
        ? 'forum_topic'
        : entry.subjectUserId
          ? 'user'
          : 'forum_category',
    targetId: entry.postId ?? entry.topicId ?? entry.subjectUserId ?? entry.categoryId ?? undefined,
    ip: entry.ip,
  });
}
