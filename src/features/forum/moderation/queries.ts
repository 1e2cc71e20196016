// What moderators read: the review queue, a topic's posts for splitting, members' roles, and the
// public moderation log (which everyone reads).
import type { Db } from '../../../core/db/index.js';
import type { FlagReason, PostStatus, TopicStatus } from '../tables.js';
import { postsWithPlace } from '../topics/queries.js';

export type ReviewItem = {
  postId: number;
  topicId: number;
  topicTitle: string;
  category: { name_ar: string; name_en: string };
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

/** Counts of flags by reason, in the order each reason was first given. */
export function countByReason<R extends string>(flags: { reason: R }[]): { reason: R; count: number }[] {
  const counts = new Map<R, number>();
  for (const f of flags) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}

/** Flagged posts (personal-information flags first, then most flagged, then oldest) and posts awaiting approval. */
export async function reviewQueue(
  db: Db,
  networkIds: number[],
): Promise<{ flagged: ReviewItem[]; pending: ReviewItem[] }> {
  if (!networkIds.length) return { flagged: [], pending: [] };
  const inNetworks = () => postsWithPlace(db).where('c.network_id', 'in', networkIds);
  const base = inNetworks()
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
    ]);
  const flags = await inNetworks()
    .innerJoin('forum_flags as f', 'f.post_id', 'p.id')
    .select(['f.post_id', 'f.reason', 'f.note', 'f.created_at'])
    .where('f.resolved_at', 'is', null)
    .where('p.status', '!=', 'deleted')
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
    const counts = countByReason(fl);
    return {
      postId: r.id,
      topicId: r.topic_id,
      topicTitle: r.title,
      category: { name_ar: r.name_ar, name_en: r.name_en },
      authorName: r.display_name,
      body: r.body,
      bodyHtml: r.body_html,
      status: r.status,
      topicStatus: r.topic_status,
      isFirstPost: r.first_post_id === r.id,
      createdAt: r.created_at,
      flags: counts,
      notes: fl.map((f) => f.note).filter(Boolean),
      firstFlagAt: fl[0]?.created_at ?? null,
      personalInfo: counts.some((c) => c.reason === 'personal_info'),
    };
  };
  const total = (it: ReviewItem) => it.flags.reduce((s, f) => s + f.count, 0);
  const flagged = flaggedRows
    .map(toItem)
    .sort(
      (a, b) =>
        Number(b.personalInfo) - Number(a.personalInfo) ||
        total(b) - total(a) ||
        (a.firstFlagAt ?? '').localeCompare(b.firstFlagAt ?? '') ||
        a.postId - b.postId,
    );
  return { flagged, pending: pendingRows.filter((r) => !byPost.has(r.id)).map(toItem) };
}

/** A topic's visible and hidden posts, oldest first, with their author (the split form). */
export async function splittablePosts(db: Db, topicId: number) {
  return db
    .selectFrom('forum_posts as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select(['p.id', 'p.body', 'u.display_name as author_name'])
    .where('p.topic_id', '=', topicId)
    .where('p.status', 'in', ['visible', 'hidden'])
    .orderBy('p.id')
    .limit(500)
    .execute();
}

/** Of these post ids, those in the topic other than its first post. */
export async function repliesAmong(db: Db, topicId: number, firstPostId: number | null, ids: number[]) {
  const rows = await db
    .selectFrom('forum_posts')
    .select('id')
    .where('topic_id', '=', topicId)
    .where('id', 'in', ids)
    .where('id', '!=', firstPostId ?? 0)
    .execute();
  return rows.map((r) => r.id);
}

/** Does the person moderate (or administer) a network? Such members are not sanctioned. */
export async function isModeratorAccount(db: Db, userId: number): Promise<boolean> {
  const roles = await db.selectFrom('network_roles').select('role').where('user_id', '=', userId).execute();
  return roles.some((r) => r.role === 'moderator' || r.role === 'networkAdmin');
}

// ——— the public moderation log ———

export const MOD_LOG_PER_PAGE = 50;

export async function moderationLog(db: Db, networkId: number, page: number, perPage = MOD_LOG_PER_PAGE) {
  return db
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
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
}

export async function moderationLogCount(db: Db, networkId: number): Promise<number> {
  const row = await db
    .selectFrom('forum_mod_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('network_id', '=', networkId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
