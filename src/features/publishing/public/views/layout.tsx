// The frame of the public pages (canonical link, Atom alternates, OpenGraph) and the one GET
// filter form of the listings and the search.
import type { ComponentChildren } from 'preact';
import { followHref } from '../../feeds/follow.js';
import { localized } from '../../../../core/i18n/localized.js';
import { Layout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import { Select, type Option } from '../../../../core/views/forms.js';
import { COLLECTIONS, RESOURCE_TYPES, TOPICS, type OrgRef, type TownRef } from '../../queries.js';
import { languageOptions } from '../../views/components.js';

export type Alternate = { title: string; href: string };

/** Adds or replaces query parameters, dropping empty ones. */
export function withParams(path: string, params: Record<string, string | number | null | undefined>): string {
  const u = new URL(path, 'http://x');
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') u.searchParams.delete(k);
    else u.searchParams.set(k, String(v));
  }
  return u.pathname + u.search;
}

export type OpenGraph = {
  type: 'article' | 'website';
  title: string;
  description: string;
  url: string;
  image?: string | null;
  locale: string;
  publishedTime?: string | null;
  modifiedTime?: string | null;
};

export function PubLayout(props: {
  title: string;
  description?: string;
  canonical?: string;
  alternates?: Alternate[];
  og?: OpenGraph;
  children: ComponentChildren;
}) {
  const og = props.og;
  return (
    <Layout
      title={props.title}
      description={props.description}
      head={
        <>
          {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
          {(props.alternates ?? []).map((a) => (
            <link rel="alternate" type="application/atom+xml" title={a.title} href={a.href} />
          ))}
          {og ? (
            <>
              <meta property="og:type" content={og.type} />
              <meta property="og:title" content={og.title} />
              <meta property="og:description" content={og.description} />
              <meta property="og:url" content={og.url} />
              <meta property="og:locale" content={og.locale} />
              <meta property="og:site_name" content="Wasl" />
              {og.image ? <meta property="og:image" content={og.image} /> : null}
              {og.publishedTime ? <meta property="article:published_time" content={og.publishedTime} /> : null}
              {og.modifiedTime ? <meta property="article:modified_time" content={og.modifiedTime} /> : null}
              <meta name="twitter:card" content={og.image ? 'summary_large_image' : 'summary'} />
            </>
          ) : null}
        </>
      }
    >
      {props.children}
    </Layout>
  );
}

export function FeedLinks(props: { feeds: Alternate[] }) {
  const { t } = usePage().i18n;
  if (!props.feeds.length) return null;
  return (
    <p class="pub-feeds">
      {t('publishing.feeds.follow')}{' '}
      {props.feeds.map((f, i) => (
        <>
          {i > 0 ? ' · ' : ''}
          <a href={followHref(f.href)}>{f.title}</a>
        </>
      ))}
    </p>
  );
}

export type FilterOptions = {
  towns: TownRef[];
  orgs: OrgRef[];
  years: number[];
};

export type FilterValues = {
  town?: string;
  org?: number;
  topic?: string;
  /** the items' language (never `lang`, which switches the interface) */
  content?: string;
  year?: number;
  type?: string;
  collection?: string;
  q?: string;
  kind?: string;
};

/** The filters as query parameters, in the one order every link writes them. */
export const filterParams = (v: FilterValues) => ({
  q: v.q,
  kind: v.kind,
  town: v.town,
  org: v.org,
  topic: v.topic,
  content: v.content,
  year: v.year,
  type: v.type,
  collection: v.collection,
});

/** The filters as a query string (no leading '?'). */
export function toSearch(v: FilterValues): string {
  return withParams('/', filterParams(v)).slice(1);
}

/** One of the filters: a choice, or all (the empty first one). */
function FilterSelect(p: { name: string; label: string; value: string | number | undefined; options: Option[] }) {
  const { t } = usePage().i18n;
  return (
    <Select
      name={p.name}
      label={p.label}
      includeEmpty={t('common.all')}
      value={p.value ? String(p.value) : ''}
      options={p.options}
    />
  );
}

/**
 * The publications' filters — town, organization, topic, what `children` adds (a resource's type
 * and collection), the items' language, year — in the listings' form and the site search's.
 */
export function PublicationFilterFields(p: {
  values: Pick<FilterValues, 'town' | 'org' | 'topic' | 'content' | 'year'>;
  options: FilterOptions;
  children?: ComponentChildren;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  return (
    <>
      <FilterSelect
        name="town"
        label={t('publishing.filter.town')}
        value={v.town}
        options={p.options.towns.map((tn) => ({ value: tn.pcode, label: localized(tn, 'name', i18n.locale) }))}
      />
      <FilterSelect
        name="org"
        label={t('publishing.filter.organization')}
        value={v.org}
        options={p.options.orgs.map((o) => ({ value: String(o.id), label: localized(o, 'name', i18n.locale) }))}
      />
      <FilterSelect
        name="topic"
        label={t('publishing.filter.topic')}
        value={v.topic}
        options={TOPICS.map((tp) => ({ value: tp, label: t(`publishing.topic.${tp}` as never) }))}
      />
      {p.children}
      <FilterSelect
        name="content"
        label={t('publishing.search.content')}
        value={v.content}
        options={languageOptions(t)}
      />
      <FilterSelect
        name="year"
        label={t('publishing.filter.year')}
        value={v.year}
        options={p.options.years.map((y) => ({ value: String(y), label: i18n.number(y).replace(/[,٬]/g, '') }))}
      />
    </>
  );
}

/** One GET form for every listing: works without JavaScript. */
export function Filters(props: { action: string; values: FilterValues; options: FilterOptions; resource?: boolean }) {
  const { t } = usePage().i18n;
  const v = props.values;
  const any = v.town || v.org || v.topic || v.content || v.year || v.type || v.collection;
  return (
    <form method="get" action={props.action} class="form pub-filters" role="search">
      <PublicationFilterFields values={v} options={props.options}>
        {props.resource ? (
          <>
            <FilterSelect
              name="type"
              label={t('publishing.filter.type')}
              value={v.type}
              options={RESOURCE_TYPES.map((r) => ({ value: r, label: t(`publishing.resourceType.${r}` as never) }))}
            />
            <FilterSelect
              name="collection"
              label={t('publishing.filter.collection')}
              value={v.collection}
              options={COLLECTIONS.map((c) => ({ value: c, label: t(`publishing.collection.${c}` as never) }))}
            />
          </>
        ) : null}
      </PublicationFilterFields>
      <div class="actions">
        <button type="submit">{t('common.filter')}</button>
        {any ? <a href={props.action}>{t('common.clearFilters')}</a> : null}
      </div>
    </form>
  );
}
