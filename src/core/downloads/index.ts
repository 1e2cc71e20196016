// Heavy exports off the request path (issue #18). A feature's export route hands its builder to
// offerDownload(): when the file is built within a moment it is sent at once, as before; when it
// is not, the person is sent to /downloads/:id, which says how far it has got and offers the file
// when it is ready. The build goes on after the answer, in this process; the file is kept in the
// database (any instance can serve it) for its owner alone, and removed after KEEP_MS, ready or
// not, because what is exported is often private (an organization's whole workspace).
import type { Db } from '../db/index.js';
import type { MemberCtx } from '../http/route.js';
import { insertRow } from '../db/rows.js';

export const downloadTiming = {
  /** how long the request waits for the file before sending the person to its page (0: not at all) */
  answerWithinMs: 2000,
  /** how long a prepared file is kept (its page says until when) */
  keepMs: 60 * 60_000,
};

/** A file still being built here and not heard of for this long was cut off (a restart). */
const CUT_OFF_MS = 15 * 60_000;

/** Builds in this process: how far each has got (reported by the builder, when it can). */
const progressHere = new Map<number, { done: number; total: number } | null>();

export type Built = Buffer | Uint8Array | string;

export type DownloadSpec = {
  fileName: string;
  contentType: string;
  /** the page the export was asked from: the download's page links back to it */
  backTo: string;
  /** builds the file; `progress(done, total)` may be called as it goes */
  build: (progress: (done: number, total: number) => void) => Promise<Built>;
  /** after the file is built, in either path (the audit entry, with its size) */
  built?: (bytes: number) => Promise<void>;
};

const asBuffer = (b: Built) => (typeof b === 'string' ? Buffer.from(b) : Buffer.from(b.buffer, b.byteOffset, b.length));

/** The file itself, as an attachment nobody caches. */
export function sendFile(c: MemberCtx, file: { fileName: string; contentType: string; body: Buffer }) {
  return c.reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/**
 * Sends the file if it is built within `downloadTiming.answerWithinMs`; otherwise records a
 * download, finishes it after the answer, and sends the person to its page.
 */
export async function offerDownload(c: MemberCtx, spec: DownloadSpec) {
  const progress = { current: null as { done: number; total: number } | null, id: 0 };
  const report = (done: number, total: number) => {
    progress.current = { done, total };
    if (progress.id) progressHere.set(progress.id, progress.current);
  };
  const building = spec.build(report).then(
    (b) => ({ ok: true as const, body: asBuffer(b) }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  let timer: NodeJS.Timeout | undefined;
  // a wait of 0 never waits: every file goes to its page (the tests take that path at will)
  const early =
    downloadTiming.answerWithinMs > 0
      ? await Promise.race([
          building,
          new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), downloadTiming.answerWithinMs))),
        ])
      : null;
  clearTimeout(timer);
  if (early) {
    if (!early.ok) throw early.error;
    await spec.built?.(early.body.length);
    return sendFile(c, { ...spec, body: early.body });
  }
  const id = await startDownload(c.db, c.user.id, spec, c.now);
  progress.id = id;
  progressHere.set(id, progress.current);
  void building.then(async (result) => {
    try {
      if (result.ok) {
        await spec.built?.(result.body.length);
        await finishDownload(c.db, id, { body: result.body }, c.wasl.clock());
      } else {
        c.req.log.error({ err: result.error, download: id }, 'a download could not be built');
        await finishDownload(c.db, id, { failed: true }, c.wasl.clock());
      }
    } catch (e) {
      c.req.log.error({ err: e, download: id }, 'a built download could not be kept');
    } finally {
      progressHere.delete(id);
    }
  });
  return c.redirect(`/downloads/${id}`);
}

async function startDownload(db: Db, userId: number, spec: DownloadSpec, now: Date): Promise<number> {
  return insertRow(db, 'downloads', {
    user_id: userId,
    file_name: spec.fileName,
    content_type: spec.contentType,
    back_to: spec.backTo,
    status: 'running',
    started_at: now.toISOString(),
    expires_at: new Date(now.getTime() + downloadTiming.keepMs).toISOString(),
  });
}

async function finishDownload(db: Db, id: number, end: { body: Buffer } | { failed: true }, now: Date) {
  await db
    .updateTable('downloads')
    .set({
      ...('body' in end ? { status: 'ready', body: end.body, bytes: end.body.length } : { status: 'failed' }),
      finished_at: now.toISOString(),
      // kept for a while after it is ready, however long it took
      expires_at: new Date(now.getTime() + downloadTiming.keepMs).toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export type Download = {
  id: number;
  fileName: string;
  backTo: string;
  status: 'running' | 'ready' | 'failed';
  bytes: number | null;
  startedAt: string;
  expiresAt: string;
  /** while it is built in this process, how far it has got, when the builder says */
  progress: { done: number; total: number } | null;
  /** still running, but nothing here builds it and it started long ago: a restart cut it off */
  cutOff: boolean;
};

/** The person's own download, while it is kept; null for anyone else's, or once expired. */
export async function getDownload(db: Db, id: number, userId: number, now: Date): Promise<Download | null> {
  const row = await db
    .selectFrom('downloads')
    .select(['id', 'file_name', 'back_to', 'status', 'bytes', 'started_at', 'expires_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  const here = progressHere.has(row.id);
  return {
    id: row.id,
    fileName: row.file_name,
    backTo: row.back_to,
    status: row.status,
    bytes: row.bytes,
    startedAt: new Date(row.started_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    progress: progressHere.get(row.id) ?? null,
    cutOff: row.status === 'running' && !here && now.getTime() - new Date(row.started_at).getTime() > CUT_OFF_MS,
  };
}

/** The prepared file of the person's own ready download, or null. */
export async function downloadFile(
  db: Db,
  id: number,
  userId: number,
  now: Date,
): Promise<{ fileName: string; contentType: string; body: Buffer } | null> {
  const row = await db
    .selectFrom('downloads')
    .select(['file_name', 'content_type', 'body'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('status', '=', 'ready')
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row?.body) return null;
  return { fileName: row.file_name, contentType: row.content_type, body: Buffer.from(row.body) };
}

/** The person removes their download before it expires; true if there was one. */
export async function removeDownload(db: Db, id: number, userId: number): Promise<boolean> {
  const res = await db.deleteFrom('downloads').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Expired downloads go (a job every quarter hour and the daily purge). */
export async function purgeDownloads(db: Db, now: Date): Promise<number> {
  const res = await db.deleteFrom('downloads').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(res.numDeletedRows);
}
