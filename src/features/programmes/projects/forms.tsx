// The project form (Arabic name required, English optional; towns by name), and the target forms:
// adding one on the internal page, correcting or deleting one on its own page.
import { localized } from '../../../core/i18n/localized.js';
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Checkbox, Checkboxes, Field, Form, Select, type FormState } from '../../../core/views/forms.js';
import { targetMetrics } from '../rules.js';
import type { ProgrammeTargetsTable } from '../tables.js';
import { DangerZone } from '../common/danger.js';
import { label, named, type Named } from '../common/views.js';
import type { Selectable } from 'kysely';

/** The fields of a target, added or corrected. */
function TargetFields() {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <>
      <Select
        name="metric"
        label={t('programmes.targets.metric')}
        options={targetMetrics.map((m) => ({ value: m, label: label.metric(i18n, m) }))}
      />
      <Field name="label_ar" label={t('programmes.form.labelAr')} required />
      <Field name="label_en" label={t('programmes.form.labelEn')} hint={t('programmes.form.englishOptional')} />
      <Field name="target" inputmode="numeric" label={t('programmes.targets.target')} required />
      <Field
        name="manual_value"
        inputmode="numeric"
        label={t('programmes.targets.manualValue')}
        hint={t('programmes.targets.manualHint')}
      />
    </>
  );
}

export function TargetForm(p: { projectId: number; state: FormState | null }) {
  const { t } = usePage().i18n;
  const action = `/projects/${p.projectId}/targets`;
  return (
    <details open={p.state?.id === action}>
      <summary>{t('programmes.targets.add')}</summary>
      <Form action={action} state={p.state} values={{ metric: 'trained' }}>
        <TargetFields />
        <button type="submit">{t('common.add')}</button>
      </Form>
    </details>
  );
}

export function TargetFormPage(p: {
  project: Named & { id: number };
  target: Selectable<ProgrammeTargetsTable>;
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const base = `/projects/${p.project.id}/targets/${p.target.id}`;
  return (
    <Layout title={t('programmes.targets.edit')}>
      <p class="meta">
        <a href={`/projects/${p.project.id}/internal#targets`}>{named(locale, p.project)}</a>
      </p>
      <h1>{t('programmes.targets.edit')}</h1>
      <Form action={`${base}/edit`} state={p.state} values={p.target}>
        <TargetFields />
        <button type="submit">{t('common.save')}</button>
      </Form>
      <DangerZone action={`${base}/delete`} what={localized(p.target, 'label', locale)} state={p.state} />
    </Layout>
  );
}

export function ProjectFormPage(p: {
  action: string;
  isNew: boolean;
  values: Record<string, unknown>;
  state: FormState | null;
  orgs: (Named & { id: number })[];
  /** network admins may delete a project while nothing was recorded in it */
  removal?: { action: string; blocked: string | null } | null;
}) {
  const { i18n } = usePage();
  const { t, locale } = i18n;
  const title = p.isNew ? t('programmes.project.new') : t('programmes.project.edit');
  const orgChoices = p.orgs.map((o) => ({ value: String(o.id), label: named(locale, o) }));
  const optional = t('programmes.form.englishOptional');
  return (
    <TitledLayout title={title}>
      <Form action={p.action} state={p.state} values={p.values}>
        <Field name="name_ar" label={t('programmes.form.nameAr')} required />
        <Field name="name_en" label={t('programmes.form.nameEn')} hint={optional} />
        <Field name="supporter_ar" label={t('programmes.form.supporterAr')} />
        <Field name="supporter_en" label={t('programmes.form.supporterEn')} hint={optional} />
        <Field name="start_date" type="date" label={t('programmes.form.startDate')} required />
        <Field name="end_date" type="date" label={t('programmes.form.endDate')} />
        <Select name="coordinator_org_id" label={t('programmes.project.coordinator')} options={orgChoices} />
        <Checkboxes name="members" legend={t('programmes.project.members')} options={orgChoices} />
        <Field
          name="towns"
          label={t('programmes.project.towns')}
          hint={t('programmes.form.townsHint')}
          multiline
          rows={3}
        />
        <Field name="summary_ar" label={t('programmes.form.summaryAr')} multiline rows={3} />
        <Field name="summary_en" label={t('programmes.form.summaryEn')} hint={optional} multiline rows={3} />
        <Field name="goals_ar" label={t('programmes.form.goalsAr')} multiline />
        <Field name="goals_en" label={t('programmes.form.goalsEn')} hint={optional} multiline />
        <Checkbox name="is_public" label={t('programmes.form.isPublic')} />
        <button type="submit">{t('common.save')}</button>
      </Form>
      {p.removal ? (
        <DangerZone
          title={t('programmes.project.deleteTitle')}
          action={p.removal.action}
          what={String(p.values.name_ar ?? '')}
          explain={t('programmes.project.deleteExplain')}
          blocked={p.removal.blocked}
          state={p.state}
        />
      ) : null}
    </TitledLayout>
  );
}
