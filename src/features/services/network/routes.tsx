// The network's pages: coverage for coordinators; HSDS import (a JSON document or a zipped tabular
// package, all or nothing) and export (JSON, the data package as a zip) for admins, every one audited.
import { strToU8, zipSync } from 'fflate';
import { endpoint, page, type Ctx } from '../../../core/http/route.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { collectJson } from '../hsds/collect.js';
import { exportAllServices } from '../hsds/export.js';
import { importCollected, type ImportResult } from '../hsds/import.js';
import { UPLOAD_LIMITS, isZip, unzipPackage } from '../hsds/package.js';
import { collectTabular, exportTabular } from '../hsds/tabular.js';
import { indexServices } from '../search-index.js';
import { coverage } from './queries.js';
import { CoveragePage, ImportExportPage } from './views.js';

type Upload = { filename: string; mimetype: string; data: Buffer };
const admin = 'networkAdmin' as const;

/** The uploaded file alone (multipart: { file, _csrf }), or null. */
function uploaded(body: unknown): Upload | null {
  const fields = (body ?? {}) as Record<string, unknown>;
  const file = fields.file as Upload | null | undefined;
  const unknown = Object.keys(fields).filter((k) => k !== 'file' && k !== '_csrf');
  return file && file.data && !unknown.length ? file : null;
}

async function importFile(c: Ctx<typeof admin>, file: Upload): Promise<ImportResult | null> {
  const network = await getDefaultNetwork(c.db);
  const opts = { now: c.now, networkId: network?.id ?? null, reindex: indexServices };
  try {
    const collected = isZip(file.data)
      ? collectTabular(unzipPackage(file.data, UPLOAD_LIMITS))
      : collectJson(JSON.parse(file.data.toString('utf8')));
    return await importCollected(c.db, collected, opts);
  } catch {
    return null;
  }
}

/** A download named for today, e.g. wasl-services-hsds-2026-06-28.json. */
const attachment = (c: Ctx<typeof admin>, ext: string) =>
  c.reply.header(
    'content-disposition',
    `attachment; filename="wasl-services-hsds-${c.now.toISOString().slice(0, 10)}.${ext}"`,
  );

export const networkRoutes = [
  page('/services/coverage', {
    access: 'networkEditor',
    render: async (c) => <CoveragePage coverage={await coverage(c.db)} />,
  }),

  page('/services/admin', { access: admin, render: () => <ImportExportPage /> }),

  // An endpoint, not a form: the answer is the report itself (200, or 400 listing every rejected
  // record), on the same page, not a redirect.
  endpoint('POST', '/services/admin/import', {
    access: admin,
    async handle(c) {
      const file = uploaded(c.req.body);
      if (!file) return c.render(<ImportExportPage error={c.t('services.admin.noFile')} />, 400);
      const result = await importFile(c, file);
      if (!result) return c.render(<ImportExportPage error={c.t('services.admin.unreadable')} />, 400);
      await c.audit(result.ok ? 'services.import.done' : 'services.import.rejected', {
        targetType: 'services',
        details: result.ok ? { counts: result.counts } : { rejected: result.rejected.length },
      });
      if (!result.ok) return c.render(<ImportExportPage result={result} />, 400);
      const count = (name: 'service' | 'organization') =>
        result.counts[name] ? result.counts[name].inserted + result.counts[name].updated : 0;
      const summary = c.t('services.admin.imported', {
        services: count('service'),
        organizations: count('organization'),
      });
      return c.render(<ImportExportPage result={{ ok: true, summary }} />);
    },
  }),

  // Reading the whole directory (with what is not public) is audited.
  endpoint('GET', '/services/admin/export.json', {
    access: admin,
    async handle(c) {
      const services = await exportAllServices(c.db);
      await c.audit('services.export.json', { targetType: 'services' });
      return attachment(c, 'json')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(services, null, 2));
    },
  }),

  endpoint('GET', '/services/admin/export.zip', {
    access: admin,
    async handle(c) {
      const files = await exportTabular(c.db);
      const zip = zipSync(Object.fromEntries([...files].map(([name, text]) => [name, strToU8(text)])));
      await c.audit('services.export.tabular', { targetType: 'services' });
      return attachment(c, 'zip').type('application/zip').send(Buffer.from(zip));
    },
  }),
];
