// The elections feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { electionsPolicies } from './permissions.js';
import { electionsRoutes } from './routes.js';
import { up } from './migration.js';
import { electionsPurgeSteps } from './retention.js';

export default defineFeature({
  name: 'elections',
  policies: electionsPolicies,
  plugin: electionsRoutes,
  migration: { name: '0500_elections', up },
  nav: { footer: [{ href: '/elections', labelKey: 'nav.elections', order: 90 }] },
  purge: electionsPurgeSteps,
  seed: () => import('./seed.js').then((m) => m.seedElections),
  bench: () => import('./bench.js').then((m) => m.benchPaths),
  isolation: () => import('./isolation.js').then((m) => m.electionsProbes),
});
