// Towns: look a town up by name or P-code (spelling variants tolerated), and a page per town
// that gathers what the network does there. Other features add sections to the town page.
import { z } from 'zod';
import { notFound, page, redirectTo } from '../../core/http/route.js';
import { loadSections } from '../../core/views/sections.js';
import { findTowns, getTown, nearbyTowns } from '../../core/towns/queries.js';
import { organizationsInTown } from '../organizations/queries.js';
import { networkTowns } from './queries.js';
import { TownPage, TownsSearchPage } from './views/pages.js';

const searchQuery = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });

export const townRoutes = [
  page('/towns', {
    access: 'public',
    query: searchQuery,
    async render({ db, query }) {
      const [results, towns] = await Promise.all([
        query.q ? findTowns(db, query.q, { limit: 30 }) : [],
        networkTowns(db),
      ]);
      return <TownsSearchPage q={query.q ?? ''} results={results} networkTowns={towns} />;
    },
  }),

  page('/towns/:pcode', {
    access: 'public',
    async render({ db, params, req, reply }) {
      const pcode = params.pcode.toUpperCase();
      if (!/^C\d{4,6}$/.test(pcode)) notFound();
      const town = (await getTown(db, pcode)) ?? notFound();
      if (params.pcode !== pcode) return redirectTo(reply, `/towns/${pcode}`, 301);
      const [orgs, nearby, sections] = await Promise.all([
        organizationsInTown(db, pcode),
        nearbyTowns(db, pcode, { km: 15, limit: 8 }),
        loadSections('town', req, pcode),
      ]);
      return <TownPage town={town} orgs={orgs} nearby={nearby} sections={sections} />;
    },
  }),
];
