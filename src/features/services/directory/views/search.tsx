// The search page: what, where (a town's name in any spelling, or its P-code), category, target
// group, open now, free; then the result cards, nearest first when a town is given.
import { localized } from '../../../../core/i18n/localized.js';
import { Pagination } from '../../../../core/views/components.js';
import { usePage } from '../../../../core/views/context.js';
import { Checkbox, Field, Select } from '../../../../core/views/forms.js';
import { Layout } from '../../../../core/views/Layout.js';
import { categoryLabel, groupLabel, type ServiceCard } from '../../queries.js';
import { CATEGORIES, GROUPS } from '../../taxonomy.js';
import { NEARBY_KM, type KnownTown } from '../queries.js';
import { CardList } from './components.js';

export type SearchValues = {
  q?: string;
  town?: string;
  category?: string;
  group?: string;
  open_now?: boolean;
  free?: boolean;
};

/** A GET form (its state is the address), so it is not a form scope: each field shows the query. */
/** Whether the address carries a search (then the form folds into a one-line summary on top of the results). */
export const isSearch = (v: SearchValues): boolean =>
  !!(v.q || v.town || v.category || v.group || v.open_now || v.free);

/** The search in one line: its words, town, category, group and options. */
function searchSummary(v: SearchValues, locale: string, labels: { openNow: string; free: string }): string {
  return [
    v.q,
    v.town,
    v.category ? categoryLabel(v.category, locale) : '',
    v.group ? groupLabel(v.group, locale) : '',
    v.open_now ? labels.openNow : '',
    v.free ? labels.free : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A filter for each taxonomy, in this order: "all", or one of its terms. */
const TAXONOMY_FILTERS = [
  ['category', CATEGORIES, categoryLabel],
  ['group', GROUPS, groupLabel],
] as const;

export function SearchForm(p: { values: SearchValues; towns: KnownTown[] }) {
  const { t, locale } = usePage().i18n;
  const v = p.values;
  const towns = p.towns
    .map((k) => ({ pcode: k.pcode, name: localized(k, 'name', locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <form method="get" action="/services" class="svc-search" role="search">
      <Field
        name="q"
        type="search"
        label={t('services.search.what')}
        value={v.q ?? ''}
        placeholder={t('services.search.placeholder')}
      />
      <div class="field">
        <label for="f-town">{t('services.search.town')}</label>
        {/* A plain input: no dirname, which would add a parameter to every search address. */}
        <input
          id="f-town"
          type="text"
          name="town"
          value={v.town ?? ''}
          dir="auto"
          list="svc-towns"
          autocomplete="off"
        />
        <datalist id="svc-towns">
          {towns.map((o) => (
            <option value={o.name}>{o.pcode}</option>
          ))}
        </datalist>
      </div>
      {TAXONOMY_FILTERS.map(([name, terms, termLabel]) => (
        <Select
          name={name}
          label={t(`services.search.${name}`)}
          includeEmpty={t('common.all')}
          value={v[name] ?? ''}
          options={terms.map((term) => ({ value: term.code, label: termLabel(term.code, locale) }))}
        />
      ))}
      <div class="row">
        <Checkbox name="open_now" value="1" checked={!!v.open_now} label={t('services.search.openNow')} />
        <Checkbox name="free" value="1" checked={!!v.free} label={t('services.search.freeOnly')} />
      </div>
      <div class="row">
        <button type="submit">{t('common.search')}</button>
        <a href="/services/map">{t('services.map.title')}</a>
      </div>
    </form>
  );
}

export function SearchPage(p: {
  values: SearchValues;
  towns: KnownTown[];
  items: ServiceCard[];
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  town: KnownTown | null;
  townNotFound: boolean;
  nearbyCount: number;
  nearest: ServiceCard[];
  opensNext: ServiceCard[];
  now: Date;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const searched = isSearch(p.values);
  const townName = p.town ? localized(p.town, 'name', i18n.locale) : '';
  return (
    <Layout title={t('services.title')} description={t('services.intro')}>
      <h1>{t('services.title')}</h1>
      {searched ? null : <p>{t('services.intro')}</p>}
      {/* After a search the form folds into its summary, so that on a phone the results come first. */}
      <details class="svc-search-box" open={!searched}>
        <summary>
          {searched ? (
            <>
              <span class="svc-search-summary" dir="auto">
                {searchSummary(p.values, i18n.locale, {
                  openNow: t('services.search.openNow'),
                  free: t('services.search.freeOnly'),
                })}
              </span>{' '}
              <span class="svc-search-change">{t('services.search.change')}</span>
            </>
          ) : (
            t('services.search.title')
          )}
        </summary>
        <SearchForm values={p.values} towns={p.towns} />
      </details>
      {p.townNotFound ? (
        <p class="notice--warn">{t('services.search.townNotFound', { town: p.values.town ?? '' })}</p>
      ) : null}
      <h2 aria-live="polite">
        {t('common.results', { count: p.total })}
        {p.town
          ? ` — ${t('services.search.inAndNear', { town: localized(p.town, 'name', i18n.locale), count: p.nearbyCount })}`
          : ''}
      </h2>
      {p.nearest.length ? (
        <section class="svc-nearest" aria-labelledby="h-nearest">
          <h2 id="h-nearest">{t('services.search.nearestTitle', { town: townName, km: NEARBY_KM })}</h2>
          <CardList cards={p.nearest} now={p.now} empty="" heading="h3" />
        </section>
      ) : p.opensNext.length ? (
        <section class="svc-opens-next" aria-labelledby="h-opens-next">
          <h2 id="h-opens-next">{t('services.search.opensNextTitle')}</h2>
          <CardList cards={p.opensNext} now={p.now} empty="" heading="h3" />
        </section>
      ) : (
        <CardList cards={p.items} now={p.now} empty={t('services.search.nothing')} />
      )}
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={p.hrefFor} />
      <p class="meta no-print">
        <a href="/api/hsds">{t('services.api.link')}</a> ·{' '}
        <a href="/api/hsds/export/hxl.csv">{t('services.hxl.link')}</a>
      </p>
    </Layout>
  );
}
