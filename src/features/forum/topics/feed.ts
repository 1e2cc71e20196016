// A category's Atom feed: its 20 newest visible topics with their first post, through publishing's
// Atom builder (every value escaped, characters XML cannot carry dropped).
import { atomFeed } from '../../publishing/feeds/atom.js';
import { topicPath } from '../components.js';
import type { feedTopics } from './queries.js';

export { sendAtom } from '../../publishing/feeds/atom.js';

export function categoryFeed(p: {
  base: string;
  lang: string;
  title: string;
  categoryId: number;
  updated: string;
  topics: (Awaited<ReturnType<typeof feedTopics>>[number] & { body_html: string })[];
  deletedMember: string;
}): string {
  const home = `${p.base}/forum/c/${p.categoryId}`;
  const iso = (v: string) => new Date(v).toISOString();
  return atomFeed({
    id: home,
    title: p.title,
    selfUrl: `${home}/feed.atom`,
    htmlUrl: home,
    lang: p.lang,
    updated: iso(p.updated),
    entries: p.topics.map((t) => ({
      id: `${p.base}/forum/t/${t.id}`,
      url: p.base + topicPath(t),
      title: t.title,
      summary: '',
      html: t.body_html,
      lang: p.lang,
      author: t.display_name ?? p.deletedMember,
      published: iso(t.created_at),
      updated: iso(t.edited_at ?? t.created_at),
      categories: [],
    })),
  });
}
