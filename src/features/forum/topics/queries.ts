// Reading categories, topics and the posts of a topic. Every list takes the visibility levels the
// viewer may read (permissions.visibleLevels), so a members-only or staff-only row never reaches
// a page that should not show it.
import type { Db } from '../../../core/db/index.js';
import { DAY } from '../../../core/time.js';
import type { CategoryInput } from '../schemas.js';
import type { CategoryVisibility } from '../tables.js';
import { insertRow } from '../../../core/db/rows.js';

export const POSTS_PER_PAGE = 20;
export const TOPICS_PER_PAGE = 30;
/** A topic the member never opened is marked new while its last post is this recent. */
const NEW_FOR_MS = 14 * DAY;

/** The network the forum serves: the first one. */
export async function defaultNetworkId(db: Db): Promise<number | null> {
  const row = await db.selectFrom('networks').select('id').orderBy('id').executeTakeFirst();
  return row?.id ?? null;
}

/** Posts with their topic (t) and category (c): the join every query about a post starts from. */
export function postsWithPlace(db: Db) {
  return db
    .selectFrom('forum_posts as p')
    .innerJoin('forum_topics as t', 't.id', 'p.topic_id')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id');
}

// ——— categories ———

export type CategoryRow = NonNullable<Awaited<ReturnType<typeof getCategory>>>;

export async function getCategory(db: Db, id: number) {
  return db.selectFrom('forum_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The categories of these visibilities, with their count of visible topics and last activity. */
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

export async function saveCategory(db: Db, id: number | null, networkId: number, input: CategoryInput, now: Date) {
  const iso = now.toISOString();
  if (id === null) {
    return insertRow(db, 'forum_categories', { ...input, network_id: networkId, created_at: iso, updated_at: iso });
  }
  await db
    .updateTable('forum_categories')
    .set({ ...input, updated_at: iso })
    .where('id', '=', id)
    .execute();
  return id;
}

export async function categoryTopicIds(db: Db, categoryId: number): Promise<number[]> {
  const rows = await db.selectFrom('forum_topics').select('id').where('category_id', '=', categoryId).execute();
  return rows.map((r) => r.id);
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
  const recent = o.now.getTime() - NEW_FOR_MS;
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      unread: Number(r.unread ?? 0),
      isNew: !!o.viewerId && r.last_read_post_id === null && Date.parse(r.last_post_at) > recent,
    })),
  };
}

/** The newest visible topics of a category with their first post, for its feed. */
export async function feedTopics(db: Db, categoryId: number, limit = 20) {
  return db
    .selectFrom('forum_topics as t')
    .innerJoin('forum_posts as p', 'p.id', 't.first_post_id')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .select([
      't.id',
      't.title',
      't.created_at',
      't.updated_at',
      'p.body',
      'p.body_html',
      'p.body_html_version',
      'p.edited_at',
      'u.display_name',
    ])
    .where('t.category_id', '=', categoryId)
    .where('t.status', '=', 'visible')
    .where('p.status', '=', 'visible')
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute();
}

// ——— the posts of a topic ———

export type PostView = Awaited<ReturnType<typeof topicPosts>>[number];

export const postColumns = [
  'p.id',
  'p.topic_id',
  'p.author_id',
  'p.body',
  'p.body_html',
  'p.body_html_version',
  'p.status',
  'p.hidden_reason',
  'p.edit_count',
  'p.created_at',
  'p.edited_at',
  'u.display_name as author_name',
] as const;

function postsOf(db: Db, topicId: number) {
  return db
    .selectFrom('forum_posts as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select([...postColumns])
    .where('p.topic_id', '=', topicId);
}

/** One page of a topic's posts (those awaiting approval are listed apart, to their author and moderators). */
export async function topicPosts(db: Db, topicId: number, page: number, perPage = POSTS_PER_PAGE) {
  return postsOf(db, topicId)
    .where('p.status', '!=', 'pending')
    .orderBy('p.id')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
}

/** Posts on the topic's pages (all but those awaiting approval), optionally only those before a post. */
async function countPaged(db: Db, topicId: number, beforePostId?: number): Promise<number> {
  let q = db
    .selectFrom('forum_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('topic_id', '=', topicId)
    .where('status', '!=', 'pending');
  if (beforePostId !== undefined) q = q.where('id', '<', beforePostId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The topic's number of pages. */
export async function pageCountOf(db: Db, topicId: number): Promise<number> {
  return Math.max(1, Math.ceil((await countPaged(db, topicId)) / POSTS_PER_PAGE));
}

/** The page of the topic on which a post appears. */
export async function postPage(db: Db, topicId: number, postId: number, perPage = POSTS_PER_PAGE): Promise<number> {
  return Math.floor((await countPaged(db, topicId, postId)) / perPage) + 1;
}

export async function pendingPosts(db: Db, topicId: number, authorId: number | null) {
  let q = postsOf(db, topicId).where('p.status', '=', 'pending');
  if (authorId !== null) q = q.where('p.author_id', '=', authorId);
  return q.orderBy('p.id').execute();
}
