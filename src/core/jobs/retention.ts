// The daily retention purge: removes what the data inventory says is kept no longer. Features
// register their own steps. Several app processes may run it; the `kv` row makes it once a day.
import type { Db } from '../db/index.js';
import { purgeExpiredSessions } from '../auth/sessions.js';
import { purgeDownloads } from '../downloads/index.js';
import { claimPeriod } from './scheduler.js';
import { damascusDay } from '../time.js';

const DAY = 24 * 3600 * 1000;

export type PurgeStep = { name: string; run: (db: Db, now: Date) => Promise<number> };

const steps: PurgeStep[] = [
  { name: 'sessions', run: purgeExpiredSessions },
  { name: 'prepared downloads (1 hour)', run: purgeDownloads },
  {
    name: 'account tokens',
    run: async (db, now) =>
      Number(
        (await db.deleteFrom('account_tokens').where('expires_at', '<=', now.toISOString()).executeTakeFirst())
          .numDeletedRows,
      ),
  },
  {
    name: 'rate-limit counters',
    // a counter's window is at most an hour; anything older than a day is dead
    run: async (db, now) =>
      Number(
        (
          await db
            .deleteFrom('rate_limits')
            .where('window_start', '<', now.getTime() - DAY)
            .executeTakeFirst()
        ).numDeletedRows,
      ),
  },
  {
    name: 'mail outbox (90 days)',
    run: async (db, now) =>
      Number(
        (
          await db
            .deleteFrom('mail_outbox')
            .where('created_at', '<', new Date(now.getTime() - 90 * DAY).toISOString())
            .executeTakeFirst()
        ).numDeletedRows,
      ),
  },
  {
    name: 'audit log (365 days)',
    run: async (db, now) =>
      Number(
        (
          await db
            .deleteFrom('audit_log')
            .where('at', '<', new Date(now.getTime() - 366 * DAY).toISOString())
            .executeTakeFirst()
        ).numDeletedRows,
      ),
  },
];

/** Runs the core's steps, then the features'; returns rows removed per step. */
export async function runRetentionPurge(
  db: Db,
  now: Date,
  featureSteps: PurgeStep[] = [],
): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const step of [...steps, ...featureSteps]) removed[step.name] = await step.run(db, now);
  return removed;
}

/** Runs the purge if no process has run it today (Asia/Damascus days); true if this call ran it. */
export async function runDailyPurgeOnce(db: Db, now: Date, featureSteps: PurgeStep[] = []): Promise<boolean> {
  const claimed = await claimPeriod(db, 'retention.last_day', damascusDay(now));
  if (claimed) await runRetentionPurge(db, now, featureSteps);
  return claimed;
}
