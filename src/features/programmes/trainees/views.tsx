// Trainee pages, for the registering member's staff only: the list, registering (with consent),
// correcting on request, the trainee's page with their courses, and removal on request.
import { localized } from '../../../core/i18n/localized.js';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DataTable, Phone, UserText } from '../../../core/views/components.js';
import { Checkbox, Field, Form, Hidden, Select, type FormState, type Option } from '../../../core/views/forms.js';
import { ageBands, consentKey, genders } from '../rules.js';
import { TownLink, label, named, type TownMap } from '../shared/views.js';
import type { TraineeRow } from './queries.js';

export function TraineesPage(p: {
  org: { id: number; name: string };
  otherOrgs: { id: number; name: string }[];
  trainees: { id: number; name: string; gender: string; age_band: string; town_pcode: string }[];
  towns: TownMap;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('programmes.trainee.listTitle')}>
      <h1>{t('programmes.trainee.listTitle')}</h1>
      <p class="meta">
        <bdi>{p.org.name}</bdi>
        {p.otherOrgs.map((o) => (
          <>
            {' · '}
            <a href={`/programmes/trainees?org=${o.id}`}>
              <bdi>{o.name}</bdi>
            </a>
          </>
        ))}
      </p>
      <p class="small">{t('programmes.trainee.privacyNote')}</p>
      <p>
        <a class="button" href={`/programmes/trainees/new?org=${p.org.id}`}>
          {t('programmes.trainee.new')}
        </a>
      </p>
      <p>{t('programmes.trainee.count', { count: p.trainees.length })}</p>
      {p.trainees.length ? (
        <DataTable
          rows={p.trainees}
          columns={[
            {
              label: t('programmes.trainee.name'),
              rowHeader: true,
              cell: (tr) => (
                <a href={`/programmes/trainees/${tr.id}`}>
                  <bdi>{tr.name}</bdi>
                </a>
              ),
            },
            { label: t('programmes.trainee.gender'), cell: (tr) => label.gender(i18n, tr.gender) },
            { label: t('programmes.ind.ageBand'), cell: (tr) => label.age(i18n, tr.age_band) },
            {
              label: t('programmes.activity.town'),
              cell: (tr) => named(i18n.locale, p.towns.get(tr.town_pcode), tr.town_pcode),
            },
          ]}
        />
      ) : null}
    </Layout>
  );
}

/** Registering a trainee (with consent), or — with `editing` — correcting their details. */
export function TraineeFormPage(p: {
  values: Record<string, unknown>;
  state: FormState | null;
  orgOptions: Option[];
  townOptions: Option[];
  consentVersion: string;
  editing?: { id: number };
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const title = p.editing ? t('programmes.trainee.edit') : t('programmes.trainee.new');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="small">{p.editing ? t('programmes.trainee.editNote') : t('programmes.trainee.minimumNote')}</p>
      <Form
        action={p.editing ? `/programmes/trainees/${p.editing.id}/edit` : '/programmes/trainees'}
        state={p.state}
        values={p.values}
      >
        {p.editing ? null : (
          <Select name="organization_id" label={t('programmes.trainee.organization')} options={p.orgOptions} />
        )}
        <Field name="name" label={t('programmes.trainee.name')} required autocomplete="off" />
        <Select
          name="gender"
          label={t('programmes.trainee.gender')}
          includeEmpty=""
          options={genders.map((g) => ({ value: g, label: label.gender(i18n, g) }))}
        />
        <Select
          name="age_band"
          label={t('programmes.ind.ageBand')}
          includeEmpty=""
          options={ageBands.map((a) => ({ value: a, label: label.age(i18n, a) }))}
        />
        <Select name="town_pcode" label={t('programmes.activity.town')} options={p.townOptions} />
        <Field name="affiliation" label={t('programmes.trainee.affiliation')} hint={t('common.optional')} />
        <Field
          name="phone"
          type="tel"
          label={t('programmes.trainee.phone')}
          hint={t('common.optional')}
          autocomplete="off"
        />
        {p.editing ? null : (
          <fieldset class="consent">
            <legend>{t('programmes.trainee.consentTitle')}</legend>
            <p>{t(consentKey(p.consentVersion) as never)}</p>
            <Hidden name="consent_version" value={p.consentVersion} />
            <Checkbox name="consent" label={t('programmes.trainee.consentCheckbox')} />
          </fieldset>
        )}
        <button type="submit">{t('common.save')}</button>
      </Form>
    </Layout>
  );
}

export function TraineePage(p: {
  trainee: TraineeRow;
  orgName: string;
  towns: TownMap;
  enrolments: {
    id: number;
    cohort_id: number;
    label: string;
    title_ar: string;
    title_en: string;
    certificate_id: number | null;
    revoked_at: string | null;
  }[];
  state: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const tr = p.trainee;
  return (
    <Layout title={tr.name}>
      <p class="meta">
        <a href={`/programmes/trainees?org=${tr.organization_id}`}>{t('programmes.trainee.listTitle')}</a> ·{' '}
        <bdi>{p.orgName}</bdi>
      </p>
      <h1>
        <bdi>{tr.name}</bdi>
      </h1>
      <dl class="facts">
        <dt>{t('programmes.trainee.gender')}</dt>
        <dd>{label.gender(i18n, tr.gender)}</dd>
        <dt>{t('programmes.ind.ageBand')}</dt>
        <dd>{label.age(i18n, tr.age_band)}</dd>
        <dt>{t('programmes.activity.town')}</dt>
        <dd>
          <TownLink pcode={tr.town_pcode} towns={p.towns} />
        </dd>
        {tr.affiliation ? (
          <>
            <dt>{t('programmes.trainee.affiliation')}</dt>
            <dd>
              <UserText text={tr.affiliation} />
            </dd>
          </>
        ) : null}
        {tr.phone ? (
          <>
            <dt>{t('programmes.trainee.phone')}</dt>
            <dd>
              <Phone number={tr.phone} />
            </dd>
          </>
        ) : null}
        <dt>{t('programmes.trainee.consentTitle')}</dt>
        <dd>
          {t('programmes.trainee.consentRecorded', { version: tr.consent_version, date: i18n.date(tr.consent_at) })}
        </dd>
      </dl>
      <p>
        <a href={`/programmes/trainees/${tr.id}/edit`}>{t('programmes.trainee.edit')}</a>
      </p>
      <h2>{t('programmes.trainee.courses')}</h2>
      {p.enrolments.length ? (
        <ul>
          {p.enrolments.map((en) => (
            <li>
              <a href={`/programmes/cohorts/${en.cohort_id}`}>{localized(en, 'title', i18n.locale)}</a> —{' '}
              <bdi>{en.label}</bdi>
              {en.certificate_id !== null && !en.revoked_at ? (
                <>
                  {' · '}
                  <a href={`/programmes/certificates/${en.certificate_id}`}>{t('programmes.cert.open')}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('programmes.trainee.noCourses')}</p>
      )}
      <section class="danger-zone">
        <h2>{t('programmes.trainee.removeTitle')}</h2>
        <p>{t('programmes.trainee.removeExplain')}</p>
        <Form action={`/programmes/trainees/${tr.id}/remove`} state={p.state}>
          <Checkbox name="confirm" label={t('programmes.trainee.removeConfirm')} />
          <button type="submit" class="danger">
            {t('programmes.trainee.remove')}
          </button>
        </Form>
      </section>
    </Layout>
  );
}
