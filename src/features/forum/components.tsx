// Pieces shared by the forum's pages. Names are always in <bdi>; titles and bodies carry dir="auto".
import type { ComponentChildren } from 'preact';
import { usePage } from '../../core/views/context.js';
import { Empty, StatusBadge } from '../../core/views/components.js';
import { ButtonForm, Field, Submit } from '../../core/views/forms.js';
import { localized } from '../../core/i18n/localized.js';
import { slugify } from '../../core/text/slug.js';
import { BODY_MAX, TITLE_MAX } from './schemas.js';
import type { CategoryVisibility, TopicStatus } from './tables.js';

export function topicPath(t: { id: number; title: string }): string {
  return `/forum/t/${t.id}/${encodeURIComponent(slugify(t.title || 'topic'))}`;
}

/** A category's address: its English name's slug, else its Arabic name's (English is optional). */
export function categoryPath(c: { id: number; name_en: string; name_ar: string }): string {
  return `/forum/c/${c.id}/${encodeURIComponent(slugify(c.name_en || c.name_ar) || 'category')}`;
}

/** What a topic's pages show of its state (from a row with 0/1 flags). */
export function topicState(t: { id: number; title: string; status: TopicStatus; locked: number; pinned: number }) {
  return { id: t.id, title: t.title, status: t.status, locked: t.locked === 1, pinned: t.pinned === 1 };
}

/** A topic's title, in a form. */
export function TitleField() {
  const { t } = usePage().i18n;
  return <Field name="title" label={t('forum.form.title')} required maxLength={TITLE_MAX} />;
}

/** A post's text, in a form, with its length limit stated. */
export function BodyField(p: { rows: number; hint?: string }) {
  const { t } = usePage().i18n;
  const limit = t('forum.form.bodyLimit', { max: BODY_MAX });
  return (
    <Field
      name="body"
      label={t('forum.form.body')}
      multiline
      rows={p.rows}
      hint={`${p.hint ?? t('forum.form.bodyHint')} ${limit}`}
      required
      maxLength={BODY_MAX}
    />
  );
}

/** A form's submit button, with any links beside it. */
export function SubmitRow(p: { label: string; class?: string; children?: ComponentChildren }) {
  return (
    <div class="actions">
      <Submit label={p.label} class={p.class} />
      {p.children}
    </div>
  );
}

/** A member's public name, isolated from the text around it. Never a username, e-mail or real name. */
/** Subscribing to a topic or category (`what`), or stopping — whichever the person is not. */
export function SubscribeButton(p: { what: 't' | 'c'; id: number; subscribed: boolean }) {
  const { t } = usePage().i18n;
  const label =
    p.what === 't'
      ? t(p.subscribed ? 'forum.subscribe.topicOff' : 'forum.subscribe.topicOn')
      : t(p.subscribed ? 'forum.subscribe.categoryOff' : 'forum.subscribe.categoryOn');
  return (
    <ButtonForm
      action={`/forum/${p.what}/${p.id}/subscribe`}
      hidden={{ subscribe: p.subscribed ? 'off' : 'on' }}
      label={label}
      class="secondary"
    />
  );
}

export function Name(props: { name: string | null | undefined }) {
  const { i18n } = usePage();
  return <bdi class="author">{props.name ?? i18n.t('forum.deletedMember')}</bdi>;
}

/** A moment, to the minute (the core DateText shows the day only). */
export function When(props: { value: string }) {
  const { i18n } = usePage();
  return <time dateTime={new Date(props.value).toISOString()}>{i18n.dateTime(props.value)}</time>;
}

/** "New" and "3 new replies": unread things, in the forum's accent. */
export function NewBadge(props: { label: string }) {
  return <span class="badge badge--new">{props.label}</span>;
}

export function VisibilityBadge(props: { visibility: CategoryVisibility }) {
  const { i18n } = usePage();
  if (props.visibility === 'public') return null;
  return <StatusBadge label={i18n.t(`forum.visibility.${props.visibility}Badge`)} />;
}

/** The badges of a topic's state: pinned, locked, hidden, awaiting approval, deleted. */
export function TopicBadges(props: { topic: { status: string; locked: boolean; pinned: boolean } }) {
  const { t } = usePage().i18n;
  const tp = props.topic;
  const labels = [
    tp.pinned && t('forum.topic.pinned'),
    tp.locked && t('forum.topic.locked'),
    tp.status === 'hidden' && t('forum.topic.hiddenBadge'),
    tp.status === 'pending' && t('forum.topic.pendingBadge'),
    tp.status === 'deleted' && t('forum.topic.deletedBadge'),
  ];
  return <>{labels.map((label) => (label ? <StatusBadge label={label} /> : null))}</>;
}

/** The forum's own navigation: categories, search, the digest setting, the moderation log (notices are in the header). */
export function ForumNav(props: { moderator?: boolean; q?: string }) {
  const { i18n, actor } = usePage();
  const { t } = i18n;
  return (
    <nav class="forum-nav" aria-label={t('forum.nav.label')}>
      <ul class="tags">
        <li>
          <a href="/forum">{t('forum.nav.categories')}</a>
        </li>
        {actor.user ? (
          <li>
            <a href="/forum/settings">{t('forum.nav.settings')}</a>
          </li>
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

/** The forum › a topic trail of the pages about one post. */
export function PostBreadcrumb(props: { topicId: number; topicTitle: string }) {
  const { t } = usePage().i18n;
  return (
    <Breadcrumb
      items={[
        { href: '/forum', label: t('forum.title') },
        {
          href: topicPath({ id: props.topicId, title: props.topicTitle }),
          label: <span dir="auto">{props.topicTitle}</span>,
        },
      ]}
    />
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
  if (!props.topics.length) return <Empty text={t('forum.topics.none')} />;
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
            <TopicBadges
              topic={{ status: tp.status, locked: !!tp.locked, pinned: !!props.pinnedFirst && !!tp.pinned }}
            />
            {tp.isNew ? <NewBadge label={t('forum.topic.newBadge')} /> : null}
            {tp.unread > 0 ? <NewBadge label={t('forum.topic.unread', { count: tp.unread })} /> : null}
            {props.showCategory ? (
              <>
                <a
                  href={categoryPath({
                    id: tp.category_id,
                    name_ar: tp.category_name_ar,
                    name_en: tp.category_name_en,
                  })}
                >
                  {localized({ name_ar: tp.category_name_ar, name_en: tp.category_name_en }, 'name', i18n.locale)}
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
