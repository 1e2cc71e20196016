// A statement's frozen figures, as the public results page and the coordinators' statement page
// show them: each figure protected with the whole release (results.ts), labelled truly — "fewer
// than 10" when small, "withheld" when hidden to protect another — with the rule in plain words;
// coverage, the sheets that did not reconcile, turnout and women's share overall, votes per list,
// valid, invalid and blank; then by centre and by station (against each station's own register),
// a hundred centres a page (and one town at a time where there are several), a link per page.
import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/context.js';
import { DataTable } from '../../../core/views/components.js';
import { localized } from '../../../core/i18n/localized.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { dayAsDate } from '../../../core/time.js';
import { Figure, FiguresNote } from '../../../core/views/figures.js';
import type { ProtectedFigure } from '../../../core/stats/release.js';
import type { FiguresIndex } from './frozen.js';
import { shownValue, type StatementFigures } from './results.js';

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
export function FiguresRule(p: { figures: (ProtectedFigure | undefined)[] }) {
  const { t } = usePage().i18n;
  return (
    <>
      <FiguresNote figures={p.figures} />
      <p class="hint">{t('elections.results.rule', { threshold: PUBLIC_THRESHOLD })}</p>
    </>
  );
}

/** Centres per page of the table by centre (a national election has thousands). */
export const CENTRES_PER_PAGE = 100;

/** Where the tables by centre and station are: a page, maybe one town, and the links to the others. */
export type TablePlace = { page: number; town: string | null; href: (page: number, town: string | null) => string };

/** A link per page of the centres (and their stations), and one per town when there are several. */
function TableNav(p: { place: TablePlace; page: number; pageCount: number; index: FiguresIndex }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const { place } = p;
  return (
    <>
      {p.index.towns.length > 1 ? (
        <nav aria-label={t('elections.results.byTown')} class="results-towns">
          <ul class="tags">
            <li>
              {place.town === null ? (
                <strong aria-current="true">{t('elections.results.allTowns')}</strong>
              ) : (
                <a href={place.href(1, null)}>{t('elections.results.allTowns')}</a>
              )}
            </li>
            {p.index.towns.map((town) => {
              const label = `${localized(town, 'name', i18n.locale)} (${i18n.number(town.centres)})`;
              return (
                <li>
                  {place.town === town.pcode ? (
                    <strong aria-current="true">
                      <bdi>{label}</bdi>
                    </strong>
                  ) : (
                    <a href={place.href(1, town.pcode)}>
                      <bdi>{label}</bdi>
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
      {p.pageCount > 1 ? (
        <nav aria-label={t('elections.results.pages')} class="pagination results-pages">
          <ul class="tags">
            {Array.from({ length: p.pageCount }, (_, i) => i + 1).map((n) => (
              <li>
                {n === p.page ? (
                  <strong aria-current="page">{i18n.number(n)}</strong>
                ) : (
                  <a href={place.href(n, place.town)}>{i18n.number(n)}</a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

export function FiguresBlock(p: {
  f: StatementFigures;
  index: FiguresIndex;
  /** the page (and town) of the tables by centre and station, and where the others are */
  place: TablePlace;
  children?: ComponentChildren;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const f = p.f;
  if (f.format !== 2) return <p class="meta">{t('elections.results.oldFormat')}</p>;
  const voters = shownValue(f, 'tot:v');
  const women = shownValue(f, 'tot:w');
  const town = p.index.towns.some((x) => x.pcode === p.place.town) ? p.place.town : null;
  const inTown = town ? f.centres.filter((c) => c.town === town) : f.centres;
  const pageCount = Math.max(1, Math.ceil(inTown.length / CENTRES_PER_PAGE));
  const page = Math.min(Math.max(1, p.place.page), pageCount);
  const centres = inTown.slice((page - 1) * CENTRES_PER_PAGE, page * CENTRES_PER_PAGE);
  const stations = centres.flatMap((c) => p.index.stationsOf.get(c.id) ?? []);
  const ballots: { key: string; label: string }[] = [
    ...f.candidates.map((c) => ({ key: `cand:${c.code}`, label: `${c.code} — ${localized(c, 'name', i18n.locale)}` })),
    { key: 'valid', label: t('elections.results.valid') },
    { key: 'invalid', label: t('elections.results.invalid') },
    { key: 'blank', label: t('elections.results.blank') },
    { key: 'tot:v', label: t('elections.results.ballotsTotal') },
  ];
  // The notes explain the labels of the figures on this page only.
  const parts = ['w', 'm', 'v'];
  const onPage = [
    ...['tot', ...centres.map((c) => `ce:${c.id}`), ...stations.map((s) => `st:${s.id}`)].flatMap((k) =>
      parts.map((x) => f.figures[`${k}:${x}`]),
    ),
    ...ballots.map((b) => f.figures[b.key]),
  ];
  const place = { ...p.place, town };
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
      <h2>{t('elections.results.votes')}</h2>
      <DataTable
        rows={ballots}
        columns={[
          { label: t('elections.results.ballot'), rowHeader: true, cell: (b) => <bdi>{b.label}</bdi> },
          { label: t('elections.results.votesCol'), cell: (b) => <Figure figure={f.figures[b.key]} id={b.key} /> },
        ]}
      />
      <p class="hint">{t('elections.results.votesNote')}</p>
      {f.centres.length ? (
        <section id="centres">
          <h2>{t('elections.results.byCentre')}</h2>
          <p class="meta">
            {t('elections.results.centresShown', {
              from: (page - 1) * CENTRES_PER_PAGE + 1,
              to: (page - 1) * CENTRES_PER_PAGE + centres.length,
              total: inTown.length,
            })}
          </p>
          <TableNav place={place} page={page} pageCount={pageCount} index={p.index} />
          <RowsTable
            f={f}
            first={t('elections.results.centre')}
            rows={centres.map((c) => ({
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
          {pageCount > 1 ? <p class="meta">{t('elections.results.stationsOfPage')}</p> : null}
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
          <TableNav place={place} page={page} pageCount={pageCount} index={{ ...p.index, towns: [] }} />
        </section>
      ) : null}
      <FiguresRule figures={onPage} />
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
