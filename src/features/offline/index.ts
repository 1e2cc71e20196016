// The offline feature's manifest: offline reading of the public site (see README.md here).
import { defineFeature } from '../../core/feature.js';
import { offlineRoutes } from './routes.js';

export default defineFeature({
  name: 'offline',
  routes: offlineRoutes,
  styles: [new URL('./offline.css', import.meta.url)],
  nav: { footer: [{ href: '/offline', labelKey: 'offline.nav', order: 95 }] },
});
