// The item form (new and edit): one form for every kind, showing the fields the kind has.
import { localized } from '../../../../core/i18n/localized.js';
import { TitledLayout } from '../../../../core/views/Layout.js';
import { usePage } from '../../../../core/views/context.js';
import {
  Checkbox,
  Checkboxes,
  Field,
  FileField,
  Form,
  FormErrorSummary,
  Select,
  Submit,
  type FormState,
} from '../../../../core/views/forms.js';
import { COLLECTIONS, RESOURCE_TYPES, TOPICS, type OrgRef } from '../../queries.js';
import type { ItemKind } from '../../tables.js';
import { kindLabel, languageOptions } from '../../views/components.js';

export function EditPage(p: {
  kind: ItemKind;
  /** where the form posts (may carry ?kind=) */
  action: string;
  /** the posted path, which names the form's state */
  formId: string;
  isNew: boolean;
  values: Record<string, unknown>;
  state: FormState | null;
  orgOptions: OrgRef[];
  allowNetwork: boolean;
  issues: { id: number; title: string }[];
  hasCover: boolean;
  hasFile: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const errors = p.state?.errors ?? {};
  const title = p.isNew ? t('publishing.ws.newOf', { kind: kindLabel(t, p.kind) }) : t('publishing.ws.editTitle');
  const none = t('publishing.form.none');
  return (
    <TitledLayout title={title}>
      <FormErrorSummary
        message={errors._form ?? (Object.keys(errors).length ? t('publishing.form.fixErrors') : null)}
      />
      <Form
        action={p.action}
        id={p.formId}
        multipart
        summary={false}
        state={p.state}
        values={{ lang: 'ar', resource_type: 'guide', ...p.values }}
      >
        <Select
          name="organization_id"
          label={t('publishing.ws.organization')}
          includeEmpty={p.allowNetwork ? t('publishing.byNetwork') : undefined}
          options={p.orgOptions.map((o) => ({ value: String(o.id), label: localized(o, 'name', i18n.locale) }))}
        />
        <Select name="lang" label={t('publishing.filter.language')} options={languageOptions(t)} />
        <Field name="title" label={t('publishing.form.title')} required maxLength={200} />
        <Field
          name="summary"
          label={t('publishing.form.summary')}
          hint={t('publishing.form.summaryHint')}
          multiline
          rows={3}
          maxLength={600}
        />
        <Field name="body" label={t('publishing.form.body')} hint={t('publishing.form.bodyHint')} multiline rows={16} />
        {p.kind !== 'page' ? (
          <>
            <Field name="byline" label={t('publishing.form.byline')} hint={t('publishing.form.bylineHint')} />
            {p.kind === 'opinion' ? <Checkbox name="byline_pseudonym" label={t('publishing.form.pseudonym')} /> : null}
            <Field name="towns" label={t('publishing.form.towns')} hint={t('publishing.form.townsHint')} />
            <Checkboxes
              name="topics"
              legend={t('publishing.topics')}
              options={TOPICS.map((tp) => ({ value: tp, label: t(`publishing.topic.${tp}` as never) }))}
            />
          </>
        ) : (
          <Field
            name="page_key"
            label={t('publishing.form.pageKey')}
            hint={t('publishing.form.pageKeyHint')}
            required
          />
        )}
        {p.kind === 'activity' ? (
          <Field name="activity_date" type="date" label={t('publishing.form.activityDate')} />
        ) : null}
        {p.kind !== 'local_issue' && p.kind !== 'page' && p.issues.length ? (
          <Select
            name="local_issue_id"
            label={t('publishing.form.localIssue')}
            includeEmpty={none}
            options={p.issues.map((i) => ({ value: String(i.id), label: i.title }))}
          />
        ) : null}
        {p.kind === 'resource' ? (
          <>
            <Select
              name="resource_type"
              label={t('publishing.filter.type')}
              options={RESOURCE_TYPES.map((r) => ({ value: r, label: t(`publishing.resourceType.${r}` as never) }))}
            />
            <Select
              name="collection"
              label={t('publishing.filter.collection')}
              includeEmpty={none}
              options={COLLECTIONS.map((c) => ({ value: c, label: t(`publishing.collection.${c}` as never) }))}
            />
            <FileField
              name="file"
              label={t('publishing.form.file')}
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp"
              hint={p.hasFile ? t('publishing.form.fileKept') : t('publishing.form.fileHint')}
            />
            <Field name="file_pages" type="number" label={t('publishing.form.filePages')} />
            <Field name="external_url" type="url" label={t('publishing.form.externalUrl')} />
          </>
        ) : null}
        {p.kind !== 'page' ? (
          <>
            <FileField
              name="cover"
              label={t('publishing.form.cover')}
              accept="image/jpeg,image/png,image/webp"
              hint={p.hasCover ? t('publishing.form.coverKept') : t('publishing.form.coverHint')}
            />
            <Field name="cover_alt" label={t('publishing.form.coverAlt')} />
          </>
        ) : null}
        <Field
          name="translation_of"
          type="number"
          label={t('publishing.form.translationOf')}
          hint={t('publishing.form.translationHint')}
        />
        <Submit label={t('common.save')} />
      </Form>
    </TitledLayout>
  );
}
