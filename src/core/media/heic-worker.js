// Decodes the primary image of one HEIC file to RGBA pixels, inside a worker thread (see heic.ts).
// libheif, compiled to WebAssembly (libheif-js), decodes synchronously: on the main thread a phone
// photo would stall every other request for a second or more. This file is plain JavaScript so that
// it runs the same under node + tsx, vitest and plain node, without a loader in the worker.
import { parentPort, workerData } from 'node:worker_threads';
import libheif from 'libheif-js/wasm-bundle.js';

// libheif-js reports unreadable files with console.log; the caller answers them in the person's language.
globalThis.console.log = () => {};

/** @param {{ input: Uint8Array, maxPixels: number }} job */
async function decode({ input, maxPixels }) {
  const images = new libheif.HeifDecoder().decode(input);
  if (images.length === 0) return { ok: false, reason: 'unreadable' };
  const image = images.find((i) => i.is_primary()) ?? images[0];
  // The size after the file's own rotation/mirroring, which display() applies.
  const width = image.get_width();
  const height = image.get_height();
  if (!(width > 0 && height > 0)) return { ok: false, reason: 'unreadable' };
  // Checked before any pixel is decoded: a small file can declare an enormous picture.
  if (width * height > maxPixels) return { ok: false, reason: 'tooManyPixels' };
  const data = new Uint8ClampedArray(width * height * 4);
  const shown = await new Promise((resolve) => image.display({ data, width, height }, resolve));
  if (!shown) return { ok: false, reason: 'unreadable' };
  return { ok: true, width, height, hasAlpha: image.has_alpha_channel(), data };
}

decode(workerData).then(
  (result) => parentPort.postMessage(result, result.ok ? [result.data.buffer] : []),
  () => parentPort.postMessage({ ok: false, reason: 'unreadable' }),
);
