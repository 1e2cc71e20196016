// For the bench: how long the event loop was held (monitorEventLoopDelay), written to a file every
// second so the bench can read it between loads, and reset when that file is deleted (a new
// phase). Off unless WASL_EVENT_LOOP_REPORT names the file.
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function reportEventLoopDelay(file: string): void {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const timer = setInterval(() => {
    if (!fs.existsSync(file)) histogram.reset();
    const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
    const report = { p99: ms(histogram.percentile(99)), max: ms(histogram.max), at: Date.now() };
    fs.writeFileSync(file, JSON.stringify(report));
  }, 1000);
  timer.unref();
}
