// The notifications feature's manifest: the list of what happened for the person, its first lines
// on their start page, and their choices of what reaches them by e-mail. The service itself is
// core/notify.
import { defineFeature } from '../../core/feature.js';
import { notificationRoutes } from './routes.js';
import { notificationSections } from './sections.js';

export default defineFeature({
  name: 'notifications',
  routes: notificationRoutes,
  sections: notificationSections,
  styles: [new URL('./assets/notifications.css', import.meta.url)],
});
