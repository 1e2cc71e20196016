// The core's own periodic work (features list theirs in their manifests).
import type { Job } from './scheduler.js';
import { sendDigests } from '../notify/index.js';
import { searchReindexJob } from '../search/reindex.js';
import { purgeDownloads } from '../downloads/index.js';

export const coreJobs: Job[] = [
  // Deliveries that failed (SMTP down) are tried again for a day.
  { name: 'mail-retry', everyMs: 15 * 60_000, run: (wasl, now) => wasl.mailer.retryFailed(now) },
  // Checked hourly; each person's digest goes once a day (claimed per Damascus day).
  { name: 'notify-digest', everyMs: 3600_000, run: sendDigests },
  // Search entries made by an older analyzer (rules or dictionary) are rebuilt, a batch at a time.
  searchReindexJob,
  // Prepared downloads (often private: an organization's whole workspace) are kept an hour.
  { name: 'downloads-expire', everyMs: 15 * 60_000, run: (wasl, now) => purgeDownloads(wasl.db, now) },
];
