// The forum feature's manifest: what it adds to the app (see src/features/README.md).
import { HOUR } from '../../core/time.js';
import { defineFeature } from '../../core/feature.js';
import { forumPolicies } from './permissions.js';
import { up } from './migration.js';
import { topicRoutes } from './topics/routes.js';
import { latestTopicsSection } from './topics/section.js';
import { postRoutes } from './posts/routes.js';
import { moderationRoutes } from './moderation/routes.js';
import { subscriptionRoutes } from './subscriptions/routes.js';
import { sendForumDigests } from './subscriptions/digest.js';
import { forumNoticeTypes } from './subscriptions/notices.js';
import { staleBodiesJob } from './posts/text.js';
import * as rendered from './migrations/0201_forum_rendered.js';
import * as notices from './migrations/0202_forum_notices.js';

export default defineFeature({
  name: 'forum',
  routes: [...topicRoutes, ...postRoutes, ...moderationRoutes, ...subscriptionRoutes],
  policies: forumPolicies,
  migration: { name: '0200_forum', up },
  migrations: [
    { name: '0201_forum_rendered', up: rendered.up },
    { name: '0202_forum_notices', up: notices.up },
  ],
  sections: [latestTopicsSection],
  nav: { main: [{ href: '/forum', labelKey: 'nav.forum', order: 40 }] },
  jobs: [{ name: 'forum-digests', everyMs: HOUR, run: sendForumDigests }, staleBodiesJob],
  notifications: forumNoticeTypes,
  styles: [new URL('./forum.css', import.meta.url)],
  search: () => import('./search-source.js').then((m) => m.forumSource),
  seed: () => import('./testing/seed.js').then((m) => m.seedForum),
  bench: () => import('./testing/bench.js').then((m) => m.benchPaths),
  isolation: () => import('./testing/isolation.js').then((m) => m.forumProbes),
});
