// The forum feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { forumPolicies } from './permissions.js';
import { forumRoutes } from './routes.js';
import { up } from './migration.js';
import { sendForumDigests } from './digest.js';

export default defineFeature({
  name: 'forum',
  policies: forumPolicies,
  plugin: forumRoutes,
  migration: { name: '0200_forum', up },
  nav: { main: [{ href: '/forum', labelKey: 'nav.forum', order: 40 }] },
  jobs: [{ name: 'forum-digests', everyMs: 3600_000, run: sendForumDigests }],
  styles: [new URL('./forum.css', import.meta.url)],
  seed: () => import('./seed.js').then((m) => m.seedForum),
  bench: () => import('./bench.js').then((m) => m.benchPaths),
  isolation: () => import('./isolation.js').then((m) => m.forumProbes),
});
