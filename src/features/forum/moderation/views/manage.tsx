// Moderators' pages about topics and categories: a topic's management (lock, pin, hide, move,
// merge, split) and a category's settings.
import { usePage } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { Checkboxes, Field, Form, Select, type FormState } from '../../../../core/views/forms.js';
import { localized } from '../../../../core/i18n/localized.js';
import { Breadcrumb, SubmitRow, TitleField, topicPath } from '../../components.js';
import { ReasonField } from './review.js';

/** Text isolated from what surrounds it, as <bdi> does, where only plain text may go (a checkbox label). */
const isolate = (s: string) => `\u2068${s}\u2069`;

export function TopicManagePage(p: {
  topic: { id: number; title: string; status: string; locked: boolean; pinned: boolean; categoryId: number };
  categories: { id: number; name_ar: string; name_en: string }[];
  posts: { id: number; author_name: string | null; excerpt: string; isFirst: boolean }[];
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const catOptions = p.categories.map((c) => ({ value: String(c.id), label: localized(c, 'name', i18n.locale) }));
  const inCategory = { category_id: String(p.topic.categoryId) };
  const toggles: string[] = [
    p.topic.locked ? 'unlock' : 'lock',
    p.topic.pinned ? 'unpin' : 'pin',
    p.topic.status === 'hidden' ? 'restore' : 'hide',
  ];
  const base = `/forum/t/${p.topic.id}`;
  return (
    <Layout title={t('forum.manage.title')}>
      <Breadcrumb
        items={[
          { href: '/forum', label: t('forum.title') },
          { href: topicPath(p.topic), label: <span dir="auto">{p.topic.title}</span> },
        ]}
      />
      <h1>{t('forum.manage.title')}</h1>
      <p dir="auto">{p.topic.title}</p>

      <h2>{t('forum.manage.state')}</h2>
      <Form action={`${base}/moderate`} state={p.state}>
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
      <Form action={`${base}/move`} state={p.state} values={inCategory} idPrefix="move">
        <Select name="category_id" label={t('forum.manage.toCategory')} options={catOptions} />
        <ReasonField id="reason-move" />
        <SubmitRow label={t('forum.manage.moveSubmit')} />
      </Form>

      <h2>{t('forum.manage.merge')}</h2>
      <Form action={`${base}/merge`} state={p.state}>
        <Field
          name="into_topic_id"
          label={t('forum.manage.intoTopic')}
          type="number"
          hint={t('forum.manage.intoTopicHint')}
          required
        />
        <ReasonField id="reason-merge" />
        <SubmitRow label={t('forum.manage.mergeSubmit')} />
      </Form>

      <h2>{t('forum.manage.split')}</h2>
      <Form action={`${base}/split`} state={p.state} values={inCategory} idPrefix="split">
        <Checkboxes
          name="post_ids"
          legend={t('forum.manage.splitPosts')}
          options={p.posts
            .filter((x) => !x.isFirst)
            .map((x) => ({
              value: String(x.id),
              label: `${isolate(x.author_name ?? t('forum.deletedMember'))}: ${isolate(x.excerpt)}`,
            }))}
        />
        <TitleField />
        <Select name="category_id" label={t('forum.manage.toCategory')} options={catOptions} />
        <ReasonField id="reason-split" />
        <SubmitRow label={t('forum.manage.splitSubmit')} />
      </Form>
    </Layout>
  );
}

export function CategoryEditPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  state: FormState | null;
}) {
  const { t } = usePage().i18n;
  const title = p.isNew ? t('forum.categories.new') : t('forum.categories.edit');
  const choices = <K extends string>(keys: readonly K[], label: (k: K) => string) =>
    keys.map((k) => ({ value: k, label: label(k) }));
  return (
    <Layout title={title}>
      <Breadcrumb items={[{ href: '/forum', label: t('forum.title') }]} />
      <h1>{title}</h1>
      <Form
        action={p.action}
        state={p.state}
        values={{ visibility: 'public', topic_creators: 'members', approval: 'none', position: 0, ...p.values }}
      >
        <Field name="name_ar" label={t('forum.categories.nameAr')} required maxLength={80} />
        <Field
          name="name_en"
          label={t('forum.categories.nameEn')}
          hint={t('forum.categories.nameEnHint')}
          maxLength={80}
        />
        <Field name="description_ar" label={t('forum.categories.descriptionAr')} multiline rows={3} maxLength={500} />
        <Field name="description_en" label={t('forum.categories.descriptionEn')} multiline rows={3} maxLength={500} />
        <Select
          name="visibility"
          label={t('forum.categories.visibility')}
          options={choices(['public', 'members', 'staff'] as const, (x) => t(`forum.visibility.${x}`))}
        />
        <Select
          name="topic_creators"
          label={t('forum.categories.topicCreators')}
          options={choices(['members', 'staff', 'moderators'] as const, (x) => t(`forum.categories.creators.${x}`))}
        />
        <Select
          name="approval"
          label={t('forum.categories.approval')}
          options={choices(['none', 'new'] as const, (x) => t(`forum.categories.approval.${x}`))}
        />
        <Field name="position" label={t('forum.categories.position')} type="number" />
        <SubmitRow label={t('common.save')} />
      </Form>
    </Layout>
  );
}
