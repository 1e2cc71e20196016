// Listings with filters, topics, and static pages.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../../core/views/context.js';
import { Pagination } from '../../../../core/views/components.js';
import { TOPICS, type ItemCard } from '../../queries.js';
import type { ItemKind } from '../../tables.js';
import { ItemList, Markdown, TopicTags } from '../../views/components.js';
import {
  FeedLinks,
  Filters,
  PubLayout,
  toSearch,
  withParams,
  type Alternate,
  type FilterOptions,
  type FilterValues,
} from './layout.js';

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
  const { t } = usePage().i18n;
  const hrefFor = (page: number) => withParams(p.action + toSearch(p.values), { page: page > 1 ? page : null });
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
      <TopicTags topics={TOPICS} />
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
