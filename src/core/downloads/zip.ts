// A zip built off the event loop (issue #18). fflate's own asynchronous zip deflates large files in
// a worker each, all at once; one worker for the whole archive keeps the cost to one core.
import { Worker } from 'node:worker_threads';
import type { Zippable } from 'fflate';

const workerUrl = new URL('./zip-worker.js', import.meta.url);

/** Formats that are compressed already (photos, office files, PDFs) are stored as they are. */
export const STORED = { level: 0 } as const;

export function zipOffThread(files: Zippable, opts: { level?: 0 | 6 | 9; mtime: Date }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      workerData: { files, level: opts.level ?? 6, mtime: opts.mtime.getTime() },
      execArgv: [],
    });
    worker.once('message', (zipped: Uint8Array) => {
      resolve(zipped);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the zip worker stopped (${code})`)));
  });
}
