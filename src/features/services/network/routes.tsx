// The network's pages: coverage for coordinators; HSDS import (a JSON document, one table, or a
// zipped tabular package of HSDS 3.0 or older, all or nothing) and export (JSON, the data package as
// a zip) for admins, every one audited.
import { strToU8 } from 'fflate';
import { offerDownload } from '../../../core/downloads/index.js';
import { zipOffThread } from '../../../core/downloads/zip.js';
import { endpoint, notFound, page, type Ctx } from '../../../core/http/route.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { exportAllServicesJson } from '../hsds/export.js';
import { importCollected } from '../hsds/import.js';
import { UPLOAD_LIMITS } from '../hsds/package.js';
import { groupProblems, problemsCsv, type Problem } from '../hsds/problems.js';
import type { Prepared } from '../hsds/read.js';
import { prepareFileOffThread } from '../hsds/read-off-thread.js';
import { exportTabular } from '../hsds/tabular.js';
import { indexServices } from '../search-index.js';
import { coverage } from './queries.js';
import { endRun, getRun, importTiming, runIsWriting, runProblems, runProgress, startRun } from './import-runs.js';
import { CoveragePage, ImportExportPage, ImportRunPage, type ImportOutcome } from './views.js';

type Upload = { filename: string; mimetype: string; data: Buffer };
const admin = 'networkAdmin' as const;
const FIELDS = new Set(['file', '_csrf', 'source', 'report']);

/** The uploaded file and the form's two options (multipart), or null when anything else came. */
function uploaded(body: unknown): { file: Upload; source: string; report: boolean } | null {
  const fields = (body ?? {}) as Record<string, unknown>;
  const file = fields.file as Upload | null | undefined;
  const text = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string).trim() : '');
  const unknown = Object.keys(fields).some((k) => !FIELDS.has(k) && !k.endsWith('.dir'));
  if (!file?.data || unknown || text('source').length > 100) return null;
  return { file, source: text('source'), report: text('report') === '1' };
}

/** The upload read in a worker thread (unzip, parse, validate: seconds for a large package), or null. */
function prepared(upload: { file: Upload; source: string }): Promise<Prepared | null> {
  const opts = { limits: UPLOAD_LIMITS, ...(upload.source ? { source: upload.source } : {}) };
  return prepareFileOffThread(upload.file.filename || 'upload.json', upload.file.data, opts);
}

/** A download named for today, e.g. wasl-services-hsds-2026-06-28.json. */
const exportName = (c: Ctx<typeof admin>, ext: string) =>
  `wasl-services-hsds-${c.now.toISOString().slice(0, 10)}.${ext}`;
const attachment = (c: Ctx<typeof admin>, ext: string, type: string) =>
  c.reply.type(type).header('content-disposition', `attachment; filename="${exportName(c, ext)}"`);

type Ended =
  | { status: 'imported' | 'rejected'; outcome: ImportOutcome; problems?: Problem[] }
  | { status: 'unreadable' | 'failed' };

/**
 * One run, start to end, recorded as it goes; never rejects (a failure is recorded and logged).
 * It may outlive the request that started it, so it uses only the database and the services.
 */
async function runImport(
  c: Ctx<typeof admin>,
  runId: number,
  upload: { file: Upload; source: string },
): Promise<Ended> {
  const { db, wasl } = c;
  const clockNow = () => wasl.clock();
  try {
    const read = await prepared(upload);
    if (!read) {
      await endRun(db, runId, { status: 'unreadable', now: clockNow() });
      return { status: 'unreadable' };
    }
    const network = await getDefaultNetwork(db);
    await runIsWriting(db, runId, 0);
    const result = await importCollected(db, read.collector, {
      now: c.now,
      networkId: network?.id ?? null,
      reindex: indexServices,
      onProgress: (written, total) => runProgress(runId, written, total),
    });
    await c.audit(result.ok ? 'services.import.done' : 'services.import.rejected', {
      targetType: 'services',
      details: result.ok ? { counts: result.counts } : { problems: result.problems.length },
    });
    const summary = { version: read.version, files: read.files, mappedIds: read.mappedIds };
    const ended: Ended = result.ok
      ? { status: 'imported', outcome: { ...summary, ...result } }
      : {
          status: 'rejected',
          outcome: { ...summary, ok: false, total: result.problems.length, groups: groupProblems(result.problems) },
          problems: result.problems,
        };
    await endRun(db, runId, { ...ended, now: clockNow() });
    return ended;
  } catch (err) {
    c.req.log.error({ err: String(err) }, 'services import failed');
    await endRun(db, runId, { status: 'failed', now: clockNow() }).catch(() => undefined);
    return { status: 'failed' };
  }
}

