// Indicator pages (public with the public threshold; internal with the internal one) and the
// staff dashboard of the feature.
import type { Translator } from '../../../core/i18n/index.js';
import { localized } from '../../../core/i18n/localized.js';
import { TitledLayout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { DataTable, Empty } from '../../../core/views/components.js';
import type { CsvCell } from '../../../core/text/csv.js';
import { TargetsTable } from '../projects/views.js';
import { activityKinds, institutionTypes, recommendationStatuses } from '../rules.js';
import { Figure, Figures, label, named, type OrgMap, type TownMap } from '../common/views.js';
import { FiguresNote } from '../../../core/views/figures.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import type { Cell, IndicatorReport, IndicatorTable } from './report.js';

export type Labels = { towns: TownMap; orgs: OrgMap; courses: Map<number, { title_ar: string; title_en: string }> };

export function rowLabel(i18n: Translator, table: IndicatorTable, key: string, l: Labels): string {
  switch (table.key) {
    case 'trainedByAge':
    case 'participantsByAge':
      return label.age(i18n, key);
    case 'trainedByTown':
      return named(i18n.locale, l.towns.get(key), key);
    case 'trainedByCourse':
    case 'completedByCourse': {
      const c = l.courses.get(Number(key));
      return c ? localized(c, 'title', i18n.locale) : key;
    }
    case 'trainedByOrganization':
      return named(i18n.locale, l.orgs.get(Number(key)), key);
    default:
      return key;
  }
}

export const tableTitle = (i18n: Translator, key: string) => i18n.t(`programmes.ind.table.${key}` as never);

function Table(p: { table: IndicatorTable; labels: Labels; threshold: number }) {
  const { i18n } = usePage();
  const tb = p.table;
  if (!tb.rows.length) return null;
  const total = i18n.t('programmes.ind.total');
  const fig = (v: Cell) => <Figure value={v} threshold={p.threshold} />;
  type Row = { key: string; i: number };
  return (
    <section>
      <h3>{tableTitle(i18n, tb.key)}</h3>
      <DataTable
        class="indicator-table"
        rows={tb.rows.map((key, i): Row => ({ key, i }))}
        columns={[
          { label: '', rowHeader: true, cell: (r) => rowLabel(i18n, tb, r.key, p.labels) },
          ...tb.cols.map((col, j) => ({ label: label.gender(i18n, col), cell: (r: Row) => fig(tb.cells[r.i]![j]!) })),
          tb.withTotals ? { label: total, cell: (r: Row) => fig(tb.rowTotals[r.i]!) } : null,
        ]}
        foot={
          tb.withTotals ? (
            <tr>
              <th scope="row">{total}</th>
              {tb.colTotals.map((v) => (
                <td>{fig(v)}</td>
              ))}
              <td>{fig(tb.grandTotal!)}</td>
            </tr>
          ) : undefined
        }
      />
      <FiguresNote
        figures={[...tb.cells.flat(), ...tb.rowTotals, ...tb.colTotals, tb.grandTotal]}
        threshold={p.threshold}
      />
    </section>
  );
}

/** Counts of events (not people, so not suppressed) by one vocabulary. */
function Tally<K extends string>(p: {
  caption: string;
  keys: K[];
  label: (k: K) => string;
  counts: Partial<Record<K, number>>;
}) {
  const { i18n } = usePage();
  return (
    <DataTable
      caption={p.caption}
      rows={p.keys}
      columns={[
        { label: i18n.t('programmes.ind.figure'), rowHeader: true, cell: (k) => p.label(k) },
        { label: i18n.t('programmes.ind.value'), numeric: true, cell: (k) => i18n.number(p.counts[k] ?? 0) },
      ]}
    />
  );
}

export function IndicatorsPage(p: {
  report: IndicatorReport;
  labels: Labels;
  internal: boolean;
  projects: { id: number; name_ar: string; name_en: string }[];
  projectId: number | null;
  basePath: string;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const r = p.report;
  const title = p.internal ? t('programmes.ind.internalTitle') : t('programmes.ind.title');
  const q = p.projectId ? `project=${p.projectId}&` : '';
  return (
    <TitledLayout title={title}>
      <p>
        {p.internal
          ? t('programmes.ind.internalIntro', { n: r.threshold })
          : t('programmes.ind.intro', { n: r.threshold })}
      </p>
      <form method="get" action={p.basePath} class="form form--inline">
        <div class="field">
          <label for="f-project">{t('programmes.ind.project')}</label>
          <select id="f-project" name="project">
            {p.internal ? null : <option value="">{t('programmes.ind.allProjects')}</option>}
            {p.projects.map((pr) => (
              <option value={String(pr.id)} selected={pr.id === p.projectId}>
                {localized(pr, 'name', i18n.locale)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('common.filter')}
        </button>
      </form>
      <Figures
        threshold={r.threshold}
        items={[
          { value: r.headline.trained, label: t('programmes.ind.trained') },
          { value: r.headline.trainedWomen, label: t('programmes.ind.trainedWomen') },
          { value: r.headline.trainedMen, label: t('programmes.ind.trainedMen') },
          { value: r.headline.completed, label: t('programmes.ind.completed') },
          { value: r.headline.activities, label: t('programmes.ind.activities'), suppressible: false },
          { value: r.headline.participants, label: t('programmes.ind.participants') },
          { value: r.headline.visits, label: t('programmes.ind.visits'), suppressible: false },
          { value: r.headline.recommendations, label: t('programmes.ind.recommendations'), suppressible: false },
        ]}
      />
      {r.targets.length ? (
        <>
          <h2>{t('programmes.targets.title')}</h2>
          <TargetsTable targets={r.targets} threshold={r.threshold} />
        </>
      ) : null}
      <h2>{t('programmes.ind.people')}</h2>
      {r.tables.map((tb) => (
        <Table table={tb} labels={p.labels} threshold={r.threshold} />
      ))}
      <h2>{t('programmes.ind.events')}</h2>
      <Tally
        caption={t('programmes.ind.table.activitiesByKind')}
        keys={activityKinds}
        label={(k) => label.kind(i18n, k)}
        counts={r.activitiesByKind}
      />
      <Tally
        caption={t('programmes.ind.table.visitsByInstitution')}
        keys={institutionTypes}
        label={(k) => label.institution(i18n, k)}
        counts={r.visitsByInstitution}
      />
      <Tally
        caption={t('programmes.ind.table.recommendationsByStatus')}
        keys={recommendationStatuses}
        label={(k) => label.status(i18n, k)}
        counts={r.recommendationsByStatus}
      />
      {p.internal ? <p class="notice">{t('programmes.ind.shareNote', { n: PUBLIC_THRESHOLD })}</p> : null}
      <p class="actions">
        <a class="button secondary" href={`${p.basePath}/export?${q}format=csv`}>
          {t('programmes.ind.exportCsv')}
        </a>
        <a class="button secondary" href={`${p.basePath}/export?${q}format=xlsx`}>
          {t('programmes.ind.exportXlsx')}
        </a>
      </p>
    </TitledLayout>
  );
}

/** The report as spreadsheet rows: one block per table, suppressed cells as text. */
export function reportRows(i18n: Translator, r: IndicatorReport, l: Labels): CsvCell[][] {
  // The same true labels as the page: "fewer than N" for a small count, "withheld" for one hidden
  // to protect another.
  const small = i18n.t('stats.small', { threshold: r.threshold });
  const withheld = i18n.t('stats.withheld');
  const v = (x: Cell | null): CsvCell =>
    !x ? '' : x.disclosure === 'shown' ? x.value : x.disclosure === 'small' ? small : withheld;
  const rows: CsvCell[][] = [];
  rows.push([i18n.t('programmes.ind.figure'), i18n.t('programmes.ind.value')]);
  rows.push([i18n.t('programmes.ind.trained'), v(r.headline.trained)]);
  rows.push([i18n.t('programmes.ind.trainedWomen'), v(r.headline.trainedWomen)]);
  rows.push([i18n.t('programmes.ind.trainedMen'), v(r.headline.trainedMen)]);
  rows.push([i18n.t('programmes.ind.completed'), v(r.headline.completed)]);
  rows.push([i18n.t('programmes.ind.activities'), r.headline.activities]);
  rows.push([i18n.t('programmes.ind.participants'), v(r.headline.participants)]);
  rows.push([i18n.t('programmes.ind.visits'), r.headline.visits]);
  rows.push([i18n.t('programmes.ind.recommendations'), r.headline.recommendations]);
  for (const tg of r.targets) {
    const actual = tg.figure ? v(tg.figure) : (tg.actual ?? '');
    rows.push([localized(tg, 'label', i18n.locale), actual, i18n.t('programmes.targets.target'), tg.target]);
  }
  for (const tb of r.tables) {
    if (!tb.rows.length) continue;
    rows.push([]);
    rows.push([
      tableTitle(i18n, tb.key),
      ...tb.cols.map((c) => label.gender(i18n, c)),
      ...(tb.withTotals ? [i18n.t('programmes.ind.total')] : []),
    ]);
    tb.rows.forEach((key, i) =>
      rows.push([rowLabel(i18n, tb, key, l), ...tb.cells[i]!.map(v), ...(tb.withTotals ? [v(tb.rowTotals[i]!)] : [])]),
    );
    if (tb.withTotals) rows.push([i18n.t('programmes.ind.total'), ...tb.colTotals.map(v), v(tb.grandTotal)]);
  }
  rows.push([]);
  rows.push([i18n.t('programmes.ind.table.recommendationsByStatus')]);
  for (const s of recommendationStatuses) rows.push([label.status(i18n, s), r.recommendationsByStatus[s] ?? 0]);
  rows.push([]);
  rows.push([i18n.t('programmes.ind.table.activitiesByKind')]);
  for (const k of activityKinds) rows.push([label.kind(i18n, k), r.activitiesByKind[k] ?? 0]);
  rows.push([]);
  rows.push([i18n.t('programmes.ind.table.visitsByInstitution')]);
  for (const k of institutionTypes) rows.push([label.institution(i18n, k), r.visitsByInstitution[k] ?? 0]);
  rows.push([]);
  rows.push([i18n.t('stats.note.small', { threshold: r.threshold, max: r.threshold - 1 })]);
  rows.push([i18n.t('stats.note.withheld')]);
  return rows;
}

export function ProgrammesHomePage(p: {
  projects: { id: number; name_ar: string; name_en: string }[];
  cohorts: { id: number; label: string; title_ar: string; title_en: string; start_date: string }[];
  orgs: { id: number; name: string; trainees: number }[];
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <TitledLayout title={t('programmes.home.title')}>
      <h2>{t('programmes.projects.title')}</h2>
      {p.projects.length ? (
        <ul>
          {p.projects.map((pr) => (
            <li>
              <a href={`/projects/${pr.id}/internal`}>{localized(pr, 'name', i18n.locale)}</a>
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('programmes.projects.none')} />
      )}
      <h2>{t('programmes.cohort.mine')}</h2>
      {p.cohorts.length ? (
        <ul>
          {p.cohorts.map((c) => (
            <li>
              <a href={`/programmes/cohorts/${c.id}`}>
                <bdi>{c.label}</bdi>
              </a>{' '}
              — {localized(c, 'title', i18n.locale)}
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('programmes.cohort.none')} />
      )}
      <h2>{t('programmes.trainee.listTitle')}</h2>
      <ul>
        {p.orgs.map((o) => (
          <li>
            <a href={`/programmes/trainees?org=${o.id}`}>
              <bdi>{o.name}</bdi>
            </a>{' '}
            — {t('programmes.trainee.count', { count: o.trainees })}
          </li>
        ))}
      </ul>
    </TitledLayout>
  );
}
