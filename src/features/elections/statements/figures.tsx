// A statement's frozen figures, as the public results page and the coordinators' statement page
// show them: each figure protected with the whole release (results.ts), labelled truly — "fewer
// than 10" when small, "withheld" when hidden to protect another — with the rule in plain words;
// coverage, the sheets that did not reconcile, turnout and women's share overall, by centre and
// by station (against each station's own register), votes per list, valid, invalid and blank.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.js';
import { DataTable, Pagination } from '../../../core/views/components.js';
import { localized } from '../../../core/i18n/localized.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { dayAsDate } from '../../../core/time.js';
import { Figure, FiguresNote } from '../../../core/views/figures.js';
import { shownValue, type StatementFigures } from './results.js';

/** A published count of the outreach summary: a number, or "fewer than 10" when hidden. */
export function Count(p: { n: number | null }) {
  const { i18n } = usePage();
  return p.n === null ? (
    <span class="meta">{i18n.t('elections.results.hidden', { threshold: PUBLIC_THRESHOLD })}</span>
  ) : (
    <>{i18n.number(p.n)}</>
  );
}

export function Pct(p: { v: number | null }) {
  const { i18n } = usePage();
  return p.v === null ? <span class="meta">—</span> : <>{i18n.percent(p.v)}</>;
}

type FigureRow = { key: string; label: ComponentChildren; registered: number | null };

/** Women, men, voters, turnout and women's share: a ratio only where both its numbers are shown. */
function RowsTable(p: { f: StatementFigures; rows: FigureRow[]; first: string }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const fig = (r: FigureRow, part: string) => p.f.figures[`${r.key}:${part}`];
  const voters = (r: FigureRow) => shownValue(p.f, `${r.key}:v`);
  const women = (r: FigureRow) => shownValue(p.f, `${r.key}:w`);
  return (
    <DataTable
      rows={p.rows}
      columns={[
        { label: p.first, rowHeader: true, cell: (r) => r.label },
        { label: t('elections.results.women'), cell: (r) => <Figure figure={fig(r, 'w')} id={`${r.key}:w`} /> },
        { label: t('elections.results.men'), cell: (r) => <Figure figure={fig(r, 'm')} id={`${r.key}:m`} /> },
        { label: t('elections.results.voters'), cell: (r) => <Figure figure={fig(r, 'v')} id={`${r.key}:v`} /> },
        {
          label: t('elections.results.turnout'),
          cell: (r) => {
            const v = voters(r);
            return <Pct v={v !== null && r.registered ? v / r.registered : null} />;
          },
        },
        {
          label: t('elections.results.womenShare'),
          cell: (r) => {
            const v = voters(r);
            const w = women(r);
            return <Pct v={v && w !== null ? w / v : null} />;
          },
        },
      ]}
    />
  );
}

/** The rule in plain words, and the one-line notes for what this page hides. */
export function FiguresRule(p: { f: StatementFigures }) {
  const { t } = usePage().i18n;
  return (
    <>
      <FiguresNote figures={Object.values(p.f.figures)} />
      <p class="hint">{t('elections.results.rule', { threshold: PUBLIC_THRESHOLD })}</p>
    </>
  );
}

/** Stations per page of the table by station (a national election has thousands). */
export const STATIONS_PER_PAGE = 250;

