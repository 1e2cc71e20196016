// Pages the benchmark measures: the category list and a public topic with at least twenty
// replies (the demo seed writes one: the water shortages in Tal'ar).
import type { Db } from '../../../core/db/index.js';
import { topicPath } from '../components.js';

export async function benchPaths(db: Db): Promise<{ name: string; path: string }[]> {
  const paths = [{ name: 'forum: categories', path: '/forum' }];
  const topic = await db
    .selectFrom('forum_topics as t')
    .innerJoin('forum_categories as c', 'c.id', 't.category_id')
    .select(['t.id', 't.title'])
    .where('c.visibility', '=', 'public')
    .where('t.status', '=', 'visible')
    .where('t.post_count', '>=', 21)
    .orderBy('t.post_count', 'desc')
    .orderBy('t.id')
    .executeTakeFirst();
  if (topic) paths.push({ name: 'forum: topic with 20+ replies', path: topicPath(topic) });
  return paths;
}
