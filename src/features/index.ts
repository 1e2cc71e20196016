// The feature list, explicitly, in the order their routes register. To add a feature, copy
// the shape of an existing folder, then add its routes here (and its migration in
// core/db/migrations/index.ts, its tables in core/db/schema.ts, its demo data in seed/demo.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { NavItem } from '../core/views/context.js';
import type { Job } from '../core/jobs/scheduler.js';
import { sendForumDigests } from './forum/digest.js';
import { runCoordinationJobs } from './coordination/jobs.js';
import { registerPurgeStep } from '../core/jobs/retention.js';
import { electionsPurgeSteps } from './elections/retention.js';
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

/** Periodic work of the features; each runs once per period across all instances (core/jobs). */
export const jobs: Job[] = [
  { name: 'forum-digests', everyMs: 3600_000, run: sendForumDigests },
  { name: 'coordination', everyMs: 3600_000, run: runCoordinationJobs },
  // Deliveries that failed (SMTP down) are tried again for a day.
  { name: 'mail-retry', everyMs: 15 * 60_000, run: (wasl, now) => wasl.mailer.retryFailed(now) },
];

/** The features' steps of the daily retention purge (what the data inventory says goes, and when). */
for (const step of electionsPurgeSteps) registerPurgeStep(step);

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

/** The main navigation: short, since it wraps on a 384 px phone. */
export const navItems: NavItem[] = [
  { href: '/', labelKey: 'nav.home' },
  { href: '/activities', labelKey: 'nav.activities' },
  { href: '/services', labelKey: 'nav.services' },
  { href: '/forum', labelKey: 'nav.forum' },
  { href: '/resources', labelKey: 'nav.library' },
  { href: '/organizations', labelKey: 'nav.organizations' },
  { href: '/search', labelKey: 'nav.search' },
];

/** Beside the account name, for people whose role uses them. */
export const staffNavItems: NavItem[] = [
  { href: '/workspace', labelKey: 'nav.workspace', access: 'orgStaff' },
  { href: '/publishing', labelKey: 'nav.publishing', access: 'orgStaff' },
  { href: '/programmes', labelKey: 'nav.programmes', access: 'orgStaff' },
  { href: '/meetings', labelKey: 'nav.meetings', access: 'member' },
  { href: '/admin', labelKey: 'nav.admin', access: 'networkAdmin' },
];

export const footerNavItems: NavItem[] = [
  { href: '/pages/about', labelKey: 'footer.network' },
  { href: '/news', labelKey: 'footer.news' },
  { href: '/opinion', labelKey: 'footer.opinion' },
  { href: '/local-issues', labelKey: 'footer.localIssues' },
  { href: '/towns', labelKey: 'nav.towns' },
  { href: '/projects', labelKey: 'nav.projects' },
  { href: '/trainings', labelKey: 'nav.trainings' },
  { href: '/indicators', labelKey: 'nav.indicators' },
  { href: '/elections', labelKey: 'nav.elections' },
  { href: '/governance', labelKey: 'nav.governance' },
  { href: '/pages/contact', labelKey: 'footer.contact' },
  { href: '/pages/join', labelKey: 'footer.join' },
];
