// Builds one zip in a worker thread (plain JavaScript, so it starts the same from src/ and dist/):
// compressing an organization's stored files takes seconds of CPU that must not hold the server.
import { parentPort, workerData } from 'node:worker_threads';
import { zipSync } from 'fflate';

const zipped = zipSync(workerData.files, { level: workerData.level, mtime: new Date(workerData.mtime) });
parentPort.postMessage(zipped, [zipped.buffer]);
