// The programmes feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { activityRoutes } from './activities/routes.js';
import { certificateRoutes } from './certificates/routes.js';
import { indicatorRoutes } from './indicators/routes.js';
import { up } from './migration.js';
import { programmesPolicies } from './permissions.js';
import { projectRoutes } from './projects/routes.js';
import { traineeRoutes } from './trainees/routes.js';
import { trainingRoutes } from './training/routes.js';

export default defineFeature({
  name: 'programmes',
  policies: programmesPolicies,
  routes: [
    ...projectRoutes,
    ...activityRoutes,
    ...trainingRoutes,
    ...traineeRoutes,
    ...certificateRoutes,
    ...indicatorRoutes,
  ],
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
  seed: () => import('./testing/seed.js').then((m) => m.seedProgrammes),
  bench: () => import('./testing/bench.js').then((m) => m.benchPaths),
  isolation: () => import('./testing/isolation.js').then((m) => m.programmesProbes),
});