export function FiguresBlock(p: {
  f: StatementFigures;
  children?: ComponentChildren;
  /** the page of the table by station, and where the others are */
  stationPage?: { page: number; hrefFor: (page: number) => string };
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const f = p.f;
  if (f.format !== 2) return <p class="meta">{t('elections.results.oldFormat')}</p>;
  const voters = shownValue(f, 'tot:v');
  const women = shownValue(f, 'tot:w');
  const pageCount = p.stationPage ? Math.max(1, Math.ceil(f.stations.length / STATIONS_PER_PAGE)) : 1;
  const stationPage = Math.min(Math.max(1, p.stationPage?.page ?? 1), pageCount);
  const stations = p.stationPage
    ? f.stations.slice((stationPage - 1) * STATIONS_PER_PAGE, stationPage * STATIONS_PER_PAGE)
    : f.stations;
  const ballots: { key: string; label: string }[] = [
    ...f.candidates.map((c) => ({ key: `cand:${c.code}`, label: `${c.code} — ${localized(c, 'name', i18n.locale)}` })),
    { key: 'valid', label: t('elections.results.valid') },
    { key: 'invalid', label: t('elections.results.invalid') },
    { key: 'blank', label: t('elections.results.blank') },
    { key: 'tot:v', label: t('elections.results.ballotsTotal') },
  ];
  return (
    <>
      <ul class="figures">
        <li>
          <strong>{i18n.number(f.centresObserved)}</strong>{' '}
          {t('elections.results.centresObserved', { total: f.centresTotal })}
        </li>
        <li>
          <strong>
            <Figure figure={f.figures['tot:v']} id="tot:v" />
          </strong>{' '}
          {t('elections.results.votersLabel')}
        </li>
        <li>
          <strong>{i18n.number(f.seats)}</strong> {t('elections.seatsLabel', { seats: f.seats })}
        </li>
        <li>
          <strong>
            <Pct v={voters && f.registered ? voters / f.registered : null} />
          </strong>{' '}
          {t('elections.results.turnoutLabel')}
        </li>
        <li>
          <strong>
            <Pct v={voters && women !== null ? women / voters : null} />
          </strong>{' '}
          {t('elections.results.womenShareLabel')}
        </li>
      </ul>
      <p>
        {t('elections.results.coverage', { observed: f.stationsObserved, total: f.stationsTotal })}{' '}
        {f.stationsTotal > 0 ? `(${i18n.percent(f.stationsObserved / f.stationsTotal)})` : null}
      </p>
      <p>
        {f.unreconciled > 0
          ? t('elections.results.unreconciled', { count: f.unreconciled })
          : t('elections.results.allReconciled')}
        {f.conflicts > 0 ? <> {t('elections.results.conflictsLeftOut', { count: f.conflicts })}</> : null}
      </p>
      {p.children}
      <h2>{t('elections.results.overall')}</h2>
      <RowsTable
        f={f}
        first={t('elections.results.area')}
        rows={[{ key: 'tot', label: t('elections.results.allObserved'), registered: f.registered }]}
      />
      {f.centres.length ? (
        <>
          <h2>{t('elections.results.byCentre')}</h2>
          <RowsTable
            f={f}
            first={t('elections.results.centre')}
            rows={f.centres.map((c) => ({
              key: `ce:${c.id}`,
              registered: c.registered,
              label: (
                <>
                  <bdi dir="ltr">{c.code}</bdi> <bdi>{localized(c, 'name', i18n.locale)}</bdi>
                </>
              ),
            }))}
          />
          <h2>{t('elections.results.byStation')}</h2>
          <RowsTable
            f={f}
            first={t('elections.results.station')}
            rows={stations.map((s) => ({
              key: `st:${s.id}`,
              registered: s.registered,
              label: (
                <>
                  <bdi dir="ltr">{s.label}</bdi>
                  {s.womenOnly ? <> {t('elections.results.womenOnly')}</> : null}
                </>
              ),
            }))}
          />
          {p.stationPage ? (
            <Pagination page={stationPage} pageCount={pageCount} hrefFor={p.stationPage.hrefFor} />
          ) : null}
        </>
      ) : null}
      <h2>{t('elections.results.votes')}</h2>
      <DataTable
        rows={ballots}
        columns={[
          { label: t('elections.results.ballot'), rowHeader: true, cell: (b) => <bdi>{b.label}</bdi> },
          { label: t('elections.results.votesCol'), cell: (b) => <Figure figure={f.figures[b.key]} id={b.key} /> },
        ]}
      />
      <p class="hint">{t('elections.results.votesNote')}</p>
      <FiguresRule f={f} />
    </>
  );
}

/** "Version 2, published 29 June 2026" */
export function VersionOn(p: { s: { version: number; published_on: string | null } }) {
  const { i18n } = usePage();
  return (
    <>
      {i18n.t('elections.statement.versionOn', {
        version: p.s.version,
        date: i18n.date(dayAsDate(p.s.published_on ?? '')),
      })}
    </>
  );
}
