// The admin feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { adminRoutes } from './routes.js';

export default defineFeature({
  name: 'admin',
  routes: adminRoutes,
  nav: { staff: [{ href: '/admin', labelKey: 'nav.admin', access: 'networkAdmin', order: 50 }] },
});
