// Indicators: public figures of public projects (public threshold) and the internal ones for the
// projects a person works in (internal threshold), with CSV and XLSX exports (audit-logged,
// formulas neutralized); and the staff overview at /programmes.
//
// The internal page shows figures at the internal threshold to the participating members' staff
// only (protected around what the public pages show, so insiders reading both learn no count
// under 5), and nothing of it leaves as a file: its downloads are for sharing (a donor, a report),
// so they carry the project's figures of the one public release (report.ts) — what a file may
// meet outside, /indicators and the activity reports, cannot be subtracted from it.
import { isSet } from '../../../core/db/helpers.js';
import { endpoint, notFound, page, type AnyCtx } from '../../../core/http/route.js';
import { INTERNAL_THRESHOLD, PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { toXlsx } from '../../../core/stats/export.js';
import { toCsv } from '../../../core/text/csv.js';
import { damascusDay } from '../../../core/time.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { projectResource } from '../permissions.js';
import { listProjects } from '../projects/queries.js';
import { indicatorsQuery } from '../schemas.js';
import { myOrgIds } from '../common/choices.js';
import { organizationNames, townNames } from '../common/queries.js';
import { named } from '../common/views.js';
import { countTrainees } from '../trainees/queries.js';
import { getCourse, listCohorts } from '../training/queries.js';
import { buildIndicators, type IndicatorReport } from './report.js';
import { IndicatorsPage, ProgrammesHomePage, reportRows, type Labels } from './views.js';

type Query = { project?: number; format?: 'csv' | 'xlsx' };
type Indicators = {
  report: IndicatorReport;
  projects: { id: number; name_ar: string; name_en: string }[];
  projectId: number | null;
  labels: Labels;
};

async function labelsFor(c: AnyCtx, report: IndicatorReport): Promise<Labels> {
  const keys = (k: string) => report.tables.filter((t) => t.key === k).flatMap((t) => t.rows);
  const courseIds = [...new Set([...keys('trainedByCourse'), ...keys('completedByCourse')].map(Number))];
  const courses = await Promise.all(courseIds.map((id) => getCourse(c.db, id)));
  return {
    towns: await townNames(c.db, keys('trainedByTown')),
    orgs: await organizationNames(c.db, keys('trainedByOrganization').map(Number)),
    courses: new Map(courses.flatMap((co) => (co ? [[co.id, co] as const] : []))),
  };
}

/** Public projects only, all of them or the one asked for (another one is ignored). */
async function publicIndicators(c: AnyCtx, q: Query): Promise<Indicators> {
  const network = (await getDefaultNetwork(c.db)) ?? notFound();
  const projects = (await listProjects(c.db, network.id)).filter((p) => isSet(p.is_public));
  const projectId = q.project && projects.some((p) => p.id === q.project) ? q.project : null;
  const report = await buildIndicators(c.db, { networkId: network.id, projectId, publicOnly: true }, PUBLIC_THRESHOLD);
  return { report, projects, projectId, labels: await labelsFor(c, report) };
}

/**
 * One project the person sees the inside of (default: the first); anything else is a 404. At the
 * public threshold, its figures for sharing.
 */
async function internalIndicators(c: AnyCtx, q: Query, threshold: number): Promise<Indicators> {
  const network = (await getDefaultNetwork(c.db)) ?? notFound();
  const projects = (await listProjects(c.db, network.id)).filter((p) => c.can('viewInternal', projectResource(p)));
  const projectId = q.project ?? projects[0]?.id ?? notFound();
  if (!projects.some((p) => p.id === projectId)) notFound();
  const report = await buildIndicators(c.db, { networkId: network.id, projectId, publicOnly: false }, threshold);
  return { report, projects, projectId, labels: await labelsFor(c, report) };
}

/** A spreadsheet of the report, logged (who exported what, at which threshold). */
async function sendExport(c: AnyCtx, r: Indicators, format: 'csv' | 'xlsx', internal: boolean) {
  const rows = reportRows(c.i18n, r.report, r.labels);
  await c.audit(internal ? 'programmes.indicators.exported.internal' : 'programmes.indicators.exported', {
    targetType: 'programme_project',
    targetId: r.projectId ?? undefined,
    details: { format, threshold: r.report.threshold },
  });
  const name = `indicators-${r.projectId ?? 'all'}-${damascusDay(c.now)}`;
  c.reply.header('content-disposition', `attachment; filename="${name}.${format}"`);
  if (format === 'xlsx')
    return c.reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await toXlsx(c.t('programmes.ind.title'), rows));
  return c.reply.type('text/csv; charset=utf-8').send(toCsv(rows));
}

const indicatorsPage = (r: Indicators, internal: boolean, basePath: string) => (
  <IndicatorsPage
    report={r.report}
    labels={r.labels}
    internal={internal}
    projects={r.projects}
    projectId={r.projectId}
    basePath={basePath}
  />
);

export const indicatorRoutes = [
  page('/indicators', {
    access: 'public',
    query: indicatorsQuery,
    load: (c) => publicIndicators(c, c.query),
    render: (_c, r) => indicatorsPage(r, false, '/indicators'),
  }),

  endpoint('GET', '/indicators/export', {
    access: 'public',
    query: indicatorsQuery,
    load: (c) => publicIndicators(c, c.query),
    handle: (c, r) => sendExport(c, r, c.query.format ?? 'csv', false),
  }),

  page('/programmes/indicators', {
    access: 'member',
    query: indicatorsQuery,
    load: (c) => internalIndicators(c, c.query, INTERNAL_THRESHOLD),
    render: (_c, r) => indicatorsPage(r, true, '/programmes/indicators'),
  }),

  endpoint('GET', '/programmes/indicators/export', {
    access: 'member',
    query: indicatorsQuery,
    // for sharing: the public release's figures, never the internal ones
    load: (c) => internalIndicators(c, c.query, PUBLIC_THRESHOLD),
    handle: (c, r) => sendExport(c, r, c.query.format ?? 'csv', true),
  }),

  // The staff overview: the projects a person works in, their cohorts and trainee counts.
  page('/programmes', {
    access: 'member',
    async render(c) {
      const network = await getDefaultNetwork(c.db);
      const projects = network ? await listProjects(c.db, network.id) : [];
      const mine = myOrgIds(c);
      const [cohorts, orgs, counts] = await Promise.all([
        listCohorts(c.db, { organizationIds: mine }),
        organizationNames(c.db, mine),
        Promise.all(mine.map((id) => countTrainees(c.db, id))),
      ]);
      return (
        <ProgrammesHomePage
          projects={projects.filter((p) => c.can('viewInternal', projectResource(p)))}
          cohorts={cohorts}
          orgs={mine.map((id, i) => ({ id, name: named(c.locale, orgs.get(id)), trainees: counts[i]! }))}
        />
      );
    },
  }),
];
