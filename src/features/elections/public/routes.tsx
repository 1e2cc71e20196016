// Public pages: the list of elections (drafts only for their coordinators), an election with its
// outreach summary (small cells hidden), and its results — only what a published statement froze.
import { z } from 'zod';
import { fromJson } from '../../../core/db/helpers.js';
import { notFound, page } from '../../../core/http/route.js';
import { PUBLIC_THRESHOLD, suppressTable } from '../../../core/stats/suppression.js';
import { asResource, canCreateElection, election } from '../permissions.js';
import type { Section } from '../../../core/views/sections.js';
import { electionDetails, electionTowns, electionsInTown, listElections } from '../queries.js';
import { outreachKinds } from '../schemas.js';
import { listOutreach } from '../outreach/queries.js';
import { publishedStatements } from '../statements/queries.js';
import type { StatementFigures } from '../statements/results.js';
import {
  ElectionPage,
  ElectionsListPage,
  ResultsPage,
  TownElectionsSection,
  type OutreachSummaryRow,
} from './views.js';

type OutreachRow = Awaited<ReturnType<typeof listOutreach>>[number];

/** Activities, leaflets and people reached by kind of outreach, women and men under 10 hidden. */
function outreachSummary(outreach: OutreachRow[]): OutreachSummaryRow[] {
  const kinds = outreachKinds.filter((k) => outreach.some((o) => o.kind === k));
  const byKind = kinds.map((k) => outreach.filter((o) => o.kind === k));
  const sum = (rows: OutreachRow[], f: (r: OutreachRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const table = suppressTable(
    byKind.map((rows) => [sum(rows, (r) => r.reached_women), sum(rows, (r) => r.reached_men)]),
    PUBLIC_THRESHOLD,
    { withTotals: true },
  );
  return kinds.map((kind, i) => {
    const rows = byKind[i]!;
    const leaflets = rows.filter((r) => r.leaflets !== null);
    return {
      kind,
      activities: rows.length,
      leaflets: leaflets.length ? sum(leaflets, (r) => r.leaflets ?? 0) : null,
      women: table.cells[i]![0] ?? null,
      men: table.cells[i]![1] ?? null,
    };
  });
}

export const publicRoutes = [
  page('/elections', {
    access: 'public',
    async render(c) {
      const netAdminOf = [...c.actor.networkRoles].filter(([, r]) => r.has('networkAdmin')).map(([id]) => id);
      const elections = await listElections(c.db, {
        includeDraftFor: [...c.actor.orgRoles.keys()],
        networkAdminOf: netAdminOf,
      });
      const withTowns = await Promise.all(
        elections.map(async (e) => ({ ...e, towns: await electionTowns(c.db, e.id) })),
      );
      return <ElectionsListPage elections={withTowns} canCreate={canCreateElection(c.actor)} />;
    },
  }),

  page('/elections/:id', {
    access: 'public',
    load: election('view'),
    async render(c, e) {
      const [{ towns, candidates, partners }, outreach, statements] = await Promise.all([
        electionDetails(c.db, e.id),
        listOutreach(c.db, e.id),
        publishedStatements(c.db, e.id),
      ]);
      return (
        <ElectionPage
          election={e}
          towns={towns}
          candidates={candidates}
          organizers={partners.filter((p) => p.role === 'organizer')}
          partners={partners.filter((p) => p.role === 'partner')}
          outreach={outreachSummary(outreach)}
          hasStatement={statements.length > 0}
          canCoordinate={c.can('coordinate', asResource(e))}
        />
      );
    },
  }),

  page('/elections/:id/results', {
    access: 'public',
    // anything but a published version's number (a list, a word) is a 404, like a version that is not there
    query: z.object({
      version: z.string().optional().catch(''),
      page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
    }),
    load: election('view'),
    async render(c, e) {
      const published = await publishedStatements(c.db, e.id);
      const asked = c.query.version;
      const chosen = asked === undefined ? published[0] : published.find((s) => String(s.version) === asked);
      if (asked !== undefined && !chosen) notFound();
      return (
        <ResultsPage
          election={e}
          statement={
            chosen
              ? {
                  ...chosen,
                  published_on: chosen.published_on ?? '',
                  figures: fromJson<StatementFigures>(chosen.figures, null as never),
                }
              : null
          }
          versions={published.map((s) => ({ ...s, published_on: s.published_on ?? '' }))}
          latestVersion={published[0]?.version ?? null}
          page={c.query.page}
        />
      );
    },
  }),
];

/** "Elections in this town" on the page of each town in an election's area (not drafts). */
export const townSection: Section = {
  slot: 'town',
  order: 60,
  async load(req, pcode) {
    const rows = await electionsInTown(req.server.wasl.db, pcode);
    return rows.length ? <TownElectionsSection elections={rows} /> : null;
  },
};
