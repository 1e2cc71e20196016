// The services feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { servicesPolicies } from './permissions.js';
import { servicesRoutes } from './routes.js';
import { up } from './migration.js';
import { servicesCommands } from './cli.js';

export default defineFeature({
  name: 'services',
  policies: servicesPolicies,
  plugin: servicesRoutes,
  migration: { name: '0300_services', up },
  nav: { main: [{ href: '/services', labelKey: 'nav.services', order: 30 }] },
  styles: [new URL('./assets/services.css', import.meta.url)],
  cli: servicesCommands,
  seed: () => import('./seed.js').then((m) => m.seedServices),
  bench: () => import('./bench.js').then((m) => m.benchPaths),
  isolation: () => import('./isolation.js').then((m) => m.servicesProbes),
});
