// The coordination feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { HOUR } from '../../core/time.js';
import { coordinationPolicies } from './permissions.js';
import { up } from './migration.js';
import { runCoordinationJobs } from './jobs.js';
import { coordinationSections } from './sections.js';
import { workspaceRoutes } from './workspace/routes.js';
import { governanceRoutes } from './governance/routes.js';
import { meetingRoutes } from './meetings/routes.js';
import { planRoutes } from './plans/routes.js';
import { licensingRoutes } from './licensing/routes.js';
import { lessonRoutes } from './lessons/routes.js';
import { coordinationNotifications } from './notify.js';
import * as records from './migrations/0605_coordination_records.js';
import * as settings from './migrations/0606_coordination_settings.js';
import * as archive from './migrations/0607_coordination_archive.js';
import * as notices from './migrations/0608_coordination_notices.js';

export default defineFeature({
  name: 'coordination',
  policies: coordinationPolicies,
  routes: [
    ...workspaceRoutes,
    ...governanceRoutes,
    ...meetingRoutes,
    ...planRoutes,
    ...licensingRoutes,
    ...lessonRoutes,
  ],
  sections: coordinationSections,
  migration: { name: '0600_coordination', up },
  migrations: [
    { name: '0605_coordination_records', up: records.up },
    { name: '0606_coordination_settings', up: settings.up },
    { name: '0607_coordination_archive', up: archive.up },
    { name: '0608_coordination_notices', up: notices.up },
  ],
  notifications: coordinationNotifications,
  nav: {
    staff: [
      { href: '/workspace', labelKey: 'nav.workspace', access: 'orgStaff', order: 10 },
      { href: '/meetings', labelKey: 'nav.meetings', access: 'member', order: 40 },
    ],
    footer: [{ href: '/governance', labelKey: 'nav.governance', order: 100 }],
  },
  jobs: [{ name: 'coordination', everyMs: HOUR, run: runCoordinationJobs }],
  seed: () => import('./testing/seed.js').then((m) => m.seedCoordination),
  bench: () => import('./testing/bench.js').then((m) => m.benchPaths),
  isolation: () => import('./testing/isolation/index.js').then((m) => m.coordinationProbes),
});
