// Towns: look a town up by name or P-code (spelling variants tolerated), and a page per town
// that gathers what the network does there. Other features add sections to the town page.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { renderPage } from '../../core/http/render.js';
import { loadSections } from '../../core/views/sections.js';
import { findTowns, getTown, nearbyTowns } from '../../core/towns/queries.js';
import { organizationsInTown } from '../organizations/queries.js';
import { TownPage, TownsSearchPage } from './views/pages.js';

const searchQuery = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });

export const townRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;

  app.get('/towns', { config: { access: 'public' } }, async (req, reply) => {
    const { q } = searchQuery.parse(req.query);
    const results = q ? await findTowns(db, q, { limit: 30 }) : [];
    return renderPage(req, reply, <TownsSearchPage q={q ?? ''} results={results} />);
  });

  app.get<{ Params: { pcode: string } }>('/towns/:pcode', { config: { access: 'public' } }, async (req, reply) => {
    const pcode = req.params.pcode.toUpperCase();
    if (!/^C\d{4,6}$/.test(pcode)) return reply.callNotFound();
    const town = await getTown(db, pcode);
    if (!town) return reply.callNotFound();
    if (req.params.pcode !== pcode) return reply.redirect(`/towns/${pcode}`, 301);
    const [orgs, nearby, sections] = await Promise.all([
      organizationsInTown(db, pcode),
      nearbyTowns(db, pcode, { km: 15, limit: 8 }),
      loadSections('town', req, pcode),
    ]);
    return renderPage(req, reply, <TownPage town={town} orgs={orgs} nearby={nearby} sections={sections} />);
  });
};
