// Forum forms: a new topic, editing a post (and deleting it), flagging a post.
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, type FieldErrors } from '../../../core/views/forms.js';
import { Markdown } from '../../publishing/views/components.js';
import { flagReasons } from '../schemas.js';
import { Breadcrumb, categoryName, categoryPath, Name, topicPath, ForumLayout } from './components.js';

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function NewTopicPage(p: {
  category: { id: number; name_ar: string; name_en: string };
  values?: Values;
  errors?: FieldErrors;
  notice?: string | null;
  approvalNotice: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = categoryName(p.category, i18n.locale);
  return (
    <ForumLayout title={t('forum.topic.new.title')}>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          { href: categoryPath(p.category), label: name },
        ]}
      />
      <h1>{t('forum.topic.new.title')}</h1>
      <p class="meta">{t('forum.topic.new.in', { category: name })}</p>
      {p.approvalNotice ? <p class="notice--warn">{t('forum.topic.new.approvalNotice')}</p> : null}
      <Form action={`/forum/c/${p.category.id}/new`}>
        <FormErrorSummary message={p.errors?._form ?? p.notice} />
        <Field
          name="title"
          label={t('forum.form.title')}
          value={str(p.values?.title)}
          error={p.errors?.title}
          required
          maxLength={200}
        />
        <Field
          name="body"
          label={t('forum.form.body')}
          multiline
          rows={10}
          value={str(p.values?.body)}
          error={p.errors?.body}
          hint={t('forum.form.bodyHint')}
          required
          maxLength={20000}
        />
        <p class="hint">{t('forum.form.privacyHint')}</p>
        <div class="actions">
          <button type="submit">{t('forum.topic.new.submit')}</button>
        </div>
      </Form>
    </ForumLayout>
  );
}

export function EditPostPage(p: {
  post: { id: number; topicId: number; topicTitle: string; isFirst: boolean; canDelete: boolean };
  values: Values;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.edit.title')}>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          {
            href: topicPath({ id: p.post.topicId, title: p.post.topicTitle }),
            label: <span dir="auto">{p.post.topicTitle}</span>,
          },
        ]}
      />
      <h1>{t('forum.edit.title')}</h1>
      <Form action={`/forum/p/${p.post.id}/edit`}>
        <FormErrorSummary message={p.errors?._form ?? p.notice} />
        {p.post.isFirst ? (
          <Field
            name="title"
            label={t('forum.form.title')}
            value={str(p.values.title)}
            error={p.errors?.title}
            required
            maxLength={200}
          />
        ) : null}
        <Field
          name="body"
          label={t('forum.form.body')}
          multiline
          rows={10}
          value={str(p.values.body)}
          error={p.errors?.body}
          hint={t('forum.edit.historyHint')}
          required
          maxLength={20000}
        />
        <div class="actions">
          <button type="submit">{t('common.save')}</button>
          <a href={`/forum/p/${p.post.id}`}>{t('common.cancel')}</a>
        </div>
      </Form>
      {p.post.canDelete ? (
        <section>
          <h2>{t('forum.delete.title')}</h2>
          <p>{p.post.isFirst ? t('forum.delete.topicWarning') : t('forum.delete.warning')}</p>
          <Form action={`/forum/p/${p.post.id}/delete`}>
            <FormErrorSummary message={p.errors?.confirm} />
            <label class="checkbox">
              <input type="checkbox" name="confirm" value="on" required /> {t('forum.delete.confirm')}
            </label>
            <div class="actions">
              <button type="submit" class="danger">
                {t('common.delete')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </ForumLayout>
  );
}

export function FlagPage(p: {
  post: { id: number; author_name: string | null; body_html: string; topicId: number; topicTitle: string };
  values?: Values;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ForumLayout title={t('forum.flag.title')}>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          {
            href: topicPath({ id: p.post.topicId, title: p.post.topicTitle }),
            label: <span dir="auto">{p.post.topicTitle}</span>,
          },
        ]}
      />
      <h1>{t('forum.flag.title')}</h1>
      <blockquote>
        <p class="meta">
          <Name name={p.post.author_name} />
        </p>
        <Markdown html={p.post.body_html} />
      </blockquote>
      <p>{t('forum.flag.intro')}</p>
      <Form action={`/forum/p/${p.post.id}/flag`}>
        <FormErrorSummary message={p.errors?._form ?? p.notice} />
        <fieldset>
          <legend>{t('forum.flag.reason')}</legend>
          {flagReasons.map((r) => (
            <label class="checkbox">
              <input type="radio" name="reason" value={r} checked={p.values?.reason === r} required />
              {t(`forum.flag.reason.${r}`)}
            </label>
          ))}
          {p.errors?.reason ? <p class="error">{p.errors.reason}</p> : null}
        </fieldset>
        <Field
          name="note"
          label={t('forum.flag.note')}
          multiline
          rows={3}
          value={str(p.values?.note)}
          error={p.errors?.note}
          hint={t('forum.flag.noteHint')}
          maxLength={500}
        />
        <div class="actions">
          <button type="submit">{t('forum.flag.submit')}</button>
        </div>
      </Form>
    </ForumLayout>
  );
}
