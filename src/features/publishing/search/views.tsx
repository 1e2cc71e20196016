// The site search page: one box; then either the groups (a few results of each kind with its count
// and a link to all of that kind), one kind's results page by page, or the publications with their
// filters. Matching words are marked in the excerpts; everything else is escaped text.
import type { ComponentChildren } from 'preact';
import type { ExcerptSegment, SourceHit } from '../../../core/search/index.js';
import { usePage } from '../../../core/views/context.js';
import { Pagination } from '../../../core/views/components.js';
import { Select } from '../../../core/views/forms.js';
import {
  filterParams,
  PubLayout,
  PublicationFilterFields,
  withParams,
  type FilterOptions,
} from '../public/views/layout.js';
import { KIND_SEGMENT, KINDS } from '../queries.js';
import { CardTitle, ItemMeta, kindsLabel } from '../views/components.js';
import type { SearchGroup, SearchResult } from './queries.js';

/** What the address says, kept in every link and form of the page. */
export type SearchValues = {
  q: string;
  kind?: string;
  town?: string;
  org?: number;
  topic?: string;
  content?: string;
  year?: number;
};

export type SearchView =
  /** nothing asked yet */
  | { mode: 'hint' }
  /** the box was sent with no word in it (spaces, punctuation, only words like «في») */
  | { mode: 'blank' }
  | { mode: 'groups'; groups: SearchGroup[] }
  | { mode: 'source'; label: string; total: number; hits: SourceHit[]; page: number; pageCount: number }
  | {
      mode: 'publications';
      options: FilterOptions;
      total: number;
      results: SearchResult[];
      page: number;
      pageCount: number;
    };

export type KindOption = { value: string; label: string };

const href = (v: SearchValues, extra: Record<string, string | number | null> = {}) =>
  withParams('/search', { ...filterParams(v), ...extra });

function Excerpt(p: { segments: ExcerptSegment[]; lang: string }) {
  if (!p.segments.length) return null;
  return (
    <p class="pub-excerpt" lang={p.lang} dir="auto">
      {p.segments.map((s) => (s.marked ? <mark>{s.text}</mark> : s.text))}
    </p>
  );
}

function Hits(p: { hits: SourceHit[] }) {
  return (
    <ol class="card-list">
      {p.hits.map((h) => (
        <li class="card">
          <CardTitle href={h.href} title={h.title} lang={h.lang} level={3} />
          {h.meta ? (
            <p class="meta" dir="auto">
              {h.meta}
            </p>
          ) : null}
          <Excerpt segments={h.excerpt} lang={h.excerptLang ?? h.lang} />
        </li>
      ))}
    </ol>
  );
}

/** Nothing found: say so, and point to the services directory, which also finds what is near. */
/** One page of a narrowed search: how many were found, the list (else "nothing found"), and the pages. */
function ResultPages(p: {
  values: SearchValues;
  view: { total: number; page: number; pageCount: number };
  children: ComponentChildren;
}) {
  const { t } = usePage().i18n;
  const v = p.values;
  return (
    <>
      <p class="meta" role="status">
        {t('common.results', { count: p.view.total })}
      </p>
      {p.children ?? <NothingFound q={v.q} />}
      <Pagination
        page={p.view.page}
        pageCount={p.view.pageCount}
        hrefFor={(n) => href(v, { page: n > 1 ? n : null })}
      />
    </>
  );
}

function NothingFound(p: { q?: string }) {
  const { t } = usePage().i18n;
  return (
    <div role="status">
      <p>{t('publishing.search.none')}</p>
      <p>
        <a href={withParams('/services', { q: p.q })}>{t('publishing.search.tryServices')}</a>
      </p>
    </div>
  );
}

