// The publishing feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { publishingPolicies } from './permissions.js';
import { publishingRoutes } from './routes.js';
import { up } from './migration.js';

export default defineFeature({
  name: 'publishing',
  policies: publishingPolicies,
  plugin: publishingRoutes,
  migration: { name: '0100_publishing', up },
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
  seed: () => import('./seed.js').then((m) => m.seedPublishing),
  bench: () => import('./bench.js').then((m) => m.benchPaths),
  isolation: () => import('./isolation.js').then((m) => m.publishingProbes),
});
