// Reading an uploaded HSDS file off the request path: unzipping, parsing the CSV or JSON,
// validating every record and mapping ids take seconds of CPU for a large package (a 1 MB,
// 2,000-service HSDS 2.x package: about 5 s), so they run in a worker thread (read-worker.js), one
// import at a time, with a time limit; the server keeps answering meanwhile. What comes back is the
// same Prepared as prepareFile() gives (the collector rebuilt from its cloned fields).
import { Worker } from 'node:worker_threads';
import { Collector } from './collect.js';
import type { ZipLimits } from './package.js';
import type { Prepared } from './read.js';

const moduleUrl = new URL(import.meta.url.endsWith('.ts') ? './read.ts' : './read.js', import.meta.url).href;
const workerUrl = new URL('./read-worker.js', import.meta.url);

/** Reading a file may take this long before it is given up as unreadable. */
export const READ_TIMEOUT_MS = 120_000;

let queue: Promise<unknown> = Promise.resolve();

/** One at a time: an import is rare, and two at once would only share the same cores. */
function serially<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/** prepareFile() in a worker thread; null when the file cannot be read (as prepareFile throwing). */
export function prepareFileOffThread(
  name: string,
  data: Uint8Array,
  opts: { source?: string; limits?: ZipLimits } = {},
): Promise<Prepared | null> {
  return serially(
    () =>
      new Promise<Prepared | null>((resolve) => {
        const worker = new Worker(workerUrl, { workerData: { module: moduleUrl, name, data, opts }, execArgv: [] });
        let settled = false;
        const finish = (result: Prepared | null) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          void worker.terminate();
          resolve(result);
        };
        const timer = setTimeout(() => finish(null), READ_TIMEOUT_MS);
        worker.once('message', (answer: { ok: boolean; prepared?: Prepared }) => {
          if (!answer.ok || !answer.prepared) return finish(null);
          const collector = Object.assign(Object.create(Collector.prototype) as Collector, answer.prepared.collector);
          finish({ ...answer.prepared, collector });
        });
        worker.once('error', () => finish(null));
        worker.once('exit', () => finish(null));
      }),
  );
}
