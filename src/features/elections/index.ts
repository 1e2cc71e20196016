// The elections feature's manifest: what it adds to the app (see src/features/README.md and this
// folder's README.md). Each area lists its routes; the observer app is the `observe` area.
import { defineFeature } from '../../core/feature.js';
import { electionsPolicies } from './permissions.js';
import { up } from './migration.js';
import { up as electionDay } from './migrations/0501_elections_day.js';
import { electionsPurgeSteps } from './retention.js';
import { publicRoutes, townSection } from './public/routes.js';
import { settingsRoutes, startSection } from './settings/routes.js';
import { outreachRoutes } from './outreach/routes.js';
import { stationRoutes } from './stations/routes.js';
import { observerRoutes } from './observers/routes.js';
import { formRoutes } from './forms/routes.js';
import { entryRoutes } from './entry/routes.js';
import { sheetRoutes } from './sheets/routes.js';
import { relayRoutes } from './relay/routes.js';
import { statementRoutes } from './statements/routes.js';
import { observeRoutes } from './observe/routes.js';

export default defineFeature({
  name: 'elections',
  policies: electionsPolicies,
  routes: [
    ...settingsRoutes,
    ...publicRoutes,
    ...outreachRoutes,
    ...stationRoutes,
    ...observerRoutes,
    ...formRoutes,
    ...entryRoutes,
    ...sheetRoutes,
    ...relayRoutes,
    ...statementRoutes,
    ...observeRoutes,
  ],
  sections: [townSection, startSection],
  migration: { name: '0500_elections', up },
  migrations: [{ name: '0501_elections_day', up: electionDay }],
  nav: {
    footer: [{ href: '/elections', labelKey: 'nav.elections', order: 90 }],
    // Most coordinators are organization staff; a network admin reaches the same page from /start.
    staff: [{ href: '/elections/coordinate', labelKey: 'elections.nav.coordinate', access: 'orgStaff', order: 40 }],
  },
  notifications: [
    {
      type: 'elections.attention',
      message: 'elections.notify.attention',
      label: 'elections.notify.attentionLabel',
      channel: 'now',
    },
  ],
  styles: [new URL('./elections.css', import.meta.url)],
  purge: electionsPurgeSteps,
  seed: () => import('./testing/seed.js').then((m) => m.seedElections),
  bench: () => import('./testing/bench.js').then((m) => m.benchPaths),
  isolation: () => import('./testing/isolation.js').then((m) => m.electionsProbes),
});
