// The home page: who the network is, its key figures, its members, and what other features
// put on it (latest activities, the services search box, upcoming events) through sections.
import type { FastifyPluginAsync } from 'fastify';
import { renderPage } from '../../core/http/render.js';
import { loadSections } from '../../core/views/sections.js';
import { getDefaultNetwork, listOrganizations } from '../organizations/queries.js';
import { HomePage } from './views/pages.js';

export const homeRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.wasl;
  app.get('/', { config: { access: 'public' } }, async (req, reply) => {
    const network = await getDefaultNetwork(db);
    const orgs = network ? await listOrganizations(db, network.id) : [];
    const towns = network
      ? await db
          .selectFrom('organization_towns')
          .innerJoin('organizations', 'organizations.id', 'organization_towns.organization_id')
          .select((eb) => eb.fn.count<number>('organization_towns.town_pcode').distinct().as('n'))
          .where('organizations.network_id', '=', network.id)
          .executeTakeFirstOrThrow()
      : { n: 0 };
    const sections = await loadSections('home', req, '');
    return renderPage(
      req,
      reply,
      <HomePage network={network ?? null} orgs={orgs} townCount={Number(towns.n)} sections={sections} />,
    );
  });
};
