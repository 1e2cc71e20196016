// The feature list, in the order their routes register and their demo content is made. To add a
// feature, copy the shape of an existing folder (see README.md here) and add one line below.
import type { Feature } from '../core/feature.js';
import home from './home/index.js';
import accounts from './accounts/index.js';
import organizations from './organizations/index.js';
import towns from './towns/index.js';
import admin from './admin/index.js';
import publishing from './publishing/index.js';
import forum from './forum/index.js';
import services from './services/index.js';
import programmes from './programmes/index.js';
import elections from './elections/index.js';
import coordination from './coordination/index.js';
import notifications from './notifications/index.js';
import downloads from './downloads/index.js';
import offline from './offline/index.js';

export const features: Feature[] = [
  home,
  accounts,
  organizations,
  towns,
  admin,
  publishing,
  forum,
  services,
  programmes,
  elections,
  coordination,
  notifications,
  downloads,
  offline,
];
