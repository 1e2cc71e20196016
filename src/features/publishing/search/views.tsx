// The site search page: one box, the filters once there is a query, ranked results with the
// matching words marked in their excerpts.
import { usePage } from '../../../core/views/context.js';
import { Pagination } from '../../../core/views/components.js';
import {
  Filters,
  PubLayout,
  toSearch,
  withParams,
  type FilterOptions,
  type FilterValues,
} from '../public/views/layout.js';
import { ItemMeta } from '../views/components.js';
import type { SearchResult } from './queries.js';

export function SearchPage(p: {
  q: string;
  values: FilterValues;
  options: FilterOptions;
  results: SearchResult[];
  total: number;
  page: number;
  pageCount: number;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const title = p.q ? t('publishing.search.titleFor', { q: p.q }) : t('publishing.search.title');
  return (
    <PubLayout title={title}>
      <h1>{t('publishing.search.title')}</h1>
      <form method="get" action="/search" class="pub-search" role="search">
        <div class="field">
          <label for="f-q">{t('publishing.search.label')}</label>
          <input id="f-q" type="search" name="q" value={p.q} dir="auto" maxLength={200} />
        </div>
        <button type="submit">{t('common.search')}</button>
      </form>
      {p.q ? (
        <>
          <Filters
            action="/search"
            values={p.values}
            options={p.options}
            search
            resource={p.values.kind === 'resources'}
          />
          <p class="meta" role="status">
            {t('common.results', { count: p.total })}
          </p>
          {p.results.length ? (
            <ol class="card-list">
              {p.results.map((r) => (
                <li class="card">
                  <h2 lang={r.card.lang} dir="auto">
                    <a href={r.card.url}>{r.card.title}</a>
                  </h2>
                  <ItemMeta item={r.card} showKind />
                  {r.excerpt.length ? (
                    <p class="pub-excerpt" lang={r.card.lang} dir="auto">
                      {r.excerpt.map((s) => (s.marked ? <mark>{s.text}</mark> : s.text))}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('publishing.search.none')}</p>
          )}
          <Pagination
            page={p.page}
            pageCount={p.pageCount}
            hrefFor={(page) => withParams('/search' + toSearch(p.values), { page: page > 1 ? page : null })}
          />
        </>
      ) : (
        <p>{t('publishing.search.hint')}</p>
      )}
    </PubLayout>
  );
}
