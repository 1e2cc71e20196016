// Trainee pages, for the registering member's staff only: the list, registering (with consent) one
// at a time or from a spreadsheet, correcting on request, the trainee's page with their courses,
// and removal on request.
import type { ComponentChildren } from 'preact';
import { localized } from '../../../core/i18n/localized.js';
import { Layout, TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DataTable, ImportProblems, Phone, UserText } from '../../../core/views/components.js';
import {
  Checkbox,
  Field,
  FileField,
  Form,
  Hidden,
  Select,
  TownField,
  type FormState,
  type Option,
} from '../../../core/views/forms.js';
import type { RowProblem } from '../../../core/text/csv-import.js';
import { ageBands, consentKey, genders } from '../rules.js';
import { DangerZone } from '../common/danger.js';
import { OptionalFact, TownLink, label, named, traineeNameColumn, type TownMap } from '../common/views.js';
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
    <TitledLayout title={t('programmes.trainee.listTitle')}>
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
      <p class="actions">
        <a class="button" href={`/programmes/trainees/new?org=${p.org.id}`}>
          {t('programmes.trainee.new')}
        </a>
        <a class="button secondary" href={`/programmes/trainees/import?org=${p.org.id}`}>
          {t('programmes.import.title')}
        </a>
      </p>
      <p>{t('programmes.trainee.count', { count: p.trainees.length })}</p>
      {p.trainees.length ? (
        <DataTable
          rows={p.trainees}
          columns={[
            traineeNameColumn(i18n, (tr: { id: number; name: string }) => tr),
            { label: t('programmes.trainee.gender'), cell: (tr) => label.person(i18n, tr.gender) },
            { label: t('programmes.ind.ageBand'), cell: (tr) => label.age(i18n, tr.age_band) },
            {
              label: t('programmes.activity.town'),
              cell: (tr) => named(i18n.locale, p.towns.get(tr.town_pcode), tr.town_pcode),
            },
          ]}
        />
      ) : null}
    </TitledLayout>
  );
}

/** The consent text read to the trainee (its version kept with the record) and the staff's word. */
function Consent(p: { version: string; checkbox: string; children?: ComponentChildren }) {
  const { t } = usePage().i18n;
  return (
    <fieldset class="consent">
      <legend>{t('programmes.trainee.consentTitle')}</legend>
      <p>{t(consentKey(p.version) as never)}</p>
      {p.children}
      <Hidden name="consent_version" value={p.version} />
      <Checkbox name="consent" label={p.checkbox} />
    </fieldset>
  );
}

