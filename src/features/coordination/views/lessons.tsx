import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { UserText } from '../../../core/views/components.js';
import type { Lesson } from '../lessons.js';
import { CoordNav, Empty, Paragraphs, When, nameOf } from './common.js';

export function LessonsPage(p: { lessons: Lesson[]; canCreate: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('coordination.lesson.listTitle')}>
      <CoordNav current="/lessons" />
      <h1>{t('coordination.lesson.listTitle')}</h1>
      <p class="meta">{t('coordination.lesson.intro')}</p>
      {p.canCreate ? (
        <p>
          <a class="button" href="/lessons/new">
            {t('coordination.lesson.new')}
          </a>
        </p>
      ) : null}
      {p.lessons.length ? (
        <ul class="card-list">
          {p.lessons.map((l) => (
            <li class="card">
              <h2>
                <a href={`/lessons/${l.id}`}>
                  <UserText text={l.title} />
                </a>
              </h2>
              <p class="meta">
                <bdi>{nameOf(l.org_name_ar, l.org_name_en, i18n.locale)}</bdi> ·{' '}
                <span class="badge">{t(`coordination.lesson.subject.${l.subject}`)}</span>
                <span class="badge">{t(`coordination.lesson.sharing.${l.sharing}`)}</span>
                {l.published_id ? <span class="badge">{t('coordination.lesson.submitted')}</span> : null}
                <When at={l.updated_at} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('coordination.lesson.none')} />
      )}
    </Layout>
  );
}

export function LessonFormPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  errors?: FieldErrors;
  meetings: { id: number; title: string; starts_at: string }[];
  visits: { id: number; visit_on: string; council_name_ar: string; council_name_en: string }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const v = p.values;
  const e = p.errors ?? {};
  return (
    <Layout title={p.isNew ? t('coordination.lesson.new') : t('common.edit')}>
      <CoordNav current="/lessons" />
      <h1>{p.isNew ? t('coordination.lesson.new') : t('common.edit')}</h1>
      <FormErrorSummary message={e._form} />
      <Form action={p.action}>
        <Select
          name="subject"
          label={t('coordination.lesson.subjectLabel')}
          value={String(v.subject ?? 'meeting')}
          error={e.subject}
          options={(['meeting', 'visit', 'project', 'other'] as const).map((s) => ({
            value: s,
            label: t(`coordination.lesson.subject.${s}`),
          }))}
        />
        <Select
          name="meeting_id"
          label={t('coordination.lesson.meeting')}
          value={String(v.meeting_id ?? '')}
          includeEmpty="—"
          error={e.meeting_id}
          options={p.meetings.map((m) => ({ value: String(m.id), label: `${m.title} (${i18n.date(m.starts_at)})` }))}
        />
        <Select
          name="visit_id"
          label={t('coordination.lesson.visit')}
          value={String(v.visit_id ?? '')}
          includeEmpty="—"
          error={e.visit_id}
          options={p.visits.map((vi) => ({
            value: String(vi.id),
            label: `${nameOf(vi.council_name_ar, vi.council_name_en, i18n.locale)} (${i18n.date(`${vi.visit_on}T09:00:00Z`)})`,
          }))}
        />
        <Field
          name="project_label"
          label={t('coordination.lesson.project')}
          value={String(v.project_label ?? '')}
          error={e.project_label}
        />
        <Field
          name="title"
          label={t('coordination.field.title')}
          value={String(v.title ?? '')}
          error={e.title}
          required
        />
        <Field
          name="what_happened"
          label={t('coordination.lesson.whatHappened')}
          value={String(v.what_happened ?? '')}
          error={e.what_happened}
          multiline
          rows={5}
        />
        <Field
          name="what_worked"
          label={t('coordination.lesson.whatWorked')}
          value={String(v.what_worked ?? '')}
          error={e.what_worked}
          multiline
          rows={5}
        />
        <Field
          name="what_to_change"
          label={t('coordination.lesson.whatToChange')}
          value={String(v.what_to_change ?? '')}
          error={e.what_to_change}
          multiline
          rows={5}
        />
        <Select
          name="lang"
          label={t('coordination.lesson.lang')}
          value={String(v.lang ?? i18n.locale)}
          options={[
            { value: 'ar', label: 'العربية' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Select
          name="sharing"
          label={t('coordination.lesson.sharingLabel')}
          value={String(v.sharing ?? 'private')}
          error={e.sharing}
          options={(['private', 'network'] as const).map((s) => ({
            value: s,
            label: t(`coordination.lesson.sharing.${s}`),
          }))}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function LessonPage(p: { l: Lesson; canEdit: boolean; canPublish: boolean; errors?: FieldErrors }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const l = p.l;
  return (
    <Layout title={l.title}>
      <CoordNav current="/lessons" />
      <p class="meta">
        <bdi>{nameOf(l.org_name_ar, l.org_name_en, i18n.locale)}</bdi> ·{' '}
        <span class="badge">{t(`coordination.lesson.subject.${l.subject}`)}</span>
        <span class="badge">{t(`coordination.lesson.sharing.${l.sharing}`)}</span>
      </p>
      <h1 lang={l.lang} dir="auto">
        {l.title}
      </h1>
      {l.meeting_id && l.meeting_title ? (
        <p>
          {t('coordination.lesson.meeting')}: <a href={`/meetings/${l.meeting_id}`}>{l.meeting_title}</a>
        </p>
      ) : null}
      {l.project_label ? (
        <p>
          {t('coordination.lesson.project')}: <UserText text={l.project_label} />
        </p>
      ) : null}
      <div lang={l.lang}>
        {l.what_happened ? (
          <section>
            <h2>{t('coordination.lesson.whatHappened')}</h2>
            <Paragraphs text={l.what_happened} />
          </section>
        ) : null}
        {l.what_worked ? (
          <section>
            <h2>{t('coordination.lesson.whatWorked')}</h2>
            <Paragraphs text={l.what_worked} />
          </section>
        ) : null}
        {l.what_to_change ? (
          <section>
            <h2>{t('coordination.lesson.whatToChange')}</h2>
            <Paragraphs text={l.what_to_change} />
          </section>
        ) : null}
      </div>
      {l.published_url ? (
        <p class="flash">
          {t('coordination.lesson.submittedExplain')} <a href={l.published_url}>{l.published_url}</a>
        </p>
      ) : null}
      {p.canEdit ? (
        <p class="actions no-print">
          <a class="button secondary" href={`/lessons/${l.id}/edit`}>
            {t('common.edit')}
          </a>
        </p>
      ) : null}
      {p.canPublish ? (
        <section>
          <h2>{t('coordination.lesson.publish')}</h2>
          <p class="hint">{t('coordination.lesson.publishHint')}</p>
          <FormErrorSummary message={p.errors?._form} />
          <Form action={`/lessons/${l.id}/publish`}>
            <button type="submit">{t('coordination.lesson.publishSubmit')}</button>
          </Form>
        </section>
      ) : null}
      {p.canEdit && !l.published_id ? (
        <Form action={`/lessons/${l.id}/delete`} class="inline-form">
          <button type="submit" class="danger">
            {t('common.delete')}
          </button>
        </Form>
      ) : null}
      <p>
        <a href="/lessons">{t('coordination.lesson.back')}</a>
      </p>
    </Layout>
  );
}
