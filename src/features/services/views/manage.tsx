// Pages for an organization's staff: its services, places and hours; feedback shown to it.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Ltr, UserText } from '../../../core/views/components.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { CATEGORIES, GROUPS } from '../taxonomy.js';
import { CURRENCIES, SPOKEN_LANGUAGES } from '../schemas.js';
import { SERVICE_STATUSES } from '../hsds/spec.js';
import { WEEK, type Weekday } from '../opening-hours.js';
import { categoryLabel, groupLabel, type ScheduleRow } from '../queries.js';
import { HoursTable } from './public.js';
import { ServicesHead, tr } from './components.js';

type Values = Record<string, unknown>;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v ? [String(v)] : []);

export type ManageService = {
  id: string;
  href: string;
  name_ar: string | null;
  name_en: string | null;
  status: string;
  verifiedAt: string | null;
  stale: boolean;
};
export type ManageLocation = {
  id: string;
  name_ar: string | null;
  name_en: string | null;
  town_pcode: string | null;
  town_ar: string | null;
  town_en: string | null;
};
export type FeedbackRow = {
  id: number;
  kind: string;
  got_service: string | null;
  rating: number | null;
  wrong_field: string | null;
  comment: string;
  created_at: string;
  resolved_at?: string | null;
  service_id: string;
  name_ar: string | null;
  name_en: string | null;
};

