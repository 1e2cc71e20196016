// GET /search: everything public on the site. With words and no narrowing, a group per kind (each
// feature's search source: publications, services, forum topics, organizations, towns); `kind`
// narrows to one of them, and the publications keep their own filters (town, organization, topic,
// content language, year), which also browse them without words.
import { page } from '../../../core/http/route.js';
import { searchSources } from '../../../core/search/index.js';
import { queryTerms } from '../../../core/text/stem.js';
import { siteNetwork } from '../permissions.js';
import { filterOptions } from '../public/queries.js';
import { KINDS, kindOfSegment } from '../queries.js';
import { SEARCH_PAGE_SIZE, searchGroups, searchItems } from './queries.js';
import { siteSearchQuery } from './schemas.js';
import { SearchPage, kindOptions, type SearchValues, type SearchView } from './views.js';

const pages = (total: number) => Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));

export const searchRoutes = [
  page('/search', {
    access: 'public',
    query: siteSearchQuery,
    load: siteNetwork,
    async render(c, net) {
      const q = c.query;
      const text = q.q ?? '';
      const sources = await searchSources();
      const pubKind = q.kind ? kindOfSegment(q.kind) : null;
      const source = pubKind ? undefined : sources.find((s) => s.kind === q.kind);
      // An unknown kind (an old or mistyped link) is the search of everything.
      const kind = pubKind || source ? q.kind : undefined;
      // The publications' filters narrow publications only: another kind chosen drops them.
      const other = source && source.kind !== 'publications';
      const values: SearchValues = other ? { q: text, kind } : { ...q, q: text, kind };
      const filtered = !other && Boolean(q.town || q.org || q.topic || q.content || q.year);
      const publications = Boolean(pubKind || source?.kind === 'publications' || filtered);
      const words = queryTerms(text).length > 0;
      const base = { db: c.db, dialect: c.wasl.dialect, q: text, networkId: net, now: c.now, locale: c.locale };

      let view: SearchView;
      if (text && !words) view = { mode: 'blank' };
      else if (publications && (words || pubKind || filtered)) {
        const [found, options] = await Promise.all([
          searchItems(c.db, c.wasl.dialect, { ...q, networkId: net, now: c.now, q: text, kind: pubKind }),
          filterOptions(c.db, net, pubKind ? [pubKind] : KINDS, c.now),
        ]);
        view = { mode: 'publications', options, ...found, page: q.page, pageCount: pages(found.total) };
      } else if (!words) view = { mode: q.q === undefined ? 'hint' : 'blank' };
      else if (source) {
        const found = await source.search({
          ...base,
          limit: SEARCH_PAGE_SIZE,
          offset: (q.page - 1) * SEARCH_PAGE_SIZE,
        });
        const label = c.t(source.labelKey as never);
        view = { mode: 'source', label, ...found, page: q.page, pageCount: pages(found.total) };
      } else view = { mode: 'groups', groups: await searchGroups(sources, base) };

      // An English reader whose results are all in Arabic is told so, in one line.
      const shown =
        view.mode === 'groups'
          ? view.groups.flatMap((g) => g.hits.map((h) => [h.lang, h.excerptLang ?? h.lang]))
          : view.mode === 'source'
            ? view.hits.map((h) => [h.lang, h.excerptLang ?? h.lang])
            : view.mode === 'publications'
              ? view.results.map((r) => [r.card.lang])
              : [];
      const arabicOnly =
        c.locale === 'en' && shown.length > 0 && shown.every((langs) => langs.every((l) => l === 'ar'));
      const kinds = kindOptions(
        c.t,
        sources.map((s) => ({ kind: s.kind, label: c.t(s.labelKey as never) })),
      );
      return <SearchPage values={values} kinds={kinds} view={view} arabicOnly={arabicOnly} />;
    },
  }),
];
