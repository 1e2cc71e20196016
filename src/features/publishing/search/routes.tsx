// GET /search: every public kind; misspellings find the text through the core normalization.
import { page } from '../../../core/http/route.js';
import { siteNetwork } from '../permissions.js';
import { filterOptions } from '../public/queries.js';
import { KINDS, kindOfSegment } from '../queries.js';
import { searchQuery } from '../schemas.js';
import { SEARCH_PAGE_SIZE, searchItems } from './queries.js';
import { SearchPage } from './views.js';

export const searchRoutes = [
  page('/search', {
    access: 'public',
    query: searchQuery,
    load: siteNetwork,
    async render(c, net) {
      const q = c.query;
      const kind = q.kind ? kindOfSegment(q.kind) : null;
      const text = q.q ?? '';
      const [{ total, results }, options] = await Promise.all([
        searchItems(c.db, c.wasl.dialect, { ...q, networkId: net, now: c.now, q: text, kind }),
        filterOptions(c.db, net, kind ? [kind] : KINDS, c.now),
      ]);
      const browsing = !text && results.length > 0;
      return (
        <SearchPage
          q={browsing ? ' ' : text}
          values={{ q: text, kind: q.kind, town: q.town, org: q.org, topic: q.topic, lang: q.lang, year: q.year }}
          options={options}
          results={results}
          total={total}
          page={q.page}
          pageCount={Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE))}
        />
      );
    },
  }),
];