export const networkRoutes = [
  page('/services/coverage', {
    access: 'networkEditor',
    render: async (c) => <CoveragePage coverage={await coverage(c.db)} />,
  }),

  page('/services/admin', { access: admin, render: () => <ImportExportPage /> }),

  // An endpoint, not a form: the answer is the report itself (200, or 400 naming every problem,
  // grouped — or, when asked, the full list as a spreadsheet), on the same page, not a redirect.
  // A run that takes longer than a moment goes on after the answer: the admin is sent to its page.
  endpoint('POST', '/services/admin/import', {
    access: admin,
    async handle(c) {
      const upload = uploaded(c.req.body);
      if (!upload) return c.render(<ImportExportPage error={c.t('services.admin.noFile')} />, 400);
      const runId = await startRun(c.db, {
        userId: c.user.id,
        fileName: upload.file.filename || 'upload',
        bytes: upload.file.data.length,
        now: c.now,
      });
      let timer: NodeJS.Timeout | undefined;
      const ended = await Promise.race([
        runImport(c, runId, upload),
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), importTiming.answerWithinMs))),
      ]);
      clearTimeout(timer);
      if (!ended) return c.redirect(`/services/admin/imports/${runId}`);
      if (ended.status === 'unreadable')
        return c.render(<ImportExportPage error={c.t('services.admin.unreadable')} />, 400);
      if (ended.status === 'failed') return c.render(<ImportExportPage error={c.t('services.admin.failed')} />, 500);
      if (ended.status === 'rejected' && upload.report)
        return attachment(c, 'problems.csv', 'text/csv; charset=utf-8')
          .code(400)
          .send(problemsCsv(c.i18n, ended.problems ?? []));
      return 'outcome' in ended
        ? c.render(<ImportExportPage result={ended.outcome} />, ended.status === 'imported' ? 200 : 400)
        : c.render(<ImportExportPage error={c.t('services.admin.failed')} />, 500);
    },
  }),

  // Where a long run stands; once it has ended, its report (and its problems as a spreadsheet).
  page('/services/admin/imports/:id', {
    access: admin,
    load: async (c) => (await getRun(c.db, c.id('id'), c.now)) ?? notFound(),
    render: (c, run) => {
      c.reply.header('cache-control', 'no-store');
      return <ImportRunPage run={run} />;
    },
  }),

  endpoint('GET', '/services/admin/imports/:id/problems.csv', {
    access: admin,
    async handle(c) {
      const problems = (await runProblems(c.db, c.id('id'))) ?? notFound();
      return attachment(c, 'problems.csv', 'text/csv; charset=utf-8').send(problemsCsv(c.i18n, problems));
    },
  }),

  // Reading the whole directory (with what is not public) is audited. A large directory is
  // finished on the download's own page (core/downloads).
  endpoint('GET', '/services/admin/export.json', {
    access: admin,
    handle: (c) =>
      offerDownload(c, {
        fileName: exportName(c, 'json'),
        contentType: 'application/json; charset=utf-8',
        backTo: '/services/admin/import',
        build: (progress) => exportAllServicesJson(c.db, progress),
        built: () => c.audit('services.export.json', { targetType: 'services' }),
      }),
  }),

  endpoint('GET', '/services/admin/export.zip', {
    access: admin,
    handle: (c) =>
      offerDownload(c, {
        fileName: exportName(c, 'zip'),
        contentType: 'application/zip',
        backTo: '/services/admin/import',
        build: async () => {
          const files = await exportTabular(c.db);
          return zipOffThread(Object.fromEntries([...files].map(([name, text]) => [name, strToU8(text)])), {
            mtime: c.now,
          });
        },
        built: () => c.audit('services.export.tabular', { targetType: 'services' }),
      }),
  }),
];
