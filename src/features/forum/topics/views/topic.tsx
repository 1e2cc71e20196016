// A topic's page (its posts, the reply box, "mark as read") and the new-topic form. Props only;
// no database.
import { usePage } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { Pagination, StatusBadge } from '../../../../core/views/components.js';
import { ButtonForm, Form, type FormState } from '../../../../core/views/forms.js';
import { localized } from '../../../../core/i18n/localized.js';
import { Markdown } from '../../../publishing/views/components.js';
import type { Chrome } from '../../context.js';
import type { CategoryVisibility, PostStatus } from '../../tables.js';
import {
  SubscribeButton,
  BodyField,
  Breadcrumb,
  categoryPath,
  ForumNav,
  Name,
  NewBadge,
  SubmitRow,
  TitleField,
  TopicBadges,
  topicPath,
  VisibilityBadge,
  When,
} from '../../components.js';

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
            <NewBadge label={t('forum.topic.newBadge')} />
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
            <StatusBadge label={t('forum.post.openFlags', { count: post.openFlags })} />
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

/** Where the reply box stands: a form, or why there is none. */
export type ReplyBox =
  { state: 'form'; quote?: string } | { state: 'blocked'; notice: string } | { state: 'signIn' | 'locked' | 'none' };

type TopicHead = {
  id: number;
  title: string;
  status: string;
  locked: boolean;
  pinned: boolean;
  category: { id: number; name_ar: string; name_en: string; visibility: CategoryVisibility };
};

/** The forum › category trail and the topic's title with its badges. */
function TopicHeader(p: { topic: TopicHead }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const cat = p.topic.category;
  return (
    <>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          { href: categoryPath(cat), label: localized(cat, 'name', i18n.locale) },
        ]}
      />
      <h1 dir="auto">{p.topic.title}</h1>
      <p class="meta">
        <VisibilityBadge visibility={cat.visibility} />
        <TopicBadges topic={p.topic} />
      </p>
    </>
  );
}

/** The reply form: what is kept after a refusal, the refusal's reason at its top. */
function ReplyForm(p: { topicId: number; state: FormState | null; quote?: string }) {
  const { t } = usePage().i18n;
  return (
    <Form action={`/forum/t/${p.topicId}/reply`} state={p.state} values={{ body: p.quote }}>
      <BodyField rows={8} />
      <SubmitRow label={t('forum.reply.submit')} />
    </Form>
  );
}

/** A refused reply, on a page of its own: the reason and the kept text at the top, the topic one link away. */
export function ReplyPage(p: { topic: TopicHead; state: FormState | null }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('forum.reply.title')}>
      <TopicHeader topic={p.topic} />
      <section id="reply" class="forum-reply">
        <h2>{t('forum.reply.title')}</h2>
        <ReplyForm topicId={p.topic.id} state={p.state} />
        <p>
          <a href={topicPath(p.topic)}>{t('forum.reply.backToTopic')}</a>
        </p>
      </section>
    </Layout>
  );
}

export function TopicPage(
  p: Chrome & {
    topic: TopicHead;
    posts: PostItem[];
    pending: PostItem[];
    page: number;
    pageCount: number;
    reply: ReplyBox;
    subscribed: boolean | null;
    /** the member has not marked this page read yet */
    canMarkRead: boolean;
  },
) {
  const { i18n, url } = usePage();
  const { t } = i18n;
  const path = topicPath(p.topic);
  const pageHref = (n: number) => (n > 1 ? `${path}?page=${n}` : path);
  const quoteHref = (id: number) => `${path}?${p.page > 1 ? `page=${p.page}&` : ''}quote=${id}#reply`;
  const reply = p.reply;
  return (
    <Layout title={p.topic.title}>
      <TopicHeader topic={p.topic} />
      <ForumNav moderator={p.moderator} />
      {p.subscribed !== null || p.moderator ? (
        <div class="actions">
          {p.subscribed !== null ? <SubscribeButton what="t" id={p.topic.id} subscribed={p.subscribed} /> : null}
          {p.moderator ? <a href={`/forum/t/${p.topic.id}/manage`}>{t('forum.manage.link')}</a> : null}
        </div>
      ) : null}
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={pageHref} />
      <div class="posts">
        {p.posts.map((post) => (
          <PostArticle post={post} quoteHref={quoteHref(post.id)} />
        ))}
      </div>
      {p.canMarkRead ? (
        <div class="actions">
          <ButtonForm
            action={`/forum/t/${p.topic.id}/read`}
            hidden={{ page: p.page }}
            label={t('forum.topic.markRead')}
            class="secondary"
          />
        </div>
      ) : null}
      <Pagination page={p.page} pageCount={p.pageCount} hrefFor={pageHref} />
      {p.pending.length ? (
        <section>
          <h2>{t('forum.pending.title')}</h2>
          {p.pending.map((post) => (
            <PostArticle post={post} quoteHref="" />
          ))}
        </section>
      ) : null}
      <section id="reply" class="forum-reply">
        <h2>{t('forum.reply.title')}</h2>
        {reply.state === 'form' ? (
          <ReplyForm topicId={p.topic.id} state={null} quote={reply.quote} />
        ) : reply.state === 'signIn' ? (
          <p>
            <a href={`/login?next=${encodeURIComponent(url)}`}>{t('forum.reply.signIn')}</a>
          </p>
        ) : reply.state === 'locked' ? (
          <p class="meta">{t('forum.reply.locked')}</p>
        ) : reply.state === 'blocked' ? (
          <p class="notice--warn">{reply.notice}</p>
        ) : null}
      </section>
    </Layout>
  );
}

export function NewTopicPage(p: {
  category: { id: number; name_ar: string; name_en: string };
  state: FormState | null;
  approvalNotice: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = localized(p.category, 'name', i18n.locale);
  return (
    <Layout title={t('forum.topic.new.title')}>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          { href: categoryPath(p.category), label: name },
        ]}
      />
      <h1>{t('forum.topic.new.title')}</h1>
      <p class="meta">{t('forum.topic.new.in', { category: name })}</p>
      {p.approvalNotice ? <p class="notice--warn">{t('forum.topic.new.approvalNotice')}</p> : null}
      <Form action={`/forum/c/${p.category.id}/new`} state={p.state}>
        <TitleField />
        <BodyField rows={10} />
        <p class="hint">{t('forum.form.privacyHint')}</p>
        <SubmitRow label={t('forum.topic.new.submit')} />
      </Form>
    </Layout>
  );
}
