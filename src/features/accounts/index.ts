// The accounts feature's manifest: what it adds to the app (see src/features/README.md).
import { defineFeature } from '../../core/feature.js';
import { accountsCommands } from './cli.js';
import { confirmRoutes } from './confirm/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { recoveryRoutes } from './recovery/routes.js';
import { settingsRoutes } from './settings/routes.js';
import { signinRoutes } from './signin/routes.js';
import { signupRoutes } from './signup/routes.js';
import { accountNotifications } from './two-step/reset.js';
import { twoStepRoutes } from './two-step/routes.js';

export default defineFeature({
  name: 'accounts',
  routes: [
    ...signinRoutes,
    ...signupRoutes,
    ...recoveryRoutes,
    ...settingsRoutes,
    ...confirmRoutes,
    ...twoStepRoutes,
    ...invitationRoutes,
  ],
  notifications: accountNotifications,
  cli: accountsCommands,
  isolation: () => import('./testing/isolation.js').then((m) => m.accountsProbes),
});
