// The coordination feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { coordinationPolicies } from './permissions.js';
import { coordinationRoutes } from './routes.js';
import { up } from './migration.js';
import { runCoordinationJobs } from './jobs.js';

export default defineFeature({
  name: 'coordination',
  policies: coordinationPolicies,
  plugin: coordinationRoutes,
  migration: { name: '0600_coordination', up },
  nav: {
    staff: [
      { href: '/workspace', labelKey: 'nav.workspace', access: 'orgStaff', order: 10 },
      { href: '/meetings', labelKey: 'nav.meetings', access: 'member', order: 40 },
    ],
    footer: [{ href: '/governance', labelKey: 'nav.governance', order: 100 }],
  },
  jobs: [{ name: 'coordination', everyMs: 3600_000, run: runCoordinationJobs }],
  seed: () => import('./seed.js').then((m) => m.seedCoordination),
  bench: () => import('./bench.js').then((m) => m.benchPaths),
  isolation: () => import('./isolation.js').then((m) => m.coordinationProbes),
});
