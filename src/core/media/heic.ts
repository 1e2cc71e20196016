// HEIC (what iPhones send by default) decoded to pixels, so that index.ts can re-encode it like any
// other photo. sharp's prebuilt libvips reads HEIF headers but has no HEVC decoder (only AV1, for
// AVIF), so the pixels come from libheif-js (libheif + libde265 compiled to WebAssembly, LGPL-3.0):
// no native build, no download at install. Each decode runs in its own worker thread (heic-worker.js)
// with a time limit, at most two at once; the pixel count is checked before decoding. Only pixels
// come back: the file's EXIF (GPS), XMP and colour profile stay behind in the worker.
import { Worker } from 'node:worker_threads';

export type DecodedHeic = { width: number; height: number; hasAlpha: boolean; data: Buffer };
export type HeicResult = { ok: true; image: DecodedHeic } | { ok: false; reason: 'unreadable' | 'tooManyPixels' };

const workerUrl = new URL('./heic-worker.js', import.meta.url);
const MAX_AT_ONCE = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

type WorkerAnswer =
  | { ok: true; width: number; height: number; hasAlpha: boolean; data: Uint8ClampedArray }
  | { ok: false; reason: 'unreadable' | 'tooManyPixels' };

export function decodeHeic(
  input: Buffer,
  { maxPixels, timeoutMs = 30_000 }: { maxPixels: number; timeoutMs?: number },
): Promise<HeicResult> {
  return slot(
    () =>
      new Promise<HeicResult>((resolve) => {
        const worker = new Worker(workerUrl, { workerData: { input, maxPixels }, execArgv: [] });
        let settled = false;
        const finish = (result: HeicResult) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          void worker.terminate();
          resolve(result);
        };
        const timer = setTimeout(() => finish({ ok: false, reason: 'unreadable' }), timeoutMs);
        worker.once('message', (answer: WorkerAnswer) => {
          if (!answer.ok) return finish(answer);
          const { width, height, hasAlpha, data } = answer;
          if (data.byteLength !== width * height * 4) return finish({ ok: false, reason: 'unreadable' });
          finish({
            ok: true,
            image: { width, height, hasAlpha, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
          });
        });
        worker.once('error', () => finish({ ok: false, reason: 'unreadable' }));
        worker.once('exit', () => finish({ ok: false, reason: 'unreadable' }));
      }),
  );
}
