// Reading the forum: categories, topics, posts, flags, notifications, the moderation log.
// Every list takes the visibility levels the viewer may read (permissions.visibleLevels), so a
// members-only or staff-only row never reaches a page that should not show it.
import { sql } from 'kysely';
import type { Db } from '../../core/db/index.js';
import type { CategoryVisibility, FlagReason, PostStatus, TopicStatus } from './tables.js';

export const POSTS_PER_PAGE = 20;
export const TOPICS_PER_PAGE = 30;

export async function defaultNetworkId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('networks').select('id').orderBy('id').executeTakeFirst();
  return row?.id ?? null;
}

// ——— categories ———

export type CategoryRow = NonNullable<Awaited<ReturnType<typeof getCategory>>>;

export async function getCategory(db: Db, id: number) {
  return db.selectFrom('forum_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCategories(db: Db, networkId: number, levels: CategoryVisibility[]) {
  if (!levels.length) return [];
  return db
    .selectFrom('forum_categories as c')
    .selectAll('c')
    .select((eb) => [
      eb
        .selectFrom('forum_topics as t')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('t.category_id', '=', 'c.id')
        .where('t.status', '=', 'visible')
        .as('topic_count'),
      eb
        .selectFrom('forum_topics as t')
        .select((sub) => sub.fn.max('t.last_post_at').as('m'))
        .whereRef('t.category_id', '=', 'c.id')
        .where('t.status', '=', 'visible')
        .as('last_activity'),
    ])
    .where('c.network_id', '=', networkId)
    .where('c.visibility', 'in', levels)
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
}

export type CategoryInput = {
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  visibility: CategoryVisibility;
  topic_creators: 'members' | 'staff' | 'moderators';
  approval: 'none' | 'new';
  position: number;
};

export async function saveCategory(db: Db, id: number | null, networkId: number, input: CategoryInput, now: Date) {
  const iso = now.toISOString();
  if (id === null) {
    const row = await db
      .insertInto('forum_categories')
      .values({ ...input, network_id: networkId, created_at: iso, updated_at: iso })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  await db
    .updateTable('forum_categories')
    .set({ ...input, updated_at: iso })
    .where('id', '=', id)
    .execute();
  return id;
}

// ——— topics ———

export type TopicWithCategory = NonNullable<Awaited<ReturnType<typeof getTopic>>>;

export async function getTopic(db: Db, id: number) {
  return db
    .selectFrom('forum_topics as t')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .selectAll('t')
    .select([
      'c.network_id',
      'c.visibility',
      'c.name_ar as category_name_ar',
      'c.name_en as category_name_en',
      'c.approval',
      'u.display_name as author_name',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export type TopicListOptions = {
  viewerId: number | null;
  moderator: boolean;
  page: number;
  perPage?: number;
  now: Date;
  /** false: skip counting (lists without pagination) */
  withTotal?: boolean;
};

/** Topics of a category or of every category the viewer may read, newest activity first, pinned first in a category. */
export async function listTopics(
  db: Db,
  where: { categoryId: number } | { networkId: number; levels: CategoryVisibility[] },
  o: TopicListOptions,
) {
  const perPage = o.perPage ?? TOPICS_PER_PAGE;
  const viewer = o.viewerId ?? 0;
  let q = db
    .selectFrom('forum_topics as t')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .leftJoin('forum_posts as lp', 'lp.id', 't.last_post_id')
    .leftJoin('users as lu', 'lu.id', 'lp.author_id')
    .leftJoin('forum_reads as r', (j) => j.onRef('r.topic_id', '=', 't.id').on('r.user_id', '=', viewer));
  if ('categoryId' in where) q = q.where('t.category_id', '=', where.categoryId);
  else {
    if (!where.levels.length) return { total: 0, rows: [] };
    q = q.where('c.network_id', '=', where.networkId).where('c.visibility', 'in', where.levels);
  }
  q = q.where((eb) => {
    const ors = [eb('t.status', '=', 'visible')];
    if (o.moderator) ors.push(eb('t.status', 'in', ['hidden', 'pending']));
    else if (o.viewerId)
      ors.push(eb.and([eb('t.status', 'in', ['hidden', 'pending']), eb('t.author_id', '=', o.viewerId)]));
    return eb.or(ors);
  });
  const total =
    o.withTotal === false
      ? 0
      : await q
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n));
  let ordered = q
    .select((eb) => [
      't.id',
      't.title',
      't.status',
      't.locked',
      't.pinned',
      't.post_count',
      't.last_post_at',
      't.created_at',
      't.category_id',
      'c.name_ar as category_name_ar',
      'c.name_en as category_name_en',
      'c.visibility',
      'u.display_name as author_name',
      'lu.display_name as last_poster_name',
      'r.last_read_post_id',
      eb
        .selectFrom('forum_posts as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.topic_id', '=', 't.id')
        .where('p.status', '=', 'visible')
        .whereRef('p.id', '>', 'r.last_read_post_id')
        .as('unread'),
    ])
    .limit(perPage)
    .offset((o.page - 1) * perPage);
  if ('categoryId' in where) ordered = ordered.orderBy('t.pinned', 'desc');
  const rows = await ordered.orderBy('t.last_post_at', 'desc').orderBy('t.id', 'desc').execute();
  const recent = o.now.getTime() - 14 * 24 * 3600 * 1000;
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      unread: Number(r.unread ?? 0),
      isNew: !!o.viewerId && r.last_read_post_id === null && Date.parse(r.last_post_at) > recent,
    })),
  };
}

