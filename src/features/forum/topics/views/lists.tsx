// The pages that list: the forum's home (categories and latest topics), a category's topics, and
// search results. Props only; no database.
import { usePage } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { Pagination } from '../../../../core/views/components.js';
import { Field, Form, Select } from '../../../../core/views/forms.js';
import { localized } from '../../../../core/i18n/localized.js';
import type { ExcerptSegment } from '../../../../core/search/index.js';
import { SubscribeLink } from '../../../publishing/views/components.js';
import type { Chrome } from '../../context.js';
import type { CategoryVisibility } from '../../tables.js';
import {
  SubscribeButton,
  Breadcrumb,
  categoryPath,
  ForumNav,
  TopicList,
  VisibilityBadge,
  When,
  type TopicListRow,
  SubmitRow,
} from '../../components.js';

type CategoryCard = {
  id: number;
  name_ar: string;
  name_en: string;
  description_ar: string;
  description_en: string;
  visibility: CategoryVisibility;
  topic_count: number | null;
  last_activity: string | null;
};

export function ForumHomePage(p: Chrome & { categories: CategoryCard[]; latest: TopicListRow[]; canManage: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('forum.title')} description={t('forum.intro')}>
      <h1>{t('forum.title')}</h1>
      <p>{t('forum.intro')}</p>
      <ForumNav moderator={p.moderator} />
      <h2>{t('forum.categories.title')}</h2>
      <ul class="card-list">
        {p.categories.map((c) => {
          const description = localized(c, 'description', i18n.locale);
          return (
            <li class="card">
              <h3>
                <a href={categoryPath(c)}>{localized(c, 'name', i18n.locale)}</a>{' '}
                <VisibilityBadge visibility={c.visibility} />
              </h3>
              {description ? <p>{description}</p> : null}
              <p class="meta">
                {t('forum.categories.topics', { count: Number(c.topic_count ?? 0) })}
                {c.last_activity ? (
                  <> · {t('forum.topic.lastActivity', { when: i18n.relative(c.last_activity, p.now) })}</>
                ) : null}
              </p>
            </li>
          );
        })}
      </ul>
      {p.canManage ? (
        <p>
          <a href="/forum/categories/new">{t('forum.categories.new')}</a>
        </p>
      ) : null}
      <h2>{t('forum.latest.title')}</h2>
      <TopicList topics={p.latest} showCategory now={p.now} />
    </Layout>
  );
}

export function CategoryPage(
  p: Chrome & {
    category: CategoryCard;
    topics: TopicListRow[];
    page: number;
    pageCount: number;
    canCreate: boolean;
    subscribed: boolean | null;
    canManage: boolean;
    feed: boolean;
  },
) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = localized(p.category, 'name', i18n.locale);
  const description = localized(p.category, 'description', i18n.locale);
  const path = categoryPath(p.category);
  return (
    <Layout
      title={name}
      description={description.slice(0, 160)}
      head={
        p.feed ? (
          <link rel="alternate" type="application/atom+xml" href={`/forum/c/${p.category.id}/feed.atom`} title={name} />
        ) : null
      }
    >
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: name }]} />
      <h1>
        {name} <VisibilityBadge visibility={p.category.visibility} />
      </h1>
      {description ? <p>{description}</p> : null}
      <ForumNav moderator={p.moderator} />
      <div class="actions">
        {p.canCreate ? (
          <a class="button" href={`/forum/c/${p.category.id}/new`}>
            {t('forum.topic.new.button')}
          </a>
        ) : null}
        {p.subscribed !== null ? <SubscribeButton what="c" id={p.category.id} subscribed={p.subscribed} /> : null}
        {p.feed ? <SubscribeLink feed={`/forum/c/${p.category.id}/feed.atom`} /> : null}
        {p.canManage ? <a href={`/forum/c/${p.category.id}/edit`}>{t('forum.categories.edit')}</a> : null}
      </div>
      <TopicList topics={p.topics} pinnedFirst now={p.now} />
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={(n) => `${path}?page=${n}`} />
    </Layout>
  );
}

export type SearchResult = {
  href: string;
  title: string;
  excerpt: ExcerptSegment[];
  publishedAt: string;
  isTopic: boolean;
};

export function SearchPage(p: {
  q: string;
  category: number | undefined;
  categories: { id: number; name_ar: string; name_en: string }[];
  total: number;
  results: SearchResult[];
  page: number;
  pageCount: number;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const href = (n: number) =>
    `/forum/search?q=${encodeURIComponent(p.q)}${p.category ? `&category=${p.category}` : ''}&page=${n}`;
  return (
    <Layout title={t('forum.search.title')}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: t('forum.search.title') }]} />
      <h1>{t('forum.search.title')}</h1>
      <div role="search">
        <Form method="get" action="/forum/search" values={{ q: p.q, category: p.category }}>
          <Field name="q" type="search" label={t('forum.search.label')} maxLength={200} />
          <Select
            name="category"
            label={t('forum.search.category')}
            includeEmpty={t('common.all')}
            options={p.categories.map((c) => ({ value: String(c.id), label: localized(c, 'name', i18n.locale) }))}
          />
          <SubmitRow label={t('common.search')} />
        </Form>
      </div>
      {p.q ? <p role="status">{t('common.results', { count: p.total })}</p> : null}
      <ul class="card-list">
        {p.results.map((r) => (
          <li class="card">
            <h3>
              <a href={r.href} dir="auto">
                {r.title}
              </a>
            </h3>
            <p dir="auto">{r.excerpt.map((s) => (s.marked ? <mark>{s.text}</mark> : s.text))}</p>
            <p class="meta">
              {r.isTopic ? t('forum.search.topic') : t('forum.search.reply')} · <When value={r.publishedAt} />
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={href} />
    </Layout>
  );
}
