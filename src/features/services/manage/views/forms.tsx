// The forms an organization's staff fill in: a service (what, for whom, cost, languages, documents,
// contact, places and area) and a place (a town's P-code and a landmark instead of a street).
import { localized } from '../../../../core/i18n/localized.js';
import { usePage } from '../../../../core/views/context.js';
import {
  Checkboxes,
  Field,
  Form,
  FormErrorSummary,
  Radios,
  Select,
  type FormState,
} from '../../../../core/views/forms.js';
import { TitledLayout } from '../../../../core/views/Layout.js';
import { SERVICE_STATUSES } from '../../hsds/spec.js';
import { categoryLabel, groupLabel } from '../../queries.js';
import { CURRENCIES, SPOKEN_LANGUAGES } from '../../schemas.js';
import { ownState } from '../../directory/views/components.js';
import { CATEGORIES, GROUPS } from '../../taxonomy.js';
import type { ManageLocation } from '../queries.js';
import { statusName } from './manage.js';

type FormPage = {
  /** where the form posts (with ?org= for a new record) */
  action: string;
  isNew: boolean;
  /** the saved record, or a new one's defaults */
  values: Record<string, unknown>;
  /** a refused submission */
  state?: FormState | null;
};

export function ServiceFormPage(p: FormPage & { locations: ManageLocation[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const errors = p.state?.errors ?? {};
  const title = p.isNew ? t('services.form.newTitle') : t('services.form.editTitle');
  const multiline = (name: string, label: string, rows: number, hint?: string) => (
    <Field name={name} label={label} hint={hint} multiline rows={rows} />
  );
  return (
    <TitledLayout title={title}>
      <FormErrorSummary message={errors._form ?? (Object.keys(errors).length ? t('services.form.fixErrors') : null)} />
      <Form action={p.action} state={ownState(p.action, p.state)} values={p.values} summary={false}>
        <Field name="name_ar" label={t('services.form.nameAr')} required />
        <Field name="name_en" label={t('services.form.nameEn')} required />
        <Select
          name="status"
          label={t('services.manage.status')}
          options={SERVICE_STATUSES.map((st) => ({ value: st, label: statusName(t, st) }))}
        />
        {multiline('description_ar', t('services.form.descriptionAr'), 4)}
        {multiline('description_en', t('services.form.descriptionEn'), 4)}
        <Checkboxes
          name="categories"
          legend={t('services.search.category')}
          options={CATEGORIES.map((c) => ({ value: c.code, label: categoryLabel(c.code, L) }))}
        />
        <Checkboxes
          name="groups"
          legend={t('services.detail.groups')}
          options={GROUPS.map((g) => ({ value: g.code, label: groupLabel(g.code, L) }))}
        />
        {multiline('eligibility_ar', t('services.form.eligibilityAr'), 2)}
        {multiline('eligibility_en', t('services.form.eligibilityEn'), 2)}
        {multiline('application_ar', t('services.form.applicationAr'), 2)}
        {multiline('application_en', t('services.form.applicationEn'), 2)}
        <Radios
          name="cost"
          legend={t('services.detail.cost')}
          options={[
            { value: 'free', label: t('services.free') },
            { value: 'fee', label: t('services.form.fee') },
          ]}
        />
        <Field name="fee_amount" type="number" label={t('services.form.feeAmount')} />
        <Select
          name="fee_currency"
          label={t('services.form.currency')}
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
        />
        <Field name="fees_ar" label={t('services.form.feesAr')} />
        <Field name="fees_en" label={t('services.form.feesEn')} />
        <Checkboxes
          name="languages"
          legend={t('services.detail.languages')}
          options={SPOKEN_LANGUAGES.map((l) => ({ value: l, label: t(`services.language.${l}`) }))}
        />
        {multiline('documents_ar', t('services.form.documentsAr'), 3, t('services.form.oneALine'))}
        {multiline('documents_en', t('services.form.documentsEn'), 3)}
        <Field name="phone" type="tel" label={t('services.form.phone')} />
        <Field name="email" type="email" label={t('services.form.email')} />
        <Field name="url" type="url" label={t('services.form.url')} />
        <Field name="min_age" type="number" label={t('services.form.minAge')} />
        <Field name="max_age" type="number" label={t('services.form.maxAge')} />
        <Checkboxes
          name="locations"
          legend={t('services.form.places')}
          options={p.locations.map((l) => ({
            value: l.id,
            label: `${localized(l, 'name', L)} — ${localized(l, 'town', L)}`,
          }))}
        />
        <Field name="area" label={t('services.form.area')} hint={t('services.form.areaHint')} />
        <Field name="alert_ar" label={t('services.form.alertAr')} />
        <Field name="alert_en" label={t('services.form.alertEn')} />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </TitledLayout>
  );
}

export function LocationFormPage(p: FormPage) {
  const { t } = usePage().i18n;
  const title = p.isNew ? t('services.manage.newLocation') : t('services.location.editTitle');
  return (
    <TitledLayout title={title}>
      <Form action={p.action} state={ownState(p.action, p.state)} values={p.values}>
        <Field name="name_ar" label={t('services.form.nameAr')} required />
        <Field name="name_en" label={t('services.form.nameEn')} required />
        <Field name="town" label={t('services.location.town')} hint={t('services.location.townHint')} required />
        <Field name="landmark_ar" label={t('services.location.landmarkAr')} multiline rows={2} />
        <Field name="landmark_en" label={t('services.location.landmarkEn')} multiline rows={2} />
        <Field name="latitude" label={t('services.location.latitude')} inputmode="decimal" />
        <Field name="longitude" label={t('services.location.longitude')} inputmode="decimal" />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </TitledLayout>
  );
}