// ——— posts ———

export type PostView = Awaited<ReturnType<typeof topicPosts>>[number];

const postColumns = [
  'p.id',
  'p.topic_id',
  'p.author_id',
  'p.body',
  'p.body_html',
  'p.status',
  'p.hidden_reason',
  'p.edit_count',
  'p.created_at',
  'p.edited_at',
  'u.display_name as author_name',
] as const;

/** One page of a topic's posts (those awaiting approval are listed apart, to their author and moderators). */
export async function topicPosts(db: Db, topicId: number, page: number, perPage = POSTS_PER_PAGE) {
  return db
    .selectFrom('forum_posts as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select([...postColumns])
    .where('p.topic_id', '=', topicId)
    .where('p.status', '!=', 'pending')
    .orderBy('p.id')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
}

export async function countTopicPosts(db: Db, topicId: number): Promise<number> {
  const row = await db
    .selectFrom('forum_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('topic_id', '=', topicId)
    .where('status', '!=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function pendingPosts(db: Db, topicId: number, authorId: number | null) {
  let q = db
    .selectFrom('forum_posts as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select([...postColumns])
    .where('p.topic_id', '=', topicId)
    .where('p.status', '=', 'pending');
  if (authorId !== null) q = q.where('p.author_id', '=', authorId);
  return q.orderBy('p.id').execute();
}

/** The page of the topic on which a post appears. */
export async function postPage(db: Db, topicId: number, postId: number, perPage = POSTS_PER_PAGE): Promise<number> {
  const row = await db
    .selectFrom('forum_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('topic_id', '=', topicId)
    .where('status', '!=', 'pending')
    .where('id', '<', postId)
    .executeTakeFirstOrThrow();
  return Math.floor(Number(row.n) / perPage) + 1;
}

export type PostWithTopic = NonNullable<Awaited<ReturnType<typeof getPost>>>;

export async function getPost(db: Db, id: number) {
  return db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
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

/** Open flags per post, for moderators: counts by reason, never who flagged. */
export async function openFlagCounts(db: Db, postIds: number[]) {
  if (!postIds.length) return new Map<number, number>();
  const rows = await db
    .selectFrom('forum_flags')
    .select(['post_id', sql<number>`count(*)`.as('n')])
    .where('post_id', 'in', postIds)
    .where('resolved_at', 'is', null)
    .groupBy('post_id')
    .execute();
  return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
}

export async function hasFlagged(db: Db, postId: number, userId: number) {
  return !!(await db
    .selectFrom('forum_flags')
    .select('id')
    .where('post_id', '=', postId)
    .where('flagger_id', '=', userId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst());
}

// ——— review queue ———

export type ReviewItem = {
  postId: number;
  topicId: number;
  topicTitle: string;
  categoryName: { ar: string; en: string };
  authorName: string | null;
  body: string;
  bodyHtml: string;
  status: PostStatus;
  topicStatus: TopicStatus;
  isFirstPost: boolean;
  createdAt: string;
  flags: { reason: FlagReason; count: number }[];
  notes: string[];
  firstFlagAt: string | null;
  personalInfo: boolean;
};

/** Flagged posts (personal-information flags first, then most flagged, then oldest) and posts awaiting approval. */
export async function reviewQueue(
  db: Db,
  networkIds: number[],
): Promise<{ flagged: ReviewItem[]; pending: ReviewItem[] }> {
  if (!networkIds.length) return { flagged: [], pending: [] };
  const base = db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select([
      'p.id',
      'p.topic_id',
      'p.body',
      'p.body_html',
      'p.status',
      'p.created_at',
      't.title',
      't.status as topic_status',
      't.first_post_id',
      'c.name_ar',
      'c.name_en',
      'u.display_name',
    ])
    .where('c.network_id', 'in', networkIds);
  const flags = await db
    .selectFrom('forum_flags as f')
    .innerJoin('forum_posts as p', 'p.id', 'f.post_id')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .select(['f.post_id', 'f.reason', 'f.note', 'f.created_at'])
    .where('f.resolved_at', 'is', null)
    .where('p.status', '!=', 'deleted')
    .where('c.network_id', 'in', networkIds)
    .orderBy('f.id')
    .limit(2000)
    .execute();
  const byPost = new Map<number, typeof flags>();
  for (const f of flags) {
    if (!byPost.has(f.post_id)) byPost.set(f.post_id, []);
    byPost.get(f.post_id)!.push(f);
  }
  const flaggedRows = byPost.size ? await base.where('p.id', 'in', [...byPost.keys()]).execute() : [];
  const pendingRows = await base.where('p.status', '=', 'pending').orderBy('p.id').limit(200).execute();
  const toItem = (r: (typeof pendingRows)[number]): ReviewItem => {
    const fl = byPost.get(r.id) ?? [];
    const counts = new Map<FlagReason, number>();
    for (const f of fl) counts.set(f.reason as FlagReason, (counts.get(f.reason as FlagReason) ?? 0) + 1);
    return {
      postId: r.id,
      topicId: r.topic_id,
      topicTitle: r.title,
      categoryName: { ar: r.name_ar, en: r.name_en },
      authorName: r.display_name,
      body: r.body,
      bodyHtml: r.body_html,
      status: r.status,
      topicStatus: r.topic_status,
      isFirstPost: r.first_post_id === r.id,
      createdAt: r.created_at,
      flags: [...counts].map(([reason, count]) => ({ reason, count })),
      notes: fl.map((f) => f.note).filter(Boolean),
      firstFlagAt: fl[0]?.created_at ?? null,
      personalInfo: counts.has('personal_info'),
    };
  };
  const flagged = flaggedRows
    .map(toItem)
    .sort(
      (a, b) =>
        Number(b.personalInfo) - Number(a.personalInfo) ||
        b.flags.reduce((s, f) => s + f.count, 0) - a.flags.reduce((s, f) => s + f.count, 0) ||
        (a.firstFlagAt ?? '').localeCompare(b.firstFlagAt ?? '') ||
        a.postId - b.postId,
    );
  return { flagged, pending: pendingRows.filter((r) => !byPost.has(r.id)).map(toItem) };
}

// ——— moderation log ———

export async function moderationLog(db: Db, networkId: number, page: number, perPage = 50) {
  const rows = await db
    .selectFrom('forum_mod_log as l')
    .leftJoin('forum_topics as t', 't.id', 'l.topic_id')
    .leftJoin('forum_categories as c', 'c.id', 't.category_id')
    .leftJoin('forum_categories as lc', 'lc.id', 'l.category_id')
    .leftJoin('users as s', 's.id', 'l.subject_user_id')
    .select([
      'l.id',
      'l.at',
      'l.action',
      'l.actor_role',
      'l.topic_id',
      'l.post_id',
      'l.reason',
      'l.details',
      't.title as topic_title',
      't.status as topic_status',
      'c.visibility as topic_visibility',
      'lc.name_ar as category_name_ar',
      'lc.name_en as category_name_en',
      'lc.visibility as category_visibility',
      's.display_name as subject_name',
    ])
    .where('l.network_id', '=', networkId)
    .orderBy('l.id', 'desc')
    .limit(perPage + 1)
    .offset((page - 1) * perPage)
    .execute();
  return { rows: rows.slice(0, perPage), hasMore: rows.length > perPage };
}

// ——— notifications, subscriptions, settings ———

export async function listNotifications(db: Db, userId: number, levels: CategoryVisibility[], limit = 50) {
  if (!levels.length) return [];
  return db
    .selectFrom('forum_notifications as n')
    .innerJoin('forum_posts as p', 'p.id', 'n.post_id')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .select([
      'n.id',
      'n.kind',
      'n.post_id',
      'n.created_at',
      'n.read_at',
      't.id as topic_id',
      't.title as topic_title',
      'a.display_name as actor_name',
    ])
    .where('n.user_id', '=', userId)
    .where('p.status', '=', 'visible')
    .where('t.status', '=', 'visible')
    .where('c.visibility', 'in', levels)
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

export async function unreadNotificationCount(db: Db, userId: number, levels: CategoryVisibility[]) {
  if (!levels.length) return 0;
  const row = await db
    .selectFrom('forum_notifications as n')
    .innerJoin('forum_posts as p', 'p.id', 'n.post_id')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('n.user_id', '=', userId)
    .where('n.read_at', 'is', null)
    .where('p.status', '=', 'visible')
    .where('t.status', '=', 'visible')
    .where('c.visibility', 'in', levels)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

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

export async function getSettings(db: Db, userId: number) {
  const row = await db.selectFrom('forum_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return { digest: (row?.digest ?? 'off') as 'off' | 'daily' | 'weekly', lastDigestAt: row?.last_digest_at ?? null };
}

export async function saveDigestSetting(db: Db, userId: number, digest: 'off' | 'daily' | 'weekly', now: Date) {
  const iso = now.toISOString();
  await db
    .insertInto('forum_settings')
    .values({ user_id: userId, digest, last_digest_at: null, updated_at: iso })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ digest, updated_at: iso }))
    .execute();
}

/** Marks a topic read up to a post, and the notifications about posts up to there. */
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

export async function markNotificationsRead(db: Db, userId: number, postIds: number[] | 'all', now: Date) {
  let q = db
    .updateTable('forum_notifications')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (postIds !== 'all') {
    if (!postIds.length) return;
    q = q.where('post_id', 'in', postIds);
  }
  await q.execute();
}

/** Does the person (by id) hold any role that opens staff-only categories? */
export async function userIsStaff(db: Db, userId: number): Promise<boolean> {
  const [m, n] = await Promise.all([
    db.selectFrom('memberships').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
    db.selectFrom('network_roles').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
  ]);
  return !!m || !!n;
}

export async function getDisplayName(db: Db, userId: number) {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? null;
}
