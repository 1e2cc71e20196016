// The pages about one post: its edit form (with deletion), its flag form, its edit history.
// Props only; no database.
import { usePage } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { Checkbox, Field, Form, Radios, type FormState } from '../../../core/views/forms.js';
import { Markdown } from '../../publishing/views/components.js';
import { flagReasons } from '../schemas.js';
import { BodyField, Name, PostBreadcrumb, SubmitRow, TitleField, When } from '../components.js';

type PostPlace = { id: number; topicId: number; topicTitle: string };

export function EditPostPage(p: {
  post: PostPlace & { isFirst: boolean; canDelete: boolean };
  values: Record<string, unknown>;
  state: FormState | null;
}) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('forum.edit.title')}>
      <PostBreadcrumb topicId={p.post.topicId} topicTitle={p.post.topicTitle} />
      <h1>{t('forum.edit.title')}</h1>
      <Form action={`/forum/p/${p.post.id}/edit`} state={p.state} values={p.values}>
        {p.post.isFirst ? <TitleField /> : null}
        <BodyField rows={10} hint={t('forum.edit.historyHint')} />
        <SubmitRow label={t('common.save')}>
          <a href={`/forum/p/${p.post.id}`}>{t('common.cancel')}</a>
        </SubmitRow>
      </Form>
      {p.post.canDelete ? (
        <section>
          <h2>{t('forum.delete.title')}</h2>
          <p>{p.post.isFirst ? t('forum.delete.topicWarning') : t('forum.delete.warning')}</p>
          <Form action={`/forum/p/${p.post.id}/delete`} state={p.state}>
            <Checkbox name="confirm" label={t('forum.delete.confirm')} />
            <SubmitRow label={t('common.delete')} class="danger" />
          </Form>
        </section>
      ) : null}
    </Layout>
  );
}

export function FlagPage(p: {
  post: PostPlace & { author_name: string | null; body_html: string };
  state: FormState | null;
  /** "you have flagged this already", before any submission */
  notice?: string | null;
}) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('forum.flag.title')}>
      <PostBreadcrumb topicId={p.post.topicId} topicTitle={p.post.topicTitle} />
      <h1>{t('forum.flag.title')}</h1>
      <blockquote>
        <p class="meta">
          <Name name={p.post.author_name} />
        </p>
        <Markdown html={p.post.body_html} />
      </blockquote>
      <p>{t('forum.flag.intro')}</p>
      <Form action={`/forum/p/${p.post.id}/flag`} state={p.state} errors={p.notice ? { _form: p.notice } : undefined}>
        <Radios
          name="reason"
          legend={t('forum.flag.reason')}
          options={flagReasons.map((r) => ({ value: r, label: t(`forum.flag.reason.${r}`) }))}
        />
        <Field
          name="note"
          label={t('forum.flag.note')}
          multiline
          rows={3}
          hint={t('forum.flag.noteHint')}
          maxLength={500}
        />
        <SubmitRow label={t('forum.flag.submit')} />
      </Form>
    </Layout>
  );
}

export function HistoryPage(p: {
  post: PostPlace & { author_name: string | null };
  current: { html: string; at: string; title: string | null };
  revisions: { html: string; writtenAt: string; title: string | null }[];
}) {
  const { t } = usePage().i18n;
  const version = (heading: string, v: { html: string; at: string; title: string | null }) => (
    <article class="card">
      <h2>{heading}</h2>
      <p class="meta">
        <When value={v.at} />
      </p>
      {v.title !== null ? <h3 dir="auto">{v.title}</h3> : null}
      <Markdown html={v.html} />
    </article>
  );
  return (
    <Layout title={t('forum.history.title')}>
      <PostBreadcrumb topicId={p.post.topicId} topicTitle={p.post.topicTitle} />
      <h1>{t('forum.history.title')}</h1>
      <p>
        {t('forum.history.intro')} <Name name={p.post.author_name} />
      </p>
      {version(t('forum.history.current'), p.current)}
      {p.revisions.map((r, i) =>
        version(t('forum.history.version', { n: p.revisions.length - i }), { ...r, at: r.writtenAt }),
      )}
      <p>
        <a href={`/forum/p/${p.post.id}`}>{t('forum.history.back')}</a>
      </p>
    </Layout>
  );
}
