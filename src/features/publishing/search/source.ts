// Publishing's own group in the site search: published items of every kind (the scheduled ones
// once due), as the publications view of /search finds them.
import type { SearchSource, SourceHit } from '../../../core/search/index.js';
import { searchItems } from './queries.js';

export const publicationsSource: SearchSource = {
  kind: 'publications',
  labelKey: 'publishing.search.publications',
  order: 10,
  async search({ db, dialect, q, networkId, now, limit, offset }) {
    // The page size is the group's, so the offset is a whole number of pages of it.
    const size = Math.max(1, limit);
    const found = await searchItems(db, dialect, {
      networkId,
      now,
      q,
      kind: null,
      page: Math.floor(offset / size) + 1,
      limit: size,
    });
    const hits = found.results.map((r): SourceHit => ({
      href: r.card.url,
      title: r.card.title,
      lang: r.card.lang,
      excerpt: r.excerpt,
    }));
    return { total: found.total, hits };
  },
};
