// The programmes feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { programmesPolicies } from './permissions.js';
import { programmesRoutes } from './routes.js';
import { up } from './migration.js';

export default defineFeature({
  name: 'programmes',
  policies: programmesPolicies,
  plugin: programmesRoutes,
  migration: { name: '0400_programmes', up },
  nav: {
    staff: [{ href: '/programmes', labelKey: 'nav.programmes', access: 'orgStaff', order: 30 }],
    footer: [
      { href: '/projects', labelKey: 'nav.projects', order: 60 },
      { href: '/trainings', labelKey: 'nav.trainings', order: 70 },
      { href: '/indicators', labelKey: 'nav.indicators', order: 80 },
    ],
  },
  styles: [new URL('./programmes.css', import.meta.url)],
  seed: () => import('./seed.js').then((m) => m.seedProgrammes),
  bench: () => import('./bench.js').then((m) => m.benchPaths),
  isolation: () => import('./isolation.js').then((m) => m.programmesProbes),
});
