// The notifications feature's manifest: the list of what happened for the person, and their
// choices of what reaches them by e-mail. The service itself is core/notify.
import { defineFeature } from '../../core/feature.js';
import { notificationRoutes } from './routes.js';

export default defineFeature({
  name: 'notifications',
  routes: notificationRoutes,
});