/** Registering a trainee (with consent), or — with `editing` — correcting their details. */
export function TraineeFormPage(p: {
  values: Record<string, unknown>;
  state: FormState | null;
  orgOptions: Option[];
  consentVersion: string;
  editing?: { id: number };
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const title = p.editing ? t('programmes.trainee.edit') : t('programmes.trainee.new');
  return (
    <TitledLayout title={title}>
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
          options={genders.map((g) => ({ value: g, label: label.person(i18n, g) }))}
        />
        <Select
          name="age_band"
          label={t('programmes.ind.ageBand')}
          includeEmpty=""
          options={ageBands.map((a) => ({ value: a, label: label.age(i18n, a) }))}
        />
        <TownField name="town_pcode" label={t('programmes.activity.town')} required />
        <Field name="affiliation" label={t('programmes.trainee.affiliation')} hint={t('common.optional')} />
        <Field
          name="phone"
          type="tel"
          label={t('programmes.trainee.phone')}
          hint={t('common.optional')}
          autocomplete="off"
        />
        {p.editing ? null : <Consent version={p.consentVersion} checkbox={t('programmes.trainee.consentCheckbox')} />}
        <button type="submit">{t('common.save')}</button>
      </Form>
    </TitledLayout>
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
        <dd>{label.person(i18n, tr.gender)}</dd>
        <dt>{t('programmes.ind.ageBand')}</dt>
        <dd>{label.age(i18n, tr.age_band)}</dd>
        <dt>{t('programmes.activity.town')}</dt>
        <dd>
          <TownLink pcode={tr.town_pcode} towns={p.towns} />
        </dd>
        <OptionalFact term={t('programmes.trainee.affiliation')} shown={tr.affiliation}>
          <UserText text={tr.affiliation ?? ''} />
        </OptionalFact>
        <OptionalFact term={t('programmes.trainee.phone')} shown={tr.phone}>
          <Phone number={tr.phone ?? ''} />
        </OptionalFact>
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
      <DangerZone
        title={t('programmes.trainee.removeTitle')}
        action={`/programmes/trainees/${tr.id}/remove`}
        what={tr.name}
        explain={t('programmes.trainee.removeExplain')}
        label={t('programmes.trainee.remove')}
        question={t('programmes.trainee.removeQuestion', { name: tr.name })}
        confirm={t('programmes.trainee.remove')}
        state={p.state}
      >
        <Checkbox name="confirm" label={t('programmes.trainee.removeConfirm')} required />
      </DangerZone>
    </Layout>
  );
}

/**
 * Trainees from a spreadsheet: the columns documented, a template to download, a file or rows
 * pasted, the consent of each person (a column) and the staff's word that it was given; after a
 * refused file, every bad row with its line, column, value and reason.
 */
export function TraineeImportPage(p: {
  values: Record<string, unknown>;
  state: FormState | null;
  orgOptions: Option[];
  cohorts: Option[];
  consentVersion: string;
  maxRows: number;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const problems = (p.state?.extra?.problems as RowProblem[] | undefined) ?? [];
  const columns: [string, string, string][] = [
    ['name', t('programmes.trainee.name'), t('programmes.import.col.name')],
    ['gender', t('programmes.trainee.gender'), t('programmes.import.col.gender')],
    ['age', t('programmes.ind.ageBand'), t('programmes.import.col.age', { bands: '15-17, 18-24, 25-35, 36+' })],
    ['town', t('programmes.activity.town'), t('programmes.import.col.town')],
    ['affiliation', t('programmes.trainee.affiliation'), t('programmes.import.col.optional')],
    ['phone', t('programmes.trainee.phone'), t('programmes.import.col.phone')],
    ['consent', t('programmes.trainee.consentTitle'), t('programmes.import.col.consent')],
  ];
  return (
    <Layout title={t('programmes.import.title')}>
      <p class="meta">
        <a href={`/programmes/trainees?org=${String(p.values.organization_id ?? '')}`}>
          {t('programmes.trainee.listTitle')}
        </a>
      </p>
      <h1>{t('programmes.import.title')}</h1>
      <p>{t('programmes.import.intro', { max: p.maxRows })}</p>
      <ImportProblems problems={problems} />
      <h2>{t('programmes.import.columns')}</h2>
      <DataTable
        rows={columns}
        columns={[
          { label: t('import.column'), rowHeader: true, cell: (c) => <bdi dir="ltr">{c[0]}</bdi> },
          { label: t('programmes.import.meaning'), cell: (c) => c[1] },
          { label: t('programmes.import.accepted'), cell: (c) => c[2] },
        ]}
      />
      <p>
        <a href="/programmes/trainees/import/template.csv" download>
          {t('programmes.import.template')}
        </a>
      </p>
      <Form action="/programmes/trainees/import" state={p.state} values={p.values} multipart>
        <Select name="organization_id" label={t('programmes.trainee.organization')} options={p.orgOptions} />
        <FileField name="file" label={t('programmes.import.file')} accept=".csv,text/csv,text/plain" />
        <Field
          name="rows"
          label={t('programmes.import.paste')}
          hint={t('programmes.import.pasteHint')}
          multiline
          rows={6}
        />
        {p.cohorts.length ? (
          <Select
            name="cohort_id"
            label={t('programmes.import.cohort')}
            includeEmpty={t('programmes.import.noCohort')}
            options={p.cohorts}
          />
        ) : null}
        <Consent version={p.consentVersion} checkbox={t('programmes.import.consentCheckbox')}>
          <p class="small">{t('programmes.import.consentNote')}</p>
        </Consent>
        <button type="submit">{t('programmes.import.submit')}</button>
      </Form>
    </Layout>
  );
}
