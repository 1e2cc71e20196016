// Forum pages people read: categories, a category's topics, a topic, edit history, search, the
// moderation log, notifications, settings, unsubscribe. Props only; no database.
import { usePage } from '../../../core/views/context.js';
import { Pagination } from '../../../core/views/components.js';
import { Field, Form, FormErrorSummary, type FieldErrors } from '../../../core/views/forms.js';
import type { ExcerptSegment } from '../../../core/search/index.js';
import { Markdown } from '../../publishing/views/components.js';
import type { CategoryVisibility, PostStatus } from '../tables.js';
import {
  ActionButton,
  Breadcrumb,
  categoryDescription,
  categoryName,
  categoryPath,
  ForumNav,
  Name,
  TopicList,
  topicPath,
  VisibilityBadge,
  When,
  type TopicListRow,
  ForumLayout,
} from './components.js';

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

type Chrome = { unread: number; moderator: boolean; now: Date };

export function ForumHomePage(p: Chrome & { categories: CategoryCard[]; latest: TopicListRow[]; canManage: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.title')} description={t('forum.intro')}>
      <h1>{t('forum.title')}</h1>
      <p>{t('forum.intro')}</p>
      <ForumNav unread={p.unread} moderator={p.moderator} />
      <h2>{t('forum.categories.title')}</h2>
      <ul class="card-list">
        {p.categories.map((c) => (
          <li class="card">
            <h3>
              <a href={categoryPath(c)}>{categoryName(c, i18n.locale)}</a> <VisibilityBadge visibility={c.visibility} />
            </h3>
            {categoryDescription(c, i18n.locale) ? <p>{categoryDescription(c, i18n.locale)}</p> : null}
            <p class="meta">
              {t('forum.categories.topics', { count: Number(c.topic_count ?? 0) })}
              {c.last_activity ? (
                <> · {t('forum.topic.lastActivity', { when: i18n.relative(c.last_activity, p.now) })}</>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
      {p.canManage ? (
        <p>
          <a href="/forum/categories/new">{t('forum.categories.new')}</a>
        </p>
      ) : null}
      <h2>{t('forum.latest.title')}</h2>
      <TopicList topics={p.latest} showCategory now={p.now} />
    </ForumLayout>
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
  const name = categoryName(p.category, i18n.locale);
  const path = categoryPath(p.category);
  return (
    <ForumLayout
      title={name}
      description={categoryDescription(p.category, i18n.locale).slice(0, 160)}
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
      {categoryDescription(p.category, i18n.locale) ? <p>{categoryDescription(p.category, i18n.locale)}</p> : null}
      <ForumNav unread={p.unread} moderator={p.moderator} />
      <div class="actions">
        {p.canCreate ? (
          <a class="button" href={`/forum/c/${p.category.id}/new`}>
            {t('forum.topic.new.button')}
          </a>
        ) : null}
        {p.subscribed !== null ? (
          <ActionButton
            action={`/forum/c/${p.category.id}/subscribe`}
            fields={{ subscribe: p.subscribed ? 'off' : 'on' }}
            label={p.subscribed ? t('forum.subscribe.categoryOff') : t('forum.subscribe.categoryOn')}
            class="secondary"
          />
        ) : null}
        {p.feed ? <a href={`/forum/c/${p.category.id}/feed.atom`}>{t('forum.feed.link')}</a> : null}
        {p.canManage ? <a href={`/forum/c/${p.category.id}/edit`}>{t('forum.categories.edit')}</a> : null}
      </div>
      <TopicList topics={p.topics} pinnedFirst now={p.now} />
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={(n) => `${path}?page=${n}`} />
    </ForumLayout>
  );
}

export type PostItem = {
  id: number;
  author_name: string | null;
  body_html: string;
  status: PostStatus;
  hidden_reason: string | null;
  edit_count: number;
  created_at: string;
  edited_at: string | null;
  isFirst: boolean;
  readContent: boolean;
  canEdit: boolean;
  canFlag: boolean;
  canQuote: boolean;
  canModerate: boolean;
  flagged: boolean;
  openFlags: number;
  unread: boolean;
};

export function PostArticle(p: { post: PostItem; quoteHref: string }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const post = p.post;
  return (
    <article class={`card post post--${post.status}`} id={`p${post.id}`}>
      <header class="meta">
        <Name name={post.author_name} /> ·{' '}
        <a href={`/forum/p/${post.id}`} class="permalink">
          <When value={post.created_at} />
        </a>
        {post.unread ? (
          <>
            {' '}
            <span class="badge badge--new">{t('forum.topic.newBadge')}</span>
          </>
        ) : null}
        {post.edit_count > 0 && post.status !== 'deleted' ? (
          <>
            {' '}
            · <a href={`/forum/p/${post.id}/history`}>{t('forum.post.edited', { count: post.edit_count })}</a>
          </>
        ) : null}
        {post.canModerate && post.openFlags > 0 ? (
          <>
            {' '}
            <span class="badge">{t('forum.post.openFlags', { count: post.openFlags })}</span>
          </>
        ) : null}
      </header>
      {post.status === 'deleted' ? (
        <p class="meta">{t('forum.post.deleted')}</p>
      ) : post.status === 'hidden' && !post.readContent ? (
        <p class="meta">{t('forum.post.hiddenPlaceholder')}</p>
      ) : (
        <>
          {post.status === 'hidden' ? (
            <p class="notice--warn">
              {post.hidden_reason === 'flags' ? t('forum.post.hiddenByFlags') : t('forum.post.hiddenByModerator')}
            </p>
          ) : null}
          {post.status === 'pending' ? <p class="notice--warn">{t('forum.post.pendingNotice')}</p> : null}
          <Markdown html={post.body_html} class="prose post-body" />
        </>
      )}
      {post.status !== 'deleted' && (post.canQuote || post.canEdit || post.canFlag || post.canModerate) ? (
        <footer class="actions small">
          {post.canQuote ? <a href={p.quoteHref}>{t('forum.post.quote')}</a> : null}
          {post.canEdit ? <a href={`/forum/p/${post.id}/edit`}>{t('common.edit')}</a> : null}
          {post.canFlag ? (
            post.flagged ? (
              <span>{t('forum.flag.already')}</span>
            ) : (
              <a href={`/forum/p/${post.id}/flag`}>{t('forum.flag.link')}</a>
            )
          ) : null}
          {post.canModerate ? <a href={`/forum/p/${post.id}/moderate`}>{t('forum.moderate.link')}</a> : null}
        </footer>
      ) : null}
    </article>
  );
}

export function TopicPage(
  p: Chrome & {
    topic: {
      id: number;
      title: string;
      status: string;
      locked: boolean;
      pinned: boolean;
      category: { id: number; name_ar: string; name_en: string; visibility: CategoryVisibility };
    };
    posts: PostItem[];
    pending: PostItem[];
    page: number;
    pageCount: number;
    reply: {
      state: 'form' | 'signIn' | 'locked' | 'blocked' | 'none';
      value?: string;
      errors?: FieldErrors;
      notice?: string | null;
    };
    subscribed: boolean | null;
  },
) {
  const { i18n, url } = usePage();
  const { t } = i18n;
  const path = topicPath(p.topic);
  const pageHref = (n: number) => (n > 1 ? `${path}?page=${n}` : path);
  const quoteHref = (id: number) => `${path}?${p.page > 1 ? `page=${p.page}&` : ''}quote=${id}#reply`;
  const cat = p.topic.category;
  return (
    <ForumLayout title={p.topic.title}>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          { href: categoryPath(cat), label: categoryName(cat, i18n.locale) },
        ]}
      />
      <h1 dir="auto">{p.topic.title}</h1>
      <p class="meta">
        <VisibilityBadge visibility={cat.visibility} />
        {p.topic.pinned ? <span class="badge">{t('forum.topic.pinned')}</span> : null}
        {p.topic.locked ? <span class="badge">{t('forum.topic.locked')}</span> : null}
        {p.topic.status === 'hidden' ? <span class="badge">{t('forum.topic.hiddenBadge')}</span> : null}
        {p.topic.status === 'pending' ? <span class="badge">{t('forum.topic.pendingBadge')}</span> : null}
        {p.topic.status === 'deleted' ? <span class="badge">{t('forum.topic.deletedBadge')}</span> : null}
      </p>
      <ForumNav unread={p.unread} moderator={p.moderator} />
      {p.subscribed !== null || p.moderator ? (
        <div class="actions">
          {p.subscribed !== null ? (
            <ActionButton
              action={`/forum/t/${p.topic.id}/subscribe`}
              fields={{ subscribe: p.subscribed ? 'off' : 'on' }}
              label={p.subscribed ? t('forum.subscribe.topicOff') : t('forum.subscribe.topicOn')}
              class="secondary"
            />
          ) : null}
          {p.moderator ? <a href={`/forum/t/${p.topic.id}/manage`}>{t('forum.manage.link')}</a> : null}
        </div>
      ) : null}
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={pageHref} />
      <div class="posts">
        {p.posts.map((post) => (
          <PostArticle post={post} quoteHref={quoteHref(post.id)} />
        ))}
      </div>
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={pageHref} />
      {p.pending.length ? (
        <section>
          <h2>{t('forum.pending.title')}</h2>
          {p.pending.map((post) => (
            <PostArticle post={post} quoteHref="" />
          ))}
        </section>
      ) : null}
      <section id="reply">
        <h2>{t('forum.reply.title')}</h2>
        {p.reply.state === 'form' ? (
          <Form action={`/forum/t/${p.topic.id}/reply`}>
            <FormErrorSummary message={p.reply.errors?._form ?? p.reply.notice} />
            <Field
              name="body"
              label={t('forum.form.body')}
              multiline
              rows={8}
              value={p.reply.value}
              error={p.reply.errors?.body}
              hint={t('forum.form.bodyHint')}
              required
              maxLength={20000}
            />
            <div class="actions">
              <button type="submit">{t('forum.reply.submit')}</button>
            </div>
          </Form>
        ) : p.reply.state === 'signIn' ? (
          <p>
            <a href={`/login?next=${encodeURIComponent(url)}`}>{t('forum.reply.signIn')}</a>
          </p>
        ) : p.reply.state === 'locked' ? (
          <p class="meta">{t('forum.reply.locked')}</p>
        ) : p.reply.state === 'blocked' ? (
          <p class="notice--warn">{p.reply.notice}</p>
        ) : null}
      </section>
    </ForumLayout>
  );
}

export function HistoryPage(p: {
  post: { id: number; author_name: string | null; topicTitle: string; topicId: number };
  current: { html: string; at: string; title: string | null };
  revisions: { html: string; writtenAt: string; title: string | null }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.history.title')}>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          {
            href: topicPath({ id: p.post.topicId, title: p.post.topicTitle }),
            label: <span dir="auto">{p.post.topicTitle}</span>,
          },
        ]}
      />
      <h1>{t('forum.history.title')}</h1>
      <p>
        {t('forum.history.intro')} <Name name={p.post.author_name} />
      </p>
      <article class="card">
        <h2>{t('forum.history.current')}</h2>
        <p class="meta">
          <When value={p.current.at} />
        </p>
        {p.current.title !== null ? <h3 dir="auto">{p.current.title}</h3> : null}
        <Markdown html={p.current.html} />
      </article>
      {p.revisions.map((r, i) => (
        <article class="card">
          <h2>{t('forum.history.version', { n: p.revisions.length - i })}</h2>
          <p class="meta">
            <When value={r.writtenAt} />
          </p>
          {r.title !== null ? <h3 dir="auto">{r.title}</h3> : null}
          <Markdown html={r.html} />
        </article>
      ))}
      <p>
        <a href={`/forum/p/${p.post.id}`}>{t('forum.history.back')}</a>
      </p>
    </ForumLayout>
  );
}

export type SearchResult = {
  href: string;
  title: string;
  excerpt: ExcerptSegment[];
  publishedAt: string;
  isTopic: boolean;
};

export function SearchPage(
  p: Chrome & {
    q: string;
    category: number | undefined;
    categories: { id: number; name_ar: string; name_en: string }[];
    total: number;
    results: SearchResult[];
    page: number;
    pageCount: number;
  },
) {
  const { i18n } = usePage();
  const { t } = i18n;
  const href = (n: number) =>
    `/forum/search?q=${encodeURIComponent(p.q)}${p.category ? `&category=${p.category}` : ''}&page=${n}`;
  return (
    <ForumLayout title={t('forum.search.title')}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: t('forum.search.title') }]} />
      <h1>{t('forum.search.title')}</h1>
      <form method="get" action="/forum/search" class="form" role="search">
        <div class="field">
          <label for="f-q">{t('forum.search.label')}</label>
          <input id="f-q" type="search" name="q" value={p.q} dir="auto" maxLength={200} />
        </div>
        <div class="field">
          <label for="f-category">{t('forum.search.category')}</label>
          <select id="f-category" name="category">
            <option value="">{t('common.all')}</option>
            {p.categories.map((c) => (
              <option value={String(c.id)} selected={c.id === p.category}>
                {categoryName(c, i18n.locale)}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">{t('common.search')}</button>
        </div>
      </form>
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
    </ForumLayout>
  );
}

export type ModLogRow = {
  id: number;
  at: string;
  action: string;
  reason: string;
  target: { href: string; title: string } | null;
  targetHidden: boolean;
  categoryName: string | null;
  subjectName: string | null;
  days: number | null;
};

export function ModerationLogPage(p: Chrome & { rows: ModLogRow[]; page: number; hasMore: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.modLog.title')} description={t('forum.modLog.intro')}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: t('forum.modLog.title') }]} />
      <h1>{t('forum.modLog.title')}</h1>
      <p>{t('forum.modLog.intro')}</p>
      <ForumNav unread={p.unread} moderator={p.moderator} />
      {p.rows.length === 0 ? <p>{t('forum.modLog.empty')}</p> : null}
      <ol class="card-list mod-log">
        {p.rows.map((r) => (
          <li class="card">
            <p>
              <strong>{t(`forum.modAction.${r.action}` as never)}</strong>
              {' — '}
              {r.action === 'post.autohide' ? t('forum.modLog.byCommunity') : t('forum.modLog.by')}
            </p>
            <p class="meta">
              <When value={r.at} />
              {r.target ? (
                <>
                  {' · '}
                  <a href={r.target.href} dir="auto">
                    {r.target.title}
                  </a>
                </>
              ) : r.targetHidden ? (
                <> · {t('forum.modLog.targetHidden')}</>
              ) : null}
              {r.categoryName ? <> · {r.categoryName}</> : null}
              {r.subjectName ? (
                <>
                  {' · '}
                  {t('forum.modLog.member')} <Name name={r.subjectName} />
                </>
              ) : null}
              {r.days ? <> · {t('forum.modLog.days', { count: r.days })}</> : null}
            </p>
            {r.reason ? (
              <p>
                {t('forum.modLog.reason')} <span dir="auto">{r.reason}</span>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <nav class="pagination" aria-label={t('common.pagination')}>
        {p.page > 1 ? <a href={`/forum/moderation-log?page=${p.page - 1}`}>{t('common.previous')}</a> : <span />}
        {p.hasMore ? <a href={`/forum/moderation-log?page=${p.page + 1}`}>{t('common.next')}</a> : null}
      </nav>
    </ForumLayout>
  );
}

export function NotificationsPage(
  p: Chrome & {
    items: {
      id: number;
      kind: string;
      post_id: number;
      created_at: string;
      read_at: string | null;
      topic_title: string;
      actor_name: string | null;
    }[];
  },
) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.notifications.title')}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: t('forum.notifications.title') }]} />
      <h1>{t('forum.notifications.title')}</h1>
      <ForumNav unread={p.unread} moderator={p.moderator} />
      {p.items.length === 0 ? <p>{t('forum.notifications.empty')}</p> : null}
      <ul class="card-list">
        {p.items.map((n) => (
          <li class={n.read_at ? 'card' : 'card notification--unread'}>
            <p>
              {n.read_at ? null : <span class="badge badge--new">{t('forum.topic.newBadge')}</span>}
              <Name name={n.actor_name} /> {t(`forum.notification.${n.kind}Verb` as never)}{' '}
              <a href={`/forum/p/${n.post_id}`} dir="auto">
                {n.topic_title}
              </a>
            </p>
            <p class="meta">
              <When value={n.created_at} />
            </p>
          </li>
        ))}
      </ul>
      {p.unread > 0 ? (
        <ActionButton action="/forum/notifications/read" label={t('forum.notifications.markAll')} class="secondary" />
      ) : null}
    </ForumLayout>
  );
}

export function SettingsPage(p: Chrome & { digest: string; hasEmail: boolean; errors?: FieldErrors }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.settings.title')}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: t('forum.settings.title') }]} />
      <h1>{t('forum.settings.title')}</h1>
      <ForumNav unread={p.unread} moderator={p.moderator} />
      <Form action="/forum/settings">
        <FormErrorSummary message={p.errors?._form ?? p.errors?.digest} />
        <fieldset>
          <legend>{t('forum.settings.digest')}</legend>
          {(['off', 'daily', 'weekly'] as const).map((d) => (
            <label class="checkbox">
              <input type="radio" name="digest" value={d} checked={p.digest === d} />
              {t(`forum.settings.digest.${d}`)}
            </label>
          ))}
        </fieldset>
        <p class="hint">{p.hasEmail ? t('forum.settings.digestHint') : t('forum.settings.noEmail')}</p>
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
        </div>
      </Form>
    </ForumLayout>
  );
}

export function UnsubscribePage(p: { token: string; done: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.unsubscribe.title')}>
      <h1>{t('forum.unsubscribe.title')}</h1>
      {p.done ? (
        <p role="status">{t('forum.unsubscribe.done')}</p>
      ) : (
        <Form action={`/forum/unsubscribe/${p.token}`}>
          <p>{t('forum.unsubscribe.intro')}</p>
          <div class="actions">
            <button type="submit">{t('forum.unsubscribe.submit')}</button>
          </div>
        </Form>
      )}
    </ForumLayout>
  );
}