export function ManagePage(p: {
  orgs: { id: number; name: string }[];
  orgId: number;
  services: ManageService[];
  locations: ManageLocation[];
  feedback: FeedbackRow[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const staleCount = p.services.filter((s) => s.stale).length;
  return (
    <Layout title={t('services.manage.title')} head={<ServicesHead />}>
      <h1>{t('services.manage.title')}</h1>
      {p.orgs.length > 1 ? (
        <p>
          {p.orgs.map((o, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              {o.id === p.orgId ? <strong>{o.name}</strong> : <a href={`/services/manage?org=${o.id}`}>{o.name}</a>}
            </>
          ))}
        </p>
      ) : (
        <p class="meta">
          <bdi>{p.orgs[0]?.name}</bdi>
        </p>
      )}
      {staleCount ? (
        <p class="notice--warn" role="status">
          {t('services.manage.staleWarning', { count: staleCount })}
        </p>
      ) : null}
      <p class="actions">
        <a class="button" href={`/services/new?org=${p.orgId}`}>
          {t('services.manage.newService')}
        </a>
        <a class="button secondary" href={`/services/locations/new?org=${p.orgId}`}>
          {t('services.manage.newLocation')}
        </a>
      </p>
      <h2>{t('services.manage.services')}</h2>
      {p.services.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('services.manage.name')}</th>
                <th>{t('services.manage.status')}</th>
                <th>{t('services.manage.confirmed')}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {p.services.map((s) => (
                <tr>
                  <td>
                    <a href={s.href} dir="auto">
                      {tr(s, 'name', L)}
                    </a>
                  </td>
                  <td>{t(`services.statusName.${s.status.replace(' ', '_')}` as never)}</td>
                  <td class={s.stale ? 'svc-stale' : undefined}>
                    {s.verifiedAt ? i18n.date(s.verifiedAt) : t('services.neverConfirmed')}
                    {s.stale ? ` — ${t('services.manage.needsConfirming')}` : ''}
                  </td>
                  <td>
                    <a href={`/services/${s.id}/edit`}>{t('common.edit')}</a> ·{' '}
                    <a href={`/services/${s.id}/hours`}>{t('services.manage.hours')}</a>
                    <Form action={`/services/${s.id}/confirm`} class="inline-form">
                      <button type="submit" class="secondary">
                        {t('services.manage.confirm')}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('services.manage.noServices')}</p>
      )}
      <h2>{t('services.manage.locations')}</h2>
      {p.locations.length ? (
        <ul>
          {p.locations.map((l) => (
            <li>
              <bdi>{tr(l, 'name', L)}</bdi> — {L === 'ar' ? l.town_ar : l.town_en} (<Ltr>{l.town_pcode ?? ''}</Ltr>) ·{' '}
              <a href={`/services/locations/${l.id}/edit`}>{t('common.edit')}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('services.manage.noLocations')}</p>
      )}
      <h2>{t('services.manage.feedback')}</h2>
      {p.feedback.length ? (
        <ul class="card-list">
          {p.feedback.map((f) => (
            <FeedbackItem
              f={f}
              resolveAction={
                f.kind === 'report' && !f.resolved_at ? `/services/manage/reports/resolve?org=${p.orgId}` : null
              }
            />
          ))}
        </ul>
      ) : (
        <p>{t('services.manage.noFeedback')}</p>
      )}
    </Layout>
  );
}

export function FeedbackItem(p: { f: FeedbackRow; resolveAction?: string | null; moderate?: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const f = p.f;
  return (
    <li class="card">
      <p class="meta">
        <a href={`/services/${f.service_id}`} dir="auto">
          {tr(f, 'name', i18n.locale)}
        </a>{' '}
        · {i18n.date(f.created_at)} · {f.kind === 'report' ? t('services.report.title') : t('services.feedback.title')}
      </p>
      {f.kind === 'feedback' ? (
        <p>
          {f.got_service ? t(`services.feedback.got.${f.got_service}` as never) : ''}
          {f.rating ? ` · ${t('services.feedback.stars', { count: f.rating })}` : ''}
        </p>
      ) : (
        <p>{t(`services.report.field.${f.wrong_field ?? 'other'}` as never)}</p>
      )}
      {f.comment ? <UserText as="p" text={f.comment} /> : null}
      {f.resolved_at ? <p class="meta">{t('services.manage.resolved', { date: i18n.date(f.resolved_at) })}</p> : null}
      {p.resolveAction ? (
        <Form action={p.resolveAction} class="inline-form">
          <input type="hidden" name="id" value={String(f.id)} />
          <button type="submit" class="secondary">
            {t('services.manage.markResolved')}
          </button>
        </Form>
      ) : null}
      {p.moderate ? (
        <p class="actions">
          <Form action="/services/moderation" class="inline-form">
            <input type="hidden" name="id" value={String(f.id)} />
            <input type="hidden" name="decision" value="approve" />
            <button type="submit">{t('services.moderation.approve')}</button>
          </Form>
          <Form action="/services/moderation" class="inline-form">
            <input type="hidden" name="id" value={String(f.id)} />
            <input type="hidden" name="decision" value="reject" />
            <button type="submit" class="danger">
              {t('services.moderation.reject')}
            </button>
          </Form>
        </p>
      ) : null}
    </li>
  );
}

function Checkboxes(p: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  error?: string;
}) {
  return (
    <fieldset>
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <label class="checkbox">
          <input type="checkbox" name={p.name} value={o.value} checked={p.selected.includes(o.value)} /> {o.label}
        </label>
      ))}
      {p.error ? <p class="error">{p.error}</p> : null}
    </fieldset>
  );
}

export function ServiceFormPage(p: {
  action: string;
  isNew: boolean;
  values: Values;
  errors?: FieldErrors;
  locations: ManageLocation[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const v = p.values;
  const e = p.errors ?? {};
  const s = (k: string) => (v[k] == null ? '' : String(v[k]));
  const title = p.isNew ? t('services.form.newTitle') : t('services.form.editTitle');
  return (
    <Layout title={title} head={<ServicesHead />}>
      <h1>{title}</h1>
      <FormErrorSummary message={e._form ?? (Object.keys(e).length ? t('services.form.fixErrors') : null)} />
      <Form action={p.action}>
        <Field name="name_ar" label={t('services.form.nameAr')} value={s('name_ar')} error={e.name_ar} required />
        <Field name="name_en" label={t('services.form.nameEn')} value={s('name_en')} error={e.name_en} required />
        <Select
          name="status"
          label={t('services.manage.status')}
          value={s('status') || 'active'}
          error={e.status}
          options={SERVICE_STATUSES.map((st) => ({
            value: st,
            label: t(`services.statusName.${st.replace(' ', '_')}` as never),
          }))}
        />
        <Field
          name="description_ar"
          label={t('services.form.descriptionAr')}
          value={s('description_ar')}
          error={e.description_ar}
          multiline
          rows={4}
        />
        <Field
          name="description_en"
          label={t('services.form.descriptionEn')}
          value={s('description_en')}
          error={e.description_en}
          multiline
          rows={4}
        />
        <Checkboxes
          name="categories"
          legend={t('services.search.category')}
          options={CATEGORIES.map((c) => ({ value: c.code, label: categoryLabel(c.code, L) }))}
          selected={list(v.categories)}
          error={e.categories}
        />
        <Checkboxes
          name="groups"
          legend={t('services.detail.groups')}
          options={GROUPS.map((g) => ({ value: g.code, label: groupLabel(g.code, L) }))}
          selected={list(v.groups)}
          error={e.groups}
        />
        <Field
          name="eligibility_ar"
          label={t('services.form.eligibilityAr')}
          value={s('eligibility_ar')}
          error={e.eligibility_ar}
          multiline
          rows={2}
        />
        <Field
          name="eligibility_en"
          label={t('services.form.eligibilityEn')}
          value={s('eligibility_en')}
          error={e.eligibility_en}
          multiline
          rows={2}
        />
        <Field
          name="application_ar"
          label={t('services.form.applicationAr')}
          value={s('application_ar')}
          error={e.application_ar}
          multiline
          rows={2}
        />
        <Field
          name="application_en"
          label={t('services.form.applicationEn')}
          value={s('application_en')}
          error={e.application_en}
          multiline
          rows={2}
        />
        <fieldset>
          <legend>{t('services.detail.cost')}</legend>
          <label class="checkbox">
            <input type="radio" name="cost" value="free" checked={s('cost') !== 'fee'} /> {t('services.free')}
          </label>
          <label class="checkbox">
            <input type="radio" name="cost" value="fee" checked={s('cost') === 'fee'} /> {t('services.form.fee')}
          </label>
          <Field
            name="fee_amount"
            type="number"
            label={t('services.form.feeAmount')}
            value={s('fee_amount')}
            error={e.fee_amount}
          />
          <Select
            name="fee_currency"
            label={t('services.form.currency')}
            value={s('fee_currency') || 'SYP'}
            options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          />
          <Field name="fees_ar" label={t('services.form.feesAr')} value={s('fees_ar')} error={e.fees_ar} />
          <Field name="fees_en" label={t('services.form.feesEn')} value={s('fees_en')} error={e.fees_en} />
        </fieldset>
        <Checkboxes
          name="languages"
          legend={t('services.detail.languages')}
          options={SPOKEN_LANGUAGES.map((l) => ({ value: l, label: t(`services.language.${l}`) }))}
          selected={list(v.languages)}
        />
        <Field
          name="documents_ar"
          label={t('services.form.documentsAr')}
          hint={t('services.form.oneALine')}
          value={s('documents_ar')}
          error={e.documents_ar}
          multiline
          rows={3}
        />
        <Field
          name="documents_en"
          label={t('services.form.documentsEn')}
          value={s('documents_en')}
          error={e.documents_en}
          multiline
          rows={3}
        />
        <Field name="phone" type="tel" label={t('services.form.phone')} value={s('phone')} error={e.phone} />
        <Field name="email" type="email" label={t('services.form.email')} value={s('email')} error={e.email} />
        <Field name="url" type="url" label={t('services.form.url')} value={s('url')} error={e.url} />
        <Field name="min_age" type="number" label={t('services.form.minAge')} value={s('min_age')} error={e.min_age} />
        <Field name="max_age" type="number" label={t('services.form.maxAge')} value={s('max_age')} error={e.max_age} />
        <Checkboxes
          name="locations"
          legend={t('services.form.places')}
          options={p.locations.map((l) => ({
            value: l.id,
            label: `${tr(l, 'name', L)} — ${(L === 'ar' ? l.town_ar : l.town_en) ?? ''}`,
          }))}
          selected={list(v.locations)}
          error={e.locations}
        />
        <Field
          name="area"
          label={t('services.form.area')}
          hint={t('services.form.areaHint')}
          value={Array.isArray(v.area) ? v.area.join(', ') : s('area')}
          error={e.area}
        />
        <Field name="alert_ar" label={t('services.form.alertAr')} value={s('alert_ar')} error={e.alert_ar} />
        <Field name="alert_en" label={t('services.form.alertEn')} value={s('alert_en')} error={e.alert_en} />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function LocationFormPage(p: { action: string; isNew: boolean; values: Values; errors?: FieldErrors }) {
  const { t } = usePage().i18n;
  const v = p.values;
  const e = p.errors ?? {};
  const s = (k: string) => (v[k] == null ? '' : String(v[k]));
  const title = p.isNew ? t('services.manage.newLocation') : t('services.location.editTitle');
  return (
    <Layout title={title} head={<ServicesHead />}>
      <h1>{title}</h1>
      <FormErrorSummary message={e._form} />
      <Form action={p.action}>
        <Field name="name_ar" label={t('services.form.nameAr')} value={s('name_ar')} error={e.name_ar} required />
        <Field name="name_en" label={t('services.form.nameEn')} value={s('name_en')} error={e.name_en} required />
        <Field
          name="town"
          label={t('services.location.town')}
          hint={t('services.location.townHint')}
          value={s('town')}
          error={e.town}
          required
        />
        <Field
          name="landmark_ar"
          label={t('services.location.landmarkAr')}
          value={s('landmark_ar')}
          error={e.landmark_ar}
          multiline
          rows={2}
        />
        <Field
          name="landmark_en"
          label={t('services.location.landmarkEn')}
          value={s('landmark_en')}
          error={e.landmark_en}
          multiline
          rows={2}
        />
        <Field
          name="latitude"
          label={t('services.location.latitude')}
          value={s('latitude')}
          error={e.latitude}
          inputmode="decimal"
        />
        <Field
          name="longitude"
          label={t('services.location.longitude')}
          value={s('longitude')}
          error={e.longitude}
          inputmode="decimal"
        />
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function HoursPage(p: {
  service: { id: string; name_ar: string | null; name_en: string | null; href: string };
  groups: {
    place: { salId: string; name_ar: string | null; name_en: string | null } | null;
    schedules: ScheduleRow[];
  }[];
  places: { salId: string; name_ar: string | null; name_en: string | null }[];
  values: Values;
  errors?: FieldErrors;
  now: Date;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const v = p.values;
  const e = p.errors ?? {};
  const s = (k: string) => (v[k] == null ? '' : String(v[k]));
  const describe = (x: ScheduleRow) =>
    x.closed
      ? `${t('services.hours.closure')}: ${x.valid_from ?? ''}${x.valid_to ? ` – ${x.valid_to}` : ''}`
      : `${(x.byday ?? '')
          .split(',')
          .filter(Boolean)
          .map((d) => t(`services.day.${d as Weekday}` as never))
          .join(
            '، ',
          )} ${x.opens_at?.slice(0, 5) ?? ''}–${x.closes_at?.slice(0, 5) ?? ''}${x.valid_from ? ` (${x.valid_from} – ${x.valid_to ?? ''})` : ''}`;
  return (
    <Layout title={t('services.manage.hours')} head={<ServicesHead />}>
      <h1>
        {t('services.manage.hours')} — <a href={p.service.href}>{tr(p.service, 'name', L)}</a>
      </h1>
      {p.groups.map((g) => (
        <section>
          <h2>{g.place ? tr(g.place, 'name', L) : t('services.hours.allPlaces')}</h2>
          <HoursTable schedules={g.schedules} now={p.now} />
          <ul>
            {g.schedules.map((x) => (
              <li>
                <Ltr>{describe(x)}</Ltr> {tr(x, 'description', L) ? <bdi>— {tr(x, 'description', L)}</bdi> : null}
                <Form action={`/services/${p.service.id}/hours/delete`} class="inline-form">
                  <input type="hidden" name="id" value={x.id} />
                  <button type="submit" class="link-button">
                    {t('common.delete')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>{t('services.hours.add')}</h2>
      <FormErrorSummary message={e._form} />
      <Form action={`/services/${p.service.id}/hours`}>
        <Select
          name="kind"
          label={t('services.hours.kind')}
          value={s('kind') || 'weekly'}
          options={(['weekly', 'seasonal', 'closure'] as const).map((k) => ({
            value: k,
            label: t(`services.hours.kinds.${k}`),
          }))}
        />
        <fieldset>
          <legend>{t('services.hours.days')}</legend>
          {WEEK.map((d) => (
            <label class="checkbox">
              <input type="checkbox" name="days" value={d} checked={list(v.days).includes(d)} />{' '}
              {t(`services.day.${d}` as never)}
            </label>
          ))}
          {e.days ? <p class="error">{e.days}</p> : null}
        </fieldset>
        <Field name="opens" type="time" label={t('services.hours.opens')} value={s('opens')} error={e.opens} />
        <Field name="closes" type="time" label={t('services.hours.closes')} value={s('closes')} error={e.closes} />
        <Field
          name="valid_from"
          type="date"
          label={t('services.hours.validFrom')}
          value={s('valid_from')}
          error={e.valid_from}
        />
        <Field
          name="valid_to"
          type="date"
          label={t('services.hours.validTo')}
          value={s('valid_to')}
          error={e.valid_to}
        />
        <Field
          name="label_ar"
          label={t('services.hours.labelAr')}
          hint={t('services.hours.labelHint')}
          value={s('label_ar')}
          error={e.label_ar}
        />
        <Field name="label_en" label={t('services.hours.labelEn')} value={s('label_en')} error={e.label_en} />
        {p.places.length ? (
          <Select
            name="place"
            label={t('services.hours.place')}
            value={s('place')}
            includeEmpty={t('services.hours.allPlaces')}
            options={p.places.map((pl) => ({ value: pl.salId, label: tr(pl, 'name', L) }))}
          />
        ) : null}
        <button type="submit">{t('common.add')}</button>
      </Form>
    </Layout>
  );
}
