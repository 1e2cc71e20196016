// A service's opening hours, for its organization's staff: the week as the public sees it, each
// entry with a delete button, per place when a place has its own; then a form to add an entry
// (a weekly rule, seasonal hours such as Ramadan's, or a closure).
import { localized } from '../../../../core/i18n/localized.js';
import { Ltr } from '../../../../core/views/components.js';
import { usePage } from '../../../../core/views/context.js';
import { ButtonForm, Checkboxes, Field, Form, Select, type FormState } from '../../../../core/views/forms.js';
import { Layout } from '../../../../core/views/Layout.js';
import { HoursTable, dayName, ownState } from '../../directory/views/components.js';
import { WEEK } from '../../opening-hours.js';
import type { ScheduleRow } from '../../queries.js';
import type { ServiceHours } from '../queries.js';

const KINDS = ['weekly', 'seasonal', 'closure'] as const;

export function HoursPage(p: ServiceHours & { state?: FormState | null; now: Date }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const action = `/services/${p.service.id}/hours`;
  const describe = (x: ScheduleRow) =>
    x.closed
      ? `${t('services.hours.closure')}: ${x.valid_from ?? ''}${x.valid_to ? ` – ${x.valid_to}` : ''}`
      : `${(x.byday ?? '')
          .split(',')
          .filter(Boolean)
          .map((d) => dayName(t, d))
          .join(
            '، ',
          )} ${x.opens_at?.slice(0, 5) ?? ''}–${x.closes_at?.slice(0, 5) ?? ''}${x.valid_from ? ` (${x.valid_from} – ${x.valid_to ?? ''})` : ''}`;
  return (
    <Layout title={t('services.manage.hours')}>
      <h1>
        {t('services.manage.hours')} — <a href={p.service.href}>{localized(p.service, 'name', L)}</a>
      </h1>
      {p.groups.map((g) => (
        <section>
          <h2>{g.place ? localized(g.place, 'name', L) : t('services.hours.allPlaces')}</h2>
          <HoursTable schedules={g.schedules} now={p.now} />
          <ul>
            {g.schedules.map((x) => (
              <li>
                <Ltr>{describe(x)}</Ltr>{' '}
                {localized(x, 'description', L) ? <bdi>— {localized(x, 'description', L)}</bdi> : null}
                <ButtonForm
                  action={`/services/${p.service.id}/hours/delete`}
                  class="link-button"
                  label={t('common.delete')}
                  hidden={{ id: x.id }}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t('services.hours.add')}</h2>
      <Form action={action} state={ownState(action, p.state)} values={{ kind: 'weekly' }}>
        <Select
          name="kind"
          label={t('services.hours.kind')}
          options={KINDS.map((k) => ({ value: k, label: t(`services.hours.kinds.${k}`) }))}
        />
        <Checkboxes
          name="days"
          legend={t('services.hours.days')}
          options={WEEK.map((d) => ({ value: d, label: dayName(t, d) }))}
        />
        <Field name="opens" type="time" label={t('services.hours.opens')} />
        <Field name="closes" type="time" label={t('services.hours.closes')} />
        <Field name="valid_from" type="date" label={t('services.hours.validFrom')} />
        <Field name="valid_to" type="date" label={t('services.hours.validTo')} />
        <Field name="label_ar" label={t('services.hours.labelAr')} hint={t('services.hours.labelHint')} />
        <Field name="label_en" label={t('services.hours.labelEn')} />
        {p.places.length ? (
          <Select
            name="place"
            label={t('services.hours.place')}
            includeEmpty={t('services.hours.allPlaces')}
            options={p.places.map((pl) => ({ value: pl.salId, label: localized(pl, 'name', L) }))}
          />
        ) : null}
        <button type="submit">{t('common.add')}</button>
      </Form>
    </Layout>
  );
}
