// The Markdown worker (plain JavaScript, so it starts the same from src/ and dist/): loads the
// renderer next to it — the TypeScript source through tsx in development and tests, the compiled
// module in production — and renders one body per message. See markdown-render.ts.
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { renderMarkdown } = await import(workerData.module);
parentPort.on('message', ({ id, src }) => {
  try {
    parentPort.postMessage({ id, html: renderMarkdown(src) });
  } catch {
    parentPort.postMessage({ id, html: null });
  }
});
parentPort.postMessage({ ready: true });
