// The downloads feature's manifest: the page of a file being prepared for its owner, and the file
// once ready. The service itself (offerDownload, the table, the hourly removal) is core/downloads.
import { defineFeature } from '../../core/feature.js';
import { downloadRoutes } from './routes.js';

export default defineFeature({
  name: 'downloads',
  routes: downloadRoutes,
});
