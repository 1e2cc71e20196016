// Markdown rendered without holding up other requests. A short body renders on the spot (well
// under a millisecond per kilobyte); a long one goes to a worker thread, so a 100 KB body built to
// be slow (nested emphasis, brackets, tables) costs its own request time, never everyone's. One
// worker, started on first use, jobs in arrival order; a render that takes too long is abandoned
// (the worker is replaced) and the body is shown as plain paragraphs.
import { Worker } from 'node:worker_threads';
import { escapeHtml, renderMarkdown } from './markdown.js';

/** Bumped whenever renderMarkdown's output changes: stored HTML of another version is redone. */
export const MARKDOWN_RENDERER_VERSION = 3;

/** Bodies up to this many characters render in the request (measured: a few ms at worst). */
export const INLINE_LIMIT = 4_000;
const TIMEOUT_MS = 10_000;

const moduleUrl = new URL(import.meta.url.endsWith('.ts') ? './markdown.ts' : './markdown.js', import.meta.url).href;
const workerUrl = new URL('./markdown-worker.js', import.meta.url);

type Job = { id: number; src: string; resolve: (html: string) => void; timer?: NodeJS.Timeout };
let worker: Worker | null = null;
let ready: Promise<void> | null = null;
let seq = 0;
const queue: Job[] = [];
let current: Job | null = null;

function plain(src: string): string {
  return src
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p dir="auto">${escapeHtml(p)}</p>\n`)
    .join('');
}

function start(): Promise<void> {
  worker = new Worker(workerUrl, { workerData: { module: moduleUrl }, execArgv: [] });
  worker.unref();
  const w = worker;
  ready = new Promise<void>((resolve, reject) => {
    w.once('error', reject);
    w.on('message', (msg: { ready?: boolean; id?: number; html?: string | null }) => {
      if (msg.ready) return resolve();
      if (!current || msg.id !== current.id) return;
      finish(current, msg.html ?? plain(current.src));
    });
  });
  w.on('error', () => restart());
  w.on('exit', () => {
    if (worker === w) restart();
  });
  return ready;
}

function restart() {
  const w = worker;
  worker = null;
  ready = null;
  if (w) void w.terminate();
  if (current) finish(current, plain(current.src));
}

function finish(job: Job, html: string) {
  clearTimeout(job.timer);
  if (current === job) current = null;
  job.resolve(html);
  void next();
}

async function next() {
  if (current || !queue.length) return;
  const job = queue.shift()!;
  current = job;
  try {
    if (!worker) await start();
    else await ready;
  } catch {
    restart();
    return;
  }
  job.timer = setTimeout(() => restart(), TIMEOUT_MS);
  worker!.postMessage({ id: job.id, src: job.src });
}

/** Markdown → safe HTML (renderMarkdown's rules), off the event loop when the body is long. */
export function renderMarkdownAsync(src: string): Promise<string> {
  const text = String(src ?? '');
  if (text.length <= INLINE_LIMIT) return Promise.resolve(renderMarkdown(text));
  return new Promise((resolve) => {
    queue.push({ id: ++seq, src: text, resolve });
    void next();
  });
}

/** Stops the worker (tests, shutdown). */
export async function stopMarkdownWorker(): Promise<void> {
  const w = worker;
  worker = null;
  ready = null;
  if (w) await w.terminate();
}

// ——— rendered once, when saved ———
// A feature keeps `<x>_html` and `<x>_html_version` beside each Markdown column: `renderForStorage`
// fills them when the text is saved, views show the stored HTML, and `staleMarkdownJob` redoes
// rows rendered by an older renderer version, a batch a minute. Until then a view renders a stale
// row on the fly, off the event loop (`storedOrRendered`): reading never writes.

export async function renderForStorage(src: string): Promise<{ html: string; version: number }> {
  return { html: await renderMarkdownAsync(src), version: MARKDOWN_RENDERER_VERSION };
}

/** The stored HTML if it is current, else a fresh render (not stored: a GET never writes). */
export function storedOrRendered(src: string, html: string | null, version: number | null): Promise<string> {
  return html !== null && version === MARKDOWN_RENDERER_VERSION ? Promise.resolve(html) : renderMarkdownAsync(src);
}

export type MarkdownColumn = { table: string; key: string; source: string; html: string; version: string };

/** A job (for a manifest's `jobs`) that re-renders up to `batch` stale rows of each column a run. */
export function staleMarkdownJob(name: string, columns: MarkdownColumn[], batch = 200) {
  return {
    name,
    everyMs: 60_000,
    async run(wasl: { db: import('../db/index.js').Db }) {
      const db = wasl.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
      let done = 0;
      for (const col of columns) {
        const rows = await db
          .selectFrom(col.table)
          .select([col.key, col.source])
          .where((eb) => eb.or([eb(col.version, 'is', null), eb(col.version, '!=', MARKDOWN_RENDERER_VERSION)]))
          .limit(batch)
          .execute();
        for (const row of rows) {
          const rendered = await renderForStorage(String(row[col.source] ?? ''));
          await db
            .updateTable(col.table)
            .set({ [col.html]: rendered.html, [col.version]: rendered.version })
            .where(col.key, '=', row[col.key] as never)
            .execute();
          done++;
        }
      }
      return done;
    },
  };
}
