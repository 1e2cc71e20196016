// Periodic jobs (digests, reminders, departures) run by every app process on a timer, but each
// period's run is claimed in the database first, so N instances run a job once per period.
import type { Db } from '../db/index.js';
import type { WaslServices } from '../services.js';

export type Job = { name: string; everyMs: number; run: (wasl: WaslServices, now: Date) => Promise<unknown> };

/** Claims `period` of `key` for this process: true for exactly one caller per period. */
export async function claimPeriod(db: Db, key: string, period: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('kv').select('value').where('key', '=', key).executeTakeFirst();
    if (row?.value === period) return false;
    if (row) {
      const res = await trx
        .updateTable('kv')
        .set({ value: period })
        .where('key', '=', key)
        .where('value', '=', row.value)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    }
    const res = await trx
      .insertInto('kv')
      .values({ key, value: period })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  });
}

/** Runs the job if its current period has not been claimed; true if this call ran it. */
export async function runJobOnce(wasl: WaslServices, job: Job, now: Date): Promise<boolean> {
  const period = String(Math.floor(now.getTime() / job.everyMs));
  if (!(await claimPeriod(wasl.db, `job.${job.name}`, period))) return false;
  await job.run(wasl, now);
  return true;
}

/**
 * One round of the jobs: one job at a time, with a turn of the event loop (its timers, its
 * sockets) before each. On SQLite a job never gives the loop back on its own, and all of them
 * started together held it for about 100 ms, a minute after minute.
 */
export async function runJobs(
  wasl: WaslServices,
  jobs: Job[],
  log: (msg: string, err: unknown) => void,
): Promise<void> {
  for (const job of jobs) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await runJobOnce(wasl, job, wasl.clock()).catch((err) => log(`job ${job.name} failed`, err));
  }
}

/** Starts the timers; returns a stop function. Errors are logged, never thrown. */
export function startJobs(wasl: WaslServices, jobs: Job[], log: (msg: string, err: unknown) => void): () => void {
  let running = false;
  // A round still running when the next is due (a long reindex) is not joined by a second one.
  const tick = () => {
    if (running) return;
    running = true;
    void runJobs(wasl, jobs, log).finally(() => (running = false));
  };
  const timer = setInterval(tick, 60_000);
  timer.unref();
  setTimeout(tick, 5_000).unref();
  return () => clearInterval(timer);
}
