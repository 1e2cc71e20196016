// The services feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { hsdsApiRoutes } from './api/routes.js';
import { directoryRoutes } from './directory/routes.js';
import { servicesSections } from './directory/sections.js';
import { feedbackRoutes } from './feedback/routes.js';
import { servicesCommands } from './hsds/cli.js';
import { manageRoutes } from './manage/routes.js';
import { up } from './migration.js';
import * as importRuns from './migrations/0301_services_import_runs.js';
import { networkRoutes } from './network/routes.js';
import { purgeImportRuns } from './network/import-runs.js';
import { servicesPolicies } from './permissions.js';

export default defineFeature({
  name: 'services',
  policies: servicesPolicies,
  routes: [...hsdsApiRoutes, ...directoryRoutes, ...feedbackRoutes, ...manageRoutes, ...networkRoutes],
  sections: servicesSections,
  migration: { name: '0300_services', up },
  migrations: [{ name: '0301_services_import_runs', up: importRuns.up }],
  nav: { main: [{ href: '/services', labelKey: 'nav.services', order: 30 }] },
  styles: [new URL('./assets/services.css', import.meta.url)],
  cli: servicesCommands,
  purge: [{ name: 'services import runs', run: purgeImportRuns }],
  search: () => import('./search-source.js').then((m) => m.servicesSource),
  seed: () => import('./testing/seed.js').then((m) => m.seedServices),
  bench: () => import('./testing/bench.js').then((m) => m.benchPaths),
  isolation: () => import('./testing/isolation.js').then((m) => m.servicesProbes),
});
