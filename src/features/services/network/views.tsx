// Network pages: coverage by town and category (coordinators), HSDS import and export (admins).
import { localized } from '../../../core/i18n/localized.js';
import { DataTable, Ltr } from '../../../core/views/components.js';
import { usePage } from '../../../core/views/context.js';
import { FileField, Form, FormErrorSummary } from '../../../core/views/forms.js';
import { Layout } from '../../../core/views/Layout.js';
import { categoryLabel } from '../queries.js';
import type { Coverage } from './queries.js';

export function CoveragePage(p: { coverage: Coverage }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const L = i18n.locale;
  const c = p.coverage;
  const gaps = c.towns.reduce((n, tw) => n + c.categories.filter((cat) => !tw.counts[cat]).length, 0);
  return (
    <Layout title={t('services.coverage.title')}>
      <h1>{t('services.coverage.title')}</h1>
      <p>{t('services.coverage.intro', { gaps })}</p>
      <DataTable
        class="svc-coverage"
        rows={c.towns}
        columns={[
          {
            label: t('services.coverage.town'),
            rowHeader: true,
            cell: (tw) => (
              <>
                <a href={`/towns/${tw.pcode}/services`}>{localized(tw, 'name', L)}</a>
                <br />
                <span class="meta">{localized(tw, 'adm2', L)}</span>
              </>
            ),
          },
          ...c.categories.map((cat) => ({
            label: categoryLabel(cat, L),
            class: 'svc-count',
            cell: (tw: Coverage['towns'][number]) =>
              tw.counts[cat] ? (
                <a class="has" href={`/services?town=${tw.pcode}&category=${cat}`}>
                  {i18n.number(tw.counts[cat]!)}
                </a>
              ) : (
                <span class="gap" title={t('services.coverage.gap')} aria-label={t('services.coverage.gap')}>
                  —
                </span>
              ),
          })),
        ]}
      />
    </Layout>
  );
}

export type ImportOutcome =
  { ok: true; summary: string } | { ok: false; rejected: { record: string; reason: string }[] };

export function ImportExportPage(p: { result?: ImportOutcome | null; error?: string | null }) {
  const { t } = usePage().i18n;
  return (
    <Layout title={t('services.admin.title')}>
      <h1>{t('services.admin.title')}</h1>
      <h2>{t('services.admin.export')}</h2>
      <ul>
        <li>
          <a href="/services/admin/export.json">{t('services.admin.exportJson')}</a>
        </li>
        <li>
          <a href="/services/admin/export.zip">{t('services.admin.exportTabular')}</a>
        </li>
        <li>
          <a href="/api/hsds/export/hxl.csv">{t('services.hxl.link')}</a>
        </li>
      </ul>
      <h2>{t('services.admin.import')}</h2>
      <p>{t('services.admin.importIntro')}</p>
      {p.result?.ok ? (
        <p class="flash" role="status">
          {p.result.summary}
        </p>
      ) : null}
      {p.result && !p.result.ok ? (
        <div role="alert">
          <p class="form-error">{t('services.admin.rejected', { count: p.result.rejected.length })}</p>
          <ol>
            {p.result.rejected.slice(0, 200).map((r) => (
              <li>
                <Ltr>
                  {r.record}: {r.reason}
                </Ltr>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <FormErrorSummary message={p.error} />
      <Form action="/services/admin/import" multipart>
        <FileField
          name="file"
          label={t('services.admin.file')}
          accept=".json,.zip,application/json,application/zip"
          required
        />
        <button type="submit">{t('services.admin.importButton')}</button>
      </Form>
    </Layout>
  );
}
