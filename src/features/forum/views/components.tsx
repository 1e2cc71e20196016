// Pieces shared by the forum pages. Names are always in <bdi>; titles and bodies carry dir="auto".
import type { ComponentChildren } from 'preact';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { forumStylesheet } from '../styles.js';
import { slugify } from '../../../core/text/slug.js';
import type { CategoryVisibility } from '../tables.js';

export function topicPath(t: { id: number; title: string }): string {
  return `/forum/t/${t.id}/${encodeURIComponent(slugify(t.title || 'topic'))}`;
}

export function categoryPath(c: { id: number; name_en: string }): string {
  return `/forum/c/${c.id}/${encodeURIComponent(slugify(c.name_en))}`;
}

export function categoryName(c: { name_ar: string; name_en: string }, locale: string): string {
  return locale === 'ar' ? c.name_ar : c.name_en || c.name_ar;
}

export function categoryDescription(c: { description_ar: string; description_en: string }, locale: string): string {
  return locale === 'ar' ? c.description_ar : c.description_en || c.description_ar;
}

/** The site layout with the forum's stylesheet. */
export function ForumLayout(props: {
  title: string;
  description?: string;
  head?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <Layout
      title={props.title}
      description={props.description}
      head={
        <>
          <link rel="stylesheet" href={forumStylesheet.href} />
          {props.head}
        </>
      }
    >
      {props.children}
    </Layout>
  );
}

/** A member's public name, isolated from the text around it. Never a username, e-mail or real name. */
export function Name(props: { name: string | null | undefined }) {
  const { i18n } = usePage();
  return <bdi class="author">{props.name ?? i18n.t('forum.deletedMember')}</bdi>;
}

export function When(props: { value: string }) {
  const { i18n } = usePage();
  return <time dateTime={new Date(props.value).toISOString()}>{i18n.dateTime(props.value)}</time>;
}

export function VisibilityBadge(props: { visibility: CategoryVisibility }) {
  const { i18n } = usePage();
  if (props.visibility === 'public') return null;
  return <span class="badge">{i18n.t(`forum.visibility.${props.visibility}Badge`)}</span>;
}

/** The forum's own navigation: categories, search, notifications, settings, the moderation log. */
export function ForumNav(props: { unread?: number; moderator?: boolean; q?: string }) {
  const { i18n, actor } = usePage();
  const { t } = i18n;
  return (
    <nav class="forum-nav" aria-label={t('forum.nav.label')}>
      <ul class="tags">
        <li>
          <a href="/forum">{t('forum.nav.categories')}</a>
        </li>
        {actor.user ? (
          <>
            <li>
              <a href="/forum/notifications">{t('forum.nav.notifications', { count: props.unread ?? 0 })}</a>
            </li>
            <li>
              <a href="/forum/settings">{t('forum.nav.settings')}</a>
            </li>
          </>
        ) : null}
        {props.moderator ? (
          <li>
            <a href="/forum/review">{t('forum.nav.review')}</a>
          </li>
        ) : null}
        <li>
          <a href="/forum/moderation-log">{t('forum.nav.modLog')}</a>
        </li>
      </ul>
      <form method="get" action="/forum/search" class="forum-search" role="search">
        <label for="forum-q" class="small">
          {t('forum.search.label')}
        </label>{' '}
        <input id="forum-q" type="search" name="q" value={props.q ?? ''} dir="auto" maxLength={200} />{' '}
        <button type="submit" class="secondary">
          {t('common.search')}
        </button>
      </form>
    </nav>
  );
}

export function Breadcrumb(props: { items: { href?: string; label: ComponentChildren }[] }) {
  const { i18n } = usePage();
  return (
    <nav aria-label={i18n.t('common.breadcrumb')} class="meta">
      {props.items.map((it, i) => (
        <>
          {i > 0 ? ' › ' : ''}
          {it.href ? <a href={it.href}>{it.label}</a> : <span>{it.label}</span>}
        </>
      ))}
    </nav>
  );
}

export type TopicListRow = {
  id: number;
  title: string;
  status: string;
  locked: number;
  pinned: number;
  post_count: number;
  last_post_at: string;
  category_id: number;
  category_name_ar: string;
  category_name_en: string;
  author_name: string | null;
  last_poster_name: string | null;
  unread: number;
  isNew: boolean;
  last_read_post_id: number | null;
};

export function TopicList(props: { topics: TopicListRow[]; now: Date; showCategory?: boolean; pinnedFirst?: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  if (!props.topics.length) return <p>{t('forum.topics.none')}</p>;
  return (
    <ul class="card-list topic-list">
      {props.topics.map((tp) => (
        <li class="card">
          <h3>
            <a href={topicPath(tp)} dir="auto">
              {tp.title}
            </a>
          </h3>
          <p class="meta">
            {props.pinnedFirst && tp.pinned ? <span class="badge">{t('forum.topic.pinned')}</span> : null}
            {tp.locked ? <span class="badge">{t('forum.topic.locked')}</span> : null}
            {tp.status === 'hidden' ? <span class="badge">{t('forum.topic.hiddenBadge')}</span> : null}
            {tp.status === 'pending' ? <span class="badge">{t('forum.topic.pendingBadge')}</span> : null}
            {tp.isNew ? <span class="badge badge--new">{t('forum.topic.newBadge')}</span> : null}
            {tp.unread > 0 ? (
              <span class="badge badge--new">{t('forum.topic.unread', { count: tp.unread })}</span>
            ) : null}
            {props.showCategory ? (
              <>
                <a href={`/forum/c/${tp.category_id}`}>
                  {categoryName({ name_ar: tp.category_name_ar, name_en: tp.category_name_en }, i18n.locale)}
                </a>{' '}
                ·{' '}
              </>
            ) : null}
            <Name name={tp.author_name} /> · {t('forum.topic.replies', { count: Math.max(0, tp.post_count - 1) })} ·{' '}
            {t('forum.topic.lastActivity', { when: i18n.relative(tp.last_post_at, props.now) })}
            {tp.last_poster_name && tp.post_count > 1 ? (
              <>
                {' '}
                (<Name name={tp.last_poster_name} />)
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** A POST button in its own small form (CSRF token included). */
export function ActionButton(props: {
  action: string;
  label: string;
  fields?: Record<string, string>;
  class?: string;
}) {
  const { csrfToken } = usePage();
  return (
    <form method="post" action={props.action} class="inline-form">
      <input type="hidden" name="_csrf" value={csrfToken()} />
      {Object.entries(props.fields ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class={props.class ?? 'link-button'}>
        {props.label}
      </button>
    </form>
  );
}
