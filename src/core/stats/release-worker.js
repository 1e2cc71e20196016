// Runs protectRelease in a worker thread (plain JavaScript, so it starts the same from src/ and
// dist/): a national election's statement is protected without holding up other requests.
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { protectRelease } = await import(workerData.module);
const { threshold, atoms, figures, earlier } = workerData.input;
const out = protectRelease({ threshold, atoms: new Map(atoms), figures, earlier });
parentPort.postMessage([...out]);
