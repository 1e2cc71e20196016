// The forum's entries in the core search index, derived from what is visible now. Public items use
// the kinds 'forum_topic' and 'forum_post', so a site-wide search that asks for those kinds can only
// ever find public content; members-only and staff-only items carry a suffix.
import type { Db } from '../../../core/db/index.js';
import { indexDocument } from '../../../core/search/index.js';
import { htmlToText } from '../../publishing/markdown.js';
import type { CategoryVisibility } from '../tables.js';

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
    .select(['id', 'body', 'body_html', 'status', 'created_at'])
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
      body: htmlToText(first.body_html),
      facets: { category: String(topic.category_id) },
      publishedAt: topic.created_at,
    });
  }
  for (const p of posts) {
    if (p.id === topic.first_post_id || p.status !== 'visible') continue;
    await indexReply(db, topic, p);
  }
}

/** Syncs every topic of a category (its visibility changed: the entries move to the new kinds). */
export async function syncTopicsSearch(db: Db, topicIds: number[]): Promise<void> {
  for (const id of topicIds) await syncTopicSearch(db, id);
}

export async function indexReply(
  db: Db,
  topic: { id: number; title: string; category_id: number; network_id: number; visibility: CategoryVisibility },
  p: { id: number; body: string; body_html: string; created_at: string },
) {
  await indexDocument(db, {
    kind: searchKinds(topic.visibility).post,
    refId: p.id,
    networkId: topic.network_id,
    lang: guessLang(p.body),
    title: topic.title,
    body: htmlToText(p.body_html),
    facets: { category: String(topic.category_id), topic: String(topic.id) },
    publishedAt: p.created_at,
  });
}

function guessLang(text: string): 'ar' | 'en' {
  const arabic = (text.match(/\p{sc=Arabic}/gu) ?? []).length;
  const latin = (text.match(/\p{sc=Latin}/gu) ?? []).length;
  return latin > arabic ? 'en' : 'ar';
}
