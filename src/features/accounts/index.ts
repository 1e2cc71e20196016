// The accounts feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { invitationRoutes } from './invitations/routes.js';
import { recoveryRoutes } from './recovery/routes.js';
import { settingsRoutes } from './settings/routes.js';
import { signinRoutes } from './signin/routes.js';
import { signupRoutes } from './signup/routes.js';
import { twoStepRoutes } from './two-step/routes.js';

export default defineFeature({
  name: 'accounts',
  routes: [
    ...signinRoutes,
    ...signupRoutes,
    ...recoveryRoutes,
    ...settingsRoutes,
    ...twoStepRoutes,
    ...invitationRoutes,
  ],
  isolation: () => import('./testing/isolation.js').then((m) => m.accountsProbes),
});
