// The home page: who the network is, its key figures, its members, and what other features
// put on it (latest activities, the services search box, upcoming events) through sections.
import { page } from '../../core/http/route.js';
import { loadSections } from '../../core/views/sections.js';
import { countNetworkTowns, getDefaultNetwork, listOrganizations } from '../organizations/queries.js';
import { HomePage, StartPage } from './views/pages.js';

export const homeRoutes = [
  page('/', {
    access: 'public',
    async render({ db, req }) {
      const network = await getDefaultNetwork(db);
      const [orgs, townCount, sections] = await Promise.all([
        network ? listOrganizations(db, network.id) : [],
        network ? countNetworkTowns(db, network.id) : 0,
        loadSections('home', req, ''),
      ]);
      return <HomePage network={network ?? null} orgs={orgs} townCount={townCount} sections={sections} />;
    },
  }),

  // A person's start page after sign-in: what waits for them, gathered from every feature's
  // `start` section (drafts to review, meetings to answer, actions due, attention items…).
  page('/start', {
    access: 'member',
    async render({ req }) {
      return <StartPage sections={await loadSections('start', req, '')} />;
    },
  }),
];
