// Moderators' writes on topics (lock, pin, hide, move, merge, split) and members (sanctions), and
// the public moderation log. Each in one transaction; search entries follow.
import type { Db } from '../../../core/db/index.js';
import { audit, type AuditEntry } from '../../../core/audit/index.js';
import type { MemberCtx } from '../../../core/http/route.js';
import { toJson } from '../../../core/db/helpers.js';
import { recomputeTopic } from '../topics/actions.js';
import { syncTopicSearch } from '../topics/indexing.js';
import { withdrawTopicNotices } from '../subscriptions/notices.js';
import { insertRow } from '../../../core/db/rows.js';

// ——— topics: lock, pin, hide, move, merge, split ———

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
  if (status === 'hidden') await withdrawTopicNotices(db, topicId);
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
    const ids = posts.map((p) => p.id);
    const topicId = await insertRow(trx, 'forum_topics', {
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
    });
    await trx.updateTable('forum_posts').set({ topic_id: topicId }).where('id', 'in', ids).execute();
    await recomputeTopic(trx, topicId);
    await recomputeTopic(trx, input.fromId);
    return topicId;
  });
  await syncTopicSearch(db, input.fromId);
  await syncTopicSearch(db, newId);
  return newId;
}

// ——— sanctions ———

export type SanctionKind = 'silence' | 'suspend' | 'lift';

export async function setSanction(
  db: Db,
  userId: number,
  kind: SanctionKind,
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

export type ModLogEntry = {
  networkId: number;
  action: ModAction;
  topicId?: number | null;
  postId?: number | null;
  categoryId?: number | null;
  subjectUserId?: number | null;
  reason?: string;
  details?: Record<string, unknown>;
};

/**
 * One line in the public log: the action, the word "moderator" (or "system" for the automatic
 * hiding of a flagged post), the reason. Who acted goes to the core audit log only (see
 * `auditOf`); who reported or flagged is in neither.
 */
export async function recordModeration(db: Db, now: Date, entry: ModLogEntry & { system?: boolean }) {
  await db
    .insertInto('forum_mod_log')
    .values({
      network_id: entry.networkId,
      at: now.toISOString(),
      action: entry.action,
      actor_role: entry.system ? 'system' : 'moderator',
      topic_id: entry.topicId ?? null,
      post_id: entry.postId ?? null,
      category_id: entry.categoryId ?? null,
      subject_user_id: entry.subjectUserId ?? null,
      reason: entry.reason ?? '',
      details: toJson(entry.details ?? {}),
    })
    .execute();
}

/** The core audit entry of a moderation action: what it was done to, without the reason. */
export function auditOf(entry: ModLogEntry): Omit<AuditEntry, 'actorUserId' | 'ip'> {
  return {
    action: `forum.${entry.action}`,
    targetType: entry.postId
      ? 'forum_post'
      : entry.topicId
        ? 'forum_topic'
        : entry.subjectUserId
          ? 'user'
          : 'forum_category',
    targetId: entry.postId ?? entry.topicId ?? entry.subjectUserId ?? entry.categoryId ?? undefined,
  };
}

/**
 * Both lines for an action taken outside a request: by the system (`actorUserId` null, the
 * automatic hiding) or by the demo seed.
 */
export async function logModeration(db: Db, now: Date, entry: ModLogEntry & { actorUserId: number | null }) {
  await recordModeration(db, now, { ...entry, system: entry.actorUserId === null });
  await audit(db, now, { ...auditOf(entry), actorUserId: entry.actorUserId });
}

/** An action by the moderator asking: the public line, and the audit entry with their account. */
export async function moderated(c: MemberCtx, entry: ModLogEntry) {
  await recordModeration(c.db, c.now, entry);
  const { action, ...target } = auditOf(entry);
  await c.audit(action, target);
}
