// The towns feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { townRoutes } from './routes.js';

export default defineFeature({
  name: 'towns',
  routes: townRoutes,
  nav: { footer: [{ href: '/towns', labelKey: 'nav.towns', order: 50 }] },
  search: () => import('./search-source.js').then((m) => m.townsSource),
});
