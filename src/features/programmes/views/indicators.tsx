// Indicator pages (public with the public threshold; internal with the internal one) and the
// staff dashboard of the feature.
import type { Translator } from '../../../core/i18n/index.js';
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import type { IndicatorReport, IndicatorTable } from '../indicators.js';
import { activityKinds, institutionTypes, recommendationStatuses } from '../rules.js';
import { TargetsTable } from './projects.js';
import { Figure, label, named, pick, type OrgMap, type TownMap } from './shared.js';

export type Labels = { towns: TownMap; orgs: OrgMap; courses: Map<number, { title_ar: string; title_en: string }> };

export function rowLabel(i18n: Translator, table: IndicatorTable, key: string, l: Labels): string {
  switch (table.key) {
    case 'trainedByAge':
    case 'participantsByAge':
      return label.age(i18n, key);
    case 'trainedByTown':
      return named(i18n, l.towns.get(key), key);
    case 'trainedByCourse':
    case 'completedByCourse': {
      const c = l.courses.get(Number(key));
      return c ? pick(i18n, c.title_ar, c.title_en) : key;
    }
    case 'trainedByOrganization':
      return named(i18n, l.orgs.get(Number(key)), key);
    default:
      return key;
  }
}

export const tableTitle = (i18n: Translator, key: string) => i18n.t(`programmes.ind.table.${key}` as never);

function Table(p: { table: IndicatorTable; labels: Labels; threshold: number }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const tb = p.table;
  if (!tb.rows.length) return null;
  return (
    <section>
      <h3>{tableTitle(i18n, tb.key)}</h3>
      <div class="table-wrap">
        <table class="indicator-table">
          <thead>
            <tr>
              <th></th>
              {tb.cols.map((c) => (
                <th scope="col">{label.gender(i18n, c)}</th>
              ))}
              {tb.withTotals ? <th scope="col">{t('programmes.ind.total')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {tb.rows.map((r, i) => (
              <tr>
                <th scope="row">{rowLabel(i18n, tb, r, p.labels)}</th>
                {tb.cells[i]!.map((v) => (
                  <td>
                    <Figure value={v} threshold={p.threshold} />
                  </td>
                ))}
                {tb.withTotals ? (
                  <td>
                    <Figure value={tb.rowTotals[i]!} threshold={p.threshold} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          {tb.withTotals ? (
            <tfoot>
              <tr>
                <th scope="row">{t('programmes.ind.total')}</th>
                {tb.colTotals.map((v) => (
                  <td>
                    <Figure value={v} threshold={p.threshold} />
                  </td>
                ))}
                <td>
                  <Figure value={tb.grandTotal} threshold={p.threshold} />
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
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
    <Layout title={title}>
      <h1>{title}</h1>
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
                {pick(i18n, pr.name_ar, pr.name_en)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('common.filter')}
        </button>
      </form>
      <ul class="figures">
        <li>
          <strong>
            <Figure value={r.headline.trained} threshold={r.threshold} />
          </strong>
          {t('programmes.ind.trained')}
        </li>
        <li>
          <strong>
            <Figure value={r.headline.trainedWomen} threshold={r.threshold} />
          </strong>
          {t('programmes.ind.trainedWomen')}
        </li>
        <li>
          <strong>
            <Figure value={r.headline.trainedMen} threshold={r.threshold} />
          </strong>
          {t('programmes.ind.trainedMen')}
        </li>
        <li>
          <strong>
            <Figure value={r.headline.completed} threshold={r.threshold} />
          </strong>
          {t('programmes.ind.completed')}
        </li>
        <li>
          <strong>{i18n.number(r.headline.activities)}</strong>
          {t('programmes.ind.activities')}
        </li>
        <li>
          <strong>
            <Figure value={r.headline.participants} threshold={r.threshold} />
          </strong>
          {t('programmes.ind.participants')}
        </li>
        <li>
          <strong>{i18n.number(r.headline.visits)}</strong>
          {t('programmes.ind.visits')}
        </li>
        <li>
          <strong>{i18n.number(r.headline.recommendations)}</strong>
          {t('programmes.ind.recommendations')}
        </li>
      </ul>
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
      <div class="table-wrap">
        <table>
          <caption>{t('programmes.ind.table.activitiesByKind')}</caption>
          <tbody>
            {activityKinds.map((k) => (
              <tr>
                <th scope="row">{label.kind(i18n, k)}</th>
                <td>{i18n.number(r.activitiesByKind[k] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('programmes.ind.table.visitsByInstitution')}</caption>
          <tbody>
            {institutionTypes.map((k) => (
              <tr>
                <th scope="row">{label.institution(i18n, k)}</th>
                <td>{i18n.number(r.visitsByInstitution[k] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t('programmes.ind.table.recommendationsByStatus')}</caption>
          <tbody>
            {recommendationStatuses.map((s) => (
              <tr>
                <th scope="row">{label.status(i18n, s)}</th>
                <td>{i18n.number(r.recommendationsByStatus[s] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="actions">
        <a class="button secondary" href={`${p.basePath}/export?${q}format=csv`}>
          {t('programmes.ind.exportCsv')}
        </a>
        <a class="button secondary" href={`${p.basePath}/export?${q}format=xlsx`}>
          {t('programmes.ind.exportXlsx')}
        </a>
      </p>
    </Layout>
  );
}

/** The report as spreadsheet rows: one block per table, suppressed cells as text. */
export function reportRows(i18n: Translator, r: IndicatorReport, l: Labels): (string | number | null)[][] {
  const hidden = i18n.t('programmes.ind.suppressed', { n: r.threshold });
  const v = (x: number | null) => (x === null ? hidden : x);
  const rows: (string | number | null)[][] = [];
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
    rows.push([pick(i18n, tg.label_ar, tg.label_en), v(tg.actual), i18n.t('programmes.targets.target'), tg.target]);
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
    <Layout title={t('programmes.home.title')}>
      <h1>{t('programmes.home.title')}</h1>
      <h2>{t('programmes.projects.title')}</h2>
      {p.projects.length ? (
        <ul>
          {p.projects.map((pr) => (
            <li>
              <a href={`/projects/${pr.id}/internal`}>{pick(i18n, pr.name_ar, pr.name_en)}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('programmes.projects.none')}</p>
      )}
      <h2>{t('programmes.cohort.mine')}</h2>
      {p.cohorts.length ? (
        <ul>
          {p.cohorts.map((c) => (
            <li>
              <a href={`/programmes/cohorts/${c.id}`}>
                <bdi>{c.label}</bdi>
              </a>{' '}
              — {pick(i18n, c.title_ar, c.title_en)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('programmes.cohort.none')}</p>
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
    </Layout>
  );
}
