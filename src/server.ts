// Listen and shut down gracefully; everything else is in app.ts.
import { loadConfig, ConfigError } from './core/config.js';
import { openDatabase } from './core/db/index.js';
import { migrateToLatest } from './core/db/migrate.js';
import { buildApp } from './app.js';
import { seedDemoInChildProcess } from './seed/demo-process.js';
import { runDailyPurgeOnce } from './core/jobs/retention.js';
import { startJobs } from './core/jobs/scheduler.js';
import { features } from './features/index.js';
import { coreJobs } from './core/jobs/core-jobs.js';
import { reportEventLoopDelay } from './core/event-loop-report.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const handle = openDatabase(config.databaseUrl);
  await migrateToLatest(handle.db, handle.dialect, features);
  // First start: the demo is seeded by a child process, before this one builds its app.
  if (config.demoSeed && !(await handle.db.selectFrom('networks').select('id').limit(1).executeTakeFirst()))
    await seedDemoInChildProcess();
  const app = await buildApp({ config, handle });
  // The retention purge: checked hourly, run once a day across all instances.
  const purge = () =>
    runDailyPurgeOnce(
      handle.db,
      app.wasl.clock(),
      features.flatMap((f) => f.purge ?? []),
    ).catch((err) => app.log.error({ err: String(err) }, 'retention purge failed'));
  const purgeTimer = setInterval(purge, 3600_000);
  purgeTimer.unref();
  void purge();
  const stopJobs = startJobs(app.wasl, [...coreJobs, ...features.flatMap((f) => f.jobs ?? [])], (msg, err) =>
    app.log.error({ err: String(err) }, msg),
  );

  let closing = false;
  const shutdown = async (signal: string, code = 0) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    clearInterval(purgeTimer);
    stopJobs();
    await app.close(); // stops accepting, waits for in-flight requests
    await handle.close();
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Last resort: a failure outside any request is logged (without its details reaching anyone)
  // and the process stops cleanly, for the supervisor to start a fresh one.
  process.on('unhandledRejection', (err) => {
    app.log.fatal({ err: String(err) }, 'unhandled rejection');
    void shutdown('unhandledRejection', 1);
  });
  await app.listen({ host: config.host, port: config.port });
  // The bench asks for the event loop's delay (p99, max) to be written where it can read it.
  if (process.env.WASL_EVENT_LOOP_REPORT) reportEventLoopDelay(process.env.WASL_EVENT_LOOP_REPORT);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
