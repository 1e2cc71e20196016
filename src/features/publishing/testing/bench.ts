// Paths for the lead's load and page-weight bench: the home page, an article page and a search,
// all built from rows that exist (run after the demo seed).
import type { Db } from '../../../core/db/index.js';
import { itemPath } from '../queries.js';

export async function benchPaths(db: Db): Promise<{ name: string; path: string }[]> {
  const paths = [{ name: 'home', path: '/' }];
  const article = await db
    .selectFrom('pub_items')
    .select(['id', 'kind', 'title', 'page_key'])
    .where('status', '=', 'published')
    .where('kind', 'in', ['activity', 'news', 'opinion'])
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (article) paths.push({ name: 'article', path: encodeURI(itemPath(article)) });
  // A word from a published title, so the search has hits to rank and highlight.
  const word =
    article?.title
      .split(/\s+/)
      .filter((w) => w.length >= 4)
      .sort((a, b) => b.length - a.length)[0] ?? 'المياه';
  paths.push({ name: 'search', path: `/search?q=${encodeURIComponent(word)}` });
  return paths;
}
