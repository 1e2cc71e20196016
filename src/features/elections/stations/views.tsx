// The stations pages: the election's centres a page at a time with the spreadsheet import (its
// columns and limit stated, a template to download, every refused row listed) and a new centre;
// one centre with its stations, each corrected in place; the printed observer list of a centre.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.js';
import { DataTable, Phone } from '../../../core/views/components.js';
import {
  Checkbox,
  ConfirmButton,
  DeleteButton,
  Field,
  Form,
  TownField,
  type FormState,
} from '../../../core/views/forms.js';
import { localized } from '../../../core/i18n/localized.js';
import { Layout } from '../../../core/views/Layout.js';
import { ManageLayout, type ElectionHead } from '../views.js';
import { STATION_COLUMNS } from './csv.js';
import { PAGE_SIZE, type Centre } from './queries.js';
import { ColumnsTable, ImportForm, ListPages, ListSearch, type ListPageProps } from '../lists.js';

type CentreItem = Omit<Centre, 'election_id'> & { stations: number; women: number; men: number };
type Station = {
  id: number;
  code: string;
  registered_women: number | null;
  registered_men: number | null;
  women_only: number;
};

/** The centre's town in the reader's language. */
const townOf = (c: { town_name_ar: string; town_name_en: string }, locale: string) => localized(c, 'town_name', locale);

export function StationsPage(
  p: ListPageProps & { centres: CentreItem[]; counts: { centres: number; stations: number } },
) {
  const { i18n } = usePage();
  const { t } = i18n;
  const base = `/elections/${p.e.id}`;
  return (
    <ManageLayout e={p.e} title={t('elections.stations.title')}>
      <p>{t('elections.stations.summary', { centres: p.counts.centres, stations: p.counts.stations })}</p>
      <ListSearch action={`${base}/stations`} id="centre-q" label={t('elections.stations.find')} q={p.query.q} />
      <DataTable
        rows={p.centres}
        empty={p.query.q ? t('elections.stations.noMatch') : t('elections.stations.none')}
        columns={[
          {
            label: t('elections.results.centre'),
            rowHeader: true,
            cell: (c) => (
              <a href={`${base}/centres/${c.id}`}>
                <bdi dir="ltr">{c.code}</bdi> — <bdi>{localized(c, 'name', i18n.locale)}</bdi>
              </a>
            ),
          },
          { label: t('elections.outreach.town'), cell: (c) => townOf(c, i18n.locale) },
          { label: t('elections.stations.stationsCount'), cell: (c) => i18n.number(c.stations), numeric: true },
          { label: t('elections.stations.registeredWomen'), cell: (c) => i18n.number(c.women), numeric: true },
          { label: t('elections.stations.registeredMen'), cell: (c) => i18n.number(c.men), numeric: true },
        ]}
      />
      <ListPages path={`${base}/stations`} query={p.query} total={p.total} size={PAGE_SIZE} />
      {p.canChange ? (
        <>
          <h2>{t('elections.stations.import')}</h2>
          <p>{t('elections.stations.importHint', { max: p.maxRows })}</p>
          <ColumnsTable columns={STATION_COLUMNS.map((c) => c.name)} prefix="elections.stations.columns" />
          <ImportForm
            action={`${base}/stations/import`}
            template={`${base}/stations/template.csv`}
            state={p.state}
            button={t('elections.stations.importButton')}
          />
          <h2>{t('elections.stations.addCentre')}</h2>
          <CentreForm action={`${base}/stations/centres`} state={p.state} submit={t('common.add')} />
        </>
      ) : null}
    </ManageLayout>
  );
}

/** A centre's or a station's form: the code (either part of a "TB-01 S2" label), its own fields, the button. */
function PlaceForm(p: {
  idPrefix: 'centre' | 'station';
  codeLabel: string;
  action: string;
  state: FormState | null;
  values?: Record<string, unknown>;
  submit: string;
  children: ComponentChildren;
}) {
  const { t } = usePage().i18n;
  return (
    <Form action={p.action} state={p.state} values={p.values} idPrefix={p.idPrefix}>
      <Field name="code" label={p.codeLabel} hint={t('elections.stations.codeHint', { example: '0104.3' })} required />
      {p.children}
      <button type="submit">{p.submit}</button>
    </Form>
  );
}

function CentreForm(p: { action: string; state: FormState | null; values?: Record<string, unknown>; submit: string }) {
  const { t } = usePage().i18n;
  return (
    <PlaceForm idPrefix="centre" codeLabel={t('elections.stations.centreCode')} {...p}>
      <TownField name="town" label={t('elections.outreach.town')} required />
      <Field name="name_ar" label={t('elections.form.nameAr')} required />
      <Field name="name_en" label={t('elections.form.nameEn')} hint={t('elections.form.englishOptional')} />
    </PlaceForm>
  );
}

function StationForm(p: { action: string; state: FormState | null; values?: Station; submit: string }) {
  const { t } = usePage().i18n;
  return (
    <PlaceForm idPrefix="station" codeLabel={t('elections.stations.stationCode')} {...p}>
      <Field name="registered_women" label={t('elections.stations.registeredWomen')} inputmode="numeric" />
      <Field name="registered_men" label={t('elections.stations.registeredMen')} inputmode="numeric" />
      <Checkbox name="women_only" label={t('elections.stations.womenOnly')} />
    </PlaceForm>
  );
}

