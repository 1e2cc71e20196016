// A statement's frozen figures, as the public results page and the coordinators' statement page
// show them: small cells hidden ("fewer than 10"), coverage, turnout and women's share by centre
// and by station, votes per list at the observed stations.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.js';
import { DataTable } from '../../../core/views/components.js';
import { localized } from '../../../core/i18n/localized.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { dayAsDate } from '../../../core/time.js';
import type { PublicRow, StatementFigures } from './results.js';

/** A published count: a number, or "fewer than 10" when hidden. */
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

function RowsTable(p: { rows: PublicRow[]; first: string; named?: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <DataTable
      rows={p.rows}
      columns={[
        {
          label: p.first,
          rowHeader: true,
          cell: (r) => (
            <>
              <bdi dir="ltr">{r.code}</bdi>
              {p.named && r.name_ar ? (
                <>
                  {' '}
                  <bdi>{localized(r, 'name', i18n.locale)}</bdi>
                </>
              ) : null}
            </>
          ),
        },
        { label: t('elections.results.women'), cell: (r) => <Count n={r.women} /> },
        { label: t('elections.results.men'), cell: (r) => <Count n={r.men} /> },
        { label: t('elections.results.voters'), cell: (r) => <Count n={r.voters} /> },
        { label: t('elections.results.turnout'), cell: (r) => <Pct v={r.turnout} /> },
        { label: t('elections.results.womenShare'), cell: (r) => <Pct v={r.womenShare} /> },
      ]}
    />
  );
}

export function FiguresBlock(p: { f: StatementFigures; children?: ComponentChildren }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const f = p.f;
  return (
    <>
      <ul class="figures">
        <li>
          <strong>{i18n.number(f.centresObserved)}</strong>{' '}
          {t('elections.results.centresObserved', { total: f.centresTotal })}
        </li>
        <li>
          <strong>
            <Count n={f.voters} />
          </strong>{' '}
          {t('elections.results.votersLabel')}
        </li>
        <li>
          <strong>{i18n.number(f.seats)}</strong> {t('elections.seatsLabel', { seats: f.seats })}
        </li>
        <li>
          <strong>
            <Pct v={f.womenShare} />
          </strong>{' '}
          {t('elections.results.womenShareLabel')}
        </li>
      </ul>
      <p>
        {t('elections.results.coverage', { observed: f.stationsObserved, total: f.stationsTotal })}{' '}
        {f.stationsTotal > 0 ? `(${i18n.percent(f.stationsObserved / f.stationsTotal)})` : null}
      </p>
      {p.children}
      {f.centres.length ? (
        <>
          <h2>{t('elections.results.byCentre')}</h2>
          <RowsTable rows={f.centres} first={t('elections.results.centre')} named />
          <h2>{t('elections.results.byStation')}</h2>
          <RowsTable rows={f.stations} first={t('elections.results.station')} />
        </>
      ) : null}
      {f.candidates.length ? (
        <>
          <h2>{t('elections.results.votes')}</h2>
          <DataTable
            rows={f.candidates}
            columns={[
              {
                label: t('elections.candidates'),
                rowHeader: true,
                cell: (c) => (
                  <>
                    <bdi dir="ltr">{c.code}</bdi> — <bdi>{localized(c, 'name', i18n.locale)}</bdi>
                  </>
                ),
              },
              { label: t('elections.results.votesCol'), cell: (c) => <Count n={c.votes} /> },
            ]}
          />
          <p class="hint">{t('elections.results.votesNote')}</p>
        </>
      ) : null}
      <p class="hint">{t('elections.results.suppressionNote', { threshold: PUBLIC_THRESHOLD })}</p>
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
