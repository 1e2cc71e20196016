// The stations page: centres and stations, a CSV import (with every refused row listed), a new
// centre and a new station.
import { usePage } from '../../../core/views/context.js';
import { DataTable } from '../../../core/views/components.js';
import { Checkbox, Field, FileField, Form, Select, type FormState } from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { ManageLayout, type ElectionHead } from '../views.js';
import { STATION_CSV_COLUMNS, type ImportProblem } from './csv.js';
import type { StationRow } from './queries.js';

function ImportProblems(p: { problems: ImportProblem[] }) {
  const { t } = usePage().i18n;
  if (!p.problems.length) return null;
  return (
    <div role="alert" class="form-error">
      <p>{t('elections.stations.importRefused', { count: p.problems.length })}</p>
      <ul>
        {p.problems.map((pr) => (
          <li>
            {t('elections.stations.problemLine', { line: pr.line })}: {t(`elections.import.${pr.reason}` as never)}
            {pr.value ? (
              <>
                {' '}
                <bdi dir="ltr">{pr.value}</bdi>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function StationsPage(p: {
  e: ElectionHead;
  stations: StationRow[];
  centres: { id: number; code: string; name_ar: string; name_en: string }[];
  state: FormState | null;
  problems: ImportProblem[];
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const base = `/elections/${p.e.id}/stations`;
  const count = (n: number | null) => (n === null ? '—' : i18n.number(n));
  return (
    <ManageLayout e={p.e} title={t('elections.stations.title')}>
      <DataTable
        rows={p.stations}
        columns={[
          {
            label: t('elections.results.station'),
            rowHeader: true,
            cell: (s) => <bdi dir="ltr">{`${s.centre_code} ${s.code}`}</bdi>,
          },
          {
            label: t('elections.results.centre'),
            cell: (s) => <bdi>{localized(s, 'centre_name', i18n.locale)}</bdi>,
          },
          { label: t('elections.outreach.town'), cell: (s) => localized(s, 'town_name', i18n.locale) },
          { label: t('elections.stations.registeredWomen'), cell: (s) => count(s.registered_women) },
          { label: t('elections.stations.registeredMen'), cell: (s) => count(s.registered_men) },
          { label: t('elections.stations.womenOnly'), cell: (s) => (s.women_only ? t('common.yes') : t('common.no')) },
        ]}
      />
      {p.canChange ? (
        <>
          <h2>{t('elections.stations.import')}</h2>
          <p class="hint">{t('elections.stations.importHint')}</p>
          <pre class="code" dir="ltr">
            {STATION_CSV_COLUMNS.join(',')}
          </pre>
          <ImportProblems problems={p.problems} />
          <Form action={`${base}/import`} state={p.state} multipart>
            <FileField name="file" label={t('elections.stations.csvFile')} accept=".csv,text/csv" />
            <Field name="csv" label={t('elections.stations.csvText')} multiline rows={5} />
            <button type="submit">{t('elections.stations.importButton')}</button>
          </Form>
          <h2>{t('elections.stations.addCentre')}</h2>
          <Form action={`${base}/centres`} state={p.state} idPrefix="centre">
            <Field
              name="code"
              label={t('elections.stations.centreCode')}
              hint={t('elections.stations.centreCodeHint')}
              required
            />
            <Field name="town_pcode" label={t('elections.outreach.town')} required />
            <Field name="name_ar" label={t('elections.form.nameAr')} required />
            <Field name="name_en" label={t('elections.form.nameEn')} required />
            <button type="submit">{t('common.add')}</button>
          </Form>
          {p.centres.length ? (
            <>
              <h2>{t('elections.stations.addStation')}</h2>
              <Form action={base} state={p.state} idPrefix="station">
                <Select
                  name="centre_id"
                  label={t('elections.results.centre')}
                  options={p.centres.map((c) => ({
                    value: String(c.id),
                    label: `${c.code} — ${localized(c, 'name', i18n.locale)}`,
                  }))}
                />
                <Field
                  name="code"
                  label={t('elections.stations.stationCode')}
                  hint={t('elections.stations.stationCodeHint')}
                  required
                />
                <Field name="registered_women" label={t('elections.stations.registeredWomen')} inputmode="numeric" />
                <Field name="registered_men" label={t('elections.stations.registeredMen')} inputmode="numeric" />
                <Checkbox name="women_only" label={t('elections.stations.womenOnly')} />
                <button type="submit">{t('common.add')}</button>
              </Form>
            </>
          ) : null}
        </>
      ) : null}
    </ManageLayout>
  );
}
