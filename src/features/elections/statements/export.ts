// A published statement's results as files: a spreadsheet (CSV, in the reader's language, through
// the core's writer that neutralizes formulas) and a data file (JSON, both languages). They hold
// the same protected release as the page: a hidden figure is written as its label ("fewer than
// 10" / "withheld"), never as its value, and nothing of what the release is protected with (the
// basis), no observer, no device and no time but the statement's cut-off.
import type { Translator } from '../../../core/i18n/index.js';
import { localized } from '../../../core/i18n/localized.js';
import type { ProtectedFigure } from '../../../core/stats/release.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { toCsv, type CsvCell } from '../../../core/text/csv.js';
import type { Frozen } from './frozen.js';

export type ExportedFigure =
  { value: number } | { value: null; hidden: 'small' | 'withheld'; label_ar: string; label_en: string };

type Translators = { ar: Translator; en: Translator };

const hiddenLabel = (tr: Translator, hidden: 'small' | 'withheld') =>
  hidden === 'small' ? tr.t('stats.small', { threshold: PUBLIC_THRESHOLD }) : tr.t('stats.withheld');

/** One figure as a file may carry it: its value only when the page shows it. */
export function exportedFigure(f: ProtectedFigure | undefined, tr: Translators): ExportedFigure | null {
  if (!f) return null;
  if (f.disclosure === 'shown') return { value: f.value };
  return {
    value: null,
    hidden: f.disclosure,
    label_ar: hiddenLabel(tr.ar, f.disclosure),
    label_en: hiddenLabel(tr.en, f.disclosure),
  };
}

/** The centres in the page's order, each with its stations. */
function areas(frozen: Frozen) {
  return frozen.figures.centres.map((c) => ({ centre: c, stations: frozen.index.stationsOf.get(c.id) ?? [] }));
}

export type StatementMeta = { version: number; published_on: string | null; cutoff_at: string };

export function resultsJson(
  e: { id: number },
  s: StatementMeta,
  frozen: Frozen,
  tr: Translators,
  baseUrl: string,
): unknown {
  const f = frozen.figures;
  const fig = (key: string) => exportedFigure(f.figures[key], tr);
  const people = (key: string) => ({ women: fig(`${key}:w`), men: fig(`${key}:m`), voters: fig(`${key}:v`) });
  return {
    election: {
      id: e.id,
      title_ar: f.title_ar,
      title_en: f.title_en,
      poll_date: f.pollDate,
      seats: f.seats,
      towns: f.towns.map((t) => ({ pcode: t.pcode, name_ar: t.name_ar, name_en: t.name_en })),
    },
    statement: {
      version: s.version,
      published_on: s.published_on,
      cutoff_at: f.cutoffAt,
      page: `${baseUrl}/elections/${e.id}/results?version=${s.version}`,
    },
    how_we_publish: {
      threshold: PUBLIC_THRESHOLD,
      ar: tr.ar.t('elections.results.rule', { threshold: PUBLIC_THRESHOLD }),
      en: tr.en.t('elections.results.rule', { threshold: PUBLIC_THRESHOLD }),
    },
    coverage: {
      centres_observed: f.centresObserved,
      centres_total: f.centresTotal,
      stations_observed: f.stationsObserved,
      stations_total: f.stationsTotal,
      sheets_not_reconciled: f.unreconciled,
      sheets_in_conflict_not_counted: f.conflicts,
    },
    overall: { registered: f.registered, ...people('tot') },
    ballots: {
      candidates: f.candidates.map((c) => ({
        code: c.code,
        kind: c.kind,
        name_ar: c.name_ar,
        name_en: c.name_en,
        votes: fig(`cand:${c.code}`),
      })),
      valid: fig('valid'),
      invalid: fig('invalid'),
      blank: fig('blank'),
    },
    centres: areas(frozen).map(({ centre: c, stations }) => ({
      code: c.code,
      name_ar: c.name_ar,
      name_en: c.name_en,
      town: c.town ?? null,
      registered: c.registered,
      ...people(`ce:${c.id}`),
      stations: stations.map((st) => ({
        code: st.label,
        women_only: st.womenOnly,
        registered: st.registered,
        ...people(`st:${st.id}`),
      })),
    })),
  };
}

/** The spreadsheet: one row per line of the page's tables, in the reader's language. */
export function resultsCsv(frozen: Frozen, tr: Translator): string {
  const f = frozen.figures;
  const t = tr.t;
  const cell = (key: string): CsvCell => {
    const x = f.figures[key];
    if (!x) return '';
    return x.disclosure === 'shown' ? x.value : hiddenLabel(tr, x.disclosure);
  };
  const people = (key: string) => [cell(`${key}:w`), cell(`${key}:m`), cell(`${key}:v`)];
  const rows: CsvCell[][] = [
    [
      t('elections.export.table'),
      t('elections.export.code'),
      t('elections.export.name'),
      t('elections.results.women'),
      t('elections.results.men'),
      t('elections.results.voters'),
      t('elections.export.registered'),
      t('elections.results.votesCol'),
    ],
    [t('elections.results.overall'), '', t('elections.results.allObserved'), ...people('tot'), f.registered ?? '', ''],
  ];
  const ballots = t('elections.results.ballot');
  for (const c of f.candidates)
    rows.push([ballots, c.code, localized(c, 'name', tr.locale), '', '', '', '', cell(`cand:${c.code}`)]);
  for (const [key, label] of [
    ['valid', t('elections.results.valid')],
    ['invalid', t('elections.results.invalid')],
    ['blank', t('elections.results.blank')],
  ] as const)
    rows.push([ballots, '', label, '', '', '', '', cell(key)]);
  const centre = t('elections.results.centre');
  const station = t('elections.results.station');
  const womenOnly = t('elections.results.womenOnly');
  for (const { centre: c, stations } of areas(frozen)) {
    const name = localized(c, 'name', tr.locale);
    rows.push([centre, c.code, name, ...people(`ce:${c.id}`), c.registered ?? '', '']);
    for (const s of stations)
      rows.push([
        station,
        s.label,
        s.womenOnly ? `${name} ${womenOnly}` : name,
        ...people(`st:${s.id}`),
        s.registered ?? '',
        '',
      ]);
  }
  return toCsv(rows);
}
