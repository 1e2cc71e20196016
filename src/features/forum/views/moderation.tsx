// Moderators' pages: the review queue, one post's moderation (with sanctions for its author),
// a topic's management (lock, pin, hide, move, merge, split) and category settings.
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { Markdown } from '../../publishing/views/components.js';
import type { ReviewItem } from '../queries.js';
import { sanctionDurations } from '../schemas.js';
import type { TrustLevel } from '../trust.js';
import { Breadcrumb, categoryName, Name, topicPath, When, ForumLayout } from './components.js';

function ReasonField(p: { id: string }) {
  const { i18n } = usePage();
  return (
    <div class="field">
      <label for={p.id}>{i18n.t('forum.moderate.reason')}</label>
      <input id={p.id} name="reason" maxLength={300} dir="auto" />
      <p class="hint">{i18n.t('forum.moderate.reasonHint')}</p>
    </div>
  );
}

function PostActions(p: { postId: number; status: string; hasFlags: boolean; next: string }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const actions: string[] =
    p.status === 'pending'
      ? ['approve', 'reject']
      : p.status === 'hidden'
        ? ['restore', 'delete']
        : p.hasFlags
          ? ['hide', 'dismiss', 'delete']
          : ['hide', 'delete'];
  return (
    <Form action={`/forum/p/${p.postId}/moderate`} class="form">
      <input type="hidden" name="next" value={p.next} />
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
        {categoryName({ name_ar: it.categoryName.ar, name_en: it.categoryName.en }, i18n.locale)} ·{' '}
        <Name name={it.authorName} /> · <When value={it.createdAt} />
        {it.isFirstPost ? <> · {t('forum.review.firstPost')}</> : null}
        {it.status === 'hidden' ? (
          <>
            {' '}
            <span class="badge">{t('forum.topic.hiddenBadge')}</span>
          </>
        ) : null}
      </p>
      {it.flags.length ? (
        <ul class="tags">
          {it.flags.map((f) => (
            <li class={f.reason === 'personal_info' ? 'badge badge--urgent' : 'badge'}>
              {t(`forum.flag.reason.${f.reason}`)} ({i18n.number(f.count)})
            </li>
          ))}
        </ul>
      ) : null}
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
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.review.title')}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }, { label: t('forum.review.title') }]} />
      <h1>{t('forum.review.title')}</h1>
      <p>{t('forum.review.intro')}</p>
      <h2>{t('forum.review.flagged', { count: p.flagged.length })}</h2>
      {p.flagged.length ? (
        <ol class="card-list">
          {p.flagged.map((it) => (
            <ReviewCard item={it} />
          ))}
        </ol>
      ) : (
        <p>{t('forum.review.noneFlagged')}</p>
      )}
      <h2>{t('forum.review.pending', { count: p.pending.length })}</h2>
      {p.pending.length ? (
        <ol class="card-list">
          {p.pending.map((it) => (
            <ReviewCard item={it} />
          ))}
        </ol>
      ) : (
        <p>{t('forum.review.nonePending')}</p>
      )}
    </ForumLayout>
  );
}

export function PostModeratePage(p: {
  post: {
    id: number;
    status: string;
    body_html: string;
    author_name: string | null;
    author_id: number | null;
    topicId: number;
    topicTitle: string;
    created_at: string;
  };
  flags: { reason: string; count: number }[];
  notes: string[];
  author: { level: TrustLevel; silencedUntil: Date | null; suspendedUntil: Date | null; isModerator: boolean } | null;
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.moderate.title')}>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          {
            href: topicPath({ id: p.post.topicId, title: p.post.topicTitle }),
            label: <span dir="auto">{p.post.topicTitle}</span>,
          },
        ]}
      />
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
          <ul class="tags">
            {p.flags.map((f) => (
              <li class={f.reason === 'personal_info' ? 'badge badge--urgent' : 'badge'}>
                {t(`forum.flag.reason.${f.reason}` as never)} ({i18n.number(f.count)})
              </li>
            ))}
          </ul>
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
          <Form action={`/forum/p/${p.post.id}/sanction`}>
            <FormErrorSummary message={p.errors?._form} />
            <Select
              name="kind"
              label={t('forum.sanction.kind')}
              options={(['silence', 'suspend', 'lift'] as const).map((k) => ({
                value: k,
                label: t(`forum.sanction.kind.${k}`),
              }))}
              error={p.errors?.kind}
            />
            <Select
              name="days"
              label={t('forum.sanction.duration')}
              value="7"
              options={sanctionDurations.map((d) => ({
                value: d,
                label: t('forum.modLog.days', { count: Number(d) }),
              }))}
              error={p.errors?.days}
            />
            <Field
              name="reason"
              label={t('forum.moderate.reason')}
              error={p.errors?.reason}
              required
              maxLength={300}
              hint={t('forum.sanction.reasonHint')}
            />
            <div class="actions">
              <button type="submit">{t('forum.sanction.submit')}</button>
            </div>
          </Form>
        </section>
      ) : null}
    </ForumLayout>
  );
}

