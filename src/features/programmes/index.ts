// The programmes feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import type { NotificationType } from '../../core/notify/index.js';
import { activityRoutes } from './activities/routes.js';
import { purgeHandledRequests } from './certificates/queries.js';
import { certificateRoutes } from './certificates/routes.js';
import { indicatorRoutes } from './indicators/routes.js';
import { up } from './migration.js';
import { up as corrections } from './migrations/0401_programmes_corrections.js';
import { up as publishedFigures } from './migrations/0402_programmes_published_figures.js';
import { programmesPolicies } from './permissions.js';
import { projectManageRoutes } from './projects/manage.js';
import { projectRoutes } from './projects/routes.js';
import { programmesSections } from './start.js';
import { traineeRoutes } from './trainees/routes.js';
import { trainingRoutes } from './training/routes.js';

/** What programmes tells people: work that moves to them from someone else. */
const notifications: NotificationType[] = [
  // A member's staff: their organization now takes part in a project.
  { type: 'programmes.projectJoined', channel: 'digest' },
  // Participating members' staff: a course they may run cohorts of.
  { type: 'programmes.courseAdded', channel: 'digest' },
  // The coordinating member's staff: another member recorded an activity in their project.
  { type: 'programmes.activityRecorded', channel: 'off' },
  // The issuing member's staff: a holder asks for a correction; a colleague revoked or reissued one.
  { type: 'programmes.correctionRequested', channel: 'now' },
  { type: 'programmes.certificateRevoked', channel: 'digest' },
  { type: 'programmes.certificateReissued', channel: 'digest' },
].map(({ type, channel }) => {
  const event = type.slice('programmes.'.length);
  return {
    type,
    channel: channel as NotificationType['channel'],
    message: `programmes.notify.${event}` as NotificationType['message'],
    label: `programmes.notify.${event}Label` as NotificationType['label'],
  };
});

export default defineFeature({
  name: 'programmes',
  policies: programmesPolicies,
  routes: [
    ...projectRoutes,
    ...projectManageRoutes,
    ...activityRoutes,
    ...trainingRoutes,
    ...traineeRoutes,
    ...certificateRoutes,
    ...indicatorRoutes,
  ],
  migration: { name: '0400_programmes', up },
  migrations: [
    { name: '0401_programmes_corrections', up: corrections },
    { name: '0402_programmes_published_figures', up: publishedFigures },
  ],
  sections: programmesSections,
  notifications,
  purge: [{ name: 'programmes correction requests', run: purgeHandledRequests }],
  nav: {
    staff: [
      { href: '/programmes', labelKey: 'nav.programmes', access: 'orgStaff', order: 30 },
      // Network admins create projects without working for a member.
      { href: '/projects', labelKey: 'nav.projects', access: 'networkAdmin', order: 31 },
    ],
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
