// Public pages: the list of elections (drafts only for their coordinators), an election with its
// outreach summary (a protected release: true labels), and its results — only what a published statement froze.
import { z } from 'zod';
import { endpoint, notFound, page } from '../../../core/http/route.js';
import { protectRelease } from '../../../core/stats/release.js';
import { PUBLIC_THRESHOLD } from '../../../core/stats/suppression.js';
import { asResource, canCreateElection, election } from '../permissions.js';
import type { Section } from '../../../core/views/sections.js';
import { electionDetails, electionTowns, electionsInTown, listElections } from '../queries.js';
import { outreachKinds } from '../schemas.js';
import { listOutreach } from '../outreach/queries.js';
import { publishedStatements } from '../statements/queries.js';
import { resultsCsv, resultsJson } from '../statements/export.js';
import { frozenFigures } from '../statements/frozen.js';
import {
  ElectionPage,
  ElectionsListPage,
  ResultsPage,
  TownElectionsSection,
  type OutreachSummaryRow,
} from './views.js';

type OutreachRow = Awaited<ReturnType<typeof listOutreach>>[number];

/**
 * Activities, leaflets and people reached by kind of outreach. The women and men reached are one
 * protected release (core/stats/release.ts): the atoms are each activity's counts, the figures
 * the sums by kind, so a label says "fewer than 10" only of a figure that is.
 */
function outreachSummary(outreach: OutreachRow[]): OutreachSummaryRow[] {
  const kinds = outreachKinds.filter((k) => outreach.some((o) => o.kind === k));
  const byKind = kinds.map((k) => outreach.filter((o) => o.kind === k));
  const sum = (rows: OutreachRow[], f: (r: OutreachRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const atoms = new Map<string, number>();
  for (const o of outreach) {
    atoms.set(`o${o.id}:w`, o.reached_women);
    atoms.set(`o${o.id}:m`, o.reached_men);
  }
  const figures = kinds.flatMap((kind, i) => [
    { key: `${kind}:w`, atoms: byKind[i]!.map((o) => `o${o.id}:w`) },
    { key: `${kind}:m`, atoms: byKind[i]!.map((o) => `o${o.id}:m`) },
  ]);
  const release = protectRelease({ threshold: PUBLIC_THRESHOLD, atoms, figures });
  return kinds.map((kind, i) => {
    const rows = byKind[i]!;
    const leaflets = rows.filter((r) => r.leaflets !== null);
    return {
      kind,
      activities: rows.length,
      leaflets: leaflets.length ? sum(leaflets, (r) => r.leaflets ?? 0) : null,
      women: release.get(`${kind}:w`)!,
      men: release.get(`${kind}:m`)!,
    };
  });
}

// anything but a published version's number (a list, a word) is a 404, like a version that is not there
const resultsQuery = z.object({
  version: z.string().optional().catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  town: z.string().max(20).optional().catch(undefined),
});

/** The version asked for (the latest when none is); one that was not published is a 404. */
function chosenVersion<S extends { version: number }>(published: S[], asked: string | undefined): S | undefined {
  const chosen = asked === undefined ? published[0] : published.find((s) => String(s.version) === asked);
  if (asked !== undefined && !chosen) notFound();
  return chosen;
}

/**
 * The published results as a file (the same protected release as the page), made once per
 * version and language and kept with the frozen figures.
 */
const resultsFile = (format: 'csv' | 'json') =>
  endpoint('GET', `/elections/:id/results.${format}`, {
    access: 'public',
    query: resultsQuery,
    load: election('view'),
    async handle(c, e) {
      const s = chosenVersion(await publishedStatements(c.db, e.id), c.query.version) ?? notFound();
      const frozen = (await frozenFigures(c.db, s)) ?? notFound();
      if (frozen.figures.format !== 2) notFound(); // frozen before protection: its figures are not shown again
      const key = format === 'csv' ? `csv:${c.locale}` : 'json';
      let body = frozen.files.get(key);
      if (body === undefined) {
        const tr = {
          ar: c.wasl.i18n.translator('ar', { digits: 'latn' }),
          en: c.wasl.i18n.translator('en', { digits: 'latn' }),
        };
        body =
          format === 'csv'
            ? resultsCsv(frozen, tr[c.locale === 'en' ? 'en' : 'ar'])
            : JSON.stringify(resultsJson(e, s, frozen, tr, c.wasl.config.baseUrl));
        frozen.files.set(key, body);
      }
      const name = `election-${e.id}-results-v${s.version}${format === 'csv' ? `-${c.locale}` : ''}.${format}`;
      return c.reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(body);
    },
  });

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
    query: resultsQuery,
    load: election('view'),
    async render(c, e) {
      const published = await publishedStatements(c.db, e.id);
      const chosen = chosenVersion(published, c.query.version);
      // parsed once per version and kept: the figures of a published statement never change
      const frozen = chosen ? await frozenFigures(c.db, chosen) : null;
      return (
        <ResultsPage
          election={e}
          statement={
            chosen && frozen
              ? { ...chosen, published_on: chosen.published_on ?? '', figures: frozen.figures, index: frozen.index }
              : null
          }
          versions={published.map((s) => ({ ...s, published_on: s.published_on ?? '' }))}
          latestVersion={published[0]?.version ?? null}
          page={c.query.page}
          town={c.query.town ?? null}
        />
      );
    },
  }),

  resultsFile('csv'),
  resultsFile('json'),
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
