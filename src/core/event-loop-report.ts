// For the bench: how long the event loop was held (monitorEventLoopDelay), written to a file every
// second so the bench can read it between loads, and reset when that file is deleted (a new
// phase). The longest garbage collection of the phase is reported beside it: a full collection
// holds the loop too, and is not a request's doing. Off unless WASL_EVENT_LOOP_REPORT names the
// file.
import fs from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export function reportEventLoopDelay(file: string): void {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let longestGc = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
  });
  gcs.observe({ entryTypes: ['gc'] });
  const timer = setInterval(() => {
    if (!fs.existsSync(file)) {
      histogram.reset();
      longestGc = 0;
    }
    const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
    const report = {
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      longestGc: Math.round(longestGc * 10) / 10,
      at: Date.now(),
    };
    fs.writeFileSync(file, JSON.stringify(report));
  }, 1000);
  timer.unref();
}