/** The kind chooser (and, for publications, their filters): a GET form that keeps the words. */
function SearchFilters(p: { values: SearchValues; kinds: KindOption[]; options?: FilterOptions }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  const all = t('common.all');
  const o = p.options;
  const any = v.kind || v.town || v.org || v.topic || v.content || v.year;
  return (
    <form method="get" action="/search" class="form pub-filters" role="search">
      <input type="hidden" name="q" value={v.q} />
      <Select
        name="kind"
        label={t('publishing.filter.kind')}
        includeEmpty={all}
        value={v.kind ?? ''}
        options={p.kinds}
      />
      {o ? <PublicationFilterFields values={v} options={o} /> : null}
      <div class="actions">
        <button type="submit">{t('common.filter')}</button>
        {any ? <a href={withParams('/search', { q: v.q })}>{t('common.clearFilters')}</a> : null}
      </div>
    </form>
  );
}

/** The kinds a search can be narrowed to: publications (and each of their kinds), then the other sources. */
export function kindOptions(
  t: ReturnType<typeof usePage>['i18n']['t'],
  sources: { kind: string; label: string }[],
): KindOption[] {
  return [
    ...sources.filter((s) => s.kind === 'publications').map((s) => ({ value: s.kind, label: s.label })),
    ...KINDS.map((k) => ({ value: KIND_SEGMENT[k], label: kindsLabel(t, k) })),
    ...sources.filter((s) => s.kind !== 'publications').map((s) => ({ value: s.kind, label: s.label })),
  ];
}

export function SearchPage(p: { values: SearchValues; kinds: KindOption[]; view: SearchView; arabicOnly: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  const view = p.view;
  const asked = view.mode !== 'hint' && view.mode !== 'blank';
  const title = v.q && asked ? t('publishing.search.titleFor', { q: v.q }) : t('publishing.search.title');
  return (
    <PubLayout title={title}>
      <h1>{t('publishing.search.title')}</h1>
      <form method="get" action="/search" class="pub-search" role="search">
        <div class="field">
          <label for="f-q">{t('publishing.search.label')}</label>
          <input id="f-q" type="search" name="q" value={v.q} dir="auto" maxLength={200} />
        </div>
        {v.kind ? <input type="hidden" name="kind" value={v.kind} /> : null}
        <button type="submit">{t('common.search')}</button>
      </form>
      {view.mode === 'hint' ? <p>{t('publishing.search.hint')}</p> : null}
      {view.mode === 'blank' ? (
        <p class="notice" role="status">
          {t('publishing.search.blank')}
        </p>
      ) : null}
      {asked ? (
        <SearchFilters values={v} kinds={p.kinds} options={view.mode === 'publications' ? view.options : undefined} />
      ) : null}
      {p.arabicOnly ? (
        <p class="meta" role="note">
          {t('publishing.search.arabicOnly')}
        </p>
      ) : null}
      {view.mode === 'groups' ? (
        view.groups.length ? (
          view.groups.map((g) => {
            const label = t(g.source.labelKey as never);
            return (
              <section class="search-group" aria-labelledby={`g-${g.source.kind}`}>
                <h2 id={`g-${g.source.kind}`}>
                  {label} <span class="meta">({t('common.results', { count: g.total })})</span>
                </h2>
                <Hits hits={g.hits} />
                {g.total > g.hits.length ? (
                  <p>
                    <a href={withParams('/search', { q: v.q, kind: g.source.kind })}>
                      {t('publishing.search.more', { group: label })}
                    </a>
                  </p>
                ) : null}
              </section>
            );
          })
        ) : (
          <NothingFound q={v.q} />
        )
      ) : null}
      {view.mode === 'source' ? (
        <>
          <h2>{view.label}</h2>
          <ResultPages values={v} view={view}>
            {view.hits.length ? <Hits hits={view.hits} /> : null}
          </ResultPages>
        </>
      ) : null}
      {view.mode === 'publications' ? (
        <ResultPages values={v} view={view}>
          {view.results.length ? (
            <ol class="card-list">
              {view.results.map((r) => (
                <li class="card">
                  <CardTitle href={r.card.url} title={r.card.title} lang={r.card.lang} level={2} />
                  <ItemMeta item={r.card} showKind />
                  <Excerpt segments={r.excerpt} lang={r.card.lang} />
                </li>
              ))}
            </ol>
          ) : null}
        </ResultPages>
      ) : null}
    </PubLayout>
  );
}
