// Moderators' pages about posts: the review queue (flagged posts, personal information first, and
// posts awaiting approval) and one post's moderation, with sanctions for its author.
import { usePage } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { Empty, StatusBadge } from '../../../../core/views/components.js';
import { Field, Form, Hidden, Select, type FormState } from '../../../../core/views/forms.js';
import { localized } from '../../../../core/i18n/localized.js';
import { Markdown } from '../../../publishing/views/components.js';
import type { ReviewItem } from '../queries.js';
import { sanctionDurations } from '../../schemas.js';
import type { TrustLevel } from '../../posts/trust.js';
import { Breadcrumb, Name, PostBreadcrumb, When, SubmitRow } from '../../components.js';

/** The reason a moderator gives, shown in the public log. */
export function ReasonField(p: { id: string }) {
  const { t } = usePage().i18n;
  return (
    <Field
      name="reason"
      id={p.id}
      label={t('forum.moderate.reason')}
      hint={t('forum.moderate.reasonHint')}
      maxLength={300}
    />
  );
}

/** Flags by reason; personal information stands out. */
function FlagCounts(p: { flags: { reason: string; count: number }[] }) {
  const { i18n } = usePage();
  return (
    <ul class="tags">
      {p.flags.map((f) => (
        <li class={f.reason === 'personal_info' ? 'badge badge--urgent' : 'badge'}>
          {i18n.t(`forum.flag.reason.${f.reason}` as never)} ({i18n.number(f.count)})
        </li>
      ))}
    </ul>
  );
}

function PostActions(p: { postId: number; status: string; hasFlags: boolean; next: string; state?: FormState | null }) {
  const { t } = usePage().i18n;
  const actions: string[] =
    p.status === 'pending'
      ? ['approve', 'reject']
      : p.status === 'hidden'
        ? ['restore', 'delete']
        : p.hasFlags
          ? ['hide', 'dismiss', 'delete']
          : ['hide', 'delete'];
  return (
    <Form action={`/forum/p/${p.postId}/moderate`} state={p.state}>
      <Hidden name="next" value={p.next} />
      <ReasonField id={`reason-${p.postId}`} />
      <div class="actions">
        {actions.map((a) => (
          <button
            type="submit"
            name="action"
            value={a}
            class={a === 'delete' || a === 'reject' ? 'danger' : a === 'hide' ? '' : 'secondary'}
          >
            {t(`forum.moderate.action.${a}` as never)}
          </button>
        ))}
      </div>
    </Form>
  );
}

function ReviewCard(p: { item: ReviewItem }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const it = p.item;
  return (
    <li class="card" id={`r${it.postId}`}>
      <h3>
        <a href={`/forum/p/${it.postId}`} dir="auto">
          {it.topicTitle}
        </a>
      </h3>
      <p class="meta">
        {localized(it.category, 'name', i18n.locale)} · <Name name={it.authorName} /> · <When value={it.createdAt} />
        {it.isFirstPost ? <> · {t('forum.review.firstPost')}</> : null}
        {it.status === 'hidden' ? (
          <>
            {' '}
            <StatusBadge label={t('forum.topic.hiddenBadge')} />
          </>
        ) : null}
      </p>
      {it.flags.length ? <FlagCounts flags={it.flags} /> : null}
      {it.notes.length ? (
        <details>
          <summary>{t('forum.review.notes', { count: it.notes.length })}</summary>
          <ul>
            {it.notes.map((n) => (
              <li dir="auto">{n}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <blockquote>
        <Markdown html={it.bodyHtml} />
      </blockquote>
      <PostActions postId={it.postId} status={it.status} hasFlags={it.flags.length > 0} next="/forum/review" />
    </li>
  );
}

export function ReviewPage(p: { flagged: ReviewItem[]; pending: ReviewItem[] }) {
  const { t } = usePage().i18n;
  const list = (items: ReviewItem[], none: string) =>
    items.length ? (
      <ol class="card-list">
        {items.map((it) => (
          <ReviewCard item={it} />
        ))}
      </ol>
    ) : (
      <Empty text={none} />
    );
  return (
    <Layout title={t('forum.review.title')}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: t('forum.review.title') }]} />
      <h1>{t('forum.review.title')}</h1>
      <p>{t('forum.review.intro')}</p>
      <h2>{t('forum.review.flagged', { count: p.flagged.length })}</h2>
      {list(p.flagged, t('forum.review.noneFlagged'))}
      <h2>{t('forum.review.pending', { count: p.pending.length })}</h2>
      {list(p.pending, t('forum.review.nonePending'))}
    </Layout>
  );
}

export function PostModeratePage(p: {
  post: {
    id: number;
    status: string;
    body_html: string;
    author_name: string | null;
    topicId: number;
    topicTitle: string;
    created_at: string;
  };
  flags: { reason: string; count: number }[];
  notes: string[];
  author: { level: TrustLevel; silencedUntil: Date | null; suspendedUntil: Date | null; isModerator: boolean } | null;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('forum.moderate.title')}>
      <PostBreadcrumb topicId={p.post.topicId} topicTitle={p.post.topicTitle} />
      <h1>{t('forum.moderate.title')}</h1>
      <article class="card">
        <p class="meta">
          <Name name={p.post.author_name} /> · <When value={p.post.created_at} /> ·{' '}
          {t(`forum.post.status.${p.post.status}` as never)}
        </p>
        <Markdown html={p.post.body_html} />
      </article>
      {p.flags.length ? (
        <>
          <h2>{t('forum.moderate.flags')}</h2>
          <FlagCounts flags={p.flags} />
          {p.notes.length ? (
            <ul>
              {p.notes.map((n) => (
                <li dir="auto">{n}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {p.post.status !== 'deleted' ? (
        <>
          <h2>{t('forum.moderate.postActions')}</h2>
          <PostActions
            postId={p.post.id}
            status={p.post.status}
            hasFlags={p.flags.length > 0}
            next={`/forum/p/${p.post.id}/moderate`}
            state={p.state}
          />
        </>
      ) : null}
      {p.author && !p.author.isModerator ? (
        <section>
          <h2>{t('forum.sanction.title')}</h2>
          <p class="meta">
            {t('forum.sanction.trust', { level: p.author.level })}
            {p.author.silencedUntil ? (
              <> · {t('forum.sanction.silencedUntil', { date: i18n.dateTime(p.author.silencedUntil) })}</>
            ) : null}
            {p.author.suspendedUntil ? (
              <> · {t('forum.sanction.suspendedUntil', { date: i18n.dateTime(p.author.suspendedUntil) })}</>
            ) : null}
          </p>
          <Form action={`/forum/p/${p.post.id}/sanction`} state={p.state} values={{ days: '7' }}>
            <Select
              name="kind"
              label={t('forum.sanction.kind')}
              options={(['silence', 'suspend', 'lift'] as const).map((k) => ({
                value: k,
                label: t(`forum.sanction.kind.${k}`),
              }))}
            />
            <Select
              name="days"
              label={t('forum.sanction.duration')}
              options={sanctionDurations.map((d) => ({
                value: d,
                label: t('forum.modLog.days', { count: Number(d) }),
              }))}
            />
            <Field
              name="reason"
              label={t('forum.moderate.reason')}
              required
              maxLength={300}
              hint={t('forum.sanction.reasonHint')}
            />
            <SubmitRow label={t('forum.sanction.submit')} />
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}
