// The organizations feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { organizationsPolicies } from './permissions.js';
import { organizationRoutes } from './routes.js';
import { organizationSections } from './sections.js';
import { organizationNotifications } from './staff/actions.js';
import { staffRoutes } from './staff/routes.js';

export default defineFeature({
  name: 'organizations',
  policies: organizationsPolicies,
  routes: [...organizationRoutes, ...staffRoutes],
  notifications: organizationNotifications,
  sections: organizationSections,
  nav: {
    main: [{ href: '/organizations', labelKey: 'nav.organizations', order: 60 }],
    footer: [
      { href: '/pages/about', labelKey: 'footer.network', order: 10 },
      { href: '/pages/contact', labelKey: 'footer.contact', order: 110 },
      { href: '/pages/join', labelKey: 'footer.join', order: 120 },
    ],
  },
  search: () => import('./search-source.js').then((m) => m.organizationsSource),
  isolation: () => import('./testing/isolation.js').then((m) => m.organizationsProbes),
});
