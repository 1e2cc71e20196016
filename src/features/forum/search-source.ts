// The forum in the site search (/search): topics of public categories only. Their entries carry
// the kind 'forum_topic' (members' and staff categories' entries have kinds of their own), and
// each found topic is checked again here — visible, in a public category of this network — so a
// topic hidden or moved since it was indexed is not shown.
import { localized } from '../../core/i18n/localized.js';
import { searchDocuments, type SearchSource, type SourceHit } from '../../core/search/index.js';
import { topicPath } from './components.js';
import { searchKinds } from './topics/indexing.js';

export const forumSource: SearchSource = {
  kind: 'forum',
  labelKey: 'nav.forum',
  order: 30,
  async search({ db, dialect, q, networkId, locale, limit, offset, now }) {
    const found = await searchDocuments(db, dialect, {
      q,
      kinds: [searchKinds('public').topic],
      networkId,
      limit,
      offset,
      now,
    });
    const ids = found.hits.map((h) => Number(h.refId));
    if (!ids.length) return { total: found.total, hits: [] };
    const rows = await db
      .selectFrom('forum_topics as t')
      .innerJoin('forum_categories as c', 'c.id', 't.category_id')
      .select(['t.id', 't.title', 'c.name_ar', 'c.name_en'])
      .where('t.id', 'in', ids)
      .where('t.status', '=', 'visible')
      .where('c.visibility', '=', 'public')
      .where('c.network_id', '=', networkId)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const hits = found.hits.flatMap((h): SourceHit[] => {
      const topic = byId.get(Number(h.refId));
      if (!topic) return [];
      const lang = h.lang === 'en' ? 'en' : 'ar';
      return [
        {
          href: topicPath(topic),
          title: topic.title,
          lang,
          excerpt: h.excerpt,
          meta: localized(topic, 'name', locale),
        },
      ];
    });
    return { total: found.total, hits };
  },
};
