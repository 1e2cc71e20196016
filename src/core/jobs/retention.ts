// The daily retention purge: removes what the data inventory says is kept no longer. Features
// register their own steps. Several app processes may run it; the `kv` row makes it once a day.
import type { Db } from '../db/index.js';
import type { Database } from '../db/schema.js';
import { sql } from 'kysely';
import { purgeExpiredSessions } from '../auth/sessions.js';
import { purgeDownloads } from '../downloads/index.js';
import { claimPeriod } from './scheduler.js';
import { damascusDay } from '../time.js';

const DAY = 24 * 3600 * 1000;

export type PurgeStep = { name: string; run: (db: Db, now: Date) => Promise<number> };

/** The tables whose old rows the core purges. */
type PurgedTable = 'account_tokens' | 'rate_limits' | 'mail_outbox' | 'audit_log';

/** A step that deletes the rows of `table` whose `column` lies before `cutoff(now)`
 *  (or at it, with `inclusive`); the cutoff is a value of the column's own kind. */
function deleteRowsBefore<T extends PurgedTable>(
  name: string,
  table: T,
  column: keyof Database[T] & string,
  cutoff: (now: Date) => string | number,
  inclusive = false,
): PurgeStep {
  return {
    name,
    run: async (db, now) => {
      const res = await db
        .deleteFrom(table as PurgedTable)
        .where(sql.ref(column), inclusive ? '<=' : '<', cutoff(now))
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}

/** An ISO timestamp `days` before `now`. */
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();

const steps: PurgeStep[] = [
  { name: 'sessions', run: purgeExpiredSessions },
  { name: 'prepared downloads (1 hour)', run: purgeDownloads },
  deleteRowsBefore('account tokens', 'account_tokens', 'expires_at', (now) => now.toISOString(), true),
  // a counter's window is at most an hour; anything older than a day is dead
  deleteRowsBefore('rate-limit counters', 'rate_limits', 'window_start', (now) => now.getTime() - DAY),
  deleteRowsBefore('mail outbox (90 days)', 'mail_outbox', 'created_at', (now) => daysBefore(now, 90)),
  deleteRowsBefore('audit log (365 days)', 'audit_log', 'at', (now) => daysBefore(now, 366)),
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
