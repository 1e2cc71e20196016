// The home feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { homeRoutes } from './routes.js';

export default defineFeature({
  name: 'home',
  routes: homeRoutes,
  nav: {
    main: [{ href: '/', labelKey: 'nav.home', order: 10 }],
    staff: [{ href: '/start', labelKey: 'nav.start', access: 'member', order: 1 }],
  },
  styles: [new URL('./assets/home.css', import.meta.url)],
});
