// The publishing feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { feedRoutes } from './feeds/routes.js';
import { followRoutes } from './feeds/follow.js';
import { up } from './migration.js';
import { staleBodiesJob } from './markdown.js';
import * as rendered from './migrations/0101_publishing_rendered.js';
import { publishingPolicies } from './permissions.js';
import { publicRoutes } from './public/routes.js';
import { publishingSections } from './public/sections.js';
import { searchRoutes } from './search/routes.js';
import { publishDue } from './workspace/actions.js';
import { publishingNotifications, tellAboutItem } from './workspace/notify.js';
import { workspaceRoutes } from './workspace/routes.js';

export default defineFeature({
  name: 'publishing',
  policies: publishingPolicies,
  routes: [...publicRoutes, ...searchRoutes, ...feedRoutes, ...followRoutes, ...workspaceRoutes],
  migration: { name: '0100_publishing', up },
  migrations: [{ name: '0101_publishing_rendered', up: rendered.up }],
  sections: publishingSections,
  notifications: publishingNotifications,
  // Scheduled items are public from their time on (every read sees them); this records it.
  jobs: [
    {
      name: 'publish-due',
      everyMs: 60_000,
      run: (wasl, now) => publishDue(wasl.db, now, (id) => tellAboutItem(wasl, 'published', id, null, now)),
    },
    staleBodiesJob,
  ],
  nav: {
    main: [
      { href: '/activities', labelKey: 'nav.activities', order: 20 },
      { href: '/resources', labelKey: 'nav.library', order: 50 },
      { href: '/search', labelKey: 'nav.search', order: 70 },
    ],
    staff: [{ href: '/publishing', labelKey: 'nav.publishing', access: 'orgStaff', order: 20 }],
    footer: [
      { href: '/news', labelKey: 'footer.news', order: 20 },
      { href: '/opinion', labelKey: 'footer.opinion', order: 30 },
      { href: '/local-issues', labelKey: 'footer.localIssues', order: 40 },
    ],
  },
  styles: [new URL('./publishing.css', import.meta.url)],
  search: () => import('./search/source.js').then((m) => m.publicationsSource),
  seed: () => import('./testing/seed.js').then((m) => m.seedPublishing),
  bench: () => import('./testing/bench.js').then((m) => m.benchPaths),
  isolation: () => import('./testing/isolation.js').then((m) => m.publishingProbes),
});
