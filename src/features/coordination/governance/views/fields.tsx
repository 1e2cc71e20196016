// The fields of a body, a seat and a term: one set for adding (on /governance) and correcting
// (the edit pages). Arabic is required, English optional (pages fall back to the Arabic).
import { usePage } from '../../../../core/views/context.js';
import { Checkbox, Field, Select } from '../../../../core/views/forms.js';
import { choices, idOptions, useLocalized } from '../../components.js';

export function BodyFields() {
  const { t } = usePage().i18n;
  return (
    <>
      <Select
        name="kind"
        label={t('coordination.governance.kind')}
        options={choices(['board', 'committee'] as const, (k) => t(`coordination.governance.kind.${k}`))}
      />
      <Field name="name_ar" label={t('coordination.field.nameAr')} required />
      <Field name="name_en" label={t('coordination.field.nameEn')} />
      <Field name="description_ar" label={t('coordination.field.descriptionAr')} multiline rows={3} />
      <Field name="description_en" label={t('coordination.field.descriptionEn')} multiline rows={3} />
    </>
  );
}

export function SeatFields() {
  const { t } = usePage().i18n;
  return (
    <>
      <Field name="title_ar" label={t('coordination.governance.seatAr')} required />
      <Field name="title_en" label={t('coordination.governance.seatEn')} />
      <Checkbox name="is_chair" label={t('coordination.governance.chair')} />
    </>
  );
}

export function TermFields(p: { orgs: { id: number; name_ar: string; name_en: string }[] }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  return (
    <>
      <Field name="holder_name" label={t('coordination.governance.holderName')} required />
      <Select
        name="holder_org_id"
        label={t('coordination.governance.holderOrg')}
        includeEmpty="—"
        options={idOptions(p.orgs, (o) => name(o))}
      />
      <Field name="starts_on" type="date" label={t('coordination.governance.startsOn')} required />
      <Field name="ends_on" type="date" label={t('coordination.governance.endsOn')} required />
    </>
  );
}
