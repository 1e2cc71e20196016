// The feature list, explicitly, in the order their routes register. To add a feature, copy
// the shape of an existing folder, then add its routes here (and its migration in
// core/db/migrations/index.ts, its tables in core/db/schema.ts, its demo data in seed/demo.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { NavItem } from '../core/views/context.js';
import { accountRoutes } from './accounts/routes.js';
import { adminRoutes } from './admin/routes.js';
import { homeRoutes } from './home/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import './organizations/permissions.js';
import { townRoutes } from './towns/routes.js';
import { publishingRoutes } from './publishing/routes.js';
import { forumRoutes } from './forum/routes.js';
import { servicesRoutes } from './services/routes.js';
import { programmesRoutes } from './programmes/routes.js';
import { electionsRoutes } from './elections/routes.js';
import { coordinationRoutes } from './coordination/routes.js';

export type Feature = { name: string; routes: FastifyPluginAsync };

export const features: Feature[] = [
  { name: 'home', routes: homeRoutes },
  { name: 'accounts', routes: accountRoutes },
  { name: 'organizations', routes: organizationRoutes },
  { name: 'towns', routes: townRoutes },
  { name: 'admin', routes: adminRoutes },
  { name: 'publishing', routes: publishingRoutes },
  { name: 'forum', routes: forumRoutes },
  { name: 'services', routes: servicesRoutes },
  { name: 'programmes', routes: programmesRoutes },
  { name: 'elections', routes: electionsRoutes },
  { name: 'coordination', routes: coordinationRoutes },
];

export const navItems: NavItem[] = [
  { href: '/', labelKey: 'nav.home' },
  { href: '/organizations', labelKey: 'nav.organizations' },
  { href: '/towns', labelKey: 'nav.towns' },
];
