// The import's reading worker (plain JavaScript, so it starts the same from src/ and dist/): loads
// hsds/read next to it — the TypeScript source through tsx in development and tests, the compiled
// module in production — reads one uploaded file (unzip, CSV, validation, id mapping) and posts
// back what it collected. See read-off-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { prepareFile } = await import(workerData.module);
try {
  parentPort.postMessage({ ok: true, prepared: prepareFile(workerData.name, workerData.data, workerData.opts) });
} catch {
  parentPort.postMessage({ ok: false });
}
