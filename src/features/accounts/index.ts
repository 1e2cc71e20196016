// The accounts feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { accountRoutes } from './routes.js';

export default defineFeature({
  name: 'accounts',
  plugin: accountRoutes,
  isolation: () => import('./isolation.js').then((m) => m.accountsProbes),
});
