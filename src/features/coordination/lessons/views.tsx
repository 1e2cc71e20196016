// Lessons learned: the list, the form, one lesson (with publishing to the library).
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DeleteButton, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { StatusBadge, UserText } from '../../../core/views/components.js';
import { dayAsDate } from '../../../core/time.js';
import type { Lesson } from './queries.js';
import {
  Cards,
  CoordNav,
  CoordPage,
  MeetingSelect,
  Paragraphs,
  Titled,
  When,
  choices,
  idOptions,
  useLocalized,
} from '../components.js';

/** Organization · subject · sharing. */
function LessonMeta(props: { l: Lesson }) {
  const { t } = usePage().i18n;
  const l = props.l;
  return (
    <>
      <bdi>{useLocalized()(l, 'org_name')}</bdi> · <StatusBadge label={t(`coordination.lesson.subject.${l.subject}`)} />
      <StatusBadge label={t(`coordination.lesson.sharing.${l.sharing}`)} />
    </>
  );
}

export function LessonsPage(p: { lessons: Lesson[]; canCreate: boolean }) {
  const { t } = usePage().i18n;
  return (
    <CoordPage title={t('coordination.lesson.listTitle')} nav="/lessons">
      <p class="meta">{t('coordination.lesson.intro')}</p>
      {p.canCreate ? (
        <p>
          <a class="button" href="/lessons/new">
            {t('coordination.lesson.new')}
          </a>
        </p>
      ) : null}
      <Cards
        items={p.lessons}
        empty={t('coordination.lesson.none')}
        heading="h2"
        href={(l) => `/lessons/${l.id}`}
        title={(l) => l.title}
        meta={(l) => (
          <>
            <LessonMeta l={l} />
            {l.published_id ? <StatusBadge label={t('coordination.lesson.submitted')} /> : null}
            <When at={l.updated_at} />
          </>
        )}
      />
    </CoordPage>
  );
}

export function LessonFormPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  state?: FormState | null;
  meetings: { id: number; title: string; starts_at: string }[];
  visits: { id: number; visit_on: string; council_name_ar: string; council_name_en: string }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized();
  const title = p.isNew ? t('coordination.lesson.new') : t('common.edit');
  const defaults = { subject: 'meeting', lang: i18n.locale, sharing: 'private' };
  return (
    <CoordPage title={title} nav="/lessons">
      <Form action={p.action} state={p.state} values={{ ...defaults, ...p.values }}>
        <Select
          name="subject"
          label={t('coordination.lesson.subjectLabel')}
          options={choices(['meeting', 'visit', 'project', 'other'] as const, (s) =>
            t(`coordination.lesson.subject.${s}`),
          )}
        />
        <MeetingSelect label={t('coordination.lesson.meeting')} meetings={p.meetings} />
        <Select
          name="visit_id"
          label={t('coordination.lesson.visit')}
          includeEmpty="—"
          options={idOptions(p.visits, (vi) => `${name(vi, 'council_name')} (${i18n.date(dayAsDate(vi.visit_on))})`)}
        />
        <Field name="project_label" label={t('coordination.lesson.project')} />
        <Field name="title" label={t('coordination.field.title')} required />
        <Field name="what_happened" label={t('coordination.lesson.whatHappened')} multiline rows={5} />
        <Field name="what_worked" label={t('coordination.lesson.whatWorked')} multiline rows={5} />
        <Field name="what_to_change" label={t('coordination.lesson.whatToChange')} multiline rows={5} />
        <Select
          name="lang"
          label={t('coordination.lesson.lang')}
          options={[
            { value: 'ar', label: 'العربية' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Select
          name="sharing"
          label={t('coordination.lesson.sharingLabel')}
          options={choices(['private', 'network'] as const, (s) => t(`coordination.lesson.sharing.${s}`))}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </CoordPage>
  );
}

export function LessonPage(p: { l: Lesson; canEdit: boolean; canPublish: boolean; state?: FormState | null }) {
  const { t } = usePage().i18n;
  const l = p.l;
  const parts = [
    ['coordination.lesson.whatHappened', l.what_happened],
    ['coordination.lesson.whatWorked', l.what_worked],
    ['coordination.lesson.whatToChange', l.what_to_change],
  ] as const;
  return (
    <Layout title={l.title}>
      <CoordNav current="/lessons" />
      <p class="meta">
        <LessonMeta l={l} />
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
        {parts.map(([key, text]) =>
          text ? (
            <Titled title={t(key)}>
              <Paragraphs text={text} />
            </Titled>
          ) : null,
        )}
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
        <Titled title={t('coordination.lesson.publish')}>
          <p class="hint">{t('coordination.lesson.publishHint')}</p>
          <Form action={`/lessons/${l.id}/publish`} state={p.state}>
            <button type="submit">{t('coordination.lesson.publishSubmit')}</button>
          </Form>
        </Titled>
      ) : null}
      {p.canEdit && !l.published_id ? <DeleteButton action={`/lessons/${l.id}/delete`} what={l.title} /> : null}
      <p>
        <a href="/lessons">{t('coordination.lesson.back')}</a>
      </p>
    </Layout>
  );
}
