// The public site: listings with filters, the article page, search, topics, static pages.
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DateText, Pagination } from '../../../core/views/components.js';
import { Select } from '../../../core/views/forms.js';
import type { ExcerptSegment } from '../../../core/search/index.js';
import { publishingStylesheet } from '../styles.js';
import { COLLECTIONS, RESOURCE_TYPES, TOPICS, type ItemCard, type OrgRef, type TownRef } from '../queries.js';
import type { ItemKind } from '../tables.js';
import {
  Byline,
  CoverImage,
  ItemList,
  ItemMeta,
  Markdown,
  TownLinks,
  formatBytes,
  kindLabel,
  kindsLabel,
  localName,
} from './components.js';

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
          <link rel="stylesheet" href={publishingStylesheet.href} />
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
          <a href={f.href} type="application/atom+xml">
            {f.title}
          </a>
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
  lang?: string;
  year?: number;
  type?: string;
  collection?: string;
  q?: string;
  kind?: string;
};

/** One GET form for every listing and the search: works without JavaScript. */
export function Filters(props: {
  action: string;
  values: FilterValues;
  options: FilterOptions;
  resource?: boolean;
  search?: boolean;
  hideTown?: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = props.values;
  const any = v.town || v.org || v.topic || v.lang || v.year || v.type || v.collection || v.kind;
  return (
    <form method="get" action={props.action} class="form pub-filters" role="search">
      {props.search ? (
        <>
          <input type="hidden" name="q" value={v.q ?? ''} />
          <Select
            name="kind"
            label={t('publishing.filter.kind')}
            includeEmpty={t('common.all')}
            value={v.kind ?? ''}
            options={(['activity', 'news', 'opinion', 'local_issue', 'resource', 'page'] as ItemKind[]).map((k) => ({
              value: {
                activity: 'activities',
                news: 'news',
                opinion: 'opinion',
                local_issue: 'local-issues',
                resource: 'resources',
                page: 'pages',
              }[k],
              label: kindsLabel(t, k),
            }))}
          />
        </>
      ) : null}
      {props.hideTown ? null : (
        <Select
          name="town"
          label={t('publishing.filter.town')}
          includeEmpty={t('common.all')}
          value={v.town ?? ''}
          options={props.options.towns.map((tn) => ({ value: tn.pcode, label: localName(tn, i18n.locale) }))}
        />
      )}
      <Select
        name="org"
        label={t('publishing.filter.organization')}
        includeEmpty={t('common.all')}
        value={v.org ? String(v.org) : ''}
        options={props.options.orgs.map((o) => ({ value: String(o.id), label: localName(o, i18n.locale) }))}
      />
      <Select
        name="topic"
        label={t('publishing.filter.topic')}
        includeEmpty={t('common.all')}
        value={v.topic ?? ''}
        options={TOPICS.map((tp) => ({ value: tp, label: t(`publishing.topic.${tp}` as never) }))}
      />
      {props.resource ? (
        <>
          <Select
            name="type"
            label={t('publishing.filter.type')}
            includeEmpty={t('common.all')}
            value={v.type ?? ''}
            options={RESOURCE_TYPES.map((r) => ({ value: r, label: t(`publishing.resourceType.${r}` as never) }))}
          />
          <Select
            name="collection"
            label={t('publishing.filter.collection')}
            includeEmpty={t('common.all')}
            value={v.collection ?? ''}
            options={COLLECTIONS.map((c) => ({ value: c, label: t(`publishing.collection.${c}` as never) }))}
          />
        </>
      ) : null}
      <Select
        name="lang"
        label={t('publishing.filter.language')}
        includeEmpty={t('common.all')}
        value={v.lang ?? ''}
        options={[
          { value: 'ar', label: t('publishing.language.ar') },
          { value: 'en', label: t('publishing.language.en') },
        ]}
      />
      <Select
        name="year"
        label={t('publishing.filter.year')}
        includeEmpty={t('common.all')}
        value={v.year ? String(v.year) : ''}
        options={props.options.years.map((y) => ({ value: String(y), label: i18n.number(y).replace(/[,٬]/g, '') }))}
      />
      <div class="actions">
        <button type="submit">{t('common.filter')}</button>
        {any ? (
          <a href={props.search ? withParams(props.action, { q: v.q }) : props.action}>{t('common.clearFilters')}</a>
        ) : null}
      </div>
    </form>
  );
}

export function ListingPage(p: {
  kind: ItemKind;
  title: string;
  intro: string;
  action: string;
  items: ItemCard[];
  total: number;
  page: number;
  pageCount: number;
  values: FilterValues;
  options: FilterOptions;
  feeds: Alternate[];
  canonical: string;
  extra?: ComponentChildren;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const hrefFor = (page: number) =>
    withParams(p.action + (p.values ? toSearch(p.values) : ''), { page: page > 1 ? page : null });
  return (
    <PubLayout title={p.title} description={p.intro} canonical={p.canonical} alternates={p.feeds}>
      <h1>{p.title}</h1>
      <p>{p.intro}</p>
      {p.extra}
      <Filters action={p.action} values={p.values} options={p.options} resource={p.kind === 'resource'} />
      <p class="meta" role="status">
        {t('common.results', { count: p.total })}
      </p>
      <ItemList items={p.items} empty={t('common.noResults')} />
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={hrefFor} />
      <FeedLinks feeds={p.feeds} />
    </PubLayout>
  );
}

function toSearch(v: FilterValues): string {
  return withParams('/', {
    q: v.q,
    kind: v.kind,
    town: v.town,
    org: v.org,
    topic: v.topic,
    lang: v.lang,
    year: v.year,
    type: v.type,
    collection: v.collection,
  }).slice(1);
}

/** A URL as people read it (Arabic slug letters rather than percent-escapes). */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export type ResourceFile = { url: string; bytes: number; mime: string; pages: number | null; ext: string } | null;

export function ItemPage(p: {
  item: ItemCard & { body_html: string; updated_at: string; first_published_at: string | null };
  isPublished: boolean;
  statusLabel: string | null;
  canManage: boolean;
  related: ItemCard[];
  dossier: ItemCard | null;
  dossierItems: ItemCard[];
  translation: { url: string; lang: string; title: string } | null;
  file: ResourceFile;
  externalUrl: string | null;
  absoluteUrl: string;
  imageUrl: string | null;
  alternates: Alternate[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const it = p.item;
  const schemaType = it.kind === 'news' ? 'NewsArticle' : it.kind === 'opinion' ? 'OpinionNewsArticle' : 'Article';
  const share = encodeURIComponent(p.absoluteUrl);
  const shareText = encodeURIComponent(it.title);
  const description = it.summary || it.title;
  return (
    <PubLayout
      title={it.title}
      description={description.slice(0, 200)}
      canonical={p.absoluteUrl}
      alternates={p.alternates}
      og={{
        type: 'article',
        title: it.title,
        description: description.slice(0, 300),
        url: p.absoluteUrl,
        image: p.imageUrl,
        locale: it.lang === 'ar' ? 'ar_SY' : 'en_GB',
        publishedTime: it.first_published_at,
        modifiedTime: it.updated_at,
      }}
    >
      {!p.isPublished ? (
        <p class="pub-notice" role="status">
          {t('publishing.preview', { status: p.statusLabel ?? '' })}{' '}
          <a href={`/publishing/items/${it.id}`}>{t('publishing.workflow.open')}</a>
        </p>
      ) : null}
      <article class="pub-article" itemscope itemtype={`https://schema.org/${schemaType}`} lang={it.lang}>
        <p class="meta">
          <a
            href={`/${{ activity: 'activities', news: 'news', opinion: 'opinion', local_issue: 'local-issues', resource: 'resources', page: 'pages' }[it.kind]}`}
          >
            {kindsLabel(t, it.kind)}
          </a>
          {it.collection ? (
            <>
              {' · '}
              <a href="/resources/lessons-learned">{t(`publishing.collection.${it.collection}` as never)}</a>
            </>
          ) : null}
        </p>
        <h1 itemprop="headline" dir="auto">
          {it.title}
        </h1>
        <p class="meta">
          <Byline byline={it.byline} pseudonym={it.byline_pseudonym === 1} org={it.organization} />
          {it.published_at ? (
            <>
              {' · '}
              <DateText value={it.published_at} />
            </>
          ) : null}
        </p>
        <span
          itemprop="author"
          itemscope
          itemtype={it.byline ? 'https://schema.org/Person' : 'https://schema.org/Organization'}
        >
          <meta
            itemprop="name"
            content={it.byline || (it.organization ? localName(it.organization, i18n.locale) : t('common.siteName'))}
          />
        </span>
        <span itemprop="publisher" itemscope itemtype="https://schema.org/Organization">
          <meta itemprop="name" content={t('common.siteName')} />
        </span>
        {it.first_published_at ? <meta itemprop="datePublished" content={it.first_published_at} /> : null}
        <meta itemprop="dateModified" content={it.updated_at} />
        <meta itemprop="inLanguage" content={it.lang} />
        {p.imageUrl ? <meta itemprop="image" content={p.imageUrl} /> : null}
        {it.kind === 'activity' && it.activity_date ? (
          <p class="meta">
            {t('publishing.activityDate')} <DateText value={`${it.activity_date}T12:00:00Z`} />
          </p>
        ) : null}
        {it.towns.length ? (
          <p class="meta">
            {t('publishing.towns')} <TownLinks towns={it.towns} />
          </p>
        ) : null}
        {p.translation ? (
          <p class="meta">
            <a href={p.translation.url} hreflang={p.translation.lang} lang={p.translation.lang}>
              {p.translation.lang === 'ar' ? 'اقرأ بالعربية' : 'Read in English'}
            </a>
          </p>
        ) : null}
        {it.cover ? <CoverImage cover={it.cover} alt={it.cover_alt} eager /> : null}
        {it.summary ? (
          <p class="pub-lead" itemprop="description" dir="auto">
            {it.summary}
          </p>
        ) : null}
        {p.file || p.externalUrl ? <ResourceBox file={p.file} externalUrl={p.externalUrl} /> : null}
        <div itemprop="articleBody">
          <Markdown html={it.body_html} lang={it.lang} />
        </div>
        {it.topics.length ? (
          <ul class="tags" aria-label={t('publishing.topics')}>
            {it.topics.map((tp) => (
              <li>
                <a class="badge" href={`/topics/${tp}`}>
                  {t(`publishing.topic.${tp}` as never)}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {p.dossier ? (
          <p class="meta">
            {t('publishing.partOfDossier')}{' '}
            <a href={p.dossier.url} dir="auto">
              {p.dossier.title}
            </a>
          </p>
        ) : null}
      </article>
      {it.kind === 'local_issue' ? (
        <section aria-labelledby="h-dossier">
          <h2 id="h-dossier">{t('publishing.dossierItems')}</h2>
          <ItemList items={p.dossierItems} showKind headingLevel={3} empty={t('publishing.dossierEmpty')} />
        </section>
      ) : null}
      {p.isPublished ? (
        <section class="pub-share-block" aria-labelledby="h-share">
          <h2 id="h-share" class="small">
            {t('publishing.share')}
          </h2>
          <ul class="pub-share">
            <li>
              <a href={`https://wa.me/?text=${shareText}%20${share}`} rel="noopener noreferrer">
                WhatsApp
              </a>
            </li>
            <li>
              <a href={`https://t.me/share/url?url=${share}&text=${shareText}`} rel="noopener noreferrer">
                Telegram
              </a>
            </li>
            <li>
              <a href={`https://www.facebook.com/sharer/sharer.php?u=${share}`} rel="noopener noreferrer">
                Facebook
              </a>
            </li>
            <li>
              <a href={`mailto:?subject=${shareText}&body=${share}`}>{t('publishing.shareEmail')}</a>
            </li>
          </ul>
          <p class="small">
            {t('publishing.shareLink')} <bdi dir="ltr">{readableUrl(p.absoluteUrl)}</bdi>
          </p>
        </section>
      ) : null}
      {p.canManage ? (
        <p class="actions no-print">
          <a class="button secondary" href={`/publishing/items/${it.id}`}>
            {t('publishing.workflow.open')}
          </a>
        </p>
      ) : null}
      {p.related.length ? (
        <section class="pub-related" aria-labelledby="h-related">
          <h2 id="h-related">{t('publishing.related')}</h2>
          <ItemList items={p.related} showKind headingLevel={3} />
        </section>
      ) : null}
    </PubLayout>
  );
}

function ResourceBox(p: { file: ResourceFile; externalUrl: string | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <div class="pub-download">
      {p.file ? (
        <p>
          <a class="button" href={p.file.url} download>
            {t('publishing.download')}
          </a>{' '}
          <span class="meta">
            {p.file.ext.toUpperCase()} · {formatBytes(i18n, p.file.bytes)}
            {p.file.pages ? <> · {t('publishing.pages', { count: p.file.pages })}</> : null}
          </span>
        </p>
      ) : null}
      {p.externalUrl ? (
        <p>
          {t('publishing.externalResource')}{' '}
          <a href={p.externalUrl} rel="noopener noreferrer nofollow">
            <bdi dir="ltr">{p.externalUrl.replace(/^https?:\/\//, '').slice(0, 80)}</bdi>
          </a>
        </p>
      ) : null}
    </div>
  );
}

export type SearchResult = {
  card: ItemCard;
  excerpt: ExcerptSegment[];
};

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

export function TopicPage(p: { topic: string; items: ItemCard[]; total: number; page: number; pageCount: number }) {
  const { t } = usePage().i18n;
  const name = t(`publishing.topic.${p.topic}` as never);
  return (
    <PubLayout title={name} canonical={`/topics/${p.topic}`}>
      <h1>{name}</h1>
      <p>{t('publishing.topicIntro', { topic: name })}</p>
      <p class="meta" role="status">
        {t('common.results', { count: p.total })}
      </p>
      <ItemList items={p.items} showKind empty={t('common.noResults')} />
      <Pagination
        page={p.page}
        pageCount={p.pageCount}
        hrefFor={(n) => withParams(`/topics/${p.topic}`, { page: n > 1 ? n : null })}
      />
    </PubLayout>
  );
}

export function TopicsIndexPage() {
  const { t } = usePage().i18n;
  return (
    <PubLayout title={t('publishing.topics')}>
      <h1>{t('publishing.topics')}</h1>
      <ul class="tags">
        {TOPICS.map((tp) => (
          <li>
            <a class="badge" href={`/topics/${tp}`}>
              {t(`publishing.topic.${tp}` as never)}
            </a>
          </li>
        ))}
      </ul>
    </PubLayout>
  );
}

export function StaticPage(p: { title: string; lang: string; html: string; updatedAt: string; canonical: string }) {
  const { i18n } = usePage();
  return (
    <PubLayout title={p.title} canonical={p.canonical}>
      <article class="pub-article" lang={p.lang}>
        <h1 dir="auto">{p.title}</h1>
        <Markdown html={p.html} lang={p.lang} />
        <p class="small">{i18n.t('common.updatedOn', { date: i18n.date(p.updatedAt) })}</p>
      </article>
    </PubLayout>
  );
}

export { kindLabel };