export function TopicManagePage(p: {
  topic: { id: number; title: string; status: string; locked: boolean; pinned: boolean; categoryId: number };
  categories: { id: number; name_ar: string; name_en: string }[];
  posts: { id: number; author_name: string | null; excerpt: string; isFirst: boolean }[];
  errors?: FieldErrors;
  form?: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const catOptions = p.categories.map((c) => ({ value: String(c.id), label: categoryName(c, i18n.locale) }));
  const err = (form: string) => (p.form === form ? p.errors : undefined);
  const toggles: string[] = [
    p.topic.locked ? 'unlock' : 'lock',
    p.topic.pinned ? 'unpin' : 'pin',
    p.topic.status === 'hidden' ? 'restore' : 'hide',
  ];
  return (
    <ForumLayout title={t('forum.manage.title')}>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          { href: topicPath(p.topic), label: <span dir="auto">{p.topic.title}</span> },
        ]}
      />
      <h1>{t('forum.manage.title')}</h1>
      <p dir="auto">{p.topic.title}</p>

      <h2>{t('forum.manage.state')}</h2>
      <Form action={`/forum/t/${p.topic.id}/moderate`}>
        <ReasonField id="reason-state" />
        <div class="actions">
          {toggles.map((a) => (
            <button type="submit" name="action" value={a} class="secondary">
              {t(`forum.manage.action.${a}` as never)}
            </button>
          ))}
        </div>
      </Form>

      <h2>{t('forum.manage.move')}</h2>
      <Form action={`/forum/t/${p.topic.id}/move`}>
        <FormErrorSummary message={err('move')?._form} />
        <Select
          name="category_id"
          label={t('forum.manage.toCategory')}
          options={catOptions}
          value={String(p.topic.categoryId)}
          error={err('move')?.category_id}
        />
        <ReasonField id="reason-move" />
        <div class="actions">
          <button type="submit">{t('forum.manage.moveSubmit')}</button>
        </div>
      </Form>

      <h2>{t('forum.manage.merge')}</h2>
      <Form action={`/forum/t/${p.topic.id}/merge`}>
        <FormErrorSummary message={err('merge')?._form} />
        <Field
          name="into_topic_id"
          label={t('forum.manage.intoTopic')}
          type="number"
          hint={t('forum.manage.intoTopicHint')}
          error={err('merge')?.into_topic_id}
          required
        />
        <ReasonField id="reason-merge" />
        <div class="actions">
          <button type="submit">{t('forum.manage.mergeSubmit')}</button>
        </div>
      </Form>

      <h2>{t('forum.manage.split')}</h2>
      <Form action={`/forum/t/${p.topic.id}/split`}>
        <FormErrorSummary message={err('split')?._form ?? err('split')?.post_ids} />
        <fieldset>
          <legend>{t('forum.manage.splitPosts')}</legend>
          {p.posts
            .filter((x) => !x.isFirst)
            .map((x) => (
              <label class="checkbox">
                <input type="checkbox" name="post_ids" value={String(x.id)} />
                <span>
                  <Name name={x.author_name} />: <span dir="auto">{x.excerpt}</span>
                </span>
              </label>
            ))}
        </fieldset>
        <Field name="title" label={t('forum.form.title')} error={err('split')?.title} required maxLength={200} />
        <Select
          name="category_id"
          label={t('forum.manage.toCategory')}
          options={catOptions}
          value={String(p.topic.categoryId)}
        />
        <ReasonField id="reason-split" />
        <div class="actions">
          <button type="submit">{t('forum.manage.splitSubmit')}</button>
        </div>
      </Form>
    </ForumLayout>
  );
}

export function CategoryEditPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  errors?: FieldErrors;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = (k: string) =>
    typeof p.values[k] === 'string' || typeof p.values[k] === 'number' ? String(p.values[k]) : '';
  return (
    <ForumLayout title={p.isNew ? t('forum.categories.new') : t('forum.categories.edit')}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }]} />
      <h1>{p.isNew ? t('forum.categories.new') : t('forum.categories.edit')}</h1>
      <Form action={p.action}>
        <FormErrorSummary message={p.errors?._form} />
        <Field
          name="name_ar"
          label={t('forum.categories.nameAr')}
          value={v('name_ar')}
          error={p.errors?.name_ar}
          required
          maxLength={80}
        />
        <Field
          name="name_en"
          label={t('forum.categories.nameEn')}
          value={v('name_en')}
          error={p.errors?.name_en}
          required
          maxLength={80}
        />
        <Field
          name="description_ar"
          label={t('forum.categories.descriptionAr')}
          value={v('description_ar')}
          multiline
          rows={3}
          error={p.errors?.description_ar}
          maxLength={500}
        />
        <Field
          name="description_en"
          label={t('forum.categories.descriptionEn')}
          value={v('description_en')}
          multiline
          rows={3}
          error={p.errors?.description_en}
          maxLength={500}
        />
        <Select
          name="visibility"
          label={t('forum.categories.visibility')}
          value={v('visibility') || 'public'}
          options={(['public', 'members', 'staff'] as const).map((x) => ({
            value: x,
            label: t(`forum.visibility.${x}`),
          }))}
          error={p.errors?.visibility}
        />
        <Select
          name="topic_creators"
          label={t('forum.categories.topicCreators')}
          value={v('topic_creators') || 'members'}
          options={(['members', 'staff', 'moderators'] as const).map((x) => ({
            value: x,
            label: t(`forum.categories.creators.${x}`),
          }))}
          error={p.errors?.topic_creators}
        />
        <Select
          name="approval"
          label={t('forum.categories.approval')}
          value={v('approval') || 'none'}
          options={(['none', 'new'] as const).map((x) => ({ value: x, label: t(`forum.categories.approval.${x}`) }))}
          error={p.errors?.approval}
        />
        <Field
          name="position"
          label={t('forum.categories.position')}
          type="number"
          value={v('position') || '0'}
          error={p.errors?.position}
        />
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
        </div>
      </Form>
    </ForumLayout>
  );
}