export function CentrePage(p: {
  e: ElectionHead;
  centre: Centre;
  stations: Station[];
  /** the station whose form is open (?station=id) */
  open: number | null;
  state: FormState | null;
  canChange: boolean;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const c = p.centre;
  const base = `/elections/${p.e.id}/centres/${c.id}`;
  const count = (n: number | null) => (n === null ? '—' : i18n.number(n));
  const posted = p.state?.id ?? '';
  const editing = (s: Station) => p.open === s.id || posted === `${base}/stations/${s.id}`;
  return (
    <ManageLayout e={p.e} title={`${c.code} — ${localized(c, 'name', i18n.locale)}`}>
      <p class="meta">
        <a href={`/elections/${p.e.id}/stations`}>{t('elections.stations.title')}</a> · {townOf(c, i18n.locale)} ·{' '}
        <a href={`${base}/print`}>{t('elections.stations.printObservers')}</a>
      </p>
      <h2>{t('elections.stations.stationsOf')}</h2>
      <DataTable
        rows={p.stations}
        empty={t('elections.stations.noStations')}
        columns={[
          { label: t('elections.results.station'), rowHeader: true, cell: (s) => <bdi dir="ltr">{s.code}</bdi> },
          { label: t('elections.stations.registeredWomen'), cell: (s) => count(s.registered_women), numeric: true },
          { label: t('elections.stations.registeredMen'), cell: (s) => count(s.registered_men), numeric: true },
          { label: t('elections.stations.womenOnly'), cell: (s) => (s.women_only ? t('common.yes') : t('common.no')) },
          p.canChange && {
            label: t('elections.stations.actions'),
            cell: (s) =>
              editing(s) ? null : (
                <>
                  <a href={`${base}?station=${s.id}#station-${s.id}`}>{t('common.edit')}</a>{' '}
                  <DeleteButton action={`${base}/stations/${s.id}/delete`} what={`${c.code} ${s.code}`} />
                </>
              ),
          },
        ]}
      />
      {p.canChange
        ? p.stations.filter(editing).map((s) => (
            <section id={`station-${s.id}`}>
              <h3>{t('elections.stations.editStation', { code: s.code })}</h3>
              <StationForm action={`${base}/stations/${s.id}`} state={p.state} values={s} submit={t('common.save')} />
            </section>
          ))
        : null}
      {p.canChange ? (
        <>
          <h2>{t('elections.stations.addStation')}</h2>
          <StationForm action={`${base}/stations`} state={p.state} submit={t('common.add')} />
          <details class="builder-step" open={posted === base || undefined}>
            <summary>{t('elections.stations.editCentre')}</summary>
            <CentreForm action={base} state={p.state} values={{ ...c, town: c.town_pcode }} submit={t('common.save')} />
          </details>
          <ConfirmButton
            action={`${base}/delete`}
            label={t('elections.stations.deleteCentre')}
            question={t('elections.stations.deleteCentreQuestion', { code: c.code })}
            confirm={t('common.deleteConfirmButton')}
          />
        </>
      ) : null}
    </ManageLayout>
  );
}

export type CentreObserver = {
  id: number;
  code: string;
  name: string;
  phone: string | null;
  kind: string;
  status: string;
  station: string;
};

/** A centre's observers on one A4 page (RTL in Arabic), with a column to sign on the day. */
export function CentrePrintPage(p: { e: ElectionHead; centre: Centre; observers: CentreObserver[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const c = p.centre;
  return (
    <Layout title={`${t('elections.stations.printObservers')} — ${c.code}`}>
      <article class="print-sheet" id="observer-list">
        <p class="no-print">
          <a href={`/elections/${p.e.id}/centres/${c.id}`}>{t('common.back')}</a>
        </p>
        <h1>{t('elections.stations.printObservers')}</h1>
        <p>
          <strong>{localized(p.e, 'title', i18n.locale)}</strong>
          <br />
          <bdi dir="ltr">{c.code}</bdi> — <bdi>{localized(c, 'name', i18n.locale)}</bdi> · {townOf(c, i18n.locale)}
        </p>
        <DataTable
          rows={p.observers}
          empty={t('elections.stations.noObservers')}
          columns={[
            { label: t('elections.results.station'), cell: (o) => <bdi dir="ltr">{o.station}</bdi> },
            {
              label: t('elections.app.code'),
              rowHeader: true,
              cell: (o) => (
                <bdi dir="ltr" class="code">
                  {o.code}
                </bdi>
              ),
            },
            { label: t('elections.observers.name'), cell: (o) => <bdi>{o.name}</bdi> },
            { label: t('elections.observers.phone'), cell: (o) => (o.phone ? <Phone number={o.phone} /> : '—') },
            {
              label: t('elections.observers.kind'),
              cell: (o) =>
                `${t(`elections.observers.${o.kind === 'mobile' ? 'mobile' : 'fixed'}` as never)}${o.status === 'revoked' ? ` (${t('elections.observers.statuses.revoked')})` : ''}`,
            },
            { label: t('elections.stations.signature'), cell: () => <span class="sign-here" /> },
          ]}
        />
        <p class="print-foot">{t('elections.stations.printedOn', { date: i18n.date(new Date()) })}</p>
      </article>
    </Layout>
  );
}
